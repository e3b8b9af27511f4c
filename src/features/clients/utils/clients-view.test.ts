import { describe, expect, it } from 'vitest';
import type { ClientRow } from './client-rows.ts';
import {
  clientsViewSearch,
  countKinds,
  filterKind,
  parseClientsView,
  searchRows,
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
    client: null,
    ...partial,
  };
}

describe('clients view in the URL', () => {
  it('reads every part, and ignores what it does not understand', () => {
    expect(parseClientsView(new URLSearchParams('q=web&kind=public&sort=name:desc&page=3'))).toEqual({
      query: 'web',
      kind: 'public',
      sort: { field: 'name', direction: 'desc' },
      page: 3,
    });
    expect(parseClientsView(new URLSearchParams('kind=robot&sort=secret:up&page=-1'))).toEqual({
      query: '',
      kind: null,
      sort: null,
      page: 1,
    });
  });

  it('writes only what differs from the default, keeping parameters it does not own', () => {
    const params = withClientsView(new URLSearchParams('findings=high&page=4'), {
      query: 'shop',
      kind: null,
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
