// What changed between two inventories: a snapshot and today, or dev and prod. Clients are matched by id (the same
// tenant over time) or by name (two tenants, where ids differ); each matched pair is compared field by field.
import type { ClientKind } from './client-kind.ts';
import { classifyClient } from './client-kind.ts';
import type { CsvOptions } from './csv.ts';
import { toCsv } from './csv.ts';
import type { Inventory } from './inventory.ts';
import { emptyInventory, policiesOf } from './inventory.ts';
import { policyKinds, type PolicyKind } from './config-resources.ts';
import type { Client, ClientSummary } from './schemas.ts';
import { clientDisplayName, clientName } from './client-model.ts';

export type DriftMatchBy = 'id' | 'name';

export interface DriftClientRef {
  id: string;
  name: string;
  /** Null when the client's details are not known on that side. */
  kind: ClientKind | null;
}

export interface FieldChange {
  /** `name`, `kind`, `type`, `redirectURIs`, `loginPolicy`, `tokenPolicy`, `_links.<key>` or any other field. */
  field: string;
  kind: 'added' | 'removed' | 'changed';
  /** For readers: a policy shows as "Title (id)", other values as text or JSON. */
  before: string | null;
  after: string | null;
}

export interface ClientDrift {
  /** The matching key: the id, or the name. */
  key: string;
  name: string;
  baseId: string;
  currentId: string;
  changes: FieldChange[];
}

export interface NotComparedClient {
  key: string;
  name: string;
  baseId: string;
  currentId: string;
  reason: string;
}

export interface InventoryDrift {
  matchBy: DriftMatchBy;
  added: DriftClientRef[];
  removed: DriftClientRef[];
  changed: ClientDrift[];
  unchanged: number;
  /** Present on both sides, but one side lacks the details (failed or pending): nothing can be said. */
  notCompared: NotComparedClient[];
}

interface Entry {
  id: string;
  /** As every table shows it (`clientDisplayName`). */
  name: string;
  /** The client's own name, trimmed; what matching by name compares. */
  ownName: string | null;
  client: Client | undefined;
}

function entryOf(listed: Pick<ClientSummary, 'id' | 'name'>, client: Client | undefined): Entry {
  const named = client ?? listed;
  return { id: listed.id, name: clientDisplayName(named), ownName: clientName(named), client };
}

function entriesOf(inventory: Inventory): Entry[] {
  const entries: Entry[] = [];
  const listed = new Set<string>();
  for (const summary of inventory.summaries) {
    listed.add(summary.id);
    const client = inventory.clientsById.get(summary.id);
    entries.push(entryOf(summary, client));
  }
  for (const [id, client] of inventory.clientsById) {
    if (!listed.has(id)) entries.push(entryOf(client, client));
  }
  return entries;
}

/** Names are unique within a tenant; a nameless client can only match by id. */
function keyOf(entry: Entry, matchBy: DriftMatchBy): string {
  if (matchBy === 'id') return entry.id;
  return entry.ownName ?? `\u0000${entry.id}`;
}

/** Entries by key, keeping duplicates (a name used twice) in order so they pair up one to one. */
function index(entries: Entry[], matchBy: DriftMatchBy): Map<string, Entry[]> {
  const byKey = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = keyOf(entry, matchBy);
    const group = byKey.get(key);
    if (group) group.push(entry);
    else byKey.set(key, [entry]);
  }
  return byKey;
}

function refOf(entry: Entry): DriftClientRef {
  return { id: entry.id, name: entry.name, kind: entry.client ? classifyClient(entry.client) : null };
}

/** JSON with sorted keys, so that two equal objects written in different key orders compare equal. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${stableJson(child)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

function display(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : stableJson(value);
}

function change(field: string, before: string | null, after: string | null): FieldChange | null {
  if (before === after) return null;
  const kind = before === null ? 'added' : after === null ? 'removed' : 'changed';
  return { field, kind, before, after };
}

function nonEmpty(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

interface PolicyRef {
  id: string;
  title: string | null;
}

function policyRef(inventory: Inventory, kind: PolicyKind, id: string | null): PolicyRef | null {
  if (id === null) return null;
  return { id, title: nonEmpty(policiesOf(inventory, kind).get(id)?.title) };
}

function policyLabel(policy: PolicyRef | null): string | null {
  if (!policy) return null;
  return policy.title ? `${policy.title} (${policy.id})` : policy.id;
}

/**
 * Same tenant (by id): a different policy id is a change. Across tenants (by name) ids always differ, so titles
 * decide; when a title is unknown on either side (policies not readable), the difference cannot be judged and is
 * not reported.
 */
function policyChange(
  field: PolicyKind,
  before: PolicyRef | null,
  after: PolicyRef | null,
  matchBy: DriftMatchBy,
): FieldChange | null {
  if (before && after) {
    if (matchBy === 'id' && before.id === after.id) return null;
    if (
      matchBy === 'name' &&
      (before.title === null || after.title === null || before.title === after.title)
    ) {
      return null;
    }
  }
  return change(field, policyLabel(before), policyLabel(after));
}

const dedicatedFields = new Set([
  'id',
  'name',
  'type',
  'redirectURIs',
  'loginPolicy',
  'tokenPolicy',
  '_links',
]);

function linkChanges(base: Client, current: Client, matchBy: DriftMatchBy): FieldChange[] {
  const baseLinks = (base._links ?? {}) as Record<string, { href?: unknown } | null | undefined>;
  const currentLinks = (current._links ?? {}) as Record<string, { href?: unknown } | null | undefined>;
  const changes: FieldChange[] = [];
  for (const key of new Set([...Object.keys(baseLinks), ...Object.keys(currentLinks)])) {
    // The self link names the tenant and the client: it differs whenever anything else does.
    if (key === 'self') continue;
    const hrefOf = (link: { href?: unknown } | null | undefined): string | null => {
      const href = display(link?.href);
      // Across tenants the linked resource has another id anyway: only its presence means something.
      return href === null || matchBy === 'id' ? href : 'present';
    };
    const fieldChange = change(`_links.${key}`, hrefOf(baseLinks[key]), hrefOf(currentLinks[key]));
    if (fieldChange) changes.push(fieldChange);
  }
  return changes;
}

function compareClients(
  base: Client,
  current: Client,
  baseInventory: Inventory,
  currentInventory: Inventory,
  matchBy: DriftMatchBy,
): FieldChange[] {
  const changes: (FieldChange | null)[] = [];
  if (matchBy === 'id') changes.push(change('name', display(base.name), display(current.name)));

  const baseKind = classifyClient(base);
  const currentKind = classifyClient(current);
  if (baseKind !== currentKind) changes.push(change('kind', baseKind, currentKind));
  else changes.push(change('type', display(base.type), display(current.type)));

  const baseUris = new Set(base.redirectURIs ?? []);
  const currentUris = new Set(current.redirectURIs ?? []);
  for (const uri of currentUris) if (!baseUris.has(uri)) changes.push(change('redirectURIs', null, uri));
  for (const uri of baseUris) if (!currentUris.has(uri)) changes.push(change('redirectURIs', uri, null));

  for (const field of policyKinds) {
    changes.push(
      policyChange(
        field,
        policyRef(baseInventory, field, nonEmpty(base[field])),
        policyRef(currentInventory, field, nonEmpty(current[field])),
        matchBy,
      ),
    );
  }

  changes.push(...linkChanges(base, current, matchBy));

  const otherFields = new Set(
    [...Object.keys(base), ...Object.keys(current)].filter((key) => !dedicatedFields.has(key)),
  );
  for (const field of [...otherFields].sort()) {
    changes.push(change(field, display(base[field]), display(current[field])));
  }
  return changes.filter((fieldChange) => fieldChange !== null);
}

/** Two versions of one client of the same tenant (its history), compared field by field. */
export function compareClientVersions(before: Client, after: Client): FieldChange[] {
  return compareClients(before, after, emptyInventory(), emptyInventory(), 'id');
}

/** Field names as people say them. */
export function fieldLabel(field: string): string {
  const labels: Record<string, string> = {
    name: 'Name',
    kind: 'Kind',
    type: 'Type',
    redirectURIs: 'Redirect URI',
    loginPolicy: 'Login policy',
    tokenPolicy: 'Token policy',
  };
  if (field in labels) return labels[field] ?? field;
  if (field.startsWith('_links.')) return `Link “${field.slice('_links.'.length)}”`;
  return field;
}

export function compareInventories(
  base: Inventory,
  current: Inventory,
  options: { matchBy: DriftMatchBy },
): InventoryDrift {
  const { matchBy } = options;
  const baseByKey = index(entriesOf(base), matchBy);
  const drift: InventoryDrift = {
    matchBy,
    added: [],
    removed: [],
    changed: [],
    unchanged: 0,
    notCompared: [],
  };

  for (const currentEntry of entriesOf(current)) {
    const key = keyOf(currentEntry, matchBy);
    const baseEntry = baseByKey.get(key)?.shift();
    if (!baseEntry) {
      drift.added.push(refOf(currentEntry));
      continue;
    }
    const pair = { key, name: currentEntry.name, baseId: baseEntry.id, currentId: currentEntry.id };
    if (!baseEntry.client || !currentEntry.client) {
      const side =
        !baseEntry.client && !currentEntry.client
          ? 'either side'
          : !baseEntry.client
            ? 'the base'
            : 'the current inventory';
      drift.notCompared.push({
        ...pair,
        reason: `The client's details are missing in ${side} (failed or not loaded).`,
      });
      continue;
    }
    const changes = compareClients(baseEntry.client, currentEntry.client, base, current, matchBy);
    if (changes.length === 0) drift.unchanged += 1;
    else drift.changed.push({ ...pair, changes });
  }
  for (const remaining of baseByKey.values()) {
    for (const entry of remaining) drift.removed.push(refOf(entry));
  }
  return drift;
}

export interface DriftRow {
  change: 'added' | 'removed' | 'changed' | 'not compared';
  client: string;
  baseId: string;
  currentId: string;
  field: string;
  fieldChange: FieldChange['kind'] | '';
  before: string;
  after: string;
  note: string;
}

/** One row per added or removed client, per field change, and per client that could not be compared. */
export function driftRows(drift: InventoryDrift): DriftRow[] {
  const rows: DriftRow[] = [];
  const blank = { field: '', fieldChange: '' as const, before: '', after: '', note: '' };
  for (const ref of drift.added)
    rows.push({ change: 'added', client: ref.name, baseId: '', currentId: ref.id, ...blank });
  for (const ref of drift.removed) {
    rows.push({ change: 'removed', client: ref.name, baseId: ref.id, currentId: '', ...blank });
  }
  for (const client of drift.changed) {
    for (const fieldChange of client.changes) {
      rows.push({
        change: 'changed',
        client: client.name,
        baseId: client.baseId,
        currentId: client.currentId,
        field: fieldChange.field,
        fieldChange: fieldChange.kind,
        before: fieldChange.before ?? '',
        after: fieldChange.after ?? '',
        note: '',
      });
    }
  }
  for (const client of drift.notCompared) {
    rows.push({
      change: 'not compared',
      client: client.name,
      baseId: client.baseId,
      currentId: client.currentId,
      ...blank,
      note: client.reason,
    });
  }
  return rows;
}

export const driftExportHeader = [
  'Change',
  'Client',
  'Base client ID',
  'Current client ID',
  'Field',
  'Field change',
  'Before',
  'After',
  'Note',
] as const;

export function driftToCsv(drift: InventoryDrift, options?: CsvOptions): string {
  return toCsv(
    driftExportHeader,
    driftRows(drift).map((row) => [
      row.change,
      row.client,
      row.baseId,
      row.currentId,
      row.field,
      row.fieldChange,
      row.before,
      row.after,
      row.note,
    ]),
    options,
  );
}
