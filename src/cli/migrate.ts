// dist-server/migrate.js (`npm run migrate -- --target pingone|keycloak|auth0|neutral --out DIR`).
import { processIo, runCommandProcess } from '../export/command-line.ts';
import { runMigrate } from './run-migrate.ts';

await runCommandProcess('migrate', 2, (argv) => runMigrate(argv, processIo()));
