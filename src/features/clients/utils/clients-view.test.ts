import { describe, expect, it } from 'vitest';
import type { ClientRow } from './client-rows.ts';
import { severityBit } from './client-rows.ts';
import {
  clientsViewSearch,
  countKinds,
  countSeverities,
  deriveClientsList,
  filterKind,
  filterSeverity,
  parseClientsView,
  searchRows,
  sortRows,
  withClientsView,
} from './clients-view.ts';

function row(partial: Partial<ClientRow> & Pick<ClientRow, 'id'>): ClientRow {
  return {
    name: partial.id,
    status: 'loaded',
    failure: null,
    kind: 'public',
    kindLabel: 'Public',
    loginPolicy: null,
    loginPolicyTitle: '',
    tokenPolicy: null,
    tokenPolicyTitle: '',
    redirectUris: [],
    redirectUriCount: 0,
    searchText: partial.id,
    nameSortKey: partial.id,
    loginPolicySortKey: '',
    tokenPolicySortKey: '',
    client: null,
    findings: [],
    worstSeverity: null,
    findingsCount: 0,
    findingsRank: 0,
    severityMask: 0,
    ...partial,
  };
}

describe('clients view in the URL', () => {
  it('reads every part, and ignores what it does not understand', () => {
    expect(
      parseClientsView(new URLSearchParams('q=web&kind=public&severity=high&sort=name:desc&page=3')),
    ).toEqual({
      query: 'web',
      kind: 'public',
      severity: 'high',
      sort: { field: 'name', direction: 'desc' },
      page: 3,
    });
    expect(parseClientsView(new URLSearchParams('kind=robot&severity=dire&sort=secret:up&page=-1'))).toEqual({
      query: '',
      kind: null,
      severity: null,
      sort: null,
      page: 1,
    });
  });

  it('writes only what differs from the default, keeping parameters it does not own', () => {
    const params = withClientsView(new URLSearchParams('findings=high&page=4'), {
      query: 'shop',
      kind: null,
      severity: null,
      sort: { field: 'kind', direction: 'asc' },
      page: 1,
    });
    expect(params.toString()).toBe('findings=high&q=shop&sort=kind%3Aasc');
    expect(clientsViewSearch(params)).toBe('?findings=high&q=shop&sort=kind:asc');
    expect(clientsViewSearch(new URLSearchParams())).toBe('');
  });
});

describe('search and kind filter', () => {
  const rows = [
    row({ id: 'a', kind: 'public', searchText: 'web shop\na\nhttps://shop.example.com/cb' }),
    row({ id: 'b', kind: 'confidential', searchText: 'billing\nb\nhttps://billing.example.com/cb' }),
    row({ id: 'c', kind: null, status: 'pending', searchText: 'pending one\nc' }),
  ];

  it('matches name, id and redirect URIs, ignoring case and surrounding spaces', () => {
    expect(searchRows(rows, ' SHOP ').map((r) => r.id)).toEqual(['a']);
    expect(searchRows(rows, 'billing.example').map((r) => r.id)).toEqual(['b']);
    expect(searchRows(rows, '')).toBe(rows);
  });

  it('counts kinds among the rows whose details arrived', () => {
    expect(countKinds(rows)).toEqual({ all: 3, public: 1, confidential: 1, configuration: 0 });
    expect(filterKind(rows, 'confidential').map((r) => r.id)).toEqual(['b']);
    expect(filterKind(rows, null)).toBe(rows);
  });
});

describe('findings filter', () => {
  const rows = [
    row({ id: 'risky', severityMask: severityBit('critical') | severityBit('low') }),
    row({ id: 'http', severityMask: severityBit('high') }),
    row({ id: 'clean' }),
    row({ id: 'pending', status: 'pending', findings: null, findingsRank: -1 }),
  ];

  it('keeps clients with a finding of the severity, with any, or checked and clean', () => {
    expect(filterSeverity(rows, 'low').map((r) => r.id)).toEqual(['risky']);
    expect(filterSeverity(rows, 'any').map((r) => r.id)).toEqual(['risky', 'http']);
    expect(filterSeverity(rows, 'none').map((r) => r.id)).toEqual(['clean']);
    expect(filterSeverity(rows, null)).toBe(rows);
  });

  it('counts what each choice would keep; clients not checked yet only count in all', () => {
    expect(countSeverities(rows)).toEqual({
      all: 4,
      any: 2,
      none: 1,
      critical: 1,
      high: 1,
      medium: 0,
      low: 1,
      info: 0,
    });
  });
});

describe('sorting', () => {
  const rows = [
    row({ id: 'c', nameSortKey: 'zoe', redirectUriCount: 1 }),
    row({ id: 'a', nameSortKey: 'adam', redirectUriCount: 3 }),
    row({ id: 'b', nameSortKey: 'émile', redirectUriCount: 1 }),
  ];

  it('orders by the column’s precomputed key, both ways, stable for equal keys', () => {
    expect(sortRows(rows, { field: 'name', direction: 'asc' }).map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortRows(rows, { field: 'name', direction: 'desc' }).map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(sortRows(rows, { field: 'redirectUris', direction: 'asc' }).map((r) => r.id)).toEqual([
      'c',
      'b',
      'a',
    ]);
    expect(sortRows(rows, { field: 'redirectUris', direction: 'desc' }).map((r) => r.id)).toEqual([
      'a',
      'c',
      'b',
    ]);
  });

  it('leaves the list order without a sort, or for a column it does not know', () => {
    expect(sortRows(rows, null)).toBe(rows);
    expect(sortRows(rows, { field: 'secret', direction: 'asc' })).toBe(rows);
  });
});

describe('the clients page’s list, derived in one step', () => {
  const high = severityBit('high');
  const low = severityBit('low');
  const rows = [
    row({ id: 'shop', kind: 'public', searchText: 'shop', nameSortKey: 'shop', severityMask: high }),
    row({
      id: 'shop-api',
      kind: 'confidential',
      searchText: 'shop api',
      nameSortKey: 'api',
      severityMask: low,
    }),
    row({ id: 'billing', kind: 'confidential', searchText: 'billing', nameSortKey: 'billing' }),
    row({
      id: 'admin',
      kind: 'configuration',
      searchText: 'admin',
      nameSortKey: 'admin',
      severityMask: high,
    }),
    row({ id: 'pending', kind: null, status: 'pending', searchText: 'shop pending', findings: null }),
  ];
  const noView = { query: '', kind: null, severity: null, sort: null } as const;
  const ids = (list: { rows: readonly ClientRow[] }) => list.rows.map((r) => r.id);

  it('without a search, filter or sort, shows every row in the list’s order', () => {
    const list = deriveClientsList(rows, noView);
    expect(ids(list)).toEqual(['shop', 'shop-api', 'billing', 'admin', 'pending']);
    expect(list.totals).toEqual({ all: 5, public: 1, confidential: 2, configuration: 1 });
    expect(list.kindCounts).toEqual(list.totals);
    expect(list.severityCounts).toMatchObject({ all: 5, any: 3, none: 1, high: 2, low: 1 });
  });

  it('counts each filter with the search and the other filter applied; the totals ignore both', () => {
    const list = deriveClientsList(rows, {
      ...noView,
      query: 'shop',
      kind: 'confidential',
      severity: 'high',
    });
    expect(ids(list)).toEqual([]);
    expect(list.totals).toEqual({ all: 5, public: 1, confidential: 2, configuration: 1 });
    // The kind filter's counts: rows matching "shop" with a high finding, of any kind.
    expect(list.kindCounts).toEqual({ all: 1, public: 1, confidential: 0, configuration: 0 });
    // The findings filter's counts: confidential rows matching "shop", with any severity.
    expect(list.severityCounts).toMatchObject({ all: 1, any: 1, none: 0, high: 0, low: 1 });
  });

  it('keeps the rows matching the search and both filters, then sorts them', () => {
    expect(ids(deriveClientsList(rows, { ...noView, query: 'shop' }))).toEqual([
      'shop',
      'shop-api',
      'pending',
    ]);
    expect(ids(deriveClientsList(rows, { ...noView, severity: 'high' }))).toEqual(['shop', 'admin']);
    expect(ids(deriveClientsList(rows, { ...noView, kind: 'confidential', severity: 'none' }))).toEqual([
      'billing',
    ]);
    expect(
      ids(deriveClientsList(rows, { ...noView, severity: 'any', sort: { field: 'name', direction: 'asc' } })),
    ).toEqual(['admin', 'shop-api', 'shop']);
    expect(
      ids(deriveClientsList(rows, { ...noView, query: 'SHOP ', sort: { field: 'name', direction: 'desc' } })),
    ).toEqual(['shop', 'pending', 'shop-api']);
  });
});
