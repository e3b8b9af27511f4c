// `npm run migrate -- --target pingone|keycloak|auth0|neutral --out DIR`: what to produce, and where.
import type { MigrationTarget } from '../identity-cloud/migration/migration-target.ts';
import { isMigrationTarget, migrationTargets } from '../identity-cloud/migration/migration-target.ts';
import type { ParsedCommandLine } from '../export/command-line.ts';
import { readOptions } from '../export/command-line.ts';

export interface MigrateArguments {
  target: MigrationTarget;
  out: string;
}

export type ParsedMigrateArguments = ParsedCommandLine<MigrateArguments>;

export const migrateUsage = `Usage: npm run migrate -- --target ${migrationTargets.join('|')} --out DIR

Reads the whole client inventory through the dashboard's proxy, judges every client's readiness for the target
(Ready, Change required, Reimagine, with every reason) and writes the target's files into DIR (created if
needed; files are readable by their owner only): the target's configuration, client-id-mapping.csv and TODO.md.
No secret is written. See docs/migration.md.

Connection: IDC_IDENTITY_DOMAIN, IDC_CUSTOMER_ID, IDC_CLIENT_ID, IDC_CLIENT_SECRET (all four), IDC_SCOPE
(optional). With none of them set, an in-process sandbox is read.

Exit codes: 0 every client is Ready; 1 some clients need changes or reimagining; 2 the inventory could not be
read completely (no file is written), or bad arguments or connection.`;

export function parseMigrateArguments(argv: readonly string[]): ParsedMigrateArguments {
  const chosen: { target: MigrationTarget | null; out: string | null } = { target: null, out: null };
  const refused = readOptions(argv, ['--target', '--out'], (name, value) => {
    if (name === '--out') {
      chosen.out = value;
      return null;
    }
    if (!isMigrationTarget(value))
      return `--target must be one of ${migrationTargets.join(', ')} (got "${value}").`;
    chosen.target = value;
    return null;
  });
  if (refused !== null) return refused;
  const { target, out } = chosen;
  if (target === null)
    return { kind: 'error', message: `--target is required (${migrationTargets.join(', ')}).` };
  if (out === null) return { kind: 'error', message: '--out DIR is required.' };
  return { kind: 'run', arguments: { target, out } };
}
