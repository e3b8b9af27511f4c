import { describe, expect, it } from 'vitest';
import { connectionFromEnvironment, parseExportArguments } from './export-options.ts';

describe('parseExportArguments', () => {
  it.each([
    [[], { format: 'json', out: null }],
    [['--format', 'csv'], { format: 'csv', out: null }],
    [['--out', 'inventory.CSV'], { format: 'csv', out: 'inventory.CSV' }],
    [['--out=snap.json', '--format=csv'], { format: 'csv', out: 'snap.json' }],
    [['--out', 'file.txt'], { format: 'json', out: 'file.txt' }],
    [['--out', '-'], { format: 'json', out: '-' }],
  ])('reads %j', (argv, expected) => {
    expect(parseExportArguments(argv)).toEqual({ kind: 'run', arguments: expected });
  });

  it.each([
    [['--format', 'xml'], '--format must be json or csv (got "xml").'],
    [['--out'], '--out needs a value.'],
    [['--format='], '--format needs a value.'],
    [['report.csv'], 'Unknown argument "report.csv" (try --help).'],
  ])('refuses %j', (argv, message) => {
    expect(parseExportArguments(argv)).toEqual({ kind: 'error', message });
  });

  it('answers --help', () => {
    expect(parseExportArguments(['--out', 'x', '--help'])).toEqual({ kind: 'help' });
  });
});

describe('connectionFromEnvironment', () => {
  /** All four connection variables, then `overrides`. */
  const completeWith = (overrides: Record<string, string>) => ({
    IDC_IDENTITY_DOMAIN: 'https://v1.api.us.janrain.com/',
    IDC_CUSTOMER_ID: '01000000-0000-3000-9000-000000000000',
    IDC_CLIENT_ID: 'config-client',
    IDC_CLIENT_SECRET: 's3cret-value',
    ...overrides,
  });

  it('uses the sandbox when none of the four is set (empty counts as unset), keeping IDC_SCOPE', () => {
    expect(connectionFromEnvironment({})).toEqual({ kind: 'sandbox', scope: undefined });
    expect(connectionFromEnvironment({ IDC_CLIENT_ID: '', IDC_SCOPE: 'GET:config/**' })).toEqual({
      kind: 'sandbox',
      scope: 'GET:config/**',
    });
  });

  it('validates and normalises a complete connection', () => {
    const source = connectionFromEnvironment(completeWith({ IDC_SCOPE: 'GET:config/**' }));
    expect(source).toMatchObject({
      kind: 'environment',
      connection: {
        identityDomain: 'https://v1.api.us.janrain.com',
        clientId: 'config-client',
        scope: 'GET:config/**',
      },
    });
  });

  it('names the missing variables', () => {
    expect(connectionFromEnvironment(completeWith({ IDC_CLIENT_SECRET: '' }))).toEqual({
      kind: 'error',
      message:
        'IDC_CLIENT_SECRET is not set: set all four IDC_* connection variables, or none to export the sandbox.',
    });
  });

  it('names the invalid variable, never echoing the secret', () => {
    const source = connectionFromEnvironment(completeWith({ IDC_IDENTITY_DOMAIN: 'http://idc.example.com' }));
    expect(source.kind).toBe('error');
    if (source.kind === 'error') {
      expect(source.message).toMatch(/^IDC_IDENTITY_DOMAIN: /);
      expect(source.message).not.toContain('s3cret-value');
    }
  });
});
