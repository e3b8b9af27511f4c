// Builders of small inventories for the domain module's tests (findings, export, drift). Test-only by use.
import type { Inventory } from './inventory.ts';
import { applyInventoryLine, emptyInventory } from './inventory.ts';
import type { InventoryLine } from './inventory-stream.ts';
import type { Client, LoginPolicy, TokenPolicy } from './schemas.ts';

export interface InventoryFixture {
  clients?: Client[];
  loginPolicies?: LoginPolicy[];
  tokenPolicies?: TokenPolicy[];
  /** Stream error lines: failed items or lists. */
  failures?: { resource: string; id?: string | null; status: number; detail?: string }[];
  /** Listed clients without details (their fetch failed or is pending). */
  extraSummaries?: { id: string; name?: string }[];
  /** Whether the stream's done line arrived. Default true. */
  finished?: boolean;
}

export function buildInventory(fixture: InventoryFixture): Inventory {
  const clients = fixture.clients ?? [];
  const summaries = [
    ...clients.map((client) => ({ id: client.id, name: client.name })),
    ...(fixture.extraSummaries ?? []),
  ];
  const lines: InventoryLine[] = [{ kind: 'list', total: summaries.length, clients: summaries }];
  for (const client of clients) lines.push({ kind: 'client', client });
  for (const policy of fixture.loginPolicies ?? []) lines.push({ kind: 'loginPolicy', policy });
  for (const policy of fixture.tokenPolicies ?? []) lines.push({ kind: 'tokenPolicy', policy });
  for (const failure of fixture.failures ?? []) {
    lines.push({
      kind: 'error',
      resource: failure.resource,
      id: failure.id ?? null,
      status: failure.status,
      detail: failure.detail ?? `HTTP ${failure.status}`,
    });
  }
  if (fixture.finished ?? true) {
    lines.push({ kind: 'done', clients: clients.length, failed: fixture.failures?.length ?? 0, ms: 1 });
  }
  const inventory = emptyInventory();
  for (const line of lines) applyInventoryLine(inventory, line);
  return inventory;
}

export const loginPolicyA: LoginPolicy = {
  id: 'lp-a',
  title: 'Customer login',
  loginURL: 'https://login.example.com/',
};
export const loginPolicyB: LoginPolicy = {
  id: 'lp-b',
  title: 'Staff login',
  loginURL: 'https://staff.example.com/',
};
export const tokenPolicyA: TokenPolicy = {
  id: 'tp-a',
  title: 'Standard tokens',
  accessTokenLifetime: 3600,
  refreshTokenLifetime: 7_776_000,
  allowedScopes: ['openid', 'profile'],
};
export const tokenPolicyConfig: TokenPolicy = {
  id: 'tp-config',
  title: 'Configuration',
  accessTokenLifetime: 3600,
  refreshTokenLifetime: 7_776_000,
  allowedScopes: ['*:config/**'],
};

/** The policies the fixture clients name by default: login policy lp-a, token policies tp-a and tp-config. */
export const referencedPolicies = {
  loginPolicies: [loginPolicyA],
  tokenPolicies: [tokenPolicyA, tokenPolicyConfig],
} satisfies InventoryFixture;

/** The referenced policies and login policy lp-b, which a client may be moved to. */
export const bothLoginPolicies = {
  loginPolicies: [loginPolicyA, loginPolicyB],
  tokenPolicies: [tokenPolicyA, tokenPolicyConfig],
} satisfies InventoryFixture;

export function publicClient(
  id: string,
  redirectURIs: string[] = [`https://${id}.example.com/callback`],
): Client {
  return { id, name: `Public ${id}`, type: 'public', redirectURIs, loginPolicy: 'lp-a', tokenPolicy: 'tp-a' };
}

export function confidentialClient(
  id: string,
  redirectURIs: string[] = [`https://${id}.example.com/callback`],
  policies: { loginPolicy?: string; tokenPolicy?: string } = {},
): Client {
  return {
    id,
    name: `Confidential ${id}`,
    type: 'confidential',
    redirectURIs,
    loginPolicy: policies.loginPolicy ?? 'lp-a',
    tokenPolicy: policies.tokenPolicy ?? 'tp-a',
    _links: { applicationClient: { href: `/apps/${id}` } },
  };
}

export function configurationClient(id: string, tokenPolicy = 'tp-config'): Client {
  return { id, name: `Config ${id}`, type: 'confidential', redirectURIs: [], tokenPolicy };
}
