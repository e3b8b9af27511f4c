// The access log as the server uses it: recorded in the store when there is one, never in the way of the request
// (a store that is off or failing costs the event, logged once by the store service, not the sign-in).
import type { Hono } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { z } from 'zod';
import { activityKinds } from '../identity-cloud/activity-kinds.ts';
import {
  listActivity,
  recordActivity,
  type ActivityEvent,
  type ActivityInput,
  type ActivityQuery,
} from '../store/activity-repository.ts';
import { StoreUnavailableError, type StoreService } from '../store/store-service.ts';

export interface ActivityLog {
  record(input: ActivityInput): void;
  /** Rejects with StoreUnavailableError when the store is off. */
  list(query: ActivityQuery): Promise<ActivityEvent[]>;
  /** Resolves when every record started so far has finished (for tests and shutdown). */
  settled(): Promise<void>;
}

/** Refusals can be caused by anyone who reaches the port: a few a minute are enough to see an attack. */
export const maxRefusalsPerMinute = 60;

export function storeActivityLog(service: StoreService, now: () => number = Date.now): ActivityLog {
  const pending = new Set<Promise<unknown>>();
  let windowStart = 0;
  let refusalsInWindow = 0;
  return {
    record(input) {
      if (input.kind === 'refusal') {
        if (now() - windowStart > 60_000) {
          windowStart = now();
          refusalsInWindow = 0;
        }
        refusalsInWindow += 1;
        if (refusalsInWindow > maxRefusalsPerMinute) return;
      }
      const write = service
        .use((store) => recordActivity(store, input))
        .catch(() => undefined)
        .finally(() => pending.delete(write));
      pending.add(write);
    },
    list: (query) => service.use((store) => listActivity(store, query)),
    settled: async () => {
      await Promise.all([...pending]);
    },
  };
}

export const activityQuerySchema = z.object({
  user: z.string().trim().min(1).max(500).optional(),
  kind: z.enum(activityKinds).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

function problem(status: number, title: string, detail: string): Response {
  return new Response(JSON.stringify({ title, status, detail }), {
    status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
  });
}

/** GET /api/activity?user=&kind=&limit=: newest first. */
export function mountActivityRoutes(app: Hono<{ Bindings: HttpBindings }>, activity: ActivityLog): void {
  app.get('/api/activity', async (c) => {
    const parsed = activityQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? 'query';
      return problem(
        400,
        'Invalid request',
        `Check ${field}: ${field === 'kind' ? `one of ${activityKinds.join(', ')}` : (issue?.message ?? 'invalid')}.`,
      );
    }
    try {
      const events = await activity.list(parsed.data);
      c.header('cache-control', 'no-store');
      return c.json({ events });
    } catch (error) {
      if (error instanceof StoreUnavailableError) {
        return problem(
          503,
          'Service unavailable',
          `The access log cannot be read: ${error.reason}. The rest of the dashboard keeps working.`,
        );
      }
      throw error;
    }
  });
}
