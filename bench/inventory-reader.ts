// Reads `GET /api/inventory` the way the app does (NDJSON, line by line as it streams), timing the `done` line.
// node:http rather than fetch: the reader shares the proxy's event loop, and should cost it as little as possible.
import { request } from 'node:http';

export interface InventoryReading {
  /** From sending the request to receiving the `done` line. */
  ms: number;
  /** From sending the request to receiving the `list` line (the names). */
  listMs: number;
  clientLines: number;
  /** Error lines for items that failed (after the proxy's retries). */
  errorLines: number;
  /**
   * Error lines for policies the tenant does not have (404): a client referring to a deleted policy is content,
   * not a failure of the fan-out (the seeded tenant has one such dangling reference).
   */
  missingPolicies: number;
  done: { clients: number; failed: number; ms: number } | null;
}

export function readInventoryStream(origin: string, cookie?: string): Promise<InventoryReading> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const reading: InventoryReading = {
      ms: 0,
      listMs: 0,
      clientLines: 0,
      errorLines: 0,
      missingPolicies: 0,
      done: null,
    };
    const outgoing = request(
      `${origin}/api/inventory`,
      { headers: cookie === undefined ? {} : { cookie }, agent: false },
      (incoming) => {
        if (incoming.statusCode !== 200) {
          incoming.resume();
          reject(new Error(`GET /api/inventory answered ${incoming.statusCode}.`));
          return;
        }
        incoming.setEncoding('utf8');
        let partial = '';
        incoming.on('data', (chunk: string) => {
          const lines = (partial + chunk).split('\n');
          partial = lines.pop() ?? '';
          for (const text of lines) {
            if (text === '') continue;
            // Cheap prefix checks first: only the rare lines need parsing.
            if (text.startsWith('{"kind":"client"')) reading.clientLines += 1;
            else if (text.startsWith('{"kind":"error"')) {
              const error = JSON.parse(text) as { resource?: string; status?: number };
              if (error.status === 404 && /Policy$/.test(error.resource ?? '')) reading.missingPolicies += 1;
              else reading.errorLines += 1;
            } else if (text.startsWith('{"kind":"list"')) reading.listMs = performance.now() - started;
            else if (text.startsWith('{"kind":"done"')) {
              reading.ms = performance.now() - started;
              reading.done = JSON.parse(text) as InventoryReading['done'];
            }
          }
        });
        incoming.on('end', () => {
          if (reading.done === null) reject(new Error('The inventory stream ended without its done line.'));
          else resolve(reading);
        });
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}
