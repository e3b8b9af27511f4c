// `npm run audit -- [--policy FILE] [--format text|json|sarif|junit] [--output FILE] [--fail-on LEVEL]`.
import type { Severity } from '../identity-cloud/findings/finding.ts';
import { severities } from '../identity-cloud/findings/finding.ts';
import type { ParsedCommandLine } from '../export/command-line.ts';
import { readOptions } from '../export/command-line.ts';

export const auditFormats = ['text', 'json', 'sarif', 'junit'] as const;
export type AuditFormat = (typeof auditFormats)[number];
export type FailOn = Severity | 'never';

export interface AuditArguments {
  /** Given on the command line; otherwise IDC_AUDIT_POLICY, then ./idc-audit.yaml when present. */
  policy: string | null;
  format: AuditFormat;
  /** A file path, or null (and `-`) for stdout. */
  output: string | null;
  failOn: FailOn;
}

export type ParsedAuditArguments = ParsedCommandLine<AuditArguments>;

export const auditUsage = `Usage: npm run audit -- [--policy FILE] [--format text|json|sarif|junit] [--output FILE]
                        [--fail-on critical|high|medium|low|info|never]

Reads the whole client inventory through the dashboard's proxy, applies the audit policy (--policy, else
IDC_AUDIT_POLICY, else ./idc-audit.yaml when present) and the accepted risks, and writes the findings to
--output (default stdout) as text (a summary), json, sarif (SARIF 2.1.0, for code scanning) or junit.

Connection: IDC_IDENTITY_DOMAIN, IDC_CUSTOMER_ID, IDC_CLIENT_ID, IDC_CLIENT_SECRET (all four), IDC_SCOPE
(optional). With none of them set, an in-process sandbox is audited.

Exit codes: 0 no open finding at or above --fail-on (default high); 1 at least one; 2 the inventory could not
be read completely, or the policy file or the arguments are invalid (the reason on stderr).`;

const failOnValues: readonly string[] = [...severities, 'never'];

export function parseAuditArguments(argv: readonly string[]): ParsedAuditArguments {
  const result: AuditArguments = { policy: null, format: 'text', output: null, failOn: 'high' };
  const refused = readOptions(argv, ['--policy', '--format', '--output', '--fail-on'], (name, value) => {
    if (name === '--policy') {
      result.policy = value;
    } else if (name === '--output') {
      result.output = value === '-' ? null : value;
    } else if (name === '--format') {
      const format = auditFormats.find((candidate) => candidate === value);
      if (format === undefined) return `--format must be ${auditFormats.join(', ')} (got "${value}").`;
      result.format = format;
    } else {
      if (!failOnValues.includes(value))
        return `--fail-on must be ${failOnValues.join(', ')} (got "${value}").`;
      result.failOn = value as FailOn;
    }
    return null;
  });
  return refused ?? { kind: 'run', arguments: result };
}
