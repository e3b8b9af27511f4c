export const activityRoutePatterns = { activity: '/activity' } as const;

export function toActivity(): string {
  return activityRoutePatterns.activity;
}
