// The two error dialects of the API: `{"errors": "<string>"}` on /config (documented), and OAuth 2.0's
// `{"error", "error_description"}` on the token endpoint (RFC 6749 §5.2; our choice, the reference is silent).

const json = 'application/json';

export function jsonResponse(
  body: string | Uint8Array<ArrayBuffer>,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(body, { status, headers: { 'content-type': json, ...headers } });
}

export function configError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return jsonResponse(JSON.stringify({ errors: message }), status, headers);
}

export function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(JSON.stringify({ error, error_description: description }), status, {
    // RFC 6749 §5.1/5.2: token endpoint answers must not be cached.
    'cache-control': 'no-store',
    pragma: 'no-cache',
    ...headers,
  });
}

export function methodNotAllowed(allow: string): Response {
  return configError(405, 'Method Not Allowed', { allow });
}
