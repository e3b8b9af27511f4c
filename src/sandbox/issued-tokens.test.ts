// The read-only list of issued access tokens, which the leak tests search for in everything the browser saw.
import { afterEach, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './start-sandbox.ts';
import { accessToken } from '../test-support/node/sandbox-http.ts';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
});

it('lists every access token it issued, oldest first, revoked ones included', async () => {
  sandbox = await startSandbox({ quiet: true });
  expect(sandbox.issuedAccessTokens()).toEqual([]);
  const first = await accessToken(sandbox);
  sandbox.revokeTokens();
  const second = await accessToken(sandbox);
  expect(sandbox.issuedAccessTokens()).toEqual([first, second]);
  // A copy: changing it changes nothing in the sandbox.
  sandbox.issuedAccessTokens().length = 0;
  expect(sandbox.issuedAccessTokens()).toHaveLength(2);
});
