// A flood of session creations must not evict a victim's session, and a session that did end must say so: the
// proxy used to fall back to the server's default connection, silently switching the user to another tenant.
import { expect, it } from 'vitest';
import { closedAfterEachTest, connect, postSession } from '../../test-support/node/proxy-under-test.ts';
import { connectionOf } from '../../test-support/node/sandbox-connection.ts';

const { proxyAndSandbox } = closedAfterEachTest();

it('limits session creation per client address (429 with a sentence and Retry-After)', async () => {
  const proxy = await proxyAndSandbox({ proxy: { maxSessions: 50 } });
  const victim = await connect(proxy);
  const statuses: number[] = [];
  let refusal: Record<string, unknown> = {};
  let retryAfter: string | null = null;
  for (let index = 0; index < 200; index += 1) {
    const { response, body } = await postSession(proxy.origin, connectionOf(proxy.sandbox));
    statuses.push(response.status);
    if (response.status === 429) {
      refusal = body;
      retryAfter = response.headers.get('retry-after');
    }
  }
  expect(statuses.filter((status) => status === 201).length).toBeLessThanOrEqual(20);
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(180);
  expect(refusal.detail).toMatch(/^Too many connection attempts from your address: wait \d+ s/);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  const still = await fetch(`${proxy.origin}/api/session`, { headers: { cookie: victim } });
  expect(still.status).toBe(200);
  expect(await still.json()).toMatchObject({ source: 'form' });
});

it('answers an ended session with 401 “your session ended”, never with the default connection', async () => {
  const proxy = await proxyAndSandbox({ useSandboxAsDefault: true, proxy: { maxSessions: 1 } });
  const victim = await connect(proxy);
  await connect(proxy); // evicts the victim's session (cap 1)
  for (const path of ['/api/session', '/api/config/clients', '/api/inventory']) {
    const answer = await fetch(`${proxy.origin}${path}`, { headers: { cookie: victim } });
    expect(answer.status, path).toBe(401);
    expect(await answer.json()).toMatchObject({
      detail: expect.stringMatching(/^Your session ended/) as unknown,
    });
    expect(answer.headers.get('set-cookie')).toMatch(/__Host-idc_session=;.*Max-Age=0/);
  }
  // Without a cookie (cleared), the default connection is what the user gets, knowingly.
  const fresh = await fetch(`${proxy.origin}/api/session`);
  expect(await fresh.json()).toMatchObject({ source: 'server' });
});
