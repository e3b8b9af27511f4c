import { describe, expect, it } from 'vitest';
import { evaluateInventory } from '../findings/evaluate-inventory.ts';
import type { InventoryFixture } from '../inventory-fixtures.ts';
import {
  buildInventory,
  confidentialClient,
  configurationClient,
  loginPolicyA,
  publicClient,
  tokenPolicyA,
  tokenPolicyConfig,
} from '../inventory-fixtures.ts';
import type { LoginPolicy, TokenPolicy } from '../schemas.ts';
import type { MigrationTarget } from './migration-target.ts';
import { migrationTargets } from './migration-target.ts';
import type { ReasonCode } from './readiness.ts';
import { migrationPlan, verdictOf } from './readiness.ts';

const hostedV2: LoginPolicy = {
  ...loginPolicyA,
  loginURL: 'https://v1.api.us.janrain.com/cust/auth-ui/v2/login',
};

function planOf(target: MigrationTarget, fixture: InventoryFixture) {
  const inventory = buildInventory({
    loginPolicies: [hostedV2],
    tokenPolicies: [tokenPolicyA, tokenPolicyConfig],
    ...fixture,
  });
  return migrationPlan(target, inventory, evaluateInventory(inventory));
}

function only(target: MigrationTarget, fixture: InventoryFixture) {
  const [client] = planOf(target, fixture).clients;
  if (!client) throw new Error('no client in the plan');
  return client;
}

function codes(reasons: { code: ReasonCode }[]): ReasonCode[] {
  return reasons.map((reason) => reason.code);
}

describe('migration readiness', () => {
  it.each(migrationTargets)('a clean public SPA on Hosted Login v2 is Ready for %s', (target) => {
    const client = only(target, { clients: [publicClient('spa')] });
    expect(client.verdict).toBe('ready');
    expect(client.targetType).toBe('spa');
    expect(codes(client.reasons)).toEqual(['hosted-login-v2']);
    expect(client.acceptedRedirectUris).toEqual(['https://spa.example.com/callback']);
  });

  it('a public client with an app-scheme redirect becomes a native app', () => {
    const client = only('auth0', { clients: [publicClient('app', ['com.example.app:/oauth2redirect'])] });
    expect(client.targetType).toBe('native');
    expect(client.verdict).toBe('ready');
  });

  it.each(migrationTargets)(
    'every confidential client on %s needs its new secret deployed: Change required',
    (target) => {
      const client = only(target, { clients: [confidentialClient('web')] });
      expect(client.targetType).toBe('web');
      expect(client.verdict).toBe('change');
      expect(codes(client.reasons)).toContain('secret-redeploy');
      expect(client.reasons.find((reason) => reason.code === 'secret-redeploy')?.message).toMatch(
        /secret does not migrate/,
      );
    },
  );

  it.each(migrationTargets)(
    'a configuration client becomes the admin client on %s, never dropped: Reimagine',
    (target) => {
      const plan = planOf(target, { clients: [configurationClient('cfg')] });
      expect(plan.clients).toHaveLength(1);
      const [client] = plan.clients;
      expect(client?.targetType).toBe('admin');
      expect(client?.verdict).toBe('reimagine');
      expect(codes(client?.reasons ?? [])).toContain('configuration-client');
    },
  );

  it('a public client without a redirect URI is to be reimagined', () => {
    const client = only('keycloak', { clients: [publicClient('tv', [])] });
    expect(client.verdict).toBe('reimagine');
    expect(codes(client.reasons)).toContain('no-redirect-uri');
  });

  it.each([
    ['pingone', 'http://intranet.example.com/cb', /localhost and 127\.0\.0\.1/],
    ['pingone', 'http://[::1]:8080/cb', /localhost and 127\.0\.0\.1/],
    ['keycloak', 'https://*.preview.example.com/cb', /never in the host/],
    ['keycloak', 'https://app.example.com/*/cb', /end of the path/],
    ['auth0', 'https://app.example.com/cb/*', /left-most label/],
    ['auth0', 'https://a.*.example.com/cb', /left-most label/],
    ['pingone', 'https://shop.example.com/cb#token', /fragment/],
    ['keycloak', 'javascript:alert(1)', /javascript: scheme/],
    ['auth0', 'https://[stores.example.com/cb', /well-formed/],
  ] as const)('on %s, the redirect URI %s is refused and left out', (target, uri, reason) => {
    const client = only(target, { clients: [publicClient('c', [uri, 'https://ok.example.com/cb'])] });
    expect(client.verdict).toBe('change');
    const refused = client.reasons.filter((entry) => entry.code === 'redirect-uri-refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.message).toMatch(reason);
    expect(refused[0]?.message).toContain(uri);
    expect(client.acceptedRedirectUris).toEqual(['https://ok.example.com/cb']);
  });

  it.each([
    ['auth0', 'https://*.preview.example.com/cb'],
    ['pingone', 'https://*.preview.example.com/cb'],
    ['keycloak', 'https://app.example.com/*'],
    ['keycloak', 'http://intranet.example.com/cb'],
    ['pingone', 'http://127.0.0.1:3000/cb'],
    ['neutral', 'http://intranet.example.com/cb'],
  ] as const)('on %s, the redirect URI %s is accepted', (target, uri) => {
    const client = only(target, { clients: [publicClient('c', [uri])] });
    expect(client.acceptedRedirectUris).toEqual([uri]);
    expect(codes(client.reasons)).not.toContain('redirect-uri-refused');
  });

  it('a PingOne wildcard is accepted with a note that the files allow wildcards for it', () => {
    const client = only('pingone', { clients: [publicClient('c', ['https://*.preview.example.com/cb'])] });
    expect(client.reasons.find((reason) => reason.code === 'redirect-uri-note')?.message).toMatch(
      /allow_wildcard_in_redirect_uris/,
    );
  });

  it.each([
    ['pingone', { accessTokenLifetime: 120 }, /Access token lifetime 120 s is below the 300 s minimum/],
    ['auth0', { refreshTokenLifetime: 200_000_000 }, /above the 157,788,000 s maximum/],
    ['pingone', { refreshTokenLifetime: 30 }, /below the 60 s minimum/],
  ] as const)('on %s, a lifetime outside the target limits is a change: %o', (target, lifetimes, reason) => {
    const policy: TokenPolicy = { ...tokenPolicyA, ...lifetimes };
    const client = only(target, { clients: [publicClient('c')], tokenPolicies: [policy] });
    expect(client.verdict).toBe('change');
    const problem = client.reasons.find((entry) => entry.code === 'lifetime-out-of-range');
    expect(problem?.message).toMatch(reason);
  });

  it('Identity Cloud lifetimes within range fit every target', () => {
    for (const target of migrationTargets) {
      const client = only(target, { clients: [publicClient('c')] });
      expect(codes(client.reasons)).not.toContain('lifetime-out-of-range');
    }
  });

  it.each([
    ['keycloak', /protocol mappers/],
    ['auth0', /Action on the post-login trigger/],
    ['pingone', /attribute mappings/],
  ] as const)('on %s, login policy custom claims are to be recreated as claim mappings', (target, how) => {
    const policy: LoginPolicy = {
      ...hostedV2,
      customClaims: { id_token: { loyalty: 'loyalty.tier' }, userinfo: { phone: 'mobileNumber' } },
    };
    const client = only(target, { clients: [publicClient('c')], loginPolicies: [policy] });
    expect(client.verdict).toBe('change');
    const claims = client.reasons.find((reason) => reason.code === 'custom-claims');
    expect(claims?.message).toContain('loyalty (id_token), phone (userinfo)');
    expect(claims?.message).toMatch(how);
  });

  it('custom claims withheld as a plain value still count as claims to recreate', () => {
    const policy: LoginPolicy = { ...hostedV2, customClaims: { id_token: '[redacted]' } };
    const client = only('auth0', { clients: [publicClient('c')], loginPolicies: [policy] });
    expect(client.reasons.find((reason) => reason.code === 'custom-claims')?.message).toContain(
      'the id_token claims',
    );
  });

  it('tells Hosted Login v1 (a change) from v2 (to know) and from an own login page (a change)', () => {
    const v1: LoginPolicy = { ...hostedV2, loginURL: 'https://v1.api.us.janrain.com/cust/auth-ui/login' };
    const own: LoginPolicy = { ...hostedV2, loginURL: 'https://login.example.com/sign-in' };
    const onV1 = only('auth0', { clients: [publicClient('c')], loginPolicies: [v1] });
    expect(codes(onV1.reasons)).toEqual(['hosted-login-v1']);
    expect(onV1.verdict).toBe('change');
    const onOwn = only('auth0', { clients: [publicClient('c')], loginPolicies: [own] });
    expect(codes(onOwn.reasons)).toEqual(['custom-login-page']);
    expect(onOwn.reasons[0]?.message).toContain('https://login.example.com/sign-in');
    const onV2 = only('auth0', { clients: [publicClient('c')] });
    expect(onV2.reasons[0]?.level).toBe('info');
  });

  it('existing findings of medium severity or worse are to be fixed first; lower ones are to know', () => {
    const client = only('neutral', {
      clients: [publicClient('c', ['myapp:/cb', 'https://ok.example.com/cb', 'https://ok.example.com/cb'])],
    });
    const lower = client.reasons.filter((reason) => reason.code === 'finding-to-know');
    expect(lower.length).toBeGreaterThanOrEqual(2);
    expect(client.verdict).toBe('ready');
    const risky = only('neutral', { clients: [publicClient('c', ['https://*.example.com/cb'])] });
    expect(risky.verdict).toBe('change');
    expect(risky.reasons.find((reason) => reason.code === 'finding-to-fix')?.message).toMatch(
      /^Fix before migrating/,
    );
  });

  it("a finding on the client's token policy counts for the client", () => {
    const longRefresh: TokenPolicy = { ...tokenPolicyA, refreshTokenLifetime: 31_536_000 };
    const client = only('neutral', { clients: [publicClient('c')], tokenPolicies: [longRefresh] });
    expect(codes(client.reasons)).toContain('finding-to-fix');
  });

  it('counts clients per verdict', () => {
    const plan = planOf('keycloak', {
      clients: [publicClient('a'), publicClient('b'), confidentialClient('c'), configurationClient('d')],
    });
    expect(plan.countsByVerdict).toEqual({ ready: 2, change: 1, reimagine: 1 });
  });

  it('the verdict is the worst reason level', () => {
    expect(verdictOf([])).toBe('ready');
    expect(verdictOf([{ code: 'hosted-login-v2', level: 'info', message: '' }])).toBe('ready');
    expect(
      verdictOf([
        { code: 'secret-redeploy', level: 'change', message: '' },
        { code: 'configuration-client', level: 'reimagine', message: '' },
      ]),
    ).toBe('reimagine');
  });
});

describe('how the plan names a client', () => {
  it('as the grid does, also when it has no name of its own', () => {
    const plan = planOf('auth0', {
      clients: [{ ...publicClient('anon'), name: ' ' }],
      extraSummaries: [{ id: 'later' }],
      finished: false,
    });
    expect(plan.clients.map((client) => client.name)).toEqual(['Unnamed client (anon)']);
    expect(plan.missing.map((item) => item.reason)).toContain(
      'Client Unnamed client (later) has no details yet.',
    );
  });
});

describe('what a migration is missing', () => {
  it('a failed client detail is missing; a 404 after listing is gone, not missing', () => {
    const plan = planOf('auth0', {
      clients: [publicClient('a')],
      extraSummaries: [
        { id: 'broken', name: 'Broken' },
        { id: 'deleted', name: 'Deleted' },
      ],
      failures: [
        { resource: 'client', id: 'broken', status: 500, detail: 'upstream error' },
        { resource: 'client', id: 'deleted', status: 404, detail: 'not found' },
      ],
    });
    expect(plan.missing).toEqual([
      {
        resource: 'client',
        id: 'broken',
        reason: 'Client Broken could not be read (HTTP 500: upstream error).',
      },
    ]);
    expect(plan.gone).toEqual([{ id: 'deleted', name: 'Deleted' }]);
  });

  it('a policy answering 404 is a dangling reference, not a gap; a refused policy list is a gap', () => {
    expect(
      planOf('auth0', {
        clients: [publicClient('a')],
        failures: [{ resource: 'loginPolicy', id: 'lp-x', status: 404 }],
      }).missing,
    ).toEqual([]);
    expect(
      planOf('auth0', {
        clients: [publicClient('a')],
        failures: [{ resource: 'tokenPolicyList', status: 403, detail: 'Forbidden' }],
      }).missing.map((item) => item.reason),
    ).toEqual(['The token policy list could not be read (HTTP 403: Forbidden).']);
  });

  it('an unfinished inventory and clients without details are missing', () => {
    const plan = planOf('pingone', {
      clients: [publicClient('a')],
      extraSummaries: [{ id: 'later', name: 'Later' }],
      finished: false,
    });
    expect(plan.missing.map((item) => item.reason)).toEqual([
      'Client Later has no details yet.',
      'The inventory has not finished reading.',
    ]);
  });
});
