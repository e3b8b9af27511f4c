// The JSON export of an inventory, which is also the snapshot drift compares against: a versioned file format.
import { z } from 'zod';
import type { Finding } from './findings/finding.ts';
import type { Inventory, InventoryFailure } from './inventory.ts';
import { emptyInventory, failureKey } from './inventory.ts';
import { maxJsonDepth, redactSecrets } from './redaction.ts';
import { clientSchema, loginPolicySchema, tokenPolicySchema } from './schemas.ts';
import type { Client, ClientSummary } from './schemas.ts';

export const snapshotFormat = 'idc-client-inventory-snapshot';
export const snapshotVersion = 1;

const failureSchema = z.looseObject({
  resource: z.string(),
  id: z.string().nullable(),
  status: z.number(),
  detail: z.string(),
});

/** Findings are kept as written (a newer dashboard may know rules this one does not). */
const snapshotFindingSchema = z.looseObject({
  ruleId: z.string(),
  severity: z.string(),
  title: z.string(),
  subject: z.looseObject({ kind: z.string(), id: z.string(), name: z.string() }),
});

export const inventorySnapshotSchema = z.looseObject({
  format: z.literal(snapshotFormat),
  version: z.literal(snapshotVersion),
  exportedAt: z.iso.datetime({ offset: true }),
  identityDomain: z.string(),
  customerId: z.string(),
  /** 'view': only the clients of a filtered view; drift against it would report the others as removed. */
  scope: z.enum(['inventory', 'view']),
  /** The inventory stream's last line; null when the export was taken before the inventory finished. */
  done: z.object({ clients: z.number(), failed: z.number(), ms: z.number() }).nullable(),
  /** Listed in the tenant, but without details (they failed, or had not arrived). */
  clientsWithoutDetails: z.array(z.looseObject({ id: z.string().min(1), name: z.string().nullish() })),
  clients: z.array(clientSchema),
  loginPolicies: z.array(loginPolicySchema),
  tokenPolicies: z.array(tokenPolicySchema),
  failures: z.array(failureSchema),
  findings: z.array(snapshotFindingSchema).optional(),
});
export type InventorySnapshot = z.infer<typeof inventorySnapshotSchema>;

export interface SnapshotMeta {
  identityDomain: string;
  customerId: string;
  exportedAt: Date;
}

export interface CreateSnapshotOptions {
  /** Restrict to these clients (a filtered view). Policies and failures are kept whole. */
  clientIds?: Iterable<string>;
  /** Findings to embed; for a view, only those of its clients and of the policies. */
  findings?: readonly Finding[];
  /**
   * Redacts one client or policy (default: the arrays are redacted whole). The history passes its own, which
   * returns the copy it already made while the item's line streamed.
   */
  redactItem?: <T extends object>(item: T) => T;
}

// A second line of defence: the proxy redacts secrets before anything leaves it, but a snapshot is a file on disk
// that lives for months, so a login policy's `connectionDetails.clientSecret` must never reach it unredacted.
// The same redaction as the proxy's (src/identity-cloud/redaction.ts).
function withoutSecrets<T>(value: T): T {
  return redactSecrets(value) as T;
}

function redactedItems(
  inventory: Inventory,
  clients: Client[],
  redactItem: CreateSnapshotOptions['redactItem'],
): Pick<InventorySnapshot, 'clients' | 'loginPolicies' | 'tokenPolicies'> {
  const loginPolicies = [...inventory.loginPoliciesById.values()];
  const tokenPolicies = [...inventory.tokenPoliciesById.values()];
  if (redactItem === undefined) {
    return {
      clients: withoutSecrets(clients),
      loginPolicies: withoutSecrets(loginPolicies),
      tokenPolicies: withoutSecrets(tokenPolicies),
    };
  }
  return {
    clients: clients.map((client) => redactItem(client)),
    loginPolicies: loginPolicies.map((policy) => redactItem(policy)),
    tokenPolicies: tokenPolicies.map((policy) => redactItem(policy)),
  };
}

export function createSnapshot(
  inventory: Inventory,
  meta: SnapshotMeta,
  options: CreateSnapshotOptions = {},
): InventorySnapshot {
  const selected = options.clientIds ? new Set(options.clientIds) : null;
  const included = (id: string) => selected === null || selected.has(id);
  const clients: Client[] = [];
  const clientsWithoutDetails: { id: string; name?: string | null }[] = [];
  for (const summary of inventory.summaries) {
    if (!included(summary.id)) continue;
    const client = inventory.clientsById.get(summary.id);
    if (client) clients.push(client);
    else clientsWithoutDetails.push({ id: summary.id, name: summary.name ?? null });
  }
  const listed = new Set(inventory.summaries.map((summary) => summary.id));
  for (const [id, client] of inventory.clientsById) {
    if (!listed.has(id) && included(id)) clients.push(client);
  }
  const snapshot: InventorySnapshot = {
    format: snapshotFormat,
    version: snapshotVersion,
    exportedAt: meta.exportedAt.toISOString(),
    identityDomain: meta.identityDomain,
    customerId: meta.customerId,
    scope: selected === null ? 'inventory' : 'view',
    done: inventory.done,
    clientsWithoutDetails,
    ...redactedItems(inventory, clients, options.redactItem),
    failures: [...inventory.failures.values()].map((failure) => ({ ...failure })),
  };
  if (options.findings) {
    snapshot.findings = options.findings
      .filter((finding) => finding.subject.kind !== 'client' || included(finding.subject.id))
      .map((finding) => ({ ...finding, subject: { ...finding.subject } }));
  }
  return snapshot;
}

/** The file's text: indented, so that two snapshots can also be compared with a plain diff. */
export function toJsonExport(snapshot: InventorySnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

export type ParseSnapshotResult =
  { success: true; snapshot: InventorySnapshot } | { success: false; error: string };

function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
}

/** How deep `value` nests, counted without recursion (a hostile file could be nested 100,000 deep). */
function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, depth] = entry;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Reads a snapshot file, with an error a person can act on when it is not one this dashboard understands. */
export function parseSnapshot(text: string): ParseSnapshotResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { success: false, error: 'This file is not JSON, so it is not an inventory snapshot.' };
  }
  // The drift page and the findings walk these values recursively: a file nested thousands deep would overflow.
  if (exceedsDepth(data, maxJsonDepth)) {
    return {
      success: false,
      error: `This file is nested deeper than ${maxJsonDepth} levels, which no inventory snapshot is: it is damaged or hostile.`,
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { success: false, error: 'This file is not an inventory snapshot: it holds no JSON object.' };
  }
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== snapshotFormat) {
    const found = typeof format === 'string' ? `its format is "${format}"` : 'it has no "format" field';
    return {
      success: false,
      error: `This file is not a client inventory snapshot: ${found}, expected "${snapshotFormat}".`,
    };
  }
  if (version !== snapshotVersion) {
    const error =
      typeof version === 'number' && version > snapshotVersion
        ? `This snapshot has format version ${version}, newer than this dashboard reads (version ${snapshotVersion}): update the dashboard.`
        : `This snapshot's format version (${version === undefined ? 'missing' : JSON.stringify(version)}) is not one this dashboard reads (version ${snapshotVersion}).`;
    return { success: false, error };
  }
  const parsed = inventorySnapshotSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${describePath(issue.path) || '(top level)'}: ${issue.message}`);
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
    return { success: false, error: `This inventory snapshot is damaged: ${issues.join('; ')}${more}.` };
  }
  return { success: true, snapshot: parsed.data };
}

/** The snapshot as an inventory again, so that findings and drift run on it like on a live one. */
export function snapshotToInventory(snapshot: InventorySnapshot): Inventory {
  const inventory = emptyInventory();
  const summaries: ClientSummary[] = [
    ...snapshot.clients.map((client) => ({ id: client.id, name: client.name })),
    ...snapshot.clientsWithoutDetails.map((client) => ({ id: client.id, name: client.name })),
  ];
  inventory.summaries = summaries;
  inventory.total = summaries.length;
  for (const client of snapshot.clients) inventory.clientsById.set(client.id, client);
  for (const policy of snapshot.loginPolicies) inventory.loginPoliciesById.set(policy.id, policy);
  for (const policy of snapshot.tokenPolicies) inventory.tokenPoliciesById.set(policy.id, policy);
  for (const failure of snapshot.failures) {
    const copy: InventoryFailure = { ...failure };
    inventory.failures.set(failureKey(copy.resource, copy.id), copy);
  }
  inventory.done = snapshot.done;
  return inventory;
}
