// dist-server/migrate.js (`npm run migrate -- --target pingone|keycloak|auth0|neutral --out DIR`).
import { runMigrate } from './run-migrate.ts';

try {
  process.exitCode = await runMigrate(process.argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
  });
} catch (error) {
  // A bug, not an upstream failure: say what kind, never the data it carried.
  console.error(`migrate: unexpected failure (${error instanceof Error ? error.name : 'unknown error'}).`);
  process.exitCode = 2;
}
