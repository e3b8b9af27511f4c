// The CSV export says what the clients grid shows: each client's name, kind, policies and status are read from
// the grid's own cells (as rendered) and compared with the same client's CSV record.
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { evaluateInventory } from '../../../identity-cloud/findings/evaluate-inventory.ts';
import { clientExportRows, clientRowsToCsv } from '../../../identity-cloud/inventory-export.ts';
import {
  buildInventory,
  confidentialClient,
  loginPolicyA,
  publicClient,
  tokenPolicyA,
} from '../../../identity-cloud/inventory-fixtures.ts';
import { snapshotOf } from '../../../lib/inventory/inventory-snapshot.ts';
import { toClientRows, type ClientRow } from '../utils/client-rows.ts';
import { ClientKindCell, ClientNameCell, PolicyCell } from './client-cells.tsx';

const inventory = buildInventory({
  clients: [
    { ...publicClient('padded'), name: '  Padded name  ' },
    { ...publicClient('anon'), name: null },
    { ...publicClient('blank'), name: '   ' },
    { ...confidentialClient('dangling'), name: 'Dangling', loginPolicy: 'lp-gone', tokenPolicy: 'tp-down' },
    { ...confidentialClient('untitled'), name: 'Untitled policy user', tokenPolicy: 'tp-untitled' },
    { ...publicClient('no-policies'), name: 'No policies', loginPolicy: null, tokenPolicy: '' },
  ],
  loginPolicies: [loginPolicyA],
  tokenPolicies: [tokenPolicyA, { id: 'tp-untitled', title: ' ' }],
  extraSummaries: [
    { id: 'listed-only', name: ' Still loading ' },
    { id: 'listed-nameless' },
    { id: 'broken', name: 'Broken' },
  ],
  failures: [
    { resource: 'loginPolicy', id: 'lp-gone', status: 404, detail: 'Not found' },
    { resource: 'tokenPolicy', id: 'tp-down', status: 503, detail: 'unavailable' },
    { resource: 'client', id: 'broken', status: 500, detail: 'upstream error' },
  ],
});
// A client whose details arrived without a name while the list still calls it something: the details win.
inventory.summaries = inventory.summaries.map((summary) =>
  summary.id === 'anon' ? { ...summary, name: 'Listed name' } : summary,
);

const rows = toClientRows(snapshotOf(inventory, true));
const csvRecords = new Map(
  clientRowsToCsv(clientExportRows(inventory, evaluateInventory(inventory)), { bom: false })
    .split('\r\n')
    .slice(1, -1)
    .map((line) => {
      const cells = line.split(',');
      return [cells[1] ?? '', cells] as const;
    }),
);

/** The text a person sees in a cell: hidden labels for screen readers left out. */
function shown(cell: ReactNode): string {
  const { container, unmount } = render(<MemoryRouter>{cell}</MemoryRouter>);
  const copy = container.cloneNode(true) as HTMLElement;
  unmount();
  for (const hidden of copy.querySelectorAll('.visually-hidden, [aria-hidden="true"]')) hidden.remove();
  return copy.textContent.trim();
}

function gridView(row: ClientRow) {
  return {
    name: shown(<ClientNameCell row={row} tabIndex={0} />),
    kind: row.kind === null ? '' : shown(<ClientKindCell row={row} tabIndex={0} canRetry={false} />),
    loginPolicy: shown(<PolicyCell row={row} policy={row.loginPolicy} href={() => '/'} tabIndex={0} />),
    tokenPolicy: shown(<PolicyCell row={row} policy={row.tokenPolicy} href={() => '/'} tabIndex={0} />),
  };
}

function csvView(id: string) {
  const cells = csvRecords.get(id) ?? [];
  return { name: cells[0], kind: cells[2], loginPolicy: cells[4], tokenPolicy: cells[6], status: cells[11] };
}

describe('the CSV export and the clients grid', () => {
  it('name every client the same, with or without a name, loaded or not', () => {
    const names = rows.map((row) => [row.id, gridView(row).name, csvView(row.id).name]);
    expect(names).toEqual([
      ['padded', 'Padded name', 'Padded name'],
      ['anon', 'Unnamed client (anon)', 'Unnamed client (anon)'],
      ['blank', 'Unnamed client (blank)', 'Unnamed client (blank)'],
      ['dangling', 'Dangling', 'Dangling'],
      ['untitled', 'Untitled policy user', 'Untitled policy user'],
      ['no-policies', 'No policies', 'No policies'],
      ['listed-only', 'Still loading', 'Still loading'],
      ['listed-nameless', 'Unnamed client (listed-nameless)', 'Unnamed client (listed-nameless)'],
      ['broken', 'Broken', 'Broken'],
    ]);
  });

  it('show the same kind and policy titles, also for unknown and untitled policies', () => {
    const loaded = rows.filter((row) => row.status === 'loaded');
    for (const row of loaded) {
      const grid = gridView(row);
      const csv = csvView(row.id);
      expect({ id: row.id, ...csv, status: undefined }).toEqual({ id: row.id, ...grid, status: undefined });
    }
    expect(csvView('dangling')).toMatchObject({
      loginPolicy: 'Missing policy',
      tokenPolicy: 'Title unavailable',
    });
    expect(csvView('untitled')).toMatchObject({ tokenPolicy: 'Untitled (tp-untitled)' });
    expect(csvView('padded')).toMatchObject({
      kind: 'Public',
      loginPolicy: 'Customer login',
      tokenPolicy: 'Standard tokens',
    });
    expect(csvView('no-policies')).toMatchObject({ loginPolicy: '', tokenPolicy: '' });
  });

  it('agree on where each client stands', () => {
    expect(rows.map((row) => [row.id, row.status, csvView(row.id).status])).toEqual([
      ['padded', 'loaded', 'loaded'],
      ['anon', 'loaded', 'loaded'],
      ['blank', 'loaded', 'loaded'],
      ['dangling', 'loaded', 'loaded'],
      ['untitled', 'loaded', 'loaded'],
      ['no-policies', 'loaded', 'loaded'],
      ['listed-only', 'pending', 'pending'],
      ['listed-nameless', 'pending', 'pending'],
      ['broken', 'failed', 'failed (HTTP 500: upstream error)'],
    ]);
  });
});
