// The dashboard's server as every scenario starts it: quiet, with the benchmark's sandbox as its default
// connection, serving the built app or no files at all.
import { startServer, type RunningServer } from '../src/server/start-server.ts';
import type { StoreConfig } from '../src/store/store-config.ts';
import type { SandboxCredentials } from './sandbox-process.ts';

export interface BenchServerOptions {
  /** The built app to serve; none: the API only. */
  staticDir?: string;
  store?: StoreConfig;
}

export function startBenchServer(
  sandbox: SandboxCredentials,
  options: BenchServerOptions = {},
): Promise<RunningServer> {
  const { identityDomain, customerId, clientId, clientSecret, scope } = sandbox;
  return startServer({
    staticDir: options.staticDir ?? null,
    ...(options.store === undefined ? {} : { store: options.store }),
    proxy: {
      log: () => undefined,
      defaultConnection: { identityDomain, customerId, clientId, clientSecret, scope },
    },
  });
}
