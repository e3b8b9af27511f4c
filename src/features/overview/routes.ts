export const overviewRoutePatterns = { overview: '/' } as const;

export function toOverview(): string {
  return overviewRoutePatterns.overview;
}
