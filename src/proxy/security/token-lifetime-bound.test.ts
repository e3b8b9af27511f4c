// A token endpoint that grants an absurd lifetime must not crash the connection (a date beyond any calendar) nor
// leave a session behind that nobody holds a cookie for.
import { expect, it } from 'vitest';
import { closedAfterEachTest, postSessionTo } from '../../test-support/node/proxy-under-test.ts';

const { tinyServer, apiProxy } = closedAfterEachTest();

it.each([1e300, 1e12])(
  'bounds expires_in %s to a day, and keeps only the session it answered with',
  async (expiresIn) => {
    const upstream = await tinyServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: 'forever-token', expires_in: expiresIn, token_type: 'Bearer' }));
    });
    const { server, origin } = await apiProxy();
    const { response, body, cookie } = await postSessionTo(origin, upstream.origin);
    expect(response.status).toBe(201);
    expect(cookie).not.toBeNull();
    const lifetimeMs = Date.parse(String(body.expiresAt)) - Date.now();
    expect(lifetimeMs).toBeGreaterThan(86_000_000);
    expect(lifetimeMs).toBeLessThanOrEqual(86_400_000);
    expect(server.proxy.sessionCount()).toBe(1);
  },
);
