// A request path is chosen by whoever sends it: it must never forge a log line, inside /api or outside it.
import { expect, it } from 'vitest';
import { closedAfterEachTest, startServer } from '../../test-support/node/proxy-under-test.ts';
import { rawGet } from '../../test-support/node/security-probes.ts';

const { track } = closedAfterEachTest();

const hostile = [
  '%0a2026-01-01T00:00:00.000Z%20GET%20/forged%20200%201ms%20upstream=0',
  '%0d%1b[31mred',
  '%e2%80%a8line-separator%e2%80%a9paragraph',
  '%c2%85next-line%c2%9bcsi',
  '%e2%80%aereversed',
];

it.each(['/', '/api/'])('keeps each request on one clean line under %s', async (prefix) => {
  const lines: string[] = [];
  const server = await startServer({ staticDir: null, proxy: { log: (line) => lines.push(line) } });
  track(() => server.close());
  const origin = server.url.replace(/\/$/, '');
  for (const path of hostile) await rawGet(origin, `${prefix}${path}`);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const text = lines.join('\n');
  expect(text.split('\n')).toHaveLength(lines.length);
  expect(lines.length).toBe(hostile.length);
  // eslint-disable-next-line no-control-regex -- looking for what must not be there
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
  for (const line of lines) expect(line).toMatch(/^\S+ GET \/.* \d{3} \d+ms upstream=\d+$/);
});
