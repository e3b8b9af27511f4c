// Regression test for a memory leak: an InventoryRun listened for 'abort' on a signal derived from the session's
// lifetime and never stopped listening, so every finished run (with everything it read) stayed reachable for as
// long as the session lived — for ever with the server's default connection. After a run ends, completed or
// cancelled, no listener of it may remain on the signal it was given.
import { getEventListeners } from 'node:events';
import { afterEach, expect, it } from 'vitest';
import { checkConnection } from '../../identity-cloud/connection-rules.ts';
import { startQuietSandbox, type RunningSandbox } from '../../test-support/node/proxy-under-test.ts';
import { emptyRetryStats } from '../config-request.ts';
import { InventoryRun } from '../inventory.ts';
import type { Session } from '../session-store.ts';
import { TenantGate } from '../tenant-gate.ts';
import { exchangeToken } from '../token-exchange.ts';
import { TokenSource } from '../token-source.ts';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
});

async function runFor(signal: AbortSignal): Promise<InventoryRun> {
  sandbox = await startQuietSandbox({ clients: 40, latencyMs: 2 });
  const check = checkConnection(sandbox);
  if (!check.ok) throw new Error('invalid sandbox connection');
  const settings = { upstreamTimeoutMs: 5_000, maxResponseBytes: 1024 * 1024 };
  const session: Session = {
    id: 'test',
    source: 'server',
    connection: check.connection,
    tokens: new TokenSource(() =>
      exchangeToken(check.connection, { timeoutMs: 5_000, maxResponseBytes: 65_536 }),
    ),
    lifetime: new AbortController(),
    lastUsedAt: Date.now(),
  };
  return new InventoryRun({
    context: { session, gate: new TenantGate({ maxLimit: 8, initialLimit: 4 }), settings },
    signal,
    counter: { calls: 0 },
    stats: emptyRetryStats(),
  });
}

it('stops listening to its signal when it completes', async () => {
  const lifetime = new AbortController();
  const run = await runFor(lifetime.signal);
  expect(getEventListeners(lifetime.signal, 'abort')).toHaveLength(1);
  const list = await run.readClientList();
  if (!list.ok) throw new Error(list.problem.message);
  const lines: { kind: string }[] = [];
  await run.stream(list, (line) => lines.push(line));
  expect(lines.at(-1)?.kind).toBe('done');
  expect(getEventListeners(lifetime.signal, 'abort')).toHaveLength(0);
});

it('stops listening to its signal when it is cancelled', async () => {
  const lifetime = new AbortController();
  const run = await runFor(lifetime.signal);
  run.abort();
  expect(getEventListeners(lifetime.signal, 'abort')).toHaveLength(0);
});
