// The sandbox's knobs, their documented defaults, and their validation (shared by startSandbox and the CLI).
import { maxSandboxClients } from './seed-tenant.ts';
import { parseScope } from './scope.ts';
import type { FaultKind } from './sandbox-stats.ts';

export interface SandboxOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Default the reference's `01000000-0000-3000-9000-000000000000`. */
  customerId?: string;
  /** The primary configuration client's id (documented default, printed at start). */
  clientId?: string;
  clientSecret?: string;
  /** Clients in the list, configuration clients included: default 60, up to 20,000. */
  clients?: number;
  /** Default 1. */
  seed?: number;
  /** Added to every request, with ±20% jitter. Default 0. */
  latencyMs?: number;
  /** Default 3600. */
  tokenLifetimeSeconds?: number;
  /** Most /config requests in progress at once; above it: 429 with `Retry-After: 1`. Default Infinity. */
  maxConcurrency?: number;
  /** Share (0..1) of /config GETs that fail: half 500s, a quarter hangs, a quarter malformed bodies. */
  faultRate?: number;
  /** Explicit per-kind rates; each one given overrides its share of `faultRate`. */
  faults?: { serverError?: number; hang?: number; malformed?: number };
  /** How long a hung request hangs before its socket is destroyed. Default 30,000. */
  hangMs?: number;
  /** The primary configuration client's allowed scope. Default `*:config/**`. */
  scope?: string;
  /** No start banner. */
  quiet?: boolean;
}

export type SandboxKnobs = Partial<
  Pick<
    SandboxOptions,
    'latencyMs' | 'maxConcurrency' | 'faultRate' | 'faults' | 'tokenLifetimeSeconds' | 'hangMs'
  >
>;

export interface ResolvedKnobs {
  latencyMs: number;
  maxConcurrency: number;
  faults: Record<FaultKind, number>;
  tokenLifetimeSeconds: number;
  hangMs: number;
}

export interface ResolvedSandboxOptions extends ResolvedKnobs {
  host: string;
  port: number;
  customerId: string;
  clientId: string;
  clientSecret: string;
  clients: number;
  seed: number;
  scope: string;
  quiet: boolean;
}

export const sandboxDefaults = {
  host: '127.0.0.1',
  port: 0,
  customerId: '01000000-0000-3000-9000-000000000000',
  clientId: '5a4db0c5-c0f1-4000-8000-000000000001',
  clientSecret: 'sandbox-secret-7Qm2vX9kLp4Rt8Wz3Nc6Hb1Jd5Fg0Ys',
  clients: 60,
  seed: 1,
  latencyMs: 0,
  tokenLifetimeSeconds: 3600,
  maxConcurrency: Number.POSITIVE_INFINITY,
  hangMs: 30_000,
  scope: '*:config/**',
} as const;

/** How `faultRate` is split among the kinds of fault: 500s are the commonest real failure. */
const faultShares: Record<FaultKind, number> = { serverError: 0.5, hang: 0.25, malformed: 0.25 };

const uuidSyntax = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Visible ASCII only: it travels in an HTTP Basic header and in URLs.
// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const controlOrSpace = /[\u0000-\u0020\u007f]/;

function integerIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max} (got ${value}).`);
  }
  return value;
}

function numberIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a number from ${min} to ${max} (got ${value}).`);
  }
  return value;
}

function credentialPart(name: string, value: string, allowColon: boolean): string {
  if (
    value === '' ||
    value.length > 512 ||
    controlOrSpace.test(value) ||
    (!allowColon && value.includes(':'))
  ) {
    throw new RangeError(
      `${name} must be 1 to 512 visible characters${allowColon ? '' : ' without ":"'} (no spaces).`,
    );
  }
  return value;
}

function resolveFaults(
  faultRate: number | undefined,
  faults: SandboxKnobs['faults'],
): Record<FaultKind, number> {
  const rate = numberIn('faultRate', faultRate ?? 0, 0, 1);
  const resolved = {
    serverError: numberIn('faults.serverError', faults?.serverError ?? rate * faultShares.serverError, 0, 1),
    hang: numberIn('faults.hang', faults?.hang ?? rate * faultShares.hang, 0, 1),
    malformed: numberIn('faults.malformed', faults?.malformed ?? rate * faultShares.malformed, 0, 1),
  };
  if (resolved.serverError + resolved.hang + resolved.malformed > 1 + 1e-9) {
    throw new RangeError('The fault rates add up to more than 1.');
  }
  return resolved;
}

/** Validates runtime knobs, returning the new values to apply over `current`. Throws RangeError. */
export function resolveKnobs(knobs: SandboxKnobs, current: ResolvedKnobs): ResolvedKnobs {
  const maxConcurrency = knobs.maxConcurrency ?? current.maxConcurrency;
  if (maxConcurrency !== Number.POSITIVE_INFINITY) integerIn('maxConcurrency', maxConcurrency, 1, 1_000_000);
  const faultsChanged = knobs.faultRate !== undefined || knobs.faults !== undefined;
  return {
    latencyMs: numberIn('latencyMs', knobs.latencyMs ?? current.latencyMs, 0, 60_000),
    maxConcurrency,
    faults: faultsChanged ? resolveFaults(knobs.faultRate, knobs.faults) : current.faults,
    tokenLifetimeSeconds: integerIn(
      'tokenLifetimeSeconds',
      knobs.tokenLifetimeSeconds ?? current.tokenLifetimeSeconds,
      1,
      31_557_600,
    ),
    hangMs: numberIn('hangMs', knobs.hangMs ?? current.hangMs, 0, 3_600_000),
  };
}

/** Applies the defaults and validates every option. Throws RangeError with a message naming the option. */
export function resolveSandboxOptions(options: SandboxOptions = {}): ResolvedSandboxOptions {
  const customerId = options.customerId ?? sandboxDefaults.customerId;
  if (!uuidSyntax.test(customerId)) {
    throw new RangeError(
      `customerId must be a UUID such as ${sandboxDefaults.customerId} (got "${customerId}").`,
    );
  }
  const scope = options.scope ?? sandboxDefaults.scope;
  if (!parseScope(scope)) {
    throw new RangeError(
      `scope must be space-separated patterns <METHOD|*>:<path-glob>, such as "*:config/**" (got "${scope}").`,
    );
  }
  const host = options.host ?? sandboxDefaults.host;
  if (host === '' || controlOrSpace.test(host)) throw new RangeError('host must be a host name or address.');
  const knobs = resolveKnobs(options, {
    latencyMs: sandboxDefaults.latencyMs,
    maxConcurrency: sandboxDefaults.maxConcurrency,
    faults: { serverError: 0, hang: 0, malformed: 0 },
    tokenLifetimeSeconds: sandboxDefaults.tokenLifetimeSeconds,
    hangMs: sandboxDefaults.hangMs,
  });
  return {
    ...knobs,
    host,
    port: integerIn('port', options.port ?? sandboxDefaults.port, 0, 65_535),
    customerId,
    clientId: credentialPart('clientId', options.clientId ?? sandboxDefaults.clientId, false),
    clientSecret: credentialPart('clientSecret', options.clientSecret ?? sandboxDefaults.clientSecret, true),
    clients: integerIn('clients', options.clients ?? sandboxDefaults.clients, 1, maxSandboxClients),
    seed: integerIn('seed', options.seed ?? sandboxDefaults.seed, 0, Number.MAX_SAFE_INTEGER),
    scope,
    quiet: options.quiet ?? false,
  };
}
