// dist-server/snapshot.js (`npm run snapshot`): record the inventory in the history store.
import { processIo, runCommandProcess } from './command-line.ts';
import { runSnapshot } from './run-snapshot.ts';

await runCommandProcess('snapshot', 2, (argv) => runSnapshot(argv, processIo()));
