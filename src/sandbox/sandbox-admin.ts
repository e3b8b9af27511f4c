// The sandbox's admin operations: change the tenant between two reads (tests, demos, the history journeys).
// Served by the sandbox itself under /__sandbox/admin/ (never by the proxy, which forwards GETs of /config only),
// and only for JSON bodies: a cross-origin page cannot send one without a preflight the sandbox never answers.
import { randomUUID } from 'node:crypto';
import type { Env, Hono } from 'hono';
import { z } from 'zod';
import { jsonResponse } from './responses.ts';
import type { SandboxState } from './sandbox-state.ts';
import type { SandboxClient } from './tenant-types.ts';

export interface SandboxAdmin {
  /** Adds a client (public unless said otherwise) with the tenant's standard policies; returns it. */
  addClient(client: {
    name: string;
    type?: 'public' | 'confidential';
    redirectURIs?: string[];
    id?: string;
  }): SandboxClient;
  renameClient(id: string, name: string): void;
  addRedirectUri(id: string, uri: string): void;
  deleteClient(id: string): void;
  setTokenPolicyLifetime(id: string, accessTokenLifetime: number): void;
}

const name = z.string().trim().min(1).max(200);
const uri = z.string().min(1).max(2000);
const addClientBody = z.strictObject({
  name,
  type: z.enum(['public', 'confidential']).optional(),
  redirectURIs: z.array(uri).max(100).optional(),
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});
const renameBody = z.strictObject({ name });
const redirectBody = z.strictObject({ uri });
const lifetimeBody = z.strictObject({ accessTokenLifetime: z.number().int().min(1).max(31_536_000) });
const emptyBody = z.strictObject({});

export function createSandboxAdmin(state: SandboxState): SandboxAdmin {
  const client = (id: string): SandboxClient => {
    const found = state.tenant.clients.find((candidate) => candidate.id === id);
    if (found === undefined) throw new RangeError(`No client with id ${id} in the sandbox.`);
    return found;
  };
  return {
    addClient: (input) => {
      const id = input.id ?? randomUUID();
      if (state.tenant.clients.some((candidate) => candidate.id === id)) {
        throw new RangeError(`A client with id ${id} already exists.`);
      }
      const loginPolicy = state.tenant.loginPolicies[0]?.id;
      const tokenPolicy = state.tenant.tokenPolicies.find(
        (policy) => policy.id !== state.tenant.special.configurationTokenPolicy,
      )?.id;
      if (loginPolicy === undefined || tokenPolicy === undefined)
        throw new RangeError('The sandbox has no policies.');
      const added: SandboxClient = {
        id,
        name: input.name,
        type: input.type ?? 'public',
        redirectURIs: input.redirectURIs ?? [],
        loginPolicy,
        tokenPolicy,
        _links: { self: { href: `/${state.tenant.customerId}/config/clients/${id}` } },
      };
      state.tenant.clients.push(added);
      state.changed('clients');
      return added;
    },
    renameClient: (id, newName) => {
      client(id).name = newName;
      state.changed('clients');
    },
    addRedirectUri: (id, added) => {
      client(id).redirectURIs.push(added);
      state.changed('clients');
    },
    deleteClient: (id) => {
      state.deleteClient(id);
    },
    setTokenPolicyLifetime: (id, lifetime) => {
      const policy = state.tenant.tokenPolicies.find((candidate) => candidate.id === id);
      if (policy === undefined) throw new RangeError(`No token policy with id ${id} in the sandbox.`);
      policy.accessTokenLifetime = lifetime;
      state.changed('tokenPolicies');
    },
  };
}

function adminError(status: number, message: string): Response {
  return jsonResponse(JSON.stringify({ errors: message }), status, { 'cache-control': 'no-store' });
}

async function readBody<Schema extends z.ZodType>(request: Request, schema: Schema) {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return {
      ok: false as const,
      response: adminError(415, 'Admin operations take a JSON body (application/json).'),
    };
  }
  let data: unknown;
  try {
    data = await request.json();
  } catch {
    return { ok: false as const, response: adminError(400, 'The body is not JSON.') };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(body)';
    return { ok: false as const, response: adminError(400, `${field}: ${issue?.message ?? 'invalid'}`) };
  }
  return { ok: true as const, data: parsed.data };
}

function run(action: () => unknown, status = 200): Response {
  try {
    const result = action();
    return jsonResponse(JSON.stringify(result ?? { ok: true }), status, { 'cache-control': 'no-store' });
  } catch (error) {
    if (error instanceof RangeError) return adminError(404, error.message);
    throw error;
  }
}

/** POST /__sandbox/admin/…: see docs/history.md, "Changing the sandbox tenant". */
export function mountSandboxAdmin<E extends Env>(app: Hono<E>, admin: SandboxAdmin): void {
  const base = '/__sandbox/admin';
  app.post(`${base}/clients`, async (c) => {
    const body = await readBody(c.req.raw, addClientBody);
    return body.ok ? run(() => ({ client: admin.addClient(body.data) }), 201) : body.response;
  });
  app.post(`${base}/clients/:id/rename`, async (c) => {
    const body = await readBody(c.req.raw, renameBody);
    return body.ok ? run(() => admin.renameClient(c.req.param('id'), body.data.name)) : body.response;
  });
  app.post(`${base}/clients/:id/redirect-uris`, async (c) => {
    const body = await readBody(c.req.raw, redirectBody);
    return body.ok ? run(() => admin.addRedirectUri(c.req.param('id'), body.data.uri)) : body.response;
  });
  app.post(`${base}/clients/:id/delete`, async (c) => {
    const body = await readBody(c.req.raw, emptyBody);
    return body.ok ? run(() => admin.deleteClient(c.req.param('id'))) : body.response;
  });
  app.post(`${base}/token-policies/:id/lifetime`, async (c) => {
    const body = await readBody(c.req.raw, lifetimeBody);
    return body.ok
      ? run(() => admin.setTokenPolicyLifetime(c.req.param('id'), body.data.accessTokenLifetime))
      : body.response;
  });
  app.all(`${base}/*`, () => adminError(404, 'No such sandbox admin operation (see docs/history.md).'));
}
