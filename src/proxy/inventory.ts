// `GET /api/inventory`: the client list, then every client's details and every policy once, fanned out through the
// tenant's adaptive gate and written as NDJSON lines (src/identity-cloud/inventory-stream.ts) as they arrive.
import { setMaxListeners } from 'node:events';
import type { z } from 'zod';
import type { ClientSummary } from '../identity-cloud/schemas.ts';
import { configResources, policyKinds, type PolicyKind } from '../identity-cloud/config-resources.ts';
import type { InventoryLine, InventoryResourceKind } from '../identity-cloud/inventory-stream.ts';
import { getConfig, type ConfigContext, type ConfigResult, type RetryStats } from './config-request.ts';
import { isPlainIdentifier } from './identifiers.ts';
import { ProblemError } from './problem.ts';
import { JsonTooDeepError } from '../identity-cloud/redaction.ts';
import { sessionRedactor } from './session-secrets.ts';
import { gatePriority } from './tenant-gate.ts';
import type { UpstreamCounter } from './upstream-fetch.ts';

export interface InventoryLimits {
  /** Attempts per item for faults (5xx, resets, hangs, malformed bodies). */
  maxAttempts: number;
  /** 429s tolerated per item (each waits its Retry-After). */
  maxRateLimitRetries: number;
}

/** Items requested but not yet written, at most: the tenant gate's concurrency is far below it. */
const maxOutstandingItems = 256;

export const defaultInventoryLimits: InventoryLimits = { maxAttempts: 5, maxRateLimitRetries: 20 };

/** A shape check that keeps what it parsed, so that each body is parsed once (this runs per client). */
function checker<Schema extends z.ZodType>(schema: Schema) {
  let parsed: z.output<Schema> | undefined;
  return {
    isValid: (body: unknown): boolean => {
      const result = schema.safeParse(body);
      if (result.success) parsed = result.data;
      return result.success;
    },
    parsed: (): z.output<Schema> | undefined => parsed,
  };
}

/** The stream's resource name of a failed policy list (an error line's `resource`). */
const policyListResource = {
  loginPolicy: 'loginPolicyList',
  tokenPolicy: 'tokenPolicyList',
} as const satisfies Record<PolicyKind, InventoryResourceKind>;

export class InventoryRun {
  private readonly context: ConfigContext;
  private readonly limits: InventoryLimits;
  private readonly controller = new AbortController();
  private readonly startedAt: number;
  private readonly counter: UpstreamCounter;
  readonly stats: RetryStats;
  private readonly requestedPolicies: Record<PolicyKind, Set<string>> = {
    loginPolicy: new Set(),
    tokenPolicy: new Set(),
  };
  private runningTasks = 0;
  private onIdle: (() => void) | null = null;
  private readonly buffered: InventoryLine[] = [];
  private sink: ((line: InventoryLine) => void) | null = null;
  private clientLines = 0;
  private errorLines = 0;
  private policyListsStarted = false;
  private readonly detach: () => void;
  private readonly backpressure: (() => Promise<void>) | undefined;
  private taskWaiters: (() => void)[] = [];

  constructor(options: {
    context: ConfigContext;
    signal: AbortSignal;
    counter: UpstreamCounter;
    stats: RetryStats;
    limits?: InventoryLimits;
    startedAt?: number;
    /** Resolves when the reader can take more: no client is requested while it is pending. */
    backpressure?: () => Promise<void>;
  }) {
    this.backpressure = options.backpressure;
    this.context = options.context;
    this.limits = options.limits ?? defaultInventoryLimits;
    this.counter = options.counter;
    this.stats = options.stats;
    this.startedAt = options.startedAt ?? performance.now();
    // One listener per waiting item: thousands are expected, not a leak.
    setMaxListeners(1_000_000, this.controller.signal);
    const stop = () => this.abort();
    // Removed when the run ends: the signal depends on the session's lifetime, and a listener keeps a dependent
    // signal (and through `stop`, this whole run) alive as long as its sources live — for the server's default
    // session, for ever: every finished inventory stayed in memory (about 125 kB each for 300 clients).
    this.detach = () => options.signal.removeEventListener('abort', stop);
    if (options.signal.aborted) this.abort();
    else options.signal.addEventListener('abort', stop, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(): void {
    this.detach();
    if (!this.controller.signal.aborted) this.controller.abort(new Error('The inventory was cancelled.'));
    const waiters = this.taskWaiters;
    this.taskWaiters = [];
    for (const wake of waiters) wake();
  }

  /**
   * Reads the client list (and starts the policy lists alongside it). Resolves with the summaries, or a problem
   * the route answers with its status before any line is written.
   */
  async readClientList(): Promise<
    { ok: true; total: number; clients: ClientSummary[] } | { ok: false; problem: ProblemError }
  > {
    this.startPolicyLists();
    const check = checker(configResources.client.listSchema);
    const result = await this.get({
      path: configResources.client.collection,
      label: configResources.client.listLabel,
      priority: gatePriority.inventoryList,
      adaptiveTimeout: false,
      isValid: check.isValid,
    });
    if (!result.ok) return result;
    const list = check.parsed();
    if (list === undefined) {
      return {
        ok: false,
        problem: new ProblemError(502, 'The client list is not in the configuration API’s format.'),
      };
    }
    let redacted: ClientSummary[];
    try {
      redacted = this.redact(list.items) as ClientSummary[];
    } catch (error) {
      if (!(error instanceof JsonTooDeepError)) throw error;
      return {
        ok: false,
        problem: new ProblemError(502, 'Identity Cloud’s client list is nested too deeply to be shown.'),
      };
    }
    return { ok: true, total: list.total, clients: redacted };
  }

  /** Writes the list line, fans out, and resolves after the done line (or when aborted). */
  async stream(
    list: { total: number; clients: ClientSummary[] },
    write: (line: InventoryLine) => void,
  ): Promise<void> {
    write({ kind: 'list', total: list.total, clients: list.clients });
    this.sink = write;
    for (const line of this.buffered.splice(0)) write(line);

    const seen = new Set<string>();
    for (const summary of list.clients) {
      if (seen.has(summary.id)) continue;
      seen.add(summary.id);
      // Pull, not push: a client is requested only while the reader keeps up and few are outstanding, so that
      // a reader that stops reading stops the fan-out instead of piling results up in memory.
      await this.readyForMore();
      if (this.signal.aborted) break;
      this.spawn(() => this.fetchClient(summary.id), 'client', summary.id);
    }
    await this.idle();
    this.detach();
    if (this.signal.aborted) return;
    write({
      kind: 'done',
      clients: this.clientLines,
      failed: this.errorLines,
      ms: Math.round(performance.now() - this.startedAt),
      requests: this.stats.requests,
      retries: this.stats.retries,
      rateLimited: this.stats.rateLimited,
    });
  }

  private startPolicyLists(): void {
    if (this.policyListsStarted) return;
    this.policyListsStarted = true;
    for (const kind of policyKinds) {
      const spec = configResources[kind];
      this.spawn(
        async () => {
          const check = checker(spec.listSchema);
          const result = await this.get({
            path: spec.collection,
            label: spec.listLabel,
            priority: gatePriority.inventoryList,
            adaptiveTimeout: false,
            isValid: check.isValid,
          });
          if (!result.ok) {
            this.emitError(policyListResource[kind], null, result.problem);
            return;
          }
          for (const summary of check.parsed()?.items ?? []) this.requestPolicy(kind, summary.id);
        },
        policyListResource[kind],
        null,
      );
    }
  }

  private async fetchClient(id: string): Promise<void> {
    if (!isPlainIdentifier(id)) {
      this.emitError(
        'client',
        id,
        new ProblemError(
          502,
          'The client list holds an id that is not a plain identifier; it was not requested.',
        ),
      );
      return;
    }
    const client = configResources.client;
    const check = checker(client.itemSchema);
    const result = await this.get({
      path: `${client.collection}/${id}`,
      label: `${client.noun} ${id}`,
      priority: gatePriority.inventoryItem,
      adaptiveTimeout: true,
      isValid: check.isValid,
    });
    if (!result.ok) {
      this.emitError('client', id, result.problem);
      return;
    }
    const redacted = this.redactOrFail('client', id, result.body as z.output<typeof client.itemSchema>);
    if (redacted === undefined) return;
    this.emit({ kind: 'client', client: redacted });
    this.clientLines += 1;
    const parsed = check.parsed();
    if (parsed?.loginPolicy) this.requestPolicy('loginPolicy', parsed.loginPolicy);
    if (parsed?.tokenPolicy) this.requestPolicy('tokenPolicy', parsed.tokenPolicy);
  }

  /** Each policy, listed or referenced, is fetched and written once. */
  private requestPolicy(kind: PolicyKind, id: string): void {
    const requested = this.requestedPolicies[kind];
    if (requested.has(id)) return;
    requested.add(id);
    const spec = configResources[kind];
    this.spawn(
      async () => {
        if (!isPlainIdentifier(id)) {
          this.emitError(
            kind,
            id,
            new ProblemError(502, `A ${spec.noun} id is not a plain identifier; it was not requested.`),
          );
          return;
        }
        const result = await this.get({
          path: `${spec.collection}/${id}`,
          label: `${spec.noun} ${id}`,
          priority: gatePriority.inventoryList,
          adaptiveTimeout: true,
          isValid: (body: unknown) => spec.itemSchema.safeParse(body).success,
        });
        if (!result.ok) {
          this.emitError(kind, id, result.problem);
          return;
        }
        const policy = this.redactOrFail(kind, id, result.body as z.output<typeof spec.itemSchema>);
        if (policy === undefined) return;
        this.emit({ kind, policy });
      },
      kind,
      id,
    );
  }

  private get(options: {
    path: string;
    label: string;
    priority: (typeof gatePriority)[keyof typeof gatePriority];
    adaptiveTimeout: boolean;
    isValid: (body: unknown) => boolean;
  }): Promise<ConfigResult> {
    return getConfig(this.context, {
      ...options,
      signal: this.signal,
      maxAttempts: this.limits.maxAttempts,
      maxRateLimitRetries: this.limits.maxRateLimitRetries,
      stats: this.stats,
      counter: this.counter,
    });
  }

  private async readyForMore(): Promise<void> {
    while (this.runningTasks >= maxOutstandingItems && !this.signal.aborted) {
      await new Promise<void>((resolve) => this.taskWaiters.push(resolve));
    }
    if (this.backpressure !== undefined && !this.signal.aborted) await this.backpressure();
  }

  /** Resolves when every task (including those spawned by tasks) finished, or the run was aborted. */
  private idle(): Promise<void> {
    if (this.runningTasks === 0 || this.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.onIdle = resolve;
      this.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  private spawn(task: () => Promise<void>, resource: InventoryResourceKind, id: string | null): void {
    this.runningTasks += 1;
    task()
      .catch((error: unknown) => {
        if (this.signal.aborted) return;
        // A bug rather than an upstream failure: keep streaming, and mark the item it hit.
        this.emitError(resource, id, new ProblemError(500, 'The proxy failed while reading this item.'));
        console.error(
          `inventory: reading ${resource} failed:`,
          error instanceof Error ? error.name : 'unknown error',
        );
      })
      .finally(() => {
        this.runningTasks -= 1;
        const waiters = this.taskWaiters;
        this.taskWaiters = [];
        for (const wake of waiters) wake();
        if (this.runningTasks === 0) this.onIdle?.();
      });
  }

  private redact(value: unknown): unknown {
    return sessionRedactor(this.context.session).value(value);
  }

  /**
   * `body` already matched its schema (`isValid`), and redaction only replaces strings with strings: the redacted
   * body keeps the parsed type.
   */
  private redactOrFail<Body>(resource: InventoryResourceKind, id: string, body: Body): Body | undefined {
    try {
      return this.redact(body) as Body;
    } catch (error) {
      if (!(error instanceof JsonTooDeepError)) throw error;
      this.emitError(
        resource,
        id,
        new ProblemError(502, `The answer for ${resource} ${id} is nested too deeply to be shown.`),
      );
      return undefined;
    }
  }

  private emitError(resource: InventoryResourceKind, id: string | null, problem: ProblemError): void {
    if (this.signal.aborted) return;
    this.errorLines += 1;
    this.emit({
      kind: 'error',
      resource,
      ...(id === null ? {} : { id }),
      status: problem.status,
      detail: sessionRedactor(this.context.session).text(problem.message),
    });
  }

  private emit(line: InventoryLine): void {
    if (this.signal.aborted) return;
    if (this.sink === null) this.buffered.push(line);
    else this.sink(line);
  }
}
