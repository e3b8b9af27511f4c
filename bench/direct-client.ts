// The baselines: what a dashboard without this proxy does, calling the configuration API itself with a token.
// The same work as the proxy's inventory (the client list, both policy lists, every client, every policy), through
// a fixed pool of `concurrency` workers on keep-alive sockets (1: sequential; 6: what a browser allows per host).
// They honour 429 (waiting its Retry-After) and retry 5xx, so that they complete like the proxy does.
import { Agent, request } from 'node:http';
import { parseRetryAfterMs } from '../src/proxy/retry-policy.ts';
import type { SandboxCredentials } from './sandbox-process.ts';

export interface DirectInventoryOptions {
  concurrency: number;
  /** Read only the first `sampleClients` clients of the list (for a run whose full length is extrapolated). */
  sampleClients?: number;
}

export interface DirectInventoryResult {
  ms: number;
  /** Client details read (the sample's size when sampling). */
  clients: number;
  /** Clients in the list. */
  listed: number;
  requests: number;
  rateLimited: number;
  failed: number;
  tokenExchanges: number;
}

interface HttpAnswer {
  status: number;
  retryAfter: string | undefined;
  text: string;
}

const maxFaultAttempts = 5;
const maxRateLimitRetries = 20;

function send(
  agent: Agent,
  url: string,
  options: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method, headers: options.headers, agent }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        resolve({
          status: incoming.statusCode ?? 0,
          retryAfter: incoming.headers['retry-after'],
          text: Buffer.concat(chunks).toString('utf8'),
        });
      });
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class DirectClient {
  requests = 0;
  rateLimited = 0;
  tokenExchanges = 0;
  private token = '';
  private readonly agent: Agent;
  private readonly sandbox: SandboxCredentials;

  constructor(sandbox: SandboxCredentials, sockets: number) {
    this.sandbox = sandbox;
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  async exchangeToken(): Promise<void> {
    const { identityDomain, customerId, clientId, clientSecret, scope } = this.sandbox;
    const answer = await send(this.agent, `${identityDomain}/${customerId}/login/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
    });
    this.requests += 1;
    if (answer.status !== 200) throw new Error(`The baseline's token exchange failed (${answer.status}).`);
    this.token = (JSON.parse(answer.text) as { access_token: string }).access_token;
    this.tokenExchanges += 1;
  }

  /** The JSON body, or null when the item still failed after the retries. */
  async get(path: string): Promise<unknown> {
    const { identityDomain, customerId } = this.sandbox;
    let faults = 0;
    let rateLimits = 0;
    for (;;) {
      this.requests += 1;
      let answer: HttpAnswer | null;
      try {
        answer = await send(this.agent, `${identityDomain}/${customerId}/config/${path}`, {
          method: 'GET',
          headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
        });
      } catch {
        answer = null;
      }
      if (answer?.status === 429) {
        this.rateLimited += 1;
        rateLimits += 1;
        if (rateLimits > maxRateLimitRetries) return null;
        await sleep(parseRetryAfterMs(answer.retryAfter));
        continue;
      }
      if (answer !== null && answer.status === 200) {
        try {
          return JSON.parse(answer.text) as unknown;
        } catch {
          // A malformed body: retried like a fault.
        }
      } else if (answer !== null && answer.status < 500) {
        return null;
      }
      faults += 1;
      if (faults >= maxFaultAttempts) return null;
      await sleep(100 * 2 ** (faults - 1));
    }
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

interface HalItems {
  total?: number;
  _embedded?: Record<string, { id: string }[] | undefined>;
}

function embeddedIds(body: unknown, key: string): string[] {
  const items = (body as HalItems | null)?._embedded?.[key] ?? [];
  return items.map((item) => item.id);
}

export async function directInventory(
  sandbox: SandboxCredentials,
  options: DirectInventoryOptions,
): Promise<DirectInventoryResult> {
  const client = new DirectClient(sandbox, options.concurrency);
  const started = performance.now();
  try {
    await client.exchangeToken();
    const lists: Record<'clients' | 'loginPolicies' | 'tokenPolicies', unknown> = {
      clients: null,
      loginPolicies: null,
      tokenPolicies: null,
    };
    let failed = 0;
    await pool(['clients', 'loginPolicies', 'tokenPolicies'] as const, options.concurrency, async (path) => {
      lists[path] = await client.get(path);
      if (lists[path] === null) failed += 1;
    });
    const clientIds = embeddedIds(lists.clients, 'clients');
    const wanted =
      options.sampleClients === undefined ? clientIds : clientIds.slice(0, options.sampleClients);
    const work = [
      ...wanted.map((id) => `clients/${id}`),
      ...embeddedIds(lists.loginPolicies, 'loginPolicies').map((id) => `loginPolicies/${id}`),
      ...embeddedIds(lists.tokenPolicies, 'tokenPolicies').map((id) => `tokenPolicies/${id}`),
    ];
    await pool(work, options.concurrency, async (path) => {
      if ((await client.get(path)) === null) failed += 1;
    });
    return {
      ms: performance.now() - started,
      clients: wanted.length,
      listed: clientIds.length,
      requests: client.requests,
      rateLimited: client.rateLimited,
      failed,
      tokenExchanges: client.tokenExchanges,
    };
  } finally {
    client.close();
  }
}
