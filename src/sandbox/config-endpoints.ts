// The read-only configuration endpoints: bearer checks (documented: an expired token answers 403
// {"errors":"Forbidden"}), scope checks, then the HAL list or one item.
import { configError, jsonResponse } from './responses.ts';
import { requestPattern, scopeCovers } from './scope.ts';
import type { SandboxState } from './sandbox-state.ts';
import {
  configResourceKinds,
  configResources,
  type ConfigCollection,
} from '../identity-cloud/config-resources.ts';

const bearerChallenge = 'Bearer realm="Identity Cloud sandbox"';
/** base64url, as issued, or the wider RFC 6750 token68 alphabet: anything else is malformed. */
const bearerSyntax = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** "Client not found", "Login policy not found", … */
const singular = new Map<ConfigCollection, string>(
  configResourceKinds.map((kind) => {
    const { collection, noun } = configResources[kind];
    return [collection, noun.charAt(0).toUpperCase() + noun.slice(1)];
  }),
);

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

export function listResponse(state: SandboxState, collection: ConfigCollection): Response {
  return jsonResponse(state.listBody(collection));
}

export function itemResponse(state: SandboxState, collection: ConfigCollection, id: string): Response {
  const body = state.itemBody(collection, id);
  return body === undefined
    ? configError(404, `${singular.get(collection) ?? 'Item'} not found`)
    : jsonResponse(body);
}
