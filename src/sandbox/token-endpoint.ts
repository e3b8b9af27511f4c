// `POST /{customerId}/login/token`: the client-credentials exchange of a configuration client.
import { createHash, timingSafeEqual } from 'node:crypto';
import { oauthError, jsonResponse } from './responses.ts';
import { parseScope, scopeCovers } from './scope.ts';
import type { ScopePattern } from './scope.ts';
import type { Credential, SandboxState } from './sandbox-state.ts';

export const maxTokenRequestBytes = 64 * 1024;

const basicChallenge = { 'www-authenticate': 'Basic realm="Identity Cloud sandbox", charset="UTF-8"' };

type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge: boolean };

/** Reads the body, stopping as soon as it exceeds the limit (a declared or a streamed size). */
async function readLimitedBody(request: Request, limit: number): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return { ok: false, tooLarge: true };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader: ReadableStreamDefaultReader<Uint8Array> = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return { ok: false, tooLarge: true };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, tooLarge: false };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The form fields, from either documented encoding; undefined when the body cannot be read as one. */
async function readForm(contentType: string, bytes: Uint8Array): Promise<Map<string, string> | undefined> {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  try {
    if (mediaType === 'application/x-www-form-urlencoded') {
      return new Map(new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    }
    if (mediaType === 'multipart/form-data') {
      const multipart = new Response(bytes, { headers: { 'content-type': contentType } });
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the warning is about streaming big uploads; this body is already read and capped at 64 kB
      const form = await multipart.formData();
      const fields = new Map<string, string>();
      for (const [name, value] of form) if (typeof value === 'string') fields.set(name, value);
      return fields;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function formDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** `Basic base64(id:secret)`; RFC 6749 §2.3.1 form-encodes both parts first, many clients do not: accept both. */
function parseBasic(header: string | null): { id: string; secret: string }[] | undefined {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header ?? '');
  const encoded = match?.[1];
  if (encoded === undefined) return undefined;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(encoded, 'base64'));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  const raw = { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  const id = formDecode(raw.id);
  const secret = formDecode(raw.secret);
  return id !== undefined && secret !== undefined ? [raw, { id, secret }] : [raw];
}

function sameSecret(expected: string, given: string): boolean {
  // Hash first so that the comparison takes the same time whatever the lengths.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

function authenticate(
  state: SandboxState,
  candidates: { id: string; secret: string }[],
): Credential | 'public' | undefined {
  for (const candidate of candidates) {
    const credential = state.credential(candidate.id);
    if (credential && sameSecret(credential.clientSecret, candidate.secret)) return credential;
  }
  return candidates.some((candidate) => state.isPublicClient(candidate.id)) ? 'public' : undefined;
}

/** The requested patterns when each is covered by the client's allowed scope; undefined otherwise. */
function grantScope(credential: Credential, requested: string | undefined): ScopePattern[] | undefined {
  if (requested === undefined || requested.trim() === '') return credential.patterns;
  const patterns = parseScope(requested);
  if (!patterns) return undefined;
  return patterns.every((pattern) => scopeCovers(credential.patterns, pattern)) ? patterns : undefined;
}

export async function handleTokenRequest(request: Request, state: SandboxState): Promise<Response> {
  const contentType = request.headers.get('content-type') ?? '';
  const body = await readLimitedBody(request, maxTokenRequestBytes);
  if (!body.ok) {
    return body.tooLarge
      ? oauthError(413, 'invalid_request', `The request body exceeds ${maxTokenRequestBytes} bytes.`)
      : oauthError(400, 'invalid_request', 'The request body could not be read.');
  }

  const candidates = parseBasic(request.headers.get('authorization'));
  if (!candidates) {
    return oauthError(
      401,
      'invalid_client',
      'Client authentication failed: send the client ID and secret as HTTP Basic credentials.',
      basicChallenge,
    );
  }
  const form = await readForm(contentType, body.bytes);
  if (!form) {
    return oauthError(
      400,
      'invalid_request',
      'The body must be application/x-www-form-urlencoded or multipart/form-data.',
    );
  }

  const client = authenticate(state, candidates);
  if (client === 'public') {
    // RFC 6749 §2.1/§4.4: a public client cannot authenticate, so it cannot use client credentials.
    return oauthError(
      401,
      'invalid_client',
      'Public clients cannot authenticate and cannot use the client_credentials grant.',
      basicChallenge,
    );
  }
  if (!client) {
    return oauthError(401, 'invalid_client', 'Client authentication failed.', basicChallenge);
  }

  const grantType = form.get('grant_type');
  if (grantType === undefined || grantType === '') {
    return oauthError(400, 'invalid_request', 'The grant_type parameter is missing.');
  }
  if (grantType !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', 'Only the client_credentials grant is supported.');
  }
  const granted = grantScope(client, form.get('scope'));
  if (!granted) {
    return oauthError(
      400,
      'invalid_scope',
      "The requested scope is invalid or exceeds the client's allowed scope.",
    );
  }

  const lifetime = state.knobs.tokenLifetimeSeconds;
  const accessToken = state.tokens.issue(client.clientId, granted, lifetime, Date.now());
  state.stats.tokenIssued();
  const scope = granted.map((pattern) => pattern.source).join(' ');
  return jsonResponse(
    JSON.stringify({ access_token: accessToken, expires_in: lifetime, token_type: 'Bearer', scope }),
    200,
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}
