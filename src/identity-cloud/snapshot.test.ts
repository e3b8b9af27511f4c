import { describe, expect, it } from 'vitest';
import { evaluateInventory } from './findings/evaluate-inventory.ts';
import {
  buildInventory,
  configurationClient,
  confidentialClient,
  loginPolicyA,
  publicClient,
  referencedPolicies,
} from './inventory-fixtures.ts';
import { createSnapshot, parseSnapshot, snapshotToInventory, toJsonExport } from './snapshot.ts';

const meta = {
  identityDomain: 'http://127.0.0.1:4010',
  customerId: '01000000-0000-3000-9000-000000000000',
  exportedAt: new Date('2026-11-28T10:00:00.000Z'),
};

const inventory = buildInventory({
  clients: [
    {
      ...publicClient('spa', ['https://a.example.com/cb', 'http://b.example.com/cb']),
      name: 'Ünïcødé 名前 <script>',
    },
    { ...confidentialClient('web'), futureField: { nested: [1, 2] } },
    configurationClient('cfg'),
  ],
  loginPolicies: [
    {
      ...loginPolicyA,
      identityStoreDetails: {
        type: 'janrainCapture',
        connectionDetails: { domain: 'x.example.com', clientId: 'cap', clientSecret: 'super-secret-value' },
      },
    },
  ],
  tokenPolicies: referencedPolicies.tokenPolicies,
  extraSummaries: [{ id: 'broken', name: 'Broken' }],
  failures: [
    { resource: 'client', id: 'broken', status: 500, detail: 'upstream error' },
    { resource: 'tokenPolicyList', status: 403, detail: 'Forbidden' },
  ],
});

describe('snapshot round trip', () => {
  const snapshot = createSnapshot(inventory, meta, { findings: evaluateInventory(inventory).all });
  const text = toJsonExport(snapshot);

  it('writes the format, version and connection facts', () => {
    expect(snapshot).toMatchObject({
      format: 'idc-client-inventory-snapshot',
      version: 1,
      exportedAt: '2026-11-28T10:00:00.000Z',
      identityDomain: 'http://127.0.0.1:4010',
      customerId: '01000000-0000-3000-9000-000000000000',
      scope: 'inventory',
      clientsWithoutDetails: [{ id: 'broken', name: 'Broken' }],
    });
    expect(snapshot.clients.map((client) => client.id)).toEqual(['spa', 'web', 'cfg']);
  });

  it('never writes a secret, even one the proxy failed to redact', () => {
    expect(text).not.toContain('super-secret-value');
    expect(snapshot.loginPolicies[0]?.identityStoreDetails?.connectionDetails?.clientSecret).toBe(
      '[redacted]',
    );
  });

  it('parses back to the same data, unknown fields and non-ASCII names included', () => {
    const parsed = parseSnapshot(text);
    expect(parsed).toEqual({ success: true, snapshot });
  });

  it('turns back into an inventory with the same clients, policies, failures and findings', () => {
    const parsed = parseSnapshot(text);
    if (!parsed.success) throw new Error(parsed.error);
    const restored = snapshotToInventory(parsed.snapshot);
    expect([...restored.clientsById.keys()]).toEqual(['spa', 'web', 'cfg']);
    expect(restored.summaries.map((summary) => summary.id)).toEqual(['spa', 'web', 'cfg', 'broken']);
    expect(restored.failures.get('client:broken')?.status).toBe(500);
    expect(restored.done).toEqual(inventory.done);
    expect(evaluateInventory(restored).countsByRule).toEqual(evaluateInventory(inventory).countsByRule);
  });

  it('accepts a file with a byte order mark', () => {
    expect(parseSnapshot(`\uFEFF${text}`).success).toBe(true);
  });
});

describe('snapshot of a view', () => {
  it('keeps only the chosen clients and their findings, and says it is a view', () => {
    const findings = evaluateInventory(inventory).all;
    const snapshot = createSnapshot(inventory, meta, { clientIds: ['cfg', 'broken'], findings });
    expect(snapshot.scope).toBe('view');
    expect(snapshot.clients.map((client) => client.id)).toEqual(['cfg']);
    expect(snapshot.clientsWithoutDetails.map((client) => client.id)).toEqual(['broken']);
    expect(
      snapshot.findings
        ?.filter((finding) => finding.subject.kind === 'client')
        .map((finding) => finding.subject.id),
    ).toEqual(['cfg']);
  });
});

describe('parseSnapshot errors', () => {
  const valid = createSnapshot(inventory, meta);
  const withChanges = (changes: Record<string, unknown>) => JSON.stringify({ ...valid, ...changes });

  it.each([
    ['not JSON', 'Name,Client ID\r\n', 'This file is not JSON, so it is not an inventory snapshot.'],
    ['a JSON array', '[]', 'This file is not an inventory snapshot: it holds no JSON object.'],
    [
      'another format',
      withChanges({ format: 'something-else' }),
      'This file is not a client inventory snapshot: its format is "something-else", expected "idc-client-inventory-snapshot".',
    ],
    [
      'no format',
      JSON.stringify({ clients: [] }),
      'This file is not a client inventory snapshot: it has no "format" field, expected "idc-client-inventory-snapshot".',
    ],
    [
      'a newer version',
      withChanges({ version: 2 }),
      'This snapshot has format version 2, newer than this dashboard reads (version 1): update the dashboard.',
    ],
    [
      'a missing version',
      withChanges({ version: undefined }),
      "This snapshot's format version (missing) is not one this dashboard reads (version 1).",
    ],
  ])('explains %s', (_case, text, error) => {
    expect(parseSnapshot(text)).toEqual({ success: false, error });
  });

  it('points at the damaged field', () => {
    const damaged = withChanges({ clients: [{ name: 'no id' }] });
    const result = parseSnapshot(damaged);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error).toMatch(/^This inventory snapshot is damaged: clients\[0\]\.id: /);
  });
});
