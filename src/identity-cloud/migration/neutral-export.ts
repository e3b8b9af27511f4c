// Neutral: every client and policy with every field it has (unknown ones included), as JSON and as CSV, for any
// other platform. Secrets never leave: any `clientSecret` or `secret` field is replaced by a placeholder.
import { toCsv } from '../csv.ts';
import type { Inventory } from '../inventory.ts';
import type { MigrationPlan } from './readiness.ts';
import { verdictLabels } from './readiness.ts';

export const secretPlaceholder = '<not exported: set it in the target>';
const secretKeys = new Set(['clientsecret', 'secret', 'client_secret']);

/** A deep copy with every secret-named field replaced. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] =
        secretKeys.has(key.toLowerCase()) && item != null ? secretPlaceholder : withoutSecrets(item);
    }
    return copy;
  }
  return value;
}

/** `{a: {b: 1}, c: [x, y]}` → `a.b`, `c` (lists joined by a space, as the clients CSV does). */
function flatten(value: unknown, prefix: string, into: Map<string, string>): void {
  if (Array.isArray(value)) {
    const simple = value.every((item) => item === null || typeof item !== 'object');
    if (simple)
      into.set(
        prefix,
        value.map((item: unknown) => (typeof item === 'string' ? item : JSON.stringify(item))).join(' '),
      );
    else
      value.forEach((item, index) => {
        flatten(item, `${prefix}.${index}`, into);
      });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      flatten(item, prefix === '' ? key : `${prefix}.${key}`, into);
    return;
  }
  into.set(
    prefix,
    typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value),
  );
}

function recordsToCsv(records: readonly Record<string, unknown>[], leading: readonly string[]): string {
  const rows = records.map((record) => {
    const cells = new Map<string, string>();
    flatten(record, '', cells);
    return cells;
  });
  const columns = [...leading];
  const seen = new Set(columns);
  for (const row of rows)
    for (const key of row.keys())
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
  return toCsv(
    columns,
    rows.map((row) => columns.map((column) => row.get(column) ?? '')),
  );
}

export interface NeutralExport {
  json: string;
  clientsCsv: string;
  policiesCsv: string;
}

export function neutralExport(plan: MigrationPlan, inventory: Inventory): NeutralExport {
  const clients = plan.clients.map((entry) => {
    const client = inventory.clientsById.get(entry.clientId);
    return {
      ...(withoutSecrets(client) as Record<string, unknown>),
      migration: {
        kind: entry.kind,
        targetType: entry.targetType,
        verdict: verdictLabels[entry.verdict],
        reasons: entry.reasons.map((reason) => reason.message),
      },
    };
  });
  const loginPolicies = [...inventory.loginPoliciesById.values()].map(
    (policy) => withoutSecrets(policy) as Record<string, unknown>,
  );
  const tokenPolicies = [...inventory.tokenPoliciesById.values()].map(
    (policy) => withoutSecrets(policy) as Record<string, unknown>,
  );
  const json = `${JSON.stringify({ clients, loginPolicies, tokenPolicies }, null, 2)}\n`;
  const clientsCsv = recordsToCsv(
    plan.clients.map((entry) => ({
      ...(withoutSecrets(inventory.clientsById.get(entry.clientId)) as Record<string, unknown>),
      'migration.kind': entry.kind,
      'migration.targetType': entry.targetType,
      'migration.verdict': verdictLabels[entry.verdict],
      'migration.reasons': entry.reasons.map((reason) => reason.message).join(' | '),
    })),
    ['id', 'name'],
  );
  const policiesCsv = recordsToCsv(
    [
      ...loginPolicies.map((policy) => ({ policyType: 'login', ...policy })),
      ...tokenPolicies.map((policy) => ({ policyType: 'token', ...policy })),
    ],
    ['policyType', 'id', 'title'],
  );
  return { json, clientsCsv, policiesCsv };
}
