// `npm run snapshot` in-process against a sandbox over real HTTP, recording into a real SQLite store.
import { writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listActivity } from '../store/activity-repository.ts';
import { listSnapshots } from '../store/history-read.ts';
import { openStore } from '../store/store.ts';
import { runSnapshot, type SnapshotIo } from './run-snapshot.ts';
import { connectionEnvironment } from '../test-support/node/sandbox-connection.ts';
import { captureOutput, commandUnderTest } from '../test-support/node/command-under-test.ts';

const command = commandUnderTest('idc-snapshot-');

function capture(env: Record<string, string>) {
  return captureOutput({
    env,
    sandboxOptions: { clients: 25, seed: 7, latencyMs: 0 },
  } satisfies Omit<SnapshotIo, 'stdout' | 'stderr'>);
}

async function storedSnapshots(path: string, tenant: string) {
  const store = await openStore({ kind: 'sqlite', path });
  try {
    return await listSnapshots(store, tenant);
  } finally {
    await store.close();
  }
}

async function storedActivity(path: string) {
  const store = await openStore({ kind: 'sqlite', path });
  try {
    return await listActivity(store, { limit: 100 });
  } finally {
    await store.close();
  }
}

describe('npm run snapshot', () => {
  it('writes the snapshot in the access log, with the account and machine that ran it', async () => {
    const sandbox = await command.startSandbox({ quiet: true, clients: 25, latencyMs: 0 });
    const path = join(command.folder, 'inventory.db');
    const { io } = capture({
      IDC_STORE_PATH: path,
      IDC_IDENTITY_DOMAIN: sandbox.identityDomain,
      IDC_CUSTOMER_ID: sandbox.customerId,
      IDC_CLIENT_ID: sandbox.clientId,
      IDC_CLIENT_SECRET: sandbox.clientSecret,
    });
    expect(await runSnapshot([], io)).toBe(0);
    const tenant = `${sandbox.identityDomain}/${sandbox.customerId}`;
    const [snapshot] = await storedSnapshots(path, tenant);
    const events = await storedActivity(path);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'snapshot',
        user: userInfo().username,
        address: hostname(),
        tenant,
        detail: `history snapshot ${snapshot?.id ?? '?'} (npm run snapshot), 25 clients`,
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain(sandbox.clientSecret);
  });

  it('records a scheduled snapshot (exit 0), then an unchanged one, then the change', async () => {
    const sandbox = await command.startSandbox({ quiet: true, clients: 25, latencyMs: 0 });
    const path = join(command.folder, 'inventory.db');
    const env = connectionEnvironment(sandbox, { IDC_STORE_PATH: path });
    const first = capture(env);
    expect(await runSnapshot([], first.io)).toBe(0);
    expect(first.output.stderr).toMatch(/Recorded snapshot [\w-]+: 25 clients \(\+25 −0 ~0\)/);
    const again = capture(env);
    expect(await runSnapshot([], again.io)).toBe(0);
    expect(again.output.stderr).toMatch(/25 clients \(unchanged\)/);
    sandbox.admin.renameClient(sandbox.data.clients[2]?.id ?? '', 'Renamed overnight');
    const changed = capture(env);
    expect(await runSnapshot([], changed.io)).toBe(0);
    expect(changed.output.stderr).toMatch(/25 clients \(\+0 −0 ~1\)/);
    const snapshots = await storedSnapshots(
      path,
      `${sandbox.identityDomain}/${sandbox.customerId.toLowerCase()}`,
    );
    expect(snapshots.map((snapshot) => [snapshot.source, snapshot.unchanged])).toEqual([
      ['scheduled', false],
      ['scheduled', true],
      ['scheduled', false],
    ]);
  });

  it('exits 1 for a partial read, recorded as partial', async () => {
    const sandbox = await command.startSandbox({ quiet: true, clients: 10, latencyMs: 0 });
    // An id the proxy refuses to put in a URL: that item fails, the rest is read.
    sandbox.admin.addClient({ name: 'Unreadable', id: 'not a plain id' });
    const path = join(command.folder, 'inventory.db');
    const { io, output } = capture(connectionEnvironment(sandbox, { IDC_STORE_PATH: path }));
    expect(await runSnapshot([], io)).toBe(1);
    expect(output.stderr).toMatch(/partial: 1 item failed/);
    const [snapshot] = await storedSnapshots(
      path,
      `${sandbox.identityDomain}/${sandbox.customerId.toLowerCase()}`,
    );
    expect(snapshot).toMatchObject({ source: 'scheduled', partial: true, clients: 10 });
  });

  it('exits 2 when there is no store, or it cannot be written, or the tenant cannot be read', async () => {
    const off = capture({ IDC_STORE: 'off' });
    expect(await runSnapshot([], off.io)).toBe(2);
    expect(off.output.stderr).toMatch(/snapshot: history is off: IDC_STORE=off; nothing was read\./);

    await writeFile(join(command.folder, 'a-file'), '');
    const unwritable = capture({ IDC_STORE_PATH: join(command.folder, 'a-file', 'inventory.db') });
    expect(await runSnapshot([], unwritable.io)).toBe(2);
    expect(unwritable.output.stderr).toMatch(/cannot be written/);

    const sandbox = await command.startSandbox({ quiet: true, clients: 3, latencyMs: 0 });
    const refused = capture(
      connectionEnvironment(sandbox, {
        IDC_STORE_PATH: join(command.folder, 'inventory.db'),
        IDC_CLIENT_SECRET: 'wrong',
      }),
    );
    expect(await runSnapshot([], refused.io)).toBe(2);
    expect(refused.output.stderr).toMatch(/snapshot: Could not connect \(\d+\)/);
    expect(await runSnapshot(['--bogus'], capture({}).io)).toBe(2);
  });
});
