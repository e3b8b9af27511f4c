// `npm run migrate -- --target pingone|keycloak|auth0|neutral --out DIR`: what to produce, and where.
import type { MigrationTarget } from '../identity-cloud/migration/migration-target.ts';
import { isMigrationTarget, migrationTargets } from '../identity-cloud/migration/migration-target.ts';

export interface MigrateArguments {
  target: MigrationTarget;
  out: string;
}

export type ParsedMigrateArguments =
  { kind: 'run'; arguments: MigrateArguments } | { kind: 'help' } | { kind: 'error'; message: string };

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
  let target: MigrationTarget | null = null;
  let out: string | null = null;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--help' || argument === '-h') return { kind: 'help' };
    const [name, inlineValue] = argument.startsWith('--')
      ? argument.split(/=(.*)/s, 2)
      : [argument, undefined];
    if (name !== '--target' && name !== '--out') {
      return { kind: 'error', message: `Unknown argument "${argument}" (try --help).` };
    }
    const value = inlineValue ?? argv[(index += 1)];
    if (value === undefined || value === '') return { kind: 'error', message: `${name} needs a value.` };
    if (name === '--target') {
      if (!isMigrationTarget(value))
        return {
          kind: 'error',
          message: `--target must be one of ${migrationTargets.join(', ')} (got "${value}").`,
        };
      target = value;
    } else {
      out = value;
    }
  }
  if (target === null)
    return { kind: 'error', message: `--target is required (${migrationTargets.join(', ')}).` };
  if (out === null) return { kind: 'error', message: '--out DIR is required.' };
  return { kind: 'run', arguments: { target, out } };
}
