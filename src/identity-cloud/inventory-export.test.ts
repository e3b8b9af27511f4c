import { describe, expect, it } from 'vitest';
import { evaluateInventory } from './findings/evaluate-inventory.ts';
import { clientExportRows, clientRowsToCsv, exportFileName } from './inventory-export.ts';
import {
  buildInventory,
  configurationClient,
  confidentialClient,
  publicClient,
  referencedPolicies,
} from './inventory-fixtures.ts';

const inventory = buildInventory({
  clients: [
    {
      ...publicClient('spa', ['https://a.example.com/cb', 'http://b.example.com/cb']),
      name: '=cmd|"/c calc"!A1',
    },
    confidentialClient('web'),
    configurationClient('cfg'),
  ],
  ...referencedPolicies,
  extraSummaries: [{ id: 'broken', name: 'Brökén, "app"' }],
  failures: [{ resource: 'client', id: 'broken', status: 500, detail: 'upstream error' }],
});
const findings = evaluateInventory(inventory);

describe('clientExportRows', () => {
  it('gives one row per listed client, in list order, with titles, ids and findings', () => {
    const rows = clientExportRows(inventory, findings);
    expect(rows.map((row) => row.id)).toEqual(['spa', 'web', 'cfg', 'broken']);
    expect(rows[0]).toEqual({
      name: '=cmd|"/c calc"!A1',
      id: 'spa',
      kind: 'public',
      redirectUris: ['https://a.example.com/cb', 'http://b.example.com/cb'],
      loginPolicyId: 'lp-a',
      loginPolicyTitle: 'Customer login',
      tokenPolicyId: 'tp-a',
      tokenPolicyTitle: 'Standard tokens',
      findingsCount: 1,
      worstSeverity: 'high',
      ruleIds: ['redirect-uri-plain-http'],
      status: 'loaded',
      statusDetail: '',
    });
    expect(rows[3]).toMatchObject({
      name: 'Brökén, "app"',
      kind: null,
      status: 'failed',
      statusDetail: 'HTTP 500: upstream error',
    });
  });

  it('keeps a view to its ids and its order, skipping unknown ids', () => {
    const rows = clientExportRows(inventory, findings, ['cfg', 'nope', 'spa']);
    expect(rows.map((row) => row.id)).toEqual(['cfg', 'spa']);
    expect(rows[0]).toMatchObject({
      kind: 'configuration',
      loginPolicyId: '',
      tokenPolicyTitle: 'Configuration',
    });
  });
});

describe('clientRowsToCsv', () => {
  const csv = clientRowsToCsv(clientExportRows(inventory, findings));
  const lines = csv.split('\r\n');

  it('starts with a BOM and the header, and ends every record with CRLF', () => {
    expect(lines[0]).toBe(
      '\uFEFFName,Client ID,Kind,Redirect URIs,Login policy,Login policy ID,Token policy,Token policy ID,Findings,Worst severity,Rules,Status',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines).toHaveLength(6);
  });

  it('guards formula-like names, quotes commas and quotes, and joins URIs with a space', () => {
    expect(lines[1]).toBe(
      '"\'=cmd|""/c calc""!A1",spa,Public,https://a.example.com/cb http://b.example.com/cb,Customer login,lp-a,Standard tokens,tp-a,1,high,redirect-uri-plain-http,loaded',
    );
    expect(lines[4]).toBe('"Brökén, ""app""",broken,,,,,,,0,,,failed (HTTP 500: upstream error)');
  });

  it('uses labels for kinds', () => {
    expect(lines[3]).toContain(',Configuration,');
  });
});

describe('exportFileName', () => {
  it('names the file after the customer and the local date', () => {
    const date = new Date(2026, 10, 28, 23, 59);
    expect(exportFileName('01000000-0000-3000-9000-000000000000', date, 'csv')).toBe(
      'idc-inventory-01000000-0000-3000-9000-000000000000-2026-11-28.csv',
    );
    expect(exportFileName('abc', new Date(2026, 0, 5), '.json', 'drift')).toBe(
      'idc-drift-abc-2026-01-05.json',
    );
  });

  it('keeps only safe characters from the customer id', () => {
    expect(exportFileName('../../etc/passwd', new Date(2026, 0, 5), 'csv')).toBe(
      'idc-inventory-etcpasswd-2026-01-05.csv',
    );
    expect(exportFileName('///', new Date(2026, 0, 5), 'csv')).toBe('idc-inventory-unknown-2026-01-05.csv');
  });
});
