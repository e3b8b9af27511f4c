export const connectionRoutePatterns = { connect: '/connect' } as const;

export function toConnect(): string {
  return connectionRoutePatterns.connect;
}
