// The access log's reads and writes. Newest first; filtered by person and kind; a page at a time.
import { randomUUID } from 'node:crypto';
import type { Store } from './store.ts';
import type { ActivityKind } from '../identity-cloud/activity-kinds.ts';

export interface ActivityInput {
  kind: ActivityKind;
  user: string | null;
  address: string | null;
  tenant?: string | null;
  detail?: string | null;
  at?: Date;
}

export interface ActivityEvent {
  id: string;
  at: string;
  kind: ActivityKind;
  user: string | null;
  address: string | null;
  tenant: string | null;
  detail: string | null;
}

export interface ActivityQuery {
  user?: string | undefined;
  kind?: ActivityKind | undefined;
  /** At most this many, newest first. */
  limit: number;
}

const maxText = 500;
const clip = (text: string | null | undefined): string | null =>
  text === null || text === undefined ? null : text.slice(0, maxText);

export async function recordActivity(store: Store, input: ActivityInput): Promise<ActivityEvent> {
  const row = {
    id: randomUUID(),
    at: (input.at ?? new Date()).toISOString(),
    kind: input.kind,
    user_id: clip(input.user),
    address: clip(input.address),
    tenant: clip(input.tenant),
    detail: clip(input.detail),
  };
  await store.db.insertInto('activity_events').values(row).execute();
  return {
    id: row.id,
    at: row.at,
    kind: input.kind,
    user: row.user_id,
    address: row.address,
    tenant: row.tenant,
    detail: row.detail,
  };
}

export async function listActivity(store: Store, query: ActivityQuery): Promise<ActivityEvent[]> {
  let select = store.db.selectFrom('activity_events').selectAll();
  if (query.user !== undefined) select = select.where('user_id', '=', query.user);
  if (query.kind !== undefined) select = select.where('kind', '=', query.kind);
  const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    kind: row.kind as ActivityKind,
    user: row.user_id,
    address: row.address,
    tenant: row.tenant,
    detail: row.detail,
  }));
}
