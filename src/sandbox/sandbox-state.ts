// Everything the sandbox app reads and changes: the tenant (with precomputed list bodies), the tokens, the
// knobs, the counters and a seeded random source. One instance per running sandbox.
import { setMaxListeners } from 'node:events';
import type { ResolvedKnobs, ResolvedSandboxOptions, SandboxKnobs } from './sandbox-options.ts';
import { resolveKnobs } from './sandbox-options.ts';
import { parseScope } from './scope.ts';
import type { ScopePattern } from './scope.ts';
import { StatsRecorder } from './sandbox-stats.ts';
import { TokenStore } from './token-store.ts';
import { seedTenant } from './seed-tenant.ts';
import { seededRandom } from './mulberry32.ts';
import { configCollections, type ConfigCollection } from '../identity-cloud/config-resources.ts';
import type {
  ConfigurationCredential,
  SandboxClient,
  SandboxLoginPolicy,
  SandboxTenant,
  SandboxTokenPolicy,
} from './tenant-types.ts';

type Item = SandboxClient | SandboxLoginPolicy | SandboxTokenPolicy;

interface CollectionIndex {
  byId: Map<string, Item>;
  /** Encoded once: re-encoding 4 MB of JSON on every list request would dominate its cost. */
  listBody: Uint8Array<ArrayBuffer>;
}

export interface Credential extends ConfigurationCredential {
  patterns: ScopePattern[];
}

export class SandboxState {
  readonly tenant: SandboxTenant;
  readonly tokens = new TokenStore();
  readonly stats = new StatsRecorder();
  readonly random: () => number;
  knobs: ResolvedKnobs;
  /** /config requests admitted and not yet answered: what the rate limit compares with maxConcurrency. */
  admittedConfigRequests = 0;
  readonly #closing = new AbortController();
  #indexes = new Map<ConfigCollection, CollectionIndex>();
  #credentials = new Map<string, Credential>();

  constructor(options: ResolvedSandboxOptions) {
    this.knobs = {
      latencyMs: options.latencyMs,
      maxConcurrency: options.maxConcurrency,
      faults: options.faults,
      tokenLifetimeSeconds: options.tokenLifetimeSeconds,
      hangMs: options.hangMs,
    };
    this.random = seededRandom(options.seed);
    this.tenant = seedTenant({
      seed: options.seed,
      clients: options.clients,
      customerId: options.customerId,
      configurationClient: {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        scope: options.scope,
      },
    });
    // Every waiting request listens for the close: thousands at once are expected, not a leak.
    setMaxListeners(0, this.#closing.signal);
    for (const credential of this.tenant.configurationClients) this.#addCredential(credential);
    // Built now rather than on the first request, so that even the first list of 20,000 answers fast.
    for (const collection of configCollections) this.#index(collection);
  }

  /** Aborted when the sandbox closes: waits (latency, hangs) end at once. */
  get closingSignal(): AbortSignal {
    return this.#closing.signal;
  }

  close(): void {
    this.#closing.abort();
  }

  update(knobs: SandboxKnobs): void {
    this.knobs = resolveKnobs(knobs, this.knobs);
  }

  credential(clientId: string): Credential | undefined {
    return this.#credentials.get(clientId);
  }

  /** Public clients cannot authenticate: the token endpoint says so rather than "unknown client". */
  isPublicClient(clientId: string): boolean {
    return this.tenant.clients.some((client) => client.id === clientId && client.type === 'public');
  }

  /** The JSON body of one item, or undefined when there is no such id. */
  itemBody(collection: ConfigCollection, id: string): string | undefined {
    const item = this.#index(collection).byId.get(id);
    return item === undefined ? undefined : JSON.stringify(item);
  }

  /** The HAL list body, computed once per change of the data (20,000 clients stay fast). */
  listBody(collection: ConfigCollection): Uint8Array<ArrayBuffer> {
    return this.#index(collection).listBody;
  }

  /** After a change of the tenant's data: the list body is built again on the next request. */
  changed(collection: ConfigCollection): void {
    this.#indexes.delete(collection);
  }

  deleteClient(id: string): void {
    const index = this.tenant.clients.findIndex((client) => client.id === id);
    if (index === -1) throw new RangeError(`No client with id ${id} in the sandbox.`);
    this.tenant.clients.splice(index, 1);
    this.#indexes.delete('clients');
  }

  addConfigurationClient(credential: ConfigurationCredential): void {
    if (!parseScope(credential.scope)) throw new RangeError(`Invalid scope "${credential.scope}".`);
    if (credential.clientId === '' || credential.clientId.includes(':') || credential.clientSecret === '') {
      throw new RangeError('A configuration client needs a non-empty id without ":" and a non-empty secret.');
    }
    if (this.tenant.clients.some((client) => client.id === credential.clientId)) {
      throw new RangeError(`A client with id ${credential.clientId} already exists.`);
    }
    const client: SandboxClient = {
      id: credential.clientId,
      name: `Configuration client ${credential.clientId}`,
      type: 'confidential',
      redirectURIs: [],
      tokenPolicy: this.tenant.special.configurationTokenPolicy,
      _links: { self: { href: `/${this.tenant.customerId}/config/clients/${credential.clientId}` } },
    };
    this.tenant.clients.push(client);
    this.tenant.configurationClients.push(credential);
    this.#addCredential(credential);
    this.#indexes.delete('clients');
  }

  #addCredential(credential: ConfigurationCredential): void {
    const patterns = parseScope(credential.scope);
    if (!patterns) throw new RangeError(`Invalid scope "${credential.scope}".`);
    this.#credentials.set(credential.clientId, { ...credential, patterns });
  }

  #index(collection: ConfigCollection): CollectionIndex {
    const cached = this.#indexes.get(collection);
    if (cached) return cached;
    const index = buildIndex(collection, this.#items(collection));
    this.#indexes.set(collection, index);
    return index;
  }

  #items(collection: ConfigCollection): Item[] {
    if (collection === 'clients') return this.tenant.clients;
    if (collection === 'loginPolicies') return this.tenant.loginPolicies;
    return this.tenant.tokenPolicies;
  }
}

function summaryOf(item: Item) {
  // Clients are summarised by name, policies by title, as in the reference.
  return 'name' in item
    ? { id: item.id, name: item.name, _links: { self: item._links.self } }
    : { id: item.id, title: item.title, _links: { self: item._links.self } };
}

function buildIndex(collection: ConfigCollection, items: readonly Item[]): CollectionIndex {
  const byId = new Map<string, Item>();
  for (const item of items) byId.set(item.id, item);
  const listBody = new TextEncoder().encode(
    JSON.stringify({ total: items.length, _embedded: { [collection]: items.map(summaryOf) } }),
  );
  return { byId, listBody };
}
