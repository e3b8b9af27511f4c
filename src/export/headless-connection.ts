// The tenant a headless command reads: the one the IDC_* variables name, or a sandbox started in-process for
// this run. Shared by export, snapshot, audit and migrate, so that they read the same tenant the same way.
import type { Connection } from '../identity-cloud/connection-rules.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox/start-sandbox.ts';
import type { ParsedCommandLine } from './command-line.ts';
import { connectionFromEnvironment, type ConnectionSource } from './export-options.ts';

export interface HeadlessConnection {
  connection: Connection;
  /** The sandbox started for this run (the caller closes it), or null for a real tenant. */
  sandbox: RunningSandbox | null;
}

export async function openHeadlessConnection(
  source: Exclude<ConnectionSource, { kind: 'error' }>,
  sandboxOptions: SandboxOptions | undefined,
): Promise<HeadlessConnection> {
  if (source.kind === 'environment') return { connection: source.connection, sandbox: null };
  const sandbox = await startSandbox({ quiet: true, ...sandboxOptions });
  return {
    sandbox,
    connection: {
      identityDomain: sandbox.identityDomain,
      customerId: sandbox.customerId,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      ...(source.scope === undefined ? {} : { scope: source.scope }),
    },
  };
}

export type TenantSource = Exclude<ConnectionSource, { kind: 'error' }>;

/**
 * A headless command's arguments and the tenant the IDC_* variables name (or the sandbox); help asked for; or
 * why it cannot start (bad arguments first, then bad variables).
 */
export function startHeadlessCommand<Arguments>(
  parsed: ParsedCommandLine<Arguments>,
  env: Readonly<Record<string, string | undefined>>,
): ParsedCommandLine<{ options: Arguments; source: TenantSource }> {
  if (parsed.kind !== 'run') return parsed;
  const source = connectionFromEnvironment(env);
  if (source.kind === 'error') return source;
  return { kind: 'run', arguments: { options: parsed.arguments, source } };
}

/** Runs `work` on the tenant; a sandbox started for it is closed afterwards, whatever happened. */
export async function withHeadlessConnection<Result>(
  source: TenantSource,
  sandboxOptions: SandboxOptions | undefined,
  work: (connection: Connection, sandboxed: boolean) => Promise<Result>,
): Promise<Result> {
  const { connection, sandbox } = await openHeadlessConnection(source, sandboxOptions);
  try {
    return await work(connection, sandbox !== null);
  } finally {
    await sandbox?.close();
  }
}
