// Starts the emulator on a real HTTP port: what tests, benchmarks, the CLI and `npm start` use.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createSandboxApp } from './create-sandbox-app.ts';
import { createSandboxAdmin, type SandboxAdmin } from './sandbox-admin.ts';
import { formatBanner } from './sandbox-banner.ts';
import { resolveSandboxOptions } from './sandbox-options.ts';
import type { SandboxKnobs, SandboxOptions } from './sandbox-options.ts';
import { SandboxState } from './sandbox-state.ts';
import type { SandboxStats } from './sandbox-stats.ts';
import type { ConfigurationCredential, SandboxTenant } from './tenant-types.ts';

export type { SandboxOptions } from './sandbox-options.ts';
export type { SandboxStats } from './sandbox-stats.ts';
export type { SandboxTenant } from './tenant-types.ts';

export interface RunningSandbox {
  /** `http://<host>:<port>`: an origin only, as the dashboard expects an identity domain. */
  identityDomain: string;
  customerId: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** The five fields above together: how the dashboard reaches this sandbox as its default connection. */
  connection: {
    identityDomain: string;
    customerId: string;
    clientId: string;
    clientSecret: string;
    scope: string;
  };
  /** The seeded data, live: deleteClient and addConfigurationClient change it. */
  data: SandboxTenant;
  stats(): SandboxStats;
  resetStats(): void;
  /** Changes knobs at runtime; throws RangeError on an invalid value. */
  update(knobs: SandboxKnobs): void;
  /** Every access token issued so far (forgotten ones, dead for 15 minutes, excepted), oldest first. Read-only:
   * for tests that prove no token reaches the browser or a log. */
  issuedAccessTokens(): string[];
  /** Every token issued so far now answers 403 {"errors":"Forbidden"}, as expired ones do. */
  revokeTokens(): void;
  /** The client disappears from the list and its detail answers 404. */
  deleteClient(id: string): void;
  /** Another credential for the token endpoint (e.g. a narrow scope); the client also joins the list. */
  addConfigurationClient(credential: ConfigurationCredential): void;
  /** Changes the tenant between two reads: rename, add, delete a client, add a redirect URI, a policy's lifetime. */
  admin: SandboxAdmin;
  /** Stops at once, destroying open (including hung) connections. */
  close(): Promise<void>;
}

function originOf(host: string, port: number): string {
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${bracketed}:${port}`;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const resolved = resolveSandboxOptions(options);
  const state = new SandboxState(resolved);
  const app = createSandboxApp(state);
  const listener = getRequestListener(app.fetch);
  const server = createServer((incoming, outgoing) => {
    void listener(incoming, outgoing);
  });
  // A hung request must stay open until the sandbox drops it, whatever Node's default timeouts say.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const identityDomain = originOf(resolved.host, port);
  if (!resolved.quiet) console.log(formatBanner(resolved, identityDomain, state.tenant));

  let closed: Promise<void> | undefined;
  const connection = {
    identityDomain,
    customerId: resolved.customerId,
    clientId: resolved.clientId,
    clientSecret: resolved.clientSecret,
    scope: resolved.scope,
  };
  return {
    ...connection,
    connection,
    data: state.tenant,
    stats: () => state.stats.snapshot(),
    resetStats: () => {
      state.stats.reset();
    },
    update: (knobs) => {
      state.update(knobs);
    },
    issuedAccessTokens: () => state.tokens.issuedAccessTokens(),
    revokeTokens: () => {
      state.tokens.revokeAll(Date.now());
    },
    deleteClient: (id) => {
      state.deleteClient(id);
    },
    addConfigurationClient: (credential) => {
      state.addConfigurationClient(credential);
    },
    admin: createSandboxAdmin(state),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        state.close();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
