// The read-only configuration endpoints: bearer checks (documented: an expired token answers 403
// {"errors":"Forbidden"}), scope checks, then the HAL list or one item.
import { configError, jsonResponse } from './responses.ts';
import { requestPattern, scopeCovers } from './scope.ts';
import type { Collection, SandboxState } from './sandbox-state.ts';

const bearerChallenge = 'Bearer realm="Identity Cloud sandbox"';
/** base64url, as issued, or the wider RFC 6750 token68 alphabet: anything else is malformed. */
const bearerSyntax = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

const singular: Record<Collection, string> = {
  clients: 'Client',
  loginPolicies: 'Login policy',
  tokenPolicies: 'Token policy',
};

/** Undefined when the bearer token may call `method path`; otherwise the refusal to send. */
export function checkBearer(
  state: SandboxState,
  authorization: string | null,
  method: string,
  path: string,
  routeLabel: string,
): Response | undefined {
  if (authorization === null || authorization.trim() === '') {
    return configError(401, 'Unauthorized', { 'www-authenticate': bearerChallenge });
  }
  const accessToken = bearerSyntax.exec(authorization)?.[1];
  if (accessToken === undefined) {
    return configError(401, 'Unauthorized', {
      'www-authenticate': `${bearerChallenge}, error="invalid_request"`,
    });
  }
  const check = state.tokens.check(accessToken, Date.now());
  if (check.status === 'unknown') {
    return configError(401, 'Unauthorized', {
      'www-authenticate': `${bearerChallenge}, error="invalid_token"`,
    });
  }
  if (check.status !== 'valid') return configError(403, 'Forbidden');
  if (!scopeCovers(check.token.scope, requestPattern(method, path))) {
    return configError(403, `Insufficient scope for ${method} ${routeLabel}`);
  }
  return undefined;
}

export function listResponse(state: SandboxState, collection: Collection): Response {
  return jsonResponse(state.listBody(collection));
}

export function itemResponse(state: SandboxState, collection: Collection, id: string): Response {
  const body = state.itemBody(collection, id);
  return body === undefined ? configError(404, `${singular[collection]} not found`) : jsonResponse(body);
}
