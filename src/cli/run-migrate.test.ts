// The headless migration against a sandbox over real HTTP (ephemeral ports), its main function called in-process.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildInventory, publicClient, tokenPolicyA } from '../identity-cloud/inventory-fixtures.ts';
import { evaluateInventory } from '../identity-cloud/findings/evaluate-inventory.ts';
import { migrationPlan } from '../identity-cloud/migration/readiness.ts';
import { exitCodeForPlan, runMigrate } from './run-migrate.ts';
import { connectionEnvironment } from '../test-support/node/sandbox-connection.ts';
import { commandUnderTest } from '../test-support/node/command-under-test.ts';

const command = commandUnderTest('idc-migrate-');

function capture(env: Record<string, string> = {}) {
  return command.capture(env, {});
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('npm run migrate', () => {
  it('writes the Auth0 files of the sandbox, owner-only, and exits 1: some clients need changes', async () => {
    const { io, output } = capture();
    const code = await runMigrate(['--target', 'auth0', '--out', 'out'], io);
    expect(output.stderr).toMatch(/Auth0: 25 clients \(\d+ Ready, \d+ Change required, \d+ Reimagine\)/);
    expect(code).toBe(1);
    const out = join(command.folder, 'out');
    expect(await filesUnder(out)).toEqual(['TODO.md', 'auth0/tenant.yaml', 'client-id-mapping.csv']);
    for (const file of await filesUnder(out)) expect((await stat(join(out, file))).mode & 0o777).toBe(0o600);
    const tenant = parseYaml(await readFile(join(out, 'auth0/tenant.yaml'), 'utf8')) as {
      clients: unknown[];
    };
    expect(tenant.clients).toHaveLength(25);
  });

  it.each(['pingone', 'keycloak', 'neutral'])('writes %s files that parse', async (target) => {
    const { io } = capture();
    expect(await runMigrate([`--target=${target}`, '--out', 'out'], io)).toBe(1);
    const files = await filesUnder(join(command.folder, 'out'));
    expect(files).toContain('client-id-mapping.csv');
    for (const file of files.filter((name) => name.endsWith('.json'))) {
      expect(JSON.parse(await readFile(join(command.folder, 'out', file), 'utf8'))).toBeTypeOf('object');
    }
  });

  it("never writes a secret: not the sandbox client secrets, not the login policies' Capture secrets", async () => {
    const sandbox = await command.startSandbox({ quiet: true, clients: 25, seed: 7 });
    const { io } = capture(connectionEnvironment(sandbox));
    expect(await runMigrate(['--target', 'neutral', '--out', 'out'], io)).toBe(1);
    const secrets = [
      sandbox.clientSecret,
      ...sandbox.data.loginPolicies.map(
        (policy) => policy.identityStoreDetails.connectionDetails.clientSecret,
      ),
    ];
    for (const file of await filesUnder(join(command.folder, 'out'))) {
      const text = await readFile(join(command.folder, 'out', file), 'utf8');
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  it('exits 2 and writes nothing when items failed to load', async () => {
    const sandbox = await command.startSandbox({
      quiet: true,
      clients: 25,
      seed: 7,
      faults: { serverError: 0.5 },
    });
    const { io, output } = capture(connectionEnvironment(sandbox));
    const code = await runMigrate(['--target', 'keycloak', '--out', 'out'], io);
    expect(output.stderr).toContain('Incomplete inventory: no file written.');
    expect(output.stderr).toMatch(/could not be read \(HTTP 5\d\d/);
    expect(code).toBe(2);
    await expect(readdir(join(command.folder, 'out'))).rejects.toThrow(/ENOENT/);
  });

  it('exits 2 on bad arguments, naming the problem', async () => {
    const { io, output } = capture();
    expect(await runMigrate(['--target', 'okta', '--out', 'x'], io)).toBe(2);
    expect(output.stderr).toContain(
      '--target must be one of pingone, keycloak, auth0, neutral (got "okta").',
    );
    expect(await runMigrate(['--target', 'auth0'], io)).toBe(2);
    expect(output.stderr).toContain('--out DIR is required.');
  });

  it('exits 0 only when every client is Ready', () => {
    const ready = buildInventory({ clients: [publicClient('a')], tokenPolicies: [tokenPolicyA] });
    // No login policy known: nothing but the client itself to judge.
    expect(exitCodeForPlan(migrationPlan('auth0', ready, evaluateInventory(ready)))).toBe(0);
    const withWildcard = buildInventory({ clients: [publicClient('a', ['https://*.x.example.com/cb'])] });
    expect(exitCodeForPlan(migrationPlan('auth0', withWildcard, evaluateInventory(withWildcard)))).toBe(1);
  });
});
