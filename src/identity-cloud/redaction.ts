// The one redaction of the dashboard: what the proxy sends the browser (forwarded bodies, the inventory stream,
// error details), what a snapshot or an export writes. Pure (no Node APIs): the browser and the CLI use it too.
//
// Keys: normalised (NFKC, look-alike letters folded, invisible characters, accents, case and separators removed)
// and matched by the words that carry secrets, with an explicit allowlist for settings that only mention them
// (`accessTokenLifetime`, `tokenPolicy`). Values: every string is scanned for the values the caller knows to be
// secret (a session's client secret and every token ever issued to it), raw, URL-encoded and base64 at any byte
// alignment, also inside longer strings; callers truncate only after.
export const redactedValue = '[redacted]';

/** Deeper than this, a body is treated as hostile (and would overflow recursive consumers). */
export const maxJsonDepth = 64;

export class JsonTooDeepError extends Error {
  constructor() {
    super(`The JSON is nested deeper than ${maxJsonDepth} levels.`);
    this.name = 'JsonTooDeepError';
  }
}

// Cyrillic and Greek letters that look like Latin ones (NFKC keeps them apart).
const lookAlikes: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
};

/** The key as its letters: `Client-Sécret`, `ＣＬＩＥＮＴ＿ＳＥＣＲＥＴ` and `сlient_sеcret` (Cyrillic) all give `clientsecret`. */
export function normaliseKey(key: string): string {
  return key
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}|\p{Default_Ignorable_Code_Point}/gu, '')
    .replace(/./gu, (character) => lookAlikes[character] ?? character)
    .replace(/[^a-z0-9]/g, '');
}

const secretWords = [
  'secret',
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'token',
  'apikey',
  'privatekey',
  'credential',
  'authorization',
  'bearer',
  'cookie',
  'signingkey',
  'encryptionkey',
];
/** JSON Web Key private members (RFC 7518 §6.2.2, §6.3.2, §6.4): whole names only. */
const privateKeyMembers = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth']);
/** Names that contain a secret word but hold a setting or a reference, never a secret. */
const allowedNames = new Set([
  'tokenpolicy',
  'tokenpolicies',
  'tokenendpointauthmethod',
  'tokenendpointauthsigningalg',
  'tokentype',
  'tokenformat',
  'passwordpolicy',
  'passwordpolicies',
]);
/** Lifetimes and similar settings of a secret (`accessTokenLifetime`, `refresh_token_ttl`). */
const settingSuffixes = [
  'lifetime',
  'ttl',
  'expiresin',
  'expiry',
  'expiration',
  'duration',
  'maxage',
  'length',
];

/** `name` already normalised. */
function classifyKey(name: string): boolean {
  if (privateKeyMembers.has(name)) return true;
  if (allowedNames.has(name) || settingSuffixes.some((suffix) => name.endsWith(suffix))) return false;
  return secretWords.some((word) => name.includes(word));
}

// Normalising a key (NFKC, NFD, regular expressions) costs far more than the rest of a redaction, and a tenant's
// 10,000 clients repeat the same few dozen keys: everything a redaction asks about a key is worked out once per
// key and remembered. Bounded, so that a body made of distinct keys cannot grow it without limit.
interface KeyVerdict {
  secret: boolean;
  /** `customClaims`: its values are claim sets named after token types. */
  holdsClaimSets: boolean;
  /** `id_token`, `access_token`: spared as a claim set's name (see below). */
  tokenType: boolean;
}
const keyVerdicts = new Map<string, KeyVerdict>();
const maxRememberedKeys = 4096;

function keyVerdict(key: string): KeyVerdict {
  const known = keyVerdicts.get(key);
  if (known !== undefined) return known;
  const name = normaliseKey(key);
  const verdict: KeyVerdict = {
    secret: classifyKey(name),
    holdsClaimSets: name === claimSetsKey,
    tokenType: isTokenTypeName(name),
  };
  if (keyVerdicts.size >= maxRememberedKeys) keyVerdicts.clear();
  keyVerdicts.set(key, verdict);
  return verdict;
}

export function isSecretKey(key: string): boolean {
  return keyVerdict(key).secret;
}

/** Secrets shorter than this are only matched as whole strings: a 3-letter substring would hide everything. */
const minSubstringLength = 6;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The part of `value`'s base64 that is the same wherever in a longer byte string it starts (three alignments). */
function base64Cores(value: string): string[] {
  const bytes = new TextEncoder().encode(value);
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    let encoded = base64(padded).replace(/=+$/, '');
    // Characters that mix the secret's bits with neighbouring bytes are left out: 4 at the start when shifted, and
    // up to 3 at the end.
    if (offset > 0) encoded = encoded.slice(4);
    if ((offset + bytes.length) % 3 !== 0) encoded = encoded.slice(0, -3);
    if (encoded.length >= 8) {
      cores.push(encoded, encoded.replaceAll('+', '-').replaceAll('/', '_'));
    }
  }
  return cores;
}

// A login policy's `customClaims` maps a token type (`id_token`, `access_token`) to the claims it carries: the
// names are a token's, the values are claim mappings. Only an object under a token type's name there is spared; its own keys and values are
// still redacted as everywhere else, and a string under such a name is hidden.
const claimSetsKey = 'customclaims';

/** `id_token`, `access_token` (normalised): a name whose only secret word is a final "token". */
function isTokenTypeName(name: string): boolean {
  return name.endsWith('token') && secretWords.every((word) => word === 'token' || !name.includes(word));
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Redactor {
  /** A copy of a JSON value with secret-named properties and known secret values redacted. */
  value(value: unknown): unknown;
  /** Text with every occurrence of a known secret value replaced. */
  text(text: string): string;
}

export function createRedactor(sensitiveValues: Iterable<string> = []): Redactor {
  const whole = new Set<string>();
  const needles = new Set<string>();
  for (const raw of sensitiveValues) {
    if (raw === '') continue;
    whole.add(raw);
    if (raw.length < minSubstringLength) continue;
    const encoded = encodeURIComponent(raw);
    // A Basic credential base64-encodes the form-encoded secret (RFC 6749 §2.3.1).
    for (const text of new Set([raw, encoded, encoded.replace(/%20/g, '+')])) {
      for (const variant of [text, ...base64Cores(text)]) needles.add(variant);
    }
  }
  // Longest first, so that a variant containing another is replaced whole.
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  const shortest = ordered.at(-1)?.length ?? Number.POSITIVE_INFINITY;
  // One scan of the string for any of the variants (a few dozen per session): most strings hold none, and one
  // search is far cheaper than one per variant. Only a string that holds one pays for the replacements.
  const anyNeedle =
    ordered.length === 0 ? null : new RegExp(ordered.map((needle) => escapeRegExp(needle)).join('|'));

  const text = (input: string): string => {
    if (whole.has(input)) return redactedValue;
    if (input.length < shortest || anyNeedle === null || !anyNeedle.test(input)) return input;
    let output = input;
    for (const needle of ordered) {
      if (output.includes(needle)) output = output.replaceAll(needle, redactedValue);
    }
    return output;
  };

  const visit = (node: unknown, depth: number, holdsClaimSets = false): unknown => {
    if (depth > maxJsonDepth) throw new JsonTooDeepError();
    if (typeof node === 'string') return text(node);
    if (Array.isArray(node)) return node.map((item) => visit(item, depth + 1));
    if (isPlainObject(node)) {
      const copy: Record<string, unknown> = {};
      // Keys, not entries: no pair allocated per property (this runs for every property of every item).
      for (const key of Object.keys(node)) {
        const child = node[key];
        const verdict = keyVerdict(key);
        const hidden =
          verdict.secret &&
          child !== null &&
          child !== undefined &&
          !(holdsClaimSets && isPlainObject(child) && verdict.tokenType);
        copy[key] = hidden ? redactedValue : visit(child, depth + 1, verdict.holdsClaimSets);
      }
      return copy;
    }
    return node;
  };

  return { value: (value) => visit(value, 0), text };
}

/** `createRedactor(sensitiveValues).value(value)`. */
export function redactSecrets(value: unknown, sensitiveValues: Iterable<string> = []): unknown {
  return createRedactor(sensitiveValues).value(value);
}
