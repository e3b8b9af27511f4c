// The session's secrets are redacted from what the proxy sends back even when the tenant echoes them in odd ways:
// an old token during the refresh margin, a token inside a longer string, a token at the very end of a long error
// text (which used to be cut to 200 characters first, so that its prefix survived).
import { expect, it } from 'vitest';
import { closedAfterEachTest, connectTo } from '../../test-support/node/proxy-under-test.ts';

const { tinyServer, apiProxy } = closedAfterEachTest();

it('redacts every token ever issued and the secret, before any truncation', async () => {
  const issued: string[] = [];
  const secret = 'LEAKCANARY-client-secret-0123456789';
  const upstream = await tinyServer((request, response) => {
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.url?.endsWith('/login/token') === true) {
      const token = `tok-${issued.length}-${'z'.repeat(32)}`;
      issued.push(token);
      json(200, { access_token: token, expires_in: 1, token_type: 'Bearer' });
    } else if (request.url?.endsWith('/clients/echo') === true) {
      json(200, {
        id: 'echo',
        name: 'echo',
        note: `auth was Bearer ${issued[0] ?? ''} ok`,
        basic: Buffer.from(`config-client:${secret}`).toString('base64'),
      });
    } else {
      json(404, { errors: `${'x'.repeat(190)} ${issued.at(-1) ?? ''} ${secret}` });
    }
  });
  const { origin } = await apiProxy();
  const cookie = await connectTo(origin, upstream.origin, {
    clientId: 'config-client',
    clientSecret: secret,
  });
  // Into the refresh margin (the last tenth of the 1 s lifetime): the next request exchanges a fresh token.
  await new Promise((resolve) => setTimeout(resolve, 950));
  const echo = await (await fetch(`${origin}/api/config/clients/echo`, { headers: { cookie } })).text();
  const missing = await (await fetch(`${origin}/api/config/clients/gone`, { headers: { cookie } })).text();
  expect(issued.length).toBeGreaterThanOrEqual(2);
  for (const text of [echo, missing]) {
    for (const token of issued) expect(text).not.toContain(token.slice(0, 12));
    expect(text).not.toContain('LEAKCANARY');
    expect(text).not.toContain(Buffer.from(`config-client:${secret}`).toString('base64'));
  }
  expect(echo).toContain('auth was Bearer [redacted] ok');
  expect(JSON.parse(echo)).toMatchObject({ basic: expect.stringContaining('[redacted]') as unknown });
  expect(JSON.parse(missing)).toMatchObject({ status: 404 });
});
