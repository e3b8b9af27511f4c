// The proxy's state: sessions, the server's default connection, and one gate per tenant.
import { checkConnection, type Connection } from '../identity-cloud/connection-rules.ts';
import { trustedAddresses, type AddressPolicy } from './address-policy.ts';
import type { ConfigContext } from './config-request.ts';
import type { ResolvedProxyOptions } from './proxy-options.ts';
import { SessionCreationLimiter } from './session-creation-limiter.ts';
import { SessionStore, type Session } from './session-store.ts';
import { TenantGate } from './tenant-gate.ts';
import { TenantLimitMemory } from './tenant-limit-memory.ts';
import type { LimitedTenant } from './tenant-limits-port.ts';
import { exchangeToken, type TokenGrant } from './token-exchange.ts';
import { TokenSource } from './token-source.ts';

const maxRememberedTenants = 256;

export class ProxyRuntime {
  readonly options: ResolvedProxyOptions;
  readonly sessions: SessionStore;
  readonly defaultSession: Session | null;
  readonly sessionCreations: SessionCreationLimiter;
  /** Inventories running now, per session id and in all. */
  private readonly runningInventories = new Map<string, number>();
  private runningInventoriesTotal = 0;
  // Tenants' gates in recency order; the learned concurrency is worth keeping across inventories.
  private readonly gates = new Map<string, TenantGate>();
  private readonly sweeper: ReturnType<typeof setInterval>;
  private readonly limitMemory: TenantLimitMemory;

  constructor(options: ResolvedProxyOptions) {
    this.options = options;
    this.sessions = new SessionStore({
      idleTtlMs: options.sessionIdleTtlMs,
      maxSessions: options.maxSessions,
    });
    this.sessionCreations = new SessionCreationLimiter(options.sessionCreationLimit);
    this.limitMemory = new TenantLimitMemory(options.tenantLimits, options.tenantLimitMaxAgeMs);
    this.defaultSession = options.defaultConnection
      ? this.createDefaultSession(options.defaultConnection)
      : null;
    this.sweeper = setInterval(() => this.sessions.sweep(), Math.min(60_000, options.sessionIdleTtlMs));
    this.sweeper.unref();
  }

  /** Typed into the form: checked; the operator's (or the embedded sandbox's) default connection: trusted. */
  addressPolicyFor(source: Session['source']): AddressPolicy {
    if (source === 'server') return trustedAddresses;
    return { kind: 'checked', allowLoopback: this.options.allowLoopbackIdentityDomain };
  }

  tokenSource(connection: Connection, initial?: TokenGrant, addresses?: AddressPolicy): TokenSource {
    return new TokenSource(
      (counter) =>
        exchangeToken(connection, {
          timeoutMs: this.options.upstreamTimeoutMs,
          maxResponseBytes: this.options.maxResponseBytes,
          counter,
          addresses: addresses ?? trustedAddresses,
        }),
      { initial: initial ?? null },
    );
  }

  gateFor(connection: Connection): TenantGate {
    const key = `${connection.identityDomain}/${connection.customerId.toLowerCase()}`;
    let gate = this.gates.get(key);
    if (gate === undefined) {
      gate = new TenantGate({
        maxLimit: this.options.maxConcurrency,
        initialLimit: this.options.initialConcurrency,
      });
      if (this.gates.size >= maxRememberedTenants) {
        const oldest = this.gates.keys().next();
        if (oldest.done !== true) this.gates.delete(oldest.value);
      }
    } else {
      this.gates.delete(key);
    }
    this.gates.set(key, gate);
    return gate;
  }

  /** Before an inventory: the tenant's gate starts from the cap remembered by an earlier server, if any. */
  prepareTenant(connection: Connection): Promise<void> {
    return this.limitMemory.prepare(this.gateFor(connection), tenantOf(connection));
  }

  /** After an inventory: what the gate learnt of the tenant's cap is kept for the next server. */
  keepTenantLimit(connection: Connection): void {
    this.limitMemory.keep(this.gateFor(connection), tenantOf(connection));
  }

  configContext(session: Session): ConfigContext {
    return {
      session,
      gate: this.gateFor(session.connection),
      settings: {
        upstreamTimeoutMs: this.options.upstreamTimeoutMs,
        maxResponseBytes: this.options.maxResponseBytes,
        addresses: this.addressPolicyFor(session.source),
      },
    };
  }

  /**
   * Counts an inventory in, unless a cap is reached: returns a release function, or which cap refused it.
   */
  startInventory(session: Session): (() => void) | 'session' | 'server' {
    const { perSession, perServer } = this.options.inventoryCaps;
    const mine = this.runningInventories.get(session.id) ?? 0;
    if (mine >= perSession) return 'session';
    if (this.runningInventoriesTotal >= perServer) return 'server';
    this.runningInventories.set(session.id, mine + 1);
    this.runningInventoriesTotal += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.runningInventoriesTotal -= 1;
      const left = (this.runningInventories.get(session.id) ?? 1) - 1;
      if (left <= 0) this.runningInventories.delete(session.id);
      else this.runningInventories.set(session.id, left);
    };
  }

  close(): void {
    clearInterval(this.sweeper);
    this.sessions.clear();
    this.defaultSession?.lifetime.abort(new Error('The proxy closed.'));
  }

  private createDefaultSession(
    defaultConnection: NonNullable<ResolvedProxyOptions['defaultConnection']>,
  ): Session {
    const check = checkConnection(defaultConnection);
    if (!check.ok) {
      const fields = check.errors.map((error) => `${error.field}: ${error.message}`).join(' ');
      throw new RangeError(`The server's default connection is invalid. ${fields}`);
    }
    return {
      id: 'server',
      source: 'server',
      connection: check.connection,
      tokens: this.tokenSource(check.connection),
      lifetime: new AbortController(),
      lastUsedAt: Date.now(),
    };
  }
}

/** The tenant alone: the port never gets the connection's secret. */
function tenantOf(connection: Connection): LimitedTenant {
  return { identityDomain: connection.identityDomain, customerId: connection.customerId };
}
