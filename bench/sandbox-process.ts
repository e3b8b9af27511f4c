// The sandbox in a child process of its own, standing for a remote tenant: its timers (latency, Retry-After
// windows) then do not compete with the proxy and the measuring client for one event loop, and the two cores of
// a small machine are both used. The child is this same bundle started again with BENCH_ROLE=sandbox; parent and
// child talk over the IPC channel of `fork`.
import { fork, type ChildProcess } from 'node:child_process';
import { once, setMaxListeners } from 'node:events';
import { startSandbox, type SandboxOptions, type SandboxStats } from '../src/sandbox/start-sandbox.ts';

export const sandboxRoleVariable = 'BENCH_ROLE';
export const sandboxRole = 'sandbox';

export interface SandboxCredentials {
  identityDomain: string;
  customerId: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

export interface RemoteSandbox extends SandboxCredentials {
  /** Clients in the seeded tenant, configuration clients included. */
  clientCount: number;
  stats(): Promise<SandboxStats>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

type Command =
  { type: 'start'; options: SandboxOptions } | { type: 'stats' } | { type: 'reset' } | { type: 'close' };

type Request = Command & { id: number };

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** Forks the running bundle as a sandbox host and starts a sandbox in it. */
export async function startSandboxProcess(options: SandboxOptions): Promise<RemoteSandbox> {
  const entry = process.argv[1];
  if (entry === undefined) throw new Error('The benchmark cannot find its own entry file to fork.');
  const child = fork(entry, [], {
    env: { ...process.env, [sandboxRoleVariable]: sandboxRole },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (message: Reply) => {
    const waiter = pending.get(message.id);
    if (waiter === undefined) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.value);
    else waiter.reject(new Error(message.message));
  });
  child.once('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`The sandbox process exited (${code}).`));
    pending.clear();
  });
  const call = (command: Command): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...command, id });
    });

  let started: SandboxCredentials & { clientCount: number };
  try {
    started = (await call({ type: 'start', options: { ...options, quiet: true } })) as SandboxCredentials & {
      clientCount: number;
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    ...started,
    stats: async () => (await call({ type: 'stats' })) as SandboxStats,
    resetStats: async () => {
      await call({ type: 'reset' });
    },
    close: () => closeChild(child, () => call({ type: 'close' })),
  };
}

async function closeChild(child: ChildProcess, askToClose: () => Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  try {
    await askToClose();
  } catch {
    child.kill('SIGKILL');
  }
  await exited;
  clearTimeout(timer);
}

/** The child's side: serves one sandbox until told to close (or the parent goes away). */
export function serveSandboxInThisProcess(): void {
  // Every request waiting out its latency listens on the sandbox's closing signal: hundreds at once are expected.
  setMaxListeners(100_000);
  let sandbox: Awaited<ReturnType<typeof startSandbox>> | null = null;
  const reply = (message: Reply, then?: () => void) => {
    process.send?.(message, undefined, undefined, () => then?.());
  };
  process.on('disconnect', () => {
    void sandbox?.close().finally(() => process.exit(0));
    if (sandbox === null) process.exit(0);
  });
  process.on('message', (request: Request) => {
    void (async () => {
      try {
        switch (request.type) {
          case 'start': {
            sandbox = await startSandbox(request.options);
            const { identityDomain, customerId, clientId, clientSecret, scope } = sandbox;
            reply({
              id: request.id,
              ok: true,
              value: {
                identityDomain,
                customerId,
                clientId,
                clientSecret,
                scope,
                clientCount: sandbox.data.clients.length,
              },
            });
            return;
          }
          case 'stats':
            reply({ id: request.id, ok: true, value: sandbox?.stats() ?? null });
            return;
          case 'reset':
            sandbox?.resetStats();
            reply({ id: request.id, ok: true, value: null });
            return;
          case 'close':
            await sandbox?.close();
            reply({ id: request.id, ok: true, value: null }, () => process.exit(0));
            return;
        }
      } catch (error) {
        reply({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
}
