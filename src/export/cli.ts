// dist-server/export.js (`npm run export -- --format json|csv --out FILE`).
import { runExport } from './run-export.ts';

try {
  process.exitCode = await runExport(process.argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
  });
} catch (error) {
  // A bug, not an upstream failure: say what kind, never the data it carried.
  console.error(`export: unexpected failure (${error instanceof Error ? error.name : 'unknown error'}).`);
  process.exitCode = 1;
}
