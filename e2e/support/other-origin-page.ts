// A page of another origin (another port of this machine, or another loopback name), served by this test process:
// what an attacker's page would be, to drive the browser against the dashboard from outside it.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtherOriginPage {
  /** The port it listens on (127.0.0.1); reach it as http://127.0.0.1:<port> or http://localhost:<port>. */
  port: number;
  close: () => Promise<void>;
}

/** Serves `html` at every path, with no security headers (an attacker's page sets none). */
export async function serveOtherOriginPage(html: string): Promise<OtherOriginPage> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
