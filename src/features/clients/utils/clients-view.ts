import type { ClientKind } from '../../../identity-cloud/client-kind.ts';
import { clientKinds } from '../../../identity-cloud/client-kind.ts';
import type { Severity } from '../../../identity-cloud/findings/finding.ts';
import { severities } from '../../../identity-cloud/findings/finding.ts';
import type { ClientRow } from './client-rows.ts';
import { compareSortKeys, severityBit } from './client-rows.ts';

/** The findings filter: clients with a finding of that severity, with any finding, or with none. */
export type SeverityFilter = Severity | 'any' | 'none';
export const severityFilters: readonly SeverityFilter[] = ['any', ...severities, 'none'];

/** The list's view as it lives in the URL: `?q=web&kind=public&severity=high&sort=name:asc&page=2`. */
export interface ClientsView {
  query: string;
  kind: ClientKind | null;
  severity: SeverityFilter | null;
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
  'findings',
] as const;

function isKind(value: string | null): value is ClientKind {
  return value !== null && (clientKinds as readonly string[]).includes(value);
}

function isSeverityFilter(value: string | null): value is SeverityFilter {
  return value !== null && (severityFilters as readonly string[]).includes(value);
}

export function parseClientsView(params: URLSearchParams): ClientsView {
  const kind = params.get('kind');
  const severity = params.get('severity');
  const [field, direction] = (params.get('sort') ?? '').split(':');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    query: params.get('q') ?? '',
    kind: isKind(kind) ? kind : null,
    severity: isSeverityFilter(severity) ? severity : null,
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
  put('severity', view.severity);
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

export type SeverityCounts = Record<SeverityFilter | 'all', number>;

/** How many rows each findings filter would keep. Rows not checked yet count for "all" only. */
export function countSeverities(rows: readonly ClientRow[]): SeverityCounts {
  const counts: SeverityCounts = {
    all: rows.length,
    any: 0,
    none: 0,
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    info: 0,
  };
  for (const row of rows) {
    if (row.findings === null) continue;
    if (row.severityMask === 0) {
      counts.none += 1;
      continue;
    }
    counts.any += 1;
    for (const severity of severities) {
      if ((row.severityMask & severityBit(severity)) !== 0) counts[severity] += 1;
    }
  }
  return counts;
}

/** Rows with a finding of the severity, with any finding, or checked and without any. */
export function filterSeverity(
  rows: readonly ClientRow[],
  filter: SeverityFilter | null,
): readonly ClientRow[] {
  if (filter === null) return rows;
  if (filter === 'any') return rows.filter((row) => row.severityMask !== 0);
  if (filter === 'none') return rows.filter((row) => row.findings !== null && row.severityMask === 0);
  const bit = severityBit(filter);
  return rows.filter((row) => (row.severityMask & bit) !== 0);
}

/**
 * What each sortable column sorts by: precomputed keys and numbers of the row. The grid runs in server sorting
 * mode and gets rows already sorted here: its generic sort (a params object per row and a reducer per
 * comparison) took most of the 150 ms budget at 10,000 rows; this takes a few milliseconds. A new sortable
 * column adds its key here.
 */
export const clientSortKeys: Record<
  (typeof clientColumnFields)[number],
  (row: ClientRow) => string | number
> = {
  name: (row) => row.nameSortKey,
  kind: (row) => row.kindLabel,
  clientId: (row) => row.id,
  loginPolicy: (row) => row.loginPolicySortKey,
  tokenPolicy: (row) => row.tokenPolicySortKey,
  redirectUris: (row) => row.redirectUriCount,
  findings: (row) => row.findingsRank,
};

function isSortField(field: string): field is keyof typeof clientSortKeys {
  return field in clientSortKeys;
}

/** The rows in the view's order (a stable sort: equal keys keep the list's order); unsorted without a sort. */
export function sortRows(rows: readonly ClientRow[], sort: ClientsView['sort']): readonly ClientRow[] {
  if (sort === null || !isSortField(sort.field)) return rows;
  const keyOf = clientSortKeys[sort.field];
  const direction = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: keyOf(row) }));
  keyed.sort((a, b) => direction * compareSortKeys(a.key, b.key));
  return keyed.map((entry) => entry.row);
}

/** Everything the clients page shows of its rows, derived from them and the view in one pass of the filters. */
export interface ClientsList {
  /** Every row's kind, before any search or filter (the page's headline). */
  totals: KindCounts;
  /** For the kind filter: the rows matching the search and the findings filter. */
  kindCounts: KindCounts;
  /** For the findings filter: the rows matching the search and the kind filter. */
  severityCounts: SeverityCounts;
  /** What the grid shows: the rows matching the search and both filters, in the view's order. */
  rows: readonly ClientRow[];
}

/**
 * The clients page's derivations as one pure function: search, then each filter's counts taken with the other
 * filter applied (so a count says what choosing it would show), then both filters and the sort.
 */
export function deriveClientsList(
  rows: readonly ClientRow[],
  view: Pick<ClientsView, 'query' | 'kind' | 'severity' | 'sort'>,
): ClientsList {
  const searched = searchRows(rows, view.query);
  const ofKind = filterKind(searched, view.kind);
  return {
    totals: countKinds(rows),
    kindCounts: countKinds(filterSeverity(searched, view.severity)),
    severityCounts: countSeverities(ofKind),
    rows: sortRows(filterSeverity(ofKind, view.severity), view.sort),
  };
}
