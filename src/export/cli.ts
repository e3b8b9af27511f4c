// dist-server/export.js (`npm run export -- --format json|csv --out FILE`).
import { processIo, runCommandProcess } from './command-line.ts';
import { runExport } from './run-export.ts';

await runCommandProcess('export', 1, (argv) => runExport(argv, processIo()));
