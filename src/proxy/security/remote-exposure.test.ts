// The server's default connection needs no sign-in, so it must not reach other machines: the server refuses to
// start on a non-loopback address with one (unless told to accept the risk, with a warning), and even then serves
// it only to peers whose socket is on loopback, whatever Host they claim.
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  closedAfterEachTest,
  startServer,
  type RunningServer,
} from '../../test-support/node/proxy-under-test.ts';

const { track } = closedAfterEachTest();

/** This machine's first non-loopback IPv4 address, to reach the server as another machine would. */
function externalAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (!address.internal && address.family === 'IPv4') return address.address;
    }
  }
  return null;
}

function get(address: string, port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // Host says loopback: the Host allowlist guards against DNS rebinding and is no authentication.
    request({ host: address, port, path, headers: { host: '127.0.0.1' } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('a default connection beyond loopback', () => {
  it.each([
    ['the embedded sandbox', { embeddedSandbox: { clients: 3 } }],
    [
      'IDC_* settings',
      {
        proxy: {
          defaultConnection: {
            identityDomain: 'https://v1.api.us.janrain.com',
            customerId: '01000000-0000-3000-9000-000000000000',
            clientId: 'id',
            clientSecret: 'secret',
          },
        },
      },
    ],
  ])('refuses to start on 0.0.0.0 with %s and no authentication', async (_name, options) => {
    await expect(
      startServer({ host: '0.0.0.0', staticDir: null, ...options }).then((server) => {
        track(() => server.close());
      }),
    ).rejects.toThrow(/Refusing to listen on 0\.0\.0\.0.*ALLOW_UNAUTHENTICATED_REMOTE=1/);
  });

  it('starts on 0.0.0.0 without a default connection (each user brings a configuration client)', async () => {
    const server = await startServer({ host: '0.0.0.0', staticDir: null, proxy: { log: () => undefined } });
    track(() => server.close());
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('with ALLOW_UNAUTHENTICATED_REMOTE, warns, and serves the default connection to loopback peers only', async () => {
    const warnings: string[] = [];
    const server: RunningServer = await startServer({
      host: '0.0.0.0',
      staticDir: null,
      embeddedSandbox: { clients: 3 },
      allowUnauthenticatedRemote: true,
      warn: (line) => warnings.push(line),
      proxy: { log: () => undefined },
    });
    track(() => server.close());
    expect(warnings).toEqual([expect.stringMatching(/^WARNING: listening on 0\.0\.0\.0 .*no sign-in/)]);
    const port = Number(new URL(server.url).port);

    const local = await get('127.0.0.1', port, '/api/session');
    expect(local.status).toBe(200);
    expect(JSON.parse(local.body)).toMatchObject({ source: 'server' });

    const external = externalAddress();
    if (external === null) {
      console.log('no non-loopback interface on this machine: the remote half of this test was not run');
      return;
    }
    for (const path of ['/api/session', '/api/inventory', '/api/config/clients']) {
      const remote = await get(external, port, path);
      expect(remote.status, path).toBe(401);
      expect(JSON.parse(remote.body)).toMatchObject({
        detail: expect.stringMatching(/only served on the machine it runs on/) as unknown,
      });
    }
    expect(server.sandbox?.stats().totalRequests).toBe(1); // the loopback peer's token exchange only
  });
});
