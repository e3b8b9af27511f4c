import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from './start-sandbox.ts';
import { rawHttp, rawStatus, sandboxForEachTest } from '../test-support/node/sandbox-http.ts';

const customerId = '01000000-0000-3000-9000-000000000000';
let sandbox: RunningSandbox;
let token: string;
sandboxForEachTest((started, startedToken) => {
  sandbox = started;
  token = startedToken;
});

function get(target: string, headers: Record<string, string> = {}): string {
  const lines = Object.entries({
    host: 'sandbox',
    authorization: `Bearer ${token}`,
    connection: 'close',
    ...headers,
  }).map(([name, value]) => `${name}: ${value}`);
  return `GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

describe('bad and hostile requests get a clean 4xx, and the sandbox keeps serving', () => {
  afterEach(async () => {
    // Whatever came before, a normal request still works.
    const answer = await rawHttp(sandbox, get(`/${sandbox.customerId}/config/clients`));
    expect(rawStatus(answer)).toBe(200);
  });

  it.each([
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    `/${customerId}/config/..%2f..%2f..%2fetc%2fpasswd`,
    `/${customerId}/config/clients/..%2f..%2floginPolicies`,
    `/${customerId}/config/clients/%2e%2e`,
    `/${customerId}/config/clients/%00`,
    `/${customerId}/config/clients/%zz`,
    `/${customerId}/config/clients/${'a'.repeat(8_000)}`,
    '/%zz',
    '//evil.example/x',
    'http://evil.example/../../x',
    '/__sandbox/../__sandbox/stats/..%2fother',
    '/__sandbox/reset',
  ])('GET %s', async (target) => {
    const status = rawStatus(await rawHttp(sandbox, get(target)));
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('answers a garbage request line with 400', async () => {
    expect(rawStatus(await rawHttp(sandbox, 'NOT HTTP AT ALL\r\n\r\n'))).toBe(400);
  });

  it('answers oversized headers with 431', async () => {
    const answer = await rawHttp(
      sandbox,
      get(`/${sandbox.customerId}/config/clients`, { 'x-padding': 'x'.repeat(20_000) }),
    );
    expect(rawStatus(answer)).toBe(431);
  });

  it('answers a token request with a huge chunked body with 413', async () => {
    const chunk = 'x'.repeat(16 * 1024);
    const chunks = Array.from({ length: 8 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const request =
      `POST /${sandbox.customerId}/login/token HTTP/1.1\r\nhost: sandbox\r\nconnection: close\r\n` +
      'content-type: application/x-www-form-urlencoded\r\ntransfer-encoding: chunked\r\n\r\n' +
      `${chunks}0\r\n\r\n`;
    expect(rawStatus(await rawHttp(sandbox, request))).toBe(413);
  });

  it('answers garbage and oversized Authorization headers on /config with 401', async () => {
    for (const authorization of [
      'Bearer ' + '\u00ff'.repeat(10),
      'Bearer ' + 'a'.repeat(10_000),
      'Bearer ../../x',
      'Bearer %00',
    ]) {
      const answer = await rawHttp(sandbox, get(`/${sandbox.customerId}/config/clients`, { authorization }));
      expect(rawStatus(answer)).toBe(401);
    }
  });

  it('keeps error bodies to JSON with an errors string, never a stack trace', async () => {
    const answer = await rawHttp(sandbox, get(`/${sandbox.customerId}/config/clients/%00`));
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(body)).toEqual({ errors: 'Client not found' });
  });
});
