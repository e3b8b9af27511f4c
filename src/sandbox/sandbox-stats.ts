// What happened, for tests and benchmarks: requests by route and status, token exchanges, 429s, faults and
// concurrency. Served as JSON at `GET /__sandbox/stats` and returned by `RunningSandbox.stats()`.

export type FaultKind = 'serverError' | 'hang' | 'malformed';

export interface SandboxStats {
  /** Route pattern (e.g. `GET /config/clients/:id`) → status (e.g. `200`; `dropped` for hung requests) → count. */
  requests: Record<string, Record<string, number>>;
  totalRequests: number;
  /** Successful token issues. */
  tokenExchanges: number;
  /** 429s sent. */
  rateLimited: number;
  faults: Record<FaultKind, number>;
  /** The most requests in progress at once (from arrival until the response is sent or the socket closes). */
  peakConcurrency: number;
  inFlight: number;
}

export class StatsRecorder {
  #requests = new Map<string, Map<string, number>>();
  #totalRequests = 0;
  #tokenExchanges = 0;
  #rateLimited = 0;
  #faults: Record<FaultKind, number> = { serverError: 0, hang: 0, malformed: 0 };
  #inFlight = 0;
  #peakConcurrency = 0;

  get inFlight(): number {
    return this.#inFlight;
  }

  /** A request arrived; returns the function to call once, when it is over. */
  arrive(): () => void {
    this.#inFlight += 1;
    this.#peakConcurrency = Math.max(this.#peakConcurrency, this.#inFlight);
    let departed = false;
    return () => {
      if (departed) return;
      departed = true;
      this.#inFlight -= 1;
    };
  }

  record(route: string, status: number | 'dropped'): void {
    this.#totalRequests += 1;
    const byStatus = this.#requests.get(route) ?? new Map<string, number>();
    const key = String(status);
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    this.#requests.set(route, byStatus);
    if (status === 429) this.#rateLimited += 1;
  }

  tokenIssued(): void {
    this.#tokenExchanges += 1;
  }

  fault(kind: FaultKind): void {
    this.#faults[kind] += 1;
  }

  snapshot(): SandboxStats {
    const requests: SandboxStats['requests'] = {};
    for (const [route, byStatus] of this.#requests) requests[route] = Object.fromEntries(byStatus);
    return {
      requests,
      totalRequests: this.#totalRequests,
      tokenExchanges: this.#tokenExchanges,
      rateLimited: this.#rateLimited,
      faults: { ...this.#faults },
      peakConcurrency: this.#peakConcurrency,
      inFlight: this.#inFlight,
    };
  }

  /** Zeroes the counters; requests still in flight stay counted, and the peak restarts from them. */
  reset(): void {
    this.#requests.clear();
    this.#totalRequests = 0;
    this.#tokenExchanges = 0;
    this.#rateLimited = 0;
    this.#faults = { serverError: 0, hang: 0, malformed: 0 };
    this.#peakConcurrency = this.#inFlight;
  }
}
