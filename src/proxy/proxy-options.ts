// Everything the proxy can be told, with the defaults the README documents.
import type { AcceptancePort, IdentifyUser } from './acceptance-port.ts';
import type { ActivityRecorder } from './activity-recorder.ts';
import type { HistoryPort } from './history-port.ts';
import type { InventoryLimits } from './inventory.ts';
import type { TenantLimitsPort } from './tenant-limits-port.ts';

export interface DefaultConnection {
  identityDomain: string;
  customerId: string;
  clientId: string;
  clientSecret: string;
  scope?: string | undefined;
}

export interface ProxyOptions {
  /** Used by requests without a session of their own (`source: "server"`). */
  defaultConnection?: DefaultConnection | null | undefined;
  /** Per-attempt ceiling of an upstream call, and the overall deadline of a forwarded request. Default 15 s. */
  upstreamTimeoutMs?: number;
  /** Largest upstream body accepted. Default 32 MiB (a 20,000-client list is about 4 MB). */
  maxResponseBytes?: number;
  /** Most upstream requests in flight per tenant (the adaptive limit never exceeds it). Default 32. */
  maxConcurrency?: number;
  /** Concurrency before anything is known about a tenant. Default 8. */
  initialConcurrency?: number;
  /** Host names (no port) this server answers to; others get 403 (DNS rebinding). Default loopback names. */
  allowedHosts?: readonly string[];
  /** One line per request. Default: nothing. */
  log?: ((line: string) => void) | undefined;
  /** A session unused this long is forgotten. Default 30 minutes. */
  sessionIdleTtlMs?: number;
  /** Most sessions held at once; the least recently used is evicted beyond it. Default 200. */
  maxSessions?: number;
  /** `Secure` cookie attribute: always, never, or when the request came over https ('auto', the default). */
  secureCookies?: boolean | 'auto';
  /** Retry bounds of the inventory's items. */
  inventoryLimits?: Partial<InventoryLimits>;
  /**
   * Serve the default connection to requests from other machines. Default false: only loopback peers (and
   * in-process callers) get it; the server turns it on only when its users are authenticated.
   */
  serveDefaultConnectionToRemoteClients?: boolean;
  /** Accept identity domains typed into the form that are, or resolve to, loopback. Default false. */
  allowLoopbackIdentityDomain?: boolean;
  /** Session creations per client address: a burst, refilled at a steady rate. Default 20, then 20 a minute. */
  sessionCreationLimit?: { burst: number; perMinute: number };
  /** Inventories running at once, per session and for the whole server. Default 4 and 16. */
  inventoryCaps?: { perSession: number; perServer: number };
  /** An inventory whose reader takes nothing for this long is stopped. Default 30 s. */
  stalledReaderTimeoutMs?: number;
  /** Told of every tenant connection made through the form (for the access log). Default: nobody. */
  recordActivity?: ActivityRecorder | undefined;
  /** Where finished inventories are recorded and read back; none: history is off. */
  history?: HistoryPort | null;
  /** Where each tenant's learnt concurrency cap is kept across restarts; none: learnt again by each server. */
  tenantLimits?: TenantLimitsPort | null;
  /** A remembered cap older than this is ignored (the tenant's capacity may have changed). Default a week. */
  tenantLimitMaxAgeMs?: number;
  /** Where accepted risks are kept; none: they cannot be recorded (503). */
  acceptances?: AcceptancePort | null;
  /** Who is signed in behind a request; default: nobody (the dashboard has no sign-in). */
  identifyUser?: IdentifyUser | undefined;
}

export interface ResolvedProxyOptions {
  defaultConnection: DefaultConnection | null;
  upstreamTimeoutMs: number;
  maxResponseBytes: number;
  maxConcurrency: number;
  initialConcurrency: number;
  allowedHosts: ReadonlySet<string>;
  log: (line: string) => void;
  sessionIdleTtlMs: number;
  maxSessions: number;
  secureCookies: boolean | 'auto';
  inventoryLimits: InventoryLimits;
  serveDefaultConnectionToRemoteClients: boolean;
  allowLoopbackIdentityDomain: boolean;
  sessionCreationLimit: { burst: number; perMinute: number };
  inventoryCaps: { perSession: number; perServer: number };
  stalledReaderTimeoutMs: number;
  recordActivity: ActivityRecorder;
  history: HistoryPort | null;
  tenantLimits: TenantLimitsPort | null;
  tenantLimitMaxAgeMs: number;
  acceptances: AcceptancePort | null;
  identifyUser: IdentifyUser;
}

export const loopbackHostNames = ['localhost', '127.0.0.1', '[::1]'] as const;

export const proxyDefaults = {
  upstreamTimeoutMs: 15_000,
  maxResponseBytes: 32 * 1024 * 1024,
  maxConcurrency: 32,
  initialConcurrency: 8,
  sessionIdleTtlMs: 30 * 60 * 1000,
  maxSessions: 200,
  inventoryMaxAttempts: 5,
  inventoryMaxRateLimitRetries: 20,
  sessionCreationBurst: 20,
  sessionCreationsPerMinute: 20,
  inventoriesPerSession: 4,
  inventoriesPerServer: 16,
  stalledReaderTimeoutMs: 30_000,
  tenantLimitMaxAgeMs: 7 * 24 * 60 * 60 * 1000,
} as const;

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < 1) {
    throw new RangeError(`${name} must be a positive integer (got ${resolved}).`);
  }
  return resolved;
}

/** `Host` header names are compared lowercased, IPv6 in brackets, without port. */
export function normaliseHostName(name: string): string {
  const trimmed = name.trim().toLowerCase();
  if (trimmed.includes(':') && !trimmed.startsWith('[')) return `[${trimmed}]`;
  return trimmed;
}

export function resolveProxyOptions(options: ProxyOptions = {}): ResolvedProxyOptions {
  const maxConcurrency = positiveInteger(
    'maxConcurrency',
    options.maxConcurrency,
    proxyDefaults.maxConcurrency,
  );
  return {
    defaultConnection: options.defaultConnection ?? null,
    upstreamTimeoutMs: positiveInteger(
      'upstreamTimeoutMs',
      options.upstreamTimeoutMs,
      proxyDefaults.upstreamTimeoutMs,
    ),
    maxResponseBytes: positiveInteger(
      'maxResponseBytes',
      options.maxResponseBytes,
      proxyDefaults.maxResponseBytes,
    ),
    maxConcurrency,
    initialConcurrency: Math.min(
      maxConcurrency,
      positiveInteger('initialConcurrency', options.initialConcurrency, proxyDefaults.initialConcurrency),
    ),
    allowedHosts: new Set((options.allowedHosts ?? loopbackHostNames).map(normaliseHostName)),
    log: options.log ?? (() => undefined),
    sessionIdleTtlMs: positiveInteger(
      'sessionIdleTtlMs',
      options.sessionIdleTtlMs,
      proxyDefaults.sessionIdleTtlMs,
    ),
    maxSessions: positiveInteger('maxSessions', options.maxSessions, proxyDefaults.maxSessions),
    secureCookies: options.secureCookies ?? 'auto',
    recordActivity: options.recordActivity ?? (() => undefined),
    inventoryLimits: {
      maxAttempts: positiveInteger(
        'inventoryLimits.maxAttempts',
        options.inventoryLimits?.maxAttempts,
        proxyDefaults.inventoryMaxAttempts,
      ),
      maxRateLimitRetries: positiveInteger(
        'inventoryLimits.maxRateLimitRetries',
        options.inventoryLimits?.maxRateLimitRetries,
        proxyDefaults.inventoryMaxRateLimitRetries,
      ),
    },
    serveDefaultConnectionToRemoteClients: options.serveDefaultConnectionToRemoteClients ?? false,
    allowLoopbackIdentityDomain: options.allowLoopbackIdentityDomain ?? false,
    sessionCreationLimit: {
      burst: positiveInteger(
        'sessionCreationLimit.burst',
        options.sessionCreationLimit?.burst,
        proxyDefaults.sessionCreationBurst,
      ),
      perMinute: positiveInteger(
        'sessionCreationLimit.perMinute',
        options.sessionCreationLimit?.perMinute,
        proxyDefaults.sessionCreationsPerMinute,
      ),
    },
    inventoryCaps: {
      perSession: positiveInteger(
        'inventoryCaps.perSession',
        options.inventoryCaps?.perSession,
        proxyDefaults.inventoriesPerSession,
      ),
      perServer: positiveInteger(
        'inventoryCaps.perServer',
        options.inventoryCaps?.perServer,
        proxyDefaults.inventoriesPerServer,
      ),
    },
    stalledReaderTimeoutMs: positiveInteger(
      'stalledReaderTimeoutMs',
      options.stalledReaderTimeoutMs,
      proxyDefaults.stalledReaderTimeoutMs,
    ),
    history: options.history ?? null,
    tenantLimits: options.tenantLimits ?? null,
    tenantLimitMaxAgeMs: positiveInteger(
      'tenantLimitMaxAgeMs',
      options.tenantLimitMaxAgeMs,
      proxyDefaults.tenantLimitMaxAgeMs,
    ),
    acceptances: options.acceptances ?? null,
    identifyUser: options.identifyUser ?? (() => null),
  };
}
