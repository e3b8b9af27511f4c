import { describe, expect, it } from 'vitest';
import { compareInventories, driftRows, driftToCsv } from './drift.ts';
import {
  buildInventory,
  configurationClient,
  confidentialClient,
  loginPolicyA,
  loginPolicyB,
  publicClient,
  tokenPolicyA,
  bothLoginPolicies,
} from './inventory-fixtures.ts';
import type { Client } from './schemas.ts';

const policies = bothLoginPolicies;

describe('compareInventories by id (same tenant over time)', () => {
  const base = buildInventory({
    clients: [
      publicClient('spa', ['https://a.example.com/cb', 'https://old.example.com/cb']),
      confidentialClient('web'),
      configurationClient('cfg'),
      publicClient('gone'),
    ],
    ...policies,
  });
  const current = buildInventory({
    clients: [
      publicClient('spa', ['https://new.example.com/cb', 'https://a.example.com/cb']),
      { ...confidentialClient('web', undefined, { loginPolicy: 'lp-b' }), name: 'Web (renamed)' },
      configurationClient('cfg'),
      publicClient('fresh'),
    ],
    ...policies,
  });
  const drift = compareInventories(base, current, { matchBy: 'id' });

  it('lists added and removed clients', () => {
    expect(drift.added).toEqual([{ id: 'fresh', name: 'Public fresh', kind: 'public' }]);
    expect(drift.removed).toEqual([{ id: 'gone', name: 'Public gone', kind: 'public' }]);
    expect(drift.unchanged).toBe(1);
  });

  it('reports redirect URIs as a set difference, ignoring order', () => {
    const spa = drift.changed.find((client) => client.key === 'spa');
    expect(spa?.changes).toEqual([
      { field: 'redirectURIs', kind: 'added', before: null, after: 'https://new.example.com/cb' },
      { field: 'redirectURIs', kind: 'removed', before: 'https://old.example.com/cb', after: null },
    ]);
  });

  it('reports a rename and a changed login policy, with titles and ids', () => {
    const web = drift.changed.find((client) => client.key === 'web');
    expect(web).toMatchObject({ name: 'Web (renamed)', baseId: 'web', currentId: 'web' });
    expect(web?.changes).toEqual([
      { field: 'name', kind: 'changed', before: 'Confidential web', after: 'Web (renamed)' },
      { field: 'loginPolicy', kind: 'changed', before: 'Customer login (lp-a)', after: 'Staff login (lp-b)' },
    ]);
  });

  it('finds nothing between an inventory and itself', () => {
    const same = compareInventories(base, base, { matchBy: 'id' });
    expect(same).toMatchObject({ added: [], removed: [], changed: [], notCompared: [], unchanged: 4 });
  });
});

describe('compareInventories field by field', () => {
  const compareOne = (before: Client, after: Client, matchBy: 'id' | 'name' = 'id') =>
    compareInventories(
      buildInventory({ clients: [before], ...policies }),
      buildInventory({ clients: [after], ...policies }),
      {
        matchBy,
      },
    ).changed[0]?.changes;

  it('reports a kind change (confidential turned configuration) rather than a type change', () => {
    const before = confidentialClient('c');
    const after: Client = { ...before, loginPolicy: null, _links: null };
    expect(compareOne(before, after)).toEqual([
      { field: 'kind', kind: 'changed', before: 'confidential', after: 'configuration' },
      { field: 'loginPolicy', kind: 'removed', before: 'Customer login (lp-a)', after: null },
      { field: '_links.applicationClient', kind: 'removed', before: '/apps/c', after: null },
    ]);
  });

  it('reports a token policy added, and other fields generically, whatever their key order', () => {
    const before: Client = { ...configurationClient('x'), tokenPolicy: null, extra: { a: 1, b: [1, 2] } };
    const after: Client = { ...configurationClient('x'), extra: { b: [1, 2], a: 1 }, owner: 'team-a' };
    expect(compareOne(before, after)).toEqual([
      { field: 'tokenPolicy', kind: 'added', before: null, after: 'Configuration (tp-config)' },
      { field: 'owner', kind: 'added', before: null, after: 'team-a' },
    ]);
  });

  it('shows a policy without a known title by its id', () => {
    const before = confidentialClient('c');
    const after = confidentialClient('c', undefined, { tokenPolicy: 'tp-unknown' });
    expect(compareOne(before, after)).toEqual([
      { field: 'tokenPolicy', kind: 'changed', before: 'Standard tokens (tp-a)', after: 'tp-unknown' },
    ]);
  });
});

describe('compareInventories by name (two tenants)', () => {
  // The same apps in two tenants: every id differs, policies too, with the same titles.
  const dev = buildInventory({
    clients: [
      {
        ...publicClient('dev-spa', ['http://localhost:3000/cb', 'https://shop.example.com/cb']),
        name: 'Shop',
      },
      { ...confidentialClient('dev-web', ['https://bo.example.com/cb']), name: 'Back office' },
      {
        ...confidentialClient('dev-admin', ['https://admin.example.com/cb']),
        name: 'Admin',
        loginPolicy: 'lp-b',
      },
      { ...publicClient('dev-only'), name: 'Experiment' },
      { ...publicClient('dev-nameless'), name: null },
    ],
    ...policies,
  });
  const prodPolicies = {
    loginPolicies: [
      { ...loginPolicyA, id: 'prod-lp-a' },
      { ...loginPolicyB, id: 'prod-lp-b' },
    ],
    tokenPolicies: [{ ...tokenPolicyA, id: 'prod-tp-a' }],
  };
  const prod = buildInventory({
    clients: [
      {
        ...publicClient('prod-spa', ['https://shop.example.com/cb']),
        name: 'Shop',
        loginPolicy: 'prod-lp-a',
        tokenPolicy: 'prod-tp-a',
      },
      {
        ...confidentialClient('prod-web', ['https://bo.example.com/cb']),
        name: ' Back office ',
        loginPolicy: 'prod-lp-a',
        tokenPolicy: 'prod-tp-a',
        _links: { applicationClient: { href: '/apps/prod-web' } },
      },
      {
        ...confidentialClient('prod-admin', ['https://admin.example.com/cb']),
        name: 'Admin',
        loginPolicy: 'prod-lp-a',
        tokenPolicy: 'prod-tp-a',
      },
      { ...publicClient('prod-nameless'), name: null },
    ],
    ...prodPolicies,
  });
  const drift = compareInventories(dev, prod, { matchBy: 'name' });

  it('matches clients by trimmed name despite different ids', () => {
    expect(drift.changed.map((client) => [client.key, client.baseId, client.currentId])).toEqual([
      ['Shop', 'dev-spa', 'prod-spa'],
      ['Admin', 'dev-admin', 'prod-admin'],
    ]);
    expect(drift.unchanged).toBe(1);
  });

  it('compares policies by title across tenants, and links by presence only', () => {
    const admin = drift.changed.find((client) => client.key === 'Admin');
    expect(admin?.changes).toEqual([
      {
        field: 'loginPolicy',
        kind: 'changed',
        before: 'Staff login (lp-b)',
        after: 'Customer login (prod-lp-a)',
      },
    ]);
    const shop = drift.changed.find((client) => client.key === 'Shop');
    expect(shop?.changes).toEqual([
      { field: 'redirectURIs', kind: 'removed', before: 'http://localhost:3000/cb', after: null },
    ]);
  });

  it('cannot match nameless clients across tenants', () => {
    expect(drift.added.map((ref) => ref.id)).toEqual(['prod-nameless']);
    expect(drift.removed.map((ref) => ref.id)).toEqual(['dev-only', 'dev-nameless']);
  });

  it('does not judge a policy whose title is unknown on one side', () => {
    const noPolicies = buildInventory({
      clients: [
        {
          ...confidentialClient('p', ['https://admin.example.com/cb']),
          name: 'Admin',
          loginPolicy: 'prod-x',
        },
      ],
    });
    const withPolicies = buildInventory({
      clients: [{ ...confidentialClient('d', ['https://admin.example.com/cb']), name: 'Admin' }],
      ...policies,
    });
    expect(compareInventories(withPolicies, noPolicies, { matchBy: 'name' }).unchanged).toBe(1);
  });

  it('pairs duplicated names one to one, in list order', () => {
    const base = buildInventory({
      clients: [
        { ...publicClient('a'), name: 'Twin' },
        { ...publicClient('b'), name: 'Twin' },
      ],
    });
    const current = buildInventory({ clients: [{ ...publicClient('a'), name: 'Twin' }] });
    const twin = compareInventories(base, current, { matchBy: 'name' });
    expect(twin.removed.map((ref) => ref.id)).toEqual(['b']);
  });
});

describe('clients without details', () => {
  it('are not compared, and say why', () => {
    const base = buildInventory({ clients: [publicClient('a')], ...policies });
    const current = buildInventory({
      extraSummaries: [{ id: 'a', name: 'Public a' }],
      failures: [{ resource: 'client', id: 'a', status: 500 }],
      ...policies,
    });
    const drift = compareInventories(base, current, { matchBy: 'id' });
    expect(drift.notCompared).toEqual([
      {
        key: 'a',
        name: 'Public a',
        baseId: 'a',
        currentId: 'a',
        reason: "The client's details are missing in the current inventory (failed or not loaded).",
      },
    ]);
    expect(drift.added).toEqual([]);
    expect(drift.removed).toEqual([]);
  });
});

describe('drift export', () => {
  const base = buildInventory({ clients: [publicClient('spa'), publicClient('gone')], ...policies });
  const current = buildInventory({
    clients: [
      publicClient('spa', ['=HYPERLINK("http://evil.example")']),
      { ...publicClient('new'), name: 'New, "quoted"' },
    ],
    ...policies,
  });
  const drift = compareInventories(base, current, { matchBy: 'id' });

  it('has one row per added, removed and field change', () => {
    expect(
      driftRows(drift).map((row) => [row.change, row.currentId || row.baseId, row.field, row.fieldChange]),
    ).toEqual([
      ['added', 'new', '', ''],
      ['removed', 'gone', '', ''],
      ['changed', 'spa', 'redirectURIs', 'added'],
      ['changed', 'spa', 'redirectURIs', 'removed'],
    ]);
  });

  it('writes CSV through the same quoting and formula guard', () => {
    const lines = driftToCsv(drift, { bom: false }).split('\r\n');
    expect(lines[0]).toBe(
      'Change,Client,Base client ID,Current client ID,Field,Field change,Before,After,Note',
    );
    expect(lines[1]).toBe('added,"New, ""quoted""",,new,,,,,');
    expect(lines[3]).toBe(
      'changed,Public spa,spa,spa,redirectURIs,added,,"\'=HYPERLINK(""http://evil.example"")",',
    );
  });
});
