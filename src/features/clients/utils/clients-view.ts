import type { ClientKind } from '../../../identity-cloud/client-kind.ts';
import { clientKinds } from '../../../identity-cloud/client-kind.ts';
import type { ClientRow } from './client-rows.ts';

/** The list's view as it lives in the URL: `?q=web&kind=public&sort=name:asc&page=2`. */
export interface ClientsView {
  query: string;
  kind: ClientKind | null;
  sort: { field: string; direction: 'asc' | 'desc' } | null;
  /** 1-based, as people count. */
  page: number;
}

/** The grid's column fields, which are also the URL's sort keys. */
export const clientColumnFields = [
  'name',
  'kind',
  'clientId',
  'loginPolicy',
  'tokenPolicy',
  'redirectUris',
] as const;

function isKind(value: string | null): value is ClientKind {
  return value !== null && (clientKinds as readonly string[]).includes(value);
}

export function parseClientsView(params: URLSearchParams): ClientsView {
  const kind = params.get('kind');
  const [field, direction] = (params.get('sort') ?? '').split(':');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    query: params.get('q') ?? '',
    kind: isKind(kind) ? kind : null,
    sort:
      field !== undefined &&
      (clientColumnFields as readonly string[]).includes(field) &&
      (direction === 'asc' || direction === 'desc')
        ? { field, direction }
        : null,
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/**
 * Writes the view into a copy of `params`: only what differs from the default view appears, and parameters
 * this view does not own (another filter added later) are kept.
 */
export function withClientsView(params: URLSearchParams, view: ClientsView): URLSearchParams {
  const next = new URLSearchParams(params);
  const put = (key: string, value: string | null) => {
    if (value === null) next.delete(key);
    else next.set(key, value);
  };
  put('q', view.query === '' ? null : view.query);
  put('kind', view.kind);
  put('sort', view.sort === null ? null : `${view.sort.field}:${view.sort.direction}`);
  put('page', view.page > 1 ? String(view.page) : null);
  return next;
}

/** `?q=web&sort=name:asc`: the query string with ':' left readable (URLSearchParams would write %3A). */
export function clientsViewSearch(params: URLSearchParams): string {
  const text = params.toString().replace(/%3A/gi, ':');
  return text === '' ? '' : `?${text}`;
}

/** Rows matching the search (name, client id, redirect URIs; case-insensitive). */
export function searchRows(rows: readonly ClientRow[], query: string): readonly ClientRow[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return rows;
  return rows.filter((row) => row.searchText.includes(needle));
}

export type KindCounts = Record<ClientKind | 'all', number>;

export function countKinds(rows: readonly ClientRow[]): KindCounts {
  const counts: KindCounts = { all: rows.length, public: 0, confidential: 0, configuration: 0 };
  for (const row of rows) {
    if (row.kind !== null) counts[row.kind] += 1;
  }
  return counts;
}

export function filterKind(rows: readonly ClientRow[], kind: ClientKind | null): readonly ClientRow[] {
  return kind === null ? rows : rows.filter((row) => row.kind === kind);
}
