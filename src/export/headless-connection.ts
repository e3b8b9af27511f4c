// The tenant a headless command reads: the one the IDC_* variables name, or a sandbox started in-process for
// this run. Shared by export, snapshot, audit and migrate, so that they read the same tenant the same way.
import type { Connection } from '../identity-cloud/connection-rules.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox/start-sandbox.ts';
import type { ConnectionSource } from './export-options.ts';

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
