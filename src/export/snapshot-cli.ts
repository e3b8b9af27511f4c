// dist-server/snapshot.js (`npm run snapshot`): record the inventory in the history store.
import { runSnapshot } from './run-snapshot.ts';

try {
  process.exitCode = await runSnapshot(process.argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  // A bug, not an upstream or store failure: say what kind, never the data it carried.
  console.error(`snapshot: unexpected failure (${error instanceof Error ? error.name : 'unknown error'}).`);
  process.exitCode = 2;
}
