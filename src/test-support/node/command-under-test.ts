// The headless commands (audit, migrate, export, snapshot) are tested in-process: each test gets a temporary
// working folder and may start a sandbox to run against; both are gone after the test. Their output is captured
// as the text a terminal would have shown.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { SandboxOptions } from '../../sandbox/sandbox-options.ts';
import { unusedLoopbackPort } from './loopback-port.ts';

export interface CommandUnderTest {
  /** The running test's own folder: the command's working directory. */
  readonly folder: string;
  /** A sandbox for this test only, closed when it ends. */
  startSandbox(options?: SandboxOptions): Promise<RunningSandbox>;
  /**
   * The io of a command run in the folder against `env` (when it names no tenant, the command's own sandbox of 25
   * seeded clients), with `rest` on top; what it writes is kept in `output`.
   */
  capture<Rest extends object>(
    env: Record<string, string>,
    rest: Rest,
  ): CapturedIo<{ env: Record<string, string>; cwd: string; sandboxOptions: SandboxOptions } & Rest>;
}

export function commandUnderTest(folderPrefix: string): CommandUnderTest {
  let folder: string | undefined;
  let sandbox: RunningSandbox | undefined;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), folderPrefix));
  });
  afterEach(async () => {
    try {
      await sandbox?.close();
    } finally {
      sandbox = undefined;
      if (folder !== undefined) await rm(folder, { recursive: true, force: true });
      folder = undefined;
    }
  });
  const currentFolder = (): string => {
    if (folder === undefined) throw new Error('The command’s folder is only there while a test runs.');
    return folder;
  };
  return {
    get folder() {
      return currentFolder();
    },
    startSandbox: async (options) => {
      if (sandbox !== undefined) throw new Error('This test has started its sandbox already.');
      sandbox = await startSandbox(options);
      return sandbox;
    },
    capture(env, rest) {
      const sandboxOptions: SandboxOptions = { clients: 25, seed: 7 };
      return captureOutput({ env, cwd: currentFolder(), sandboxOptions, ...rest });
    },
  };
}

export interface CapturedOutput {
  stdout: string;
  stderr: string;
}

export interface CapturedIo<Rest> {
  io: Rest & { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } };
  output: CapturedOutput;
}

/** The rest of a command's io, with stdout and stderr that keep what the command writes in `output`. */
export function captureOutput<Rest extends object>(rest: Rest): CapturedIo<Rest> {
  const output: CapturedOutput = { stdout: '', stderr: '' };
  const io = {
    ...rest,
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
  };
  return { io, output };
}

/** The IDC_* environment of a tenant that does not answer (a loopback port nothing listens on), then the overrides. */
export async function unreachableTenantEnvironment(
  overrides: Record<string, string> = {},
): Promise<Record<string, string>> {
  const port = await unusedLoopbackPort();
  return {
    IDC_IDENTITY_DOMAIN: `http://127.0.0.1:${port}`,
    IDC_CUSTOMER_ID: '01000000-0000-3000-9000-000000000000',
    IDC_CLIENT_ID: 'headless-client',
    IDC_CLIENT_SECRET: 'headless-secret',
    ...overrides,
  };
}
