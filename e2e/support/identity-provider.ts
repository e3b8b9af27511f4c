// A real OpenID Provider (oidc-provider, the certified Node implementation) on loopback, for the sign-in journeys:
// one confidential client for the dashboard, a few people, and its own login and consent pages. Served as
// http://localhost:<port> so that its cookies live apart from the dashboard's (127.0.0.1) in the browser.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account } from 'oidc-provider';

export interface TestPerson {
  email: string;
  name: string;
  groups: string[];
}

export const testPeople: Record<string, TestPerson> = {
  alice: { email: 'alice@example.com', name: 'Alice Admin', groups: ['idc-admins'] },
  bob: { email: 'bob@example.com', name: 'Bob Reader', groups: ['idc-readers'] },
  mallory: { email: 'mallory@example.com', name: 'Mallory Outsider', groups: ['contractors'] },
};

export interface RunningIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Every ID token and access token the provider issued: none may ever reach the browser. */
  issuedTokens: string[];
  /** Names of the cookies the provider sets on its own origin. */
  cookieNames: readonly string[];
  close(): Promise<void>;
}

export interface IdentityProviderOptions {
  /** The dashboard's callback and signed-out URLs, registered for the client. */
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** Lifetime of ID tokens in seconds (default 3600). */
  idTokenTtlSeconds?: number;
  /** Hold every token response this long after it is minted (a slow network), for the expired-token case. */
  holdTokenResponseMs?: number;
}

export async function startIdentityProvider(
  options: IdentityProviderOptions,
): Promise<RunningIdentityProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://localhost:${port}`;
  const clientId = 'client-inventory';
  const clientSecret = `test-oidc-secret-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const issuedTokens: string[] = [];

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    findAccount: (_ctx: unknown, sub: string): Account | undefined => {
      const person = testPeople[sub];
      if (person === undefined) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: person.email,
          email_verified: true,
          name: person.name,
          groups: person.groups,
        }),
      };
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    ttl: { IdToken: options.idTokenTtlSeconds ?? 3600 },
    cookies: { keys: ['identity-provider-test-cookie-key'] },
  });
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || typeof ctx.body !== 'object' || ctx.body === null) return;
    const body = ctx.body as Record<string, unknown>;
    for (const key of ['id_token', 'access_token', 'refresh_token']) {
      const token = body[key];
      if (typeof token === 'string') issuedTokens.push(token);
    }
    if (options.holdTokenResponseMs !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, options.holdTokenResponseMs));
    }
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    issuedTokens,
    cookieNames: [
      '_interaction',
      '_interaction_resume',
      '_session',
      '_session.legacy',
      '_interaction.sig',
      '_session.sig',
    ],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
