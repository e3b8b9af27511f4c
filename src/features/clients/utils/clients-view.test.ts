import { describe, expect, it } from 'vitest';
import type { ClientRow } from './client-rows.ts';
import { severityBit } from './client-rows.ts';
import {
  clientsViewSearch,
  countKinds,
  countSeverities,
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
