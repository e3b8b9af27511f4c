// What the access log records, one word each: the store writes these, `GET /api/activity` filters by them and
// the Activity page labels them.
export const activityKinds = [
  'sign-in',
  'sign-out',
  'refusal',
  'connection',
  'export',
  'snapshot',
  'risk-accepted',
  'risk-revoked',
] as const;
export type ActivityKind = (typeof activityKinds)[number];
