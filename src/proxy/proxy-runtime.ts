// The proxy's state: sessions, the server's default connection, and one gate per tenant.
import { checkConnection, type Connection } from '../identity-cloud/connection-rules.ts';
import type { ConfigContext } from './config-request.ts';
import type { ResolvedProxyOptions } from './proxy-options.ts';
import { SessionStore, type Session } from './session-store.ts';
import { TenantGate } from './tenant-gate.ts';
import { exchangeToken, type TokenGrant } from './token-exchange.ts';
import { TokenSource } from './token-source.ts';

const maxRememberedTenants = 256;

export class ProxyRuntime {
  readonly options: ResolvedProxyOptions;
  readonly sessions: SessionStore;
  readonly defaultSession: Session | null;
  // Tenants' gates in recency order; the learned concurrency is worth keeping across inventories.
  private readonly gates = new Map<string, TenantGate>();
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(options: ResolvedProxyOptions) {
    this.options = options;
    this.sessions = new SessionStore({
      idleTtlMs: options.sessionIdleTtlMs,
      maxSessions: options.maxSessions,
    });
    this.defaultSession = options.defaultConnection
      ? this.createDefaultSession(options.defaultConnection)
      : null;
    this.sweeper = setInterval(() => this.sessions.sweep(), Math.min(60_000, options.sessionIdleTtlMs));
    this.sweeper.unref();
  }

  tokenSource(connection: Connection, initial?: TokenGrant): TokenSource {
    return new TokenSource(
      (counter) =>
        exchangeToken(connection, {
          timeoutMs: this.options.upstreamTimeoutMs,
          maxResponseBytes: this.options.maxResponseBytes,
          counter,
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

  configContext(session: Session): ConfigContext {
    return {
      session,
      gate: this.gateFor(session.connection),
      settings: {
        upstreamTimeoutMs: this.options.upstreamTimeoutMs,
        maxResponseBytes: this.options.maxResponseBytes,
      },
    };
  }

  /** The session of a cookie value, else the server's default connection, else none. */
  resolveSession(cookie: string | undefined): Session | null {
    return this.sessions.get(cookie) ?? this.defaultSession;
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
