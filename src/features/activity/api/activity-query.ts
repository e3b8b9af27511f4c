// GET /api/activity: the access log, newest first, filtered by person and kind.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGetParsed } from '../../../lib/api-client.ts';
import type { ActivityKind } from '../../../identity-cloud/activity-kinds.ts';

const activityEventSchema = z.looseObject({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  user: z.string().nullish(),
  address: z.string().nullish(),
  tenant: z.string().nullish(),
  detail: z.string().nullish(),
});
const activityListSchema = z.looseObject({ events: z.array(activityEventSchema) });

export type ActivityEvent = z.infer<typeof activityEventSchema>;

export interface ActivityFilter {
  user: string;
  kind: ActivityKind | '';
}

export function activityQueryOptions(filter: ActivityFilter) {
  const search = new URLSearchParams();
  if (filter.user.trim() !== '') search.set('user', filter.user.trim());
  if (filter.kind !== '') search.set('kind', filter.kind);
  return queryOptions({
    queryKey: ['activity', filter.user.trim(), filter.kind] as const,
    queryFn: async ({ signal }) =>
      (
        await apiGetParsed(
          `/api/activity${search.size > 0 ? `?${search.toString()}` : ''}`,
          activityListSchema,
          signal,
        )
      ).events,
  });
}
