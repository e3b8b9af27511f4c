// The headless export against a sandbox over real HTTP (ephemeral ports), its main function called in-process.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../identity-cloud/snapshot.ts';
import { runExport } from './run-export.ts';
import type { SandboxOptions } from '../sandbox/sandbox-options.ts';
import { connectionEnvironment } from '../test-support/node/sandbox-connection.ts';
import { commandUnderTest, unreachableTenantEnvironment } from '../test-support/node/command-under-test.ts';

const command = commandUnderTest('idc-export-');

function capture(env: Record<string, string> = {}) {
  return command.capture(env, { now: () => new Date(2026, 10, 28, 9, 30) });
}

/** A sandbox of the test's own, and the io of an export against it (its IDC_* variables, then `overrides`). */
async function captureAgainstSandbox(options: SandboxOptions, overrides: Record<string, string> = {}) {
  const sandbox = await command.startSandbox({ quiet: true, ...options });
  return { sandbox, ...capture(connectionEnvironment(sandbox, overrides)) };
}

describe('npm run export, complete', () => {
  it('exports the in-process sandbox as a snapshot when no IDC_* variable is set', async () => {
    const { io, output } = capture();
    const code = await runExport(['--out', 'nightly.json'], io);
    expect(code).toBe(0);
    const parsed = parseSnapshot(await readFile(join(command.folder, 'nightly.json'), 'utf8'));
    if (!parsed.success) throw new Error(parsed.error);
    expect(parsed.snapshot.clients).toHaveLength(25);
    expect(parsed.snapshot.customerId).toBe('01000000-0000-3000-9000-000000000000');
    expect(parsed.snapshot.done?.clients).toBe(25);
    // The seeded dangling reference answers 404: a finding, not a failure of the export.
    expect(parsed.snapshot.failures.map((failure) => [failure.resource, failure.status])).toEqual([
      ['loginPolicy', 404],
    ]);
    expect(parsed.snapshot.findings?.map((finding) => finding.ruleId)).toContain('client-dangling-policy');
    expect(output.stderr).toContain('exporting the built-in sandbox');
    expect(output.stderr).toContain('Reading client details: 25 of 25');
    expect(output.stderr).toMatch(/Exported 25 of 25 clients \(findings: .*\) to .*nightly\.json/);
    expect(await readdir(command.folder)).toEqual(['nightly.json']);
  });

  it('exports a tenant named by IDC_* as CSV, with the default file name, and never prints the secret', async () => {
    const { sandbox, io, output } = await captureAgainstSandbox({
      clients: 12,
      clientSecret: 'recognisable-secret-4711',
    });
    const code = await runExport(['--format', 'csv'], io);
    expect(code).toBe(0);
    const name = 'idc-inventory-01000000-0000-3000-9000-000000000000-2026-11-28.csv';
    expect(await readdir(command.folder)).toEqual([name]);
    const csv = await readFile(join(command.folder, name), 'utf8');
    const records = csv.split('\r\n');
    expect(records[0]?.startsWith('\uFEFFName,Client ID,Kind,Redirect URIs')).toBe(true);
    expect(records).toHaveLength(12 + 2);
    expect(csv).not.toContain('recognisable-secret-4711');
    expect(output.stderr).not.toContain('recognisable-secret-4711');
    expect(output.stderr).toContain(sandbox.identityDomain);
  });

  it('writes to stdout with --out -', async () => {
    const { io, output } = capture();
    expect(await runExport(['--format=json', '--out', '-'], io)).toBe(0);
    const parsed = parseSnapshot(output.stdout);
    expect(parsed.success).toBe(true);
    expect(await readdir(command.folder)).toEqual([]);
  });
});

describe('npm run export, incomplete (exit 1)', () => {
  it('still writes the file when the token may not read policies, and says what failed', async () => {
    const { io, output } = await captureAgainstSandbox(
      { clients: 10 },
      { IDC_SCOPE: 'GET:config/clients GET:config/clients/*' },
    );
    const code = await runExport(['--out', 'partial.csv'], io);
    expect(code).toBe(1);
    const csv = await readFile(join(command.folder, 'partial.csv'), 'utf8');
    expect(csv.split('\r\n')).toHaveLength(10 + 2);
    // Without policies, no dangling reference can be claimed.
    expect(csv).not.toContain('client-dangling-policy');
    expect(output.stderr).toMatch(/Incomplete: \d+ items failed\. Exported 10 of 10 clients/);
  });

  it('fails with one line when the identity domain does not answer', async () => {
    const { io, output } = capture(await unreachableTenantEnvironment());
    expect(await runExport(['--out', 'x.json'], io)).toBe(1);
    expect(output.stderr.trimEnd().split('\n').at(-1)).toMatch(/^export: Could not connect \(502\): /);
    expect(await readdir(command.folder)).toEqual([]);
  });
});

describe('npm run export, bad configuration (exit 2)', () => {
  it('refuses a wrong secret with a one-line reason and writes nothing', async () => {
    const { sandbox, io, output } = await captureAgainstSandbox(
      { clients: 5 },
      { IDC_CLIENT_SECRET: 'wrong-secret-0815' },
    );
    expect(await runExport(['--out', 'x.json'], io)).toBe(2);
    const last = output.stderr.trimEnd().split('\n').at(-1);
    expect(last).toMatch(/^export: Could not connect \(401\): /);
    expect(output.stderr).not.toContain('wrong-secret-0815');
    expect(await readdir(command.folder)).toEqual([]);
    expect(Object.keys(sandbox.stats().requests).filter((route) => route.includes('/config'))).toEqual([]);
  });

  it.each([
    [{ IDC_CLIENT_ID: 'only-this' }, /IDC_IDENTITY_DOMAIN, IDC_CUSTOMER_ID, IDC_CLIENT_SECRET are not set/],
    [
      {
        IDC_IDENTITY_DOMAIN: 'http://idc.example.com',
        IDC_CUSTOMER_ID: 'not-a-uuid',
        IDC_CLIENT_ID: 'id',
        IDC_CLIENT_SECRET: 'secret',
      },
      /IDC_IDENTITY_DOMAIN: .*IDC_CUSTOMER_ID: /,
    ],
  ])('refuses an incomplete or invalid environment without any request: %j', async (env, message) => {
    const { io, output } = capture(env);
    expect(await runExport([], io)).toBe(2);
    expect(output.stderr.trim().split('\n')).toHaveLength(1);
    expect(output.stderr).toMatch(message);
  });

  it.each([[['--format', 'xml']], [['--out']], [['--verbose']]])('refuses arguments %j', async (argv) => {
    const { io, output } = capture();
    expect(await runExport(argv, io)).toBe(2);
    expect(output.stderr).toMatch(/^export: /);
  });

  it('prints its usage with --help', async () => {
    const { io, output } = capture();
    expect(await runExport(['--help'], io)).toBe(0);
    expect(output.stdout).toContain('Exit codes: 0 complete; 1 incomplete');
  });
});
