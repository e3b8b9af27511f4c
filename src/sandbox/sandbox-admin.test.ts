// The admin operations over real HTTP, seen through the configuration API a dashboard reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestToken } from '../test-support/node/sandbox-http.ts';
import { startSandbox, type RunningSandbox } from './start-sandbox.ts';

let sandbox: RunningSandbox;
let token: string;

beforeEach(async () => {
  sandbox = await startSandbox({ quiet: true, clients: 20, latencyMs: 0 });
  const response = await requestToken(sandbox);
  token = ((await response.json()) as { access_token: string }).access_token;
});
afterEach(async () => {
  await sandbox.close();
});

function admin(path: string, body: unknown, contentType = 'application/json'): Promise<Response> {
  return fetch(`${sandbox.identityDomain}/__sandbox/admin/${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: JSON.stringify(body),
  });
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the test names what it expects
async function config<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${sandbox.identityDomain}/${sandbox.customerId}/config/${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as T };
}

type Client = { id: string; name: string; redirectURIs: string[]; tokenPolicy: string };
type List = { total: number; _embedded: { clients: { id: string; name: string }[] } };

describe('the sandbox admin operations', () => {
  it('renames a client, in its details and in the list', async () => {
    const id = sandbox.data.clients[3]?.id ?? '';
    expect((await admin(`clients/${id}/rename`, { name: 'Renamed by a test' })).status).toBe(200);
    expect((await config<Client>(`clients/${id}`)).body.name).toBe('Renamed by a test');
    const list = await config<List>('clients');
    expect(list.body._embedded.clients.find((client) => client.id === id)?.name).toBe('Renamed by a test');
  });

  it('adds a client, which the list and its details then show', async () => {
    const response = await admin('clients', { name: 'New app', redirectURIs: ['https://new.example/cb'] });
    expect(response.status).toBe(201);
    const { client } = (await response.json()) as { client: Client };
    expect((await config<List>('clients')).body.total).toBe(21);
    expect((await config<Client>(`clients/${client.id}`)).body).toMatchObject({
      name: 'New app',
      redirectURIs: ['https://new.example/cb'],
    });
  });

  it('deletes a client: gone from the list, its details answer 404', async () => {
    const id = sandbox.data.clients[5]?.id ?? '';
    expect((await admin(`clients/${id}/delete`, {})).status).toBe(200);
    expect((await config<List>('clients')).body.total).toBe(19);
    expect((await config(`clients/${id}`)).status).toBe(404);
  });

  it('adds a redirect URI and changes a token policy’s lifetime', async () => {
    const target = sandbox.data.clients.find((client) => client.type === 'public');
    const id = target?.id ?? '';
    expect((await admin(`clients/${id}/redirect-uris`, { uri: 'https://added.example/cb' })).status).toBe(
      200,
    );
    expect((await config<Client>(`clients/${id}`)).body.redirectURIs).toContain('https://added.example/cb');
    const policy = target?.tokenPolicy ?? '';
    expect((await admin(`token-policies/${policy}/lifetime`, { accessTokenLifetime: 42 })).status).toBe(200);
    expect(
      (await config<{ accessTokenLifetime: number }>(`tokenPolicies/${policy}`)).body.accessTokenLifetime,
    ).toBe(42);
  });

  it('refuses what is not a JSON body, names the bad field, and says what does not exist', async () => {
    const id = sandbox.data.clients[0]?.id ?? '';
    expect((await admin(`clients/${id}/rename`, { name: 'x' }, 'text/plain')).status).toBe(415);
    const bad = await admin(`clients/${id}/rename`, { name: '' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: expect.stringMatching(/^name: /) as unknown });
    const missing = await admin('clients/no-such-client/rename', { name: 'x' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errors: 'No client with id no-such-client in the sandbox.' });
    expect((await admin('nothing-here', {})).status).toBe(404);
  });
});
