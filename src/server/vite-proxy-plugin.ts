// `npm run dev` (and `vite preview`): the same proxy app as `npm start`, mounted as middleware for /api, with the
// same environment variables and the embedded sandbox as the default connection when none is configured.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createProxyApp } from '../proxy/create-proxy-app.ts';
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox.ts';
import { StoreService } from '../store/store-service.ts';
import { readServerConfig } from './env-config.ts';
import { scheduleRetention } from './history/retention.ts';
import { createStoreHistory } from './history/store-history.ts';

async function mountProxy(server: ViteDevServer | PreviewServer): Promise<void> {
  const config = readServerConfig(process.env);
  if (config.errors.length > 0) throw new Error(config.errors.join(' '));
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
    ...(sandbox
      ? {
          defaultConnection: {
            identityDomain: sandbox.identityDomain,
            customerId: sandbox.customerId,
            clientId: sandbox.clientId,
            clientSecret: sandbox.clientSecret,
            scope: sandbox.scope,
          },
        }
      : {}),
  });
  if (sandbox) {
    server.config.logger.info(
      `  Embedded sandbox: ${sandbox.identityDomain}, customer ${sandbox.customerId}, client ${sandbox.clientId}`,
    );
  }
  const listener = getRequestListener(proxy.fetch);
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
    configureServer: mountProxy,
    configurePreviewServer: mountProxy,
  };
}
