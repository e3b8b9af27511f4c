// `npm start`: the dashboard's server, configured from the environment (README, "Configuration").
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readServerConfig } from './env-config.ts';
import { startServer } from './start-server.ts';

async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  if (config.errors.length > 0) {
    for (const error of config.errors) console.error(error);
    process.exit(1);
  }
  // The bundle lives in dist-server/; the built app beside it in dist/.
  const staticDir = fileURLToPath(new URL('../dist', import.meta.url));
  const server = await startServer({
    host: config.host,
    port: config.port,
    staticDir,
    proxy: config.proxy,
    embeddedSandbox: config.embeddedSandbox,
    auth: config.auth,
    allowUnauthenticatedRemote: config.allowUnauthenticatedRemote,
    store: config.store,
    historyKeepDays: config.historyKeepDays,
    auditPolicy: { path: resolve(config.auditPolicy.path), required: config.auditPolicy.required },
  });
  console.log(`Client Inventory is running at ${server.url}`);
  if (config.auth.mode === 'oidc') {
    console.log(
      `Sign-in: OpenID Connect with ${config.auth.oidc.issuer.href} (client ${config.auth.oidc.clientId}).`,
    );
  } else if (config.auth.mode === 'proxy') {
    console.log(`Sign-in: the authenticating proxy's ${config.auth.proxy.userHeader} header.`);
  }
  if (server.sandbox) {
    const { identityDomain, customerId, clientId, data } = server.sandbox;
    console.log(
      `Connected to the embedded sandbox: identity domain ${identityDomain}, customer ${customerId}, configuration client ${clientId} (${data.clients.length} clients).`,
    );
  } else if (config.proxy.defaultConnection) {
    const { identityDomain, customerId, clientId } = config.proxy.defaultConnection;
    console.log(`Default connection: ${identityDomain}, customer ${customerId}, client ${clientId}.`);
  } else {
    console.log('No default connection: open the dashboard and connect with a configuration client.');
  }

  const history = server.store.status();
  console.log(
    history.enabled
      ? `History is kept in ${server.store.location}.`
      : `History is off: ${history.reason ?? 'unknown reason'}.`,
  );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
