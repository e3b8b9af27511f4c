// Nothing that reaches the browser may carry a secret: login policies hold `connectionDetails.clientSecret`, and a
// tolerant proxy cannot know every field a real tenant adds. Keys are matched as whole names, so that
// `accessTokenLifetime` (a token policy's setting) stays visible while `access_token` does not.
export const redactedValue = '[redacted]';

const secretKeyPattern =
  /^(?:.*secret.*|.*password.*|.*passwd.*|access_?token|refresh_?token|id_?token|bearer_?token|client_?secret|authorization|api_?key|private_?key)$/i;

export function isSecretKey(key: string): boolean {
  return secretKeyPattern.test(key);
}

/** Deeper than this, a body is treated as hostile (and would overflow recursive consumers). */
export const maxJsonDepth = 64;

export class JsonTooDeepError extends Error {
  constructor() {
    super(`The JSON is nested deeper than ${maxJsonDepth} levels.`);
    this.name = 'JsonTooDeepError';
  }
}

/**
 * Returns a copy of `value` in which every property named like a secret is `"[redacted]"`, and every string equal to
 * one of `sensitiveValues` (the session's own secret and token, as a second line of defence) is too.
 */
export function redactSecrets(value: unknown, sensitiveValues: ReadonlySet<string> = new Set()): unknown {
  const visit = (node: unknown, depth: number): unknown => {
    if (depth > maxJsonDepth) throw new JsonTooDeepError();
    if (typeof node === 'string') return sensitiveValues.has(node) ? redactedValue : node;
    if (Array.isArray(node)) return node.map((item) => visit(item, depth + 1));
    if (typeof node === 'object' && node !== null) {
      const copy: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) {
        copy[key] =
          isSecretKey(key) && child !== null && child !== undefined ? redactedValue : visit(child, depth + 1);
      }
      return copy;
    }
    return node;
  };
  return visit(value, 0);
}
