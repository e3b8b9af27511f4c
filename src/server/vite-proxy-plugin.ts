// `npm run dev` (and `vite preview`): the same proxy app as `npm start`, mounted as middleware for /api, with the
// same environment variables, the same start-up refusal on a non-loopback host, the same security headers on
// /api, and the embedded sandbox as the default connection when none is configured.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createProxyApp } from '../proxy/create-proxy-app.ts';
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox.ts';
import { readServerConfig } from './env-config.ts';
import { checkExposure } from './exposure-policy.ts';
import { securityHeaders } from './security-headers.ts';
import { StoreService } from '../store/store-service.ts';
import { scheduleRetention } from './history/retention.ts';
import { createStoreHistory } from './history/store-history.ts';

/** Vite's `host` setting as an address: unset is localhost, `true` every interface. */
function listenHost(host: string | boolean | undefined): string {
  if (host === undefined || host === false) return 'localhost';
  return host === true ? '0.0.0.0' : host;
}

async function mountProxy(server: ViteDevServer | PreviewServer, host: string): Promise<void> {
  const config = readServerConfig(process.env);
  if (config.errors.length > 0) throw new Error(config.errors.join(' '));
  // Sign-in is composed by the standalone server only: the dev server must not look protected when it is not.
  if (config.auth.mode !== 'none') {
    throw new Error(
      `AUTH_MODE=${config.auth.mode} is served by npm start only; npm run dev is for local use.`,
    );
  }
  const exposure = checkExposure({
    host,
    hasDefaultConnection: config.embeddedSandbox !== false || config.proxy.defaultConnection !== undefined,
    authenticationConfigured: false,
    allowUnauthenticatedRemote: config.allowUnauthenticatedRemote,
  });
  if (!exposure.ok) throw new Error(exposure.error);
  if (exposure.warning !== null) server.config.logger.warn(exposure.warning);
  let sandbox: RunningSandbox | null = null;
  if (config.embeddedSandbox !== false) sandbox = await startSandbox(config.embeddedSandbox);
  const store = new StoreService(config.store, {
    log: (line) => {
      server.config.logger.warn(line, { timestamp: false });
    },
  });
  await store.start();
  const stopRetention = scheduleRetention(store, config.historyKeepDays, (line) => {
    server.config.logger.info(line, { timestamp: false });
  });
  const proxy = createProxyApp({
    ...config.proxy,
    history: createStoreHistory(store),
    log: (line) => {
      server.config.logger.info(line, { timestamp: false });
    },
    // The dev server never authenticates: the default connection is for this machine only.
    serveDefaultConnectionToRemoteClients: false,
    allowLoopbackIdentityDomain: (config.proxy.allowLoopbackIdentityDomain ?? false) || sandbox !== null,
    ...(sandbox ? { defaultConnection: sandbox.connection } : {}),
  });
  if (sandbox) {
    server.config.logger.info(
      `  Embedded sandbox: ${sandbox.identityDomain}, customer ${sandbox.customerId}, client ${sandbox.clientId}`,
    );
  }
  // The same headers as `npm start` gives /api (CSP, frame refusal, CORP same-origin, …).
  const api = new Hono<{ Bindings: HttpBindings }>();
  api.use('*', securityHeaders());
  api.all('*', (c) => proxy.fetch(c.req.raw, c.env));
  const listener = getRequestListener(api.fetch);
  server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const url = request.url ?? '';
    if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) {
      void listener(request, response);
      return;
    }
    next();
  });
  server.httpServer?.once('close', () => {
    proxy.close();
    stopRetention();
    void store.close();
    void sandbox?.close();
  });
}

export function identityCloudProxyPlugin(): Plugin {
  return {
    name: 'identity-cloud-proxy',
    configureServer: (server) => mountProxy(server, listenHost(server.config.server.host)),
    configurePreviewServer: (server) => mountProxy(server, listenHost(server.config.preview.host)),
  };
}
