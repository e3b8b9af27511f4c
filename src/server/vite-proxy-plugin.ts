// `npm run dev` (and `vite preview`): the same proxy app as `npm start`, mounted as middleware for /api, with the
// same environment variables and the embedded sandbox as the default connection when none is configured.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createProxyApp } from '../proxy/create-proxy-app.ts';
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox.ts';
import { readServerConfig } from './env-config.ts';

async function mountProxy(server: ViteDevServer | PreviewServer): Promise<void> {
  const config = readServerConfig(process.env);
  if (config.errors.length > 0) throw new Error(config.errors.join(' '));
  // Sign-in is composed by the standalone server only: the dev server must not look protected when it is not.
  if (config.auth.mode !== 'none') {
    throw new Error(
      `AUTH_MODE=${config.auth.mode} is served by npm start only; npm run dev is for local use.`,
    );
  }
  let sandbox: RunningSandbox | null = null;
  if (config.embeddedSandbox !== false) sandbox = await startSandbox(config.embeddedSandbox);
  const proxy = createProxyApp({
    ...config.proxy,
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
