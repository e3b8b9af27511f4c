// A started sandbox as the connection a test hands to what it tests: the four fields (for the form or the proxy's
// `defaultConnection`), or the IDC_* environment that the server and the headless commands read.
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';

export type SandboxConnection = {
  identityDomain: string;
  customerId: string;
  clientId: string;
  clientSecret: string;
};

export function connectionOf(sandbox: RunningSandbox): SandboxConnection {
  return {
    identityDomain: sandbox.identityDomain,
    customerId: sandbox.customerId,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
  };
}

/** `IDC_IDENTITY_DOMAIN`, `IDC_CUSTOMER_ID`, `IDC_CLIENT_ID`, `IDC_CLIENT_SECRET` of the sandbox, then the overrides. */
export function connectionEnvironment(
  sandbox: RunningSandbox,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const connection = connectionOf(sandbox);
  return {
    IDC_IDENTITY_DOMAIN: connection.identityDomain,
    IDC_CUSTOMER_ID: connection.customerId,
    IDC_CLIENT_ID: connection.clientId,
    IDC_CLIENT_SECRET: connection.clientSecret,
    ...overrides,
  };
}
