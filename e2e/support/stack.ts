// The product as a user runs it (`node dist-server/server.js`), in front of a sandbox this test process owns, so
// that a journey can shape the tenant (credentials, size, latency, scope) and change it mid-test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/start-sandbox.ts';
import { connectionEnvironment } from '../../src/test-support/node/sandbox-connection.ts';
import { stopChildProcess } from './child-process.ts';

export interface Stack {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseURL: string;
  sandbox: RunningSandbox;
  /** What the server printed, for failure messages. */
  output: () => string;
  close: () => Promise<void>;
}

export interface StackOptions {
  sandbox?: SandboxOptions;
  /** true: the server's default connection is the sandbox (IDC_*); false: no connection until the form. */
  defaultConnection: boolean;
  /** A sandbox that outlives this server (a restart against the same tenant); the caller closes it. */
  sharedSandbox?: RunningSandbox;
  /** More of the server's environment (e.g. where its history store is, AUTH_*, IDC_AUDIT_POLICY), over the defaults below. */
  env?: Record<string, string>;
}

const startTimeoutMs = 20_000;

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start:\n${output()}`)),
      startTimeoutMs,
    );
    const onData = () => {
      const match = /running at (http:\/\/\S+?)\/?(\s|$)/.exec(output());
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before starting:\n${output()}`));
    });
  });
}

export async function startStack({
  sandbox: sandboxOptions = {},
  defaultConnection,
  sharedSandbox,
  env: extraEnv = {},
}: StackOptions): Promise<Stack> {
  const sandbox = sharedSandbox ?? (await startSandbox({ quiet: true, ...sandboxOptions }));
  const closeSandbox = () => (sharedSandbox === undefined ? sandbox.close() : Promise.resolve());
  const connectionEnv: Record<string, string> = defaultConnection
    ? connectionEnvironment(sandbox)
    : { IDC_EMBEDDED_SANDBOX: '0' };
  // Only what the server needs: no IDC_* leaking in from the developer's shell.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    HOST: '127.0.0.1',
    PORT: '0',
    // The journeys type this loopback sandbox into the connect form.
    ALLOW_LOOPBACK_IDENTITY_DOMAIN: '1',
    ...connectionEnv,
    // A history of its own, so that no journey sees another's snapshots (unless it names a store).
    IDC_STORE_PATH: join(mkdtempSync(join(tmpdir(), 'idc-e2e-store-')), 'inventory.db'),
    ...extraEnv,
  };
  const child = spawn(process.execPath, ['dist-server/server.js'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const output = () => text;
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));

  let baseURL: string;
  try {
    baseURL = await waitForUrl(child, output);
  } catch (error) {
    child.kill('SIGKILL');
    await closeSandbox();
    throw error;
  }

  return {
    baseURL,
    sandbox,
    output,
    close: async () => {
      await stopChildProcess(child);
      await closeSandbox();
    },
  };
}

/**
 * For a spec file: one stack for all its tests, started before the first (then handed to `prepare`, e.g. to add a
 * configuration client) and closed after the last. What it answers is the running stack's, read within a test.
 */
export function stackForFile(
  options: StackOptions,
  prepare: (stack: Stack) => void = () => undefined,
): Stack {
  let running: Stack | undefined;
  const current = (): Stack => {
    if (running === undefined) throw new Error('The stack runs only while the tests of its file do.');
    return running;
  };
  test.beforeAll(async () => {
    running = await startStack(options);
    prepare(running);
  });
  test.afterAll(async () => {
    await running?.close();
    running = undefined;
  });
  return {
    get baseURL() {
      return current().baseURL;
    },
    get sandbox() {
      return current().sandbox;
    },
    output: () => current().output(),
    close: () => current().close(),
  };
}
