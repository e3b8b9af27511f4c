// `npm run export -- [--format json|csv] [--out FILE|-]` and the IDC_* environment: what to export, and from where.
import type { Connection } from '../identity-cloud/connection-rules.ts';
import { checkConnection } from '../identity-cloud/connection-rules.ts';
import type { ParsedCommandLine } from './command-line.ts';
import { readOptions } from './command-line.ts';

export type ExportFormat = 'json' | 'csv';

export interface ExportArguments {
  format: ExportFormat;
  /** A file path, `-` for stdout, or null for the default name (idc-inventory-<customer>-<date>.<ext>). */
  out: string | null;
}

export type ParsedArguments = ParsedCommandLine<ExportArguments>;

export const exportUsage = `Usage: npm run export -- [--format json|csv] [--out FILE]

Reads the whole client inventory through the dashboard's proxy and writes it to FILE: JSON (a snapshot,
usable for drift) or CSV (one row per client, with findings). Without --format, the extension of FILE decides
(default json); without --out, the file is idc-inventory-<customer id>-<date>.<ext> in the current folder;
--out - writes to stdout.

Connection: IDC_IDENTITY_DOMAIN, IDC_CUSTOMER_ID, IDC_CLIENT_ID, IDC_CLIENT_SECRET (all four), IDC_SCOPE
(optional). With none of them set, an in-process sandbox is exported.

Exit codes: 0 complete; 1 incomplete (some items failed, or the tenant could not be reached); 2 bad
configuration or refused credentials.`;

function formatOf(value: string): ExportFormat | null {
  return value === 'json' || value === 'csv' ? value : null;
}

export function parseExportArguments(argv: readonly string[]): ParsedArguments {
  const chosen: { format: ExportFormat | null; out: string | null } = { format: null, out: null };
  const refused = readOptions(argv, ['--format', '--out'], (name, value) => {
    if (name === '--out') {
      chosen.out = value;
      return null;
    }
    chosen.format = formatOf(value);
    return chosen.format === null ? `--format must be json or csv (got "${value}").` : null;
  });
  if (refused !== null) return refused;
  const { format, out } = chosen;
  const fromExtension = out === null ? null : formatOf(/\.([a-z]+)$/i.exec(out)?.[1]?.toLowerCase() ?? '');
  return { kind: 'run', arguments: { format: format ?? fromExtension ?? 'json', out } };
}

export const connectionVariables = {
  identityDomain: 'IDC_IDENTITY_DOMAIN',
  customerId: 'IDC_CUSTOMER_ID',
  clientId: 'IDC_CLIENT_ID',
  clientSecret: 'IDC_CLIENT_SECRET',
  scope: 'IDC_SCOPE',
} as const;

const requiredFields = ['identityDomain', 'customerId', 'clientId', 'clientSecret'] as const;

export type ConnectionSource =
  | { kind: 'environment'; connection: Connection }
  | { kind: 'sandbox'; scope: string | undefined }
  | { kind: 'error'; message: string };

/** All four IDC_* variables: that tenant; none: the sandbox; some: an error naming the missing ones. */
export function connectionFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): ConnectionSource {
  const value = (name: string) => {
    const raw = env[name];
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const scope = value(connectionVariables.scope);
  const missing = requiredFields.filter((field) => value(connectionVariables[field]) === undefined);
  if (missing.length === requiredFields.length) return { kind: 'sandbox', scope };
  if (missing.length > 0) {
    const names = missing.map((field) => connectionVariables[field]).join(', ');
    return {
      kind: 'error',
      message: `${names} ${missing.length === 1 ? 'is' : 'are'} not set: set all four IDC_* connection variables, or none to export the sandbox.`,
    };
  }
  const check = checkConnection({
    identityDomain: value(connectionVariables.identityDomain),
    customerId: value(connectionVariables.customerId),
    clientId: value(connectionVariables.clientId),
    clientSecret: value(connectionVariables.clientSecret),
    ...(scope === undefined ? {} : { scope }),
  });
  if (!check.ok) {
    const problems = check.errors.map((error) => `${connectionVariables[error.field]}: ${error.message}`);
    return { kind: 'error', message: problems.join(' ') };
  }
  return { kind: 'environment', connection: check.connection };
}
