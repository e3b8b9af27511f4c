// The relying party, via openid-client: discovery, authorization code with PKCE, state and nonce, and every ID
// token check done by the library (signature, issuer, audience, expiry, nonce). Nothing here parses a JWT.
import * as client from 'openid-client';
import type { OidcSettings } from './auth-config.ts';
import type { SignedInUser } from './signed-in-user.ts';

/** What a sign-in in progress must remember until the provider sends the browser back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export interface OidcClient {
  /** The provider's authorization URL for a new sign-in, and what to remember for its callback. */
  start(returnTo: string, options: { forceLogin: boolean }): Promise<{ url: URL; pending: PendingSignIn }>;
  /** Completes the sign-in from the callback's query string; throws when any check fails. */
  finish(search: string, pending: PendingSignIn, groupsClaim: string): Promise<SignedInUser>;
  /** The provider's end-session URL (RP-initiated logout), or null when it has none. */
  endSessionUrl(): Promise<URL | null>;
}

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((item) => item !== '');
  return [];
}

export function userFromClaims(claims: Record<string, unknown>, groupsClaim: string): SignedInUser {
  const id = stringClaim(claims, 'sub') ?? '';
  const email = stringClaim(claims, 'email');
  const name = stringClaim(claims, 'name') ?? stringClaim(claims, 'preferred_username');
  return { id, email, displayName: email ?? name ?? id, groups: groupsOf(claims, groupsClaim) };
}

export function createOidcClient(settings: OidcSettings): OidcClient {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(
        settings.issuer,
        settings.clientId,
        { [client.clockTolerance]: settings.clockToleranceSeconds },
        client.ClientSecretBasic(settings.clientSecret),
        // Plain http is accepted for a provider on loopback only (the configuration refuses any other).
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- deliberate, and refused beyond loopback
        settings.issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        // Not cached: the next sign-in tries again (the provider may have been down at that moment).
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  return {
    async start(returnTo, { forceLogin }) {
      const config = await configuration();
      const pending: PendingSignIn = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        returnTo,
      };
      const parameters: Record<string, string> = {
        redirect_uri: settings.redirectUri.href,
        scope: settings.scopes,
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      };
      if (forceLogin) parameters.prompt = 'login';
      return { url: client.buildAuthorizationUrl(config, parameters), pending };
    },

    async finish(search, pending, groupsClaim) {
      const config = await configuration();
      // The public callback URL, not the one this server saw behind a reverse proxy: it is the redirect_uri sent.
      const currentUrl = new URL(settings.redirectUri);
      currentUrl.search = search;
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (claims === undefined) throw new Error('The provider answered without an ID token.');
      // Conforming providers may keep profile claims (email, groups) for the UserInfo endpoint when an access
      // token is issued; the library checks that its subject is the ID token's.
      let profile: Record<string, unknown> = {};
      if (config.serverMetadata().userinfo_endpoint !== undefined) {
        profile = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      }
      return userFromClaims({ ...profile, ...(claims as Record<string, unknown>) }, groupsClaim);
    },

    async endSessionUrl() {
      const config = await configuration();
      if (config.serverMetadata().end_session_endpoint === undefined) return null;
      // client_id rather than id_token_hint: the ID token never goes to the browser, not even in a URL.
      return client.buildEndSessionUrl(config, {
        client_id: settings.clientId,
        post_logout_redirect_uri: settings.postLogoutRedirectUri.href,
      });
    },
  };
}
