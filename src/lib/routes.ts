// Typed route builders (Keycloak admin-ui style): call sites never concatenate paths.
export const routePatterns = {
  overview: '/',
  connect: '/connect',
  clients: '/clients',
  client: '/clients/:clientId',
  policies: '/policies',
  loginPolicy: '/policies/login/:policyId',
  tokenPolicy: '/policies/token/:policyId',
  findings: '/findings',
  drift: '/drift',
  history: '/history',
  activity: '/activity',
  migration: '/migration',
} as const;

export function toOverview(): string {
  return routePatterns.overview;
}

export function toConnect(): string {
  return routePatterns.connect;
}

export function toClients(search?: URLSearchParams | string): string {
  const query = search === undefined ? '' : search.toString();
  return query === '' ? routePatterns.clients : `${routePatterns.clients}?${query}`;
}

export function toClient({ clientId }: { clientId: string }): string {
  return `/clients/${encodeURIComponent(clientId)}`;
}

export type PolicyTab = 'login' | 'token';

export function toPolicies(tab?: PolicyTab): string {
  return tab === undefined ? routePatterns.policies : `${routePatterns.policies}?tab=${tab}`;
}

export function toLoginPolicy({ policyId }: { policyId: string }): string {
  return `/policies/login/${encodeURIComponent(policyId)}`;
}

export function toTokenPolicy({ policyId }: { policyId: string }): string {
  return `/policies/token/${encodeURIComponent(policyId)}`;
}

export function toFindings(search?: URLSearchParams | string): string {
  const query = search === undefined ? '' : search.toString();
  return query === '' ? routePatterns.findings : `${routePatterns.findings}?${query}`;
}

/** The drift page; with stored snapshots as its base, and optionally as the side it is compared with. */
export function toDrift(stored?: { base: string; against?: string; show?: string }): string {
  if (stored === undefined) return routePatterns.drift;
  const query = new URLSearchParams({ base: stored.base });
  if (stored.against !== undefined) query.set('against', stored.against);
  if (stored.show !== undefined) query.set('show', stored.show);
  return `${routePatterns.drift}?${query.toString()}`;
}

export function toHistory(search?: URLSearchParams | string): string {
  const query = search === undefined ? '' : search.toString();
  return query === '' ? routePatterns.history : `${routePatterns.history}?${query}`;
}

export function toActivity(): string {
  return routePatterns.activity;
}

export function toMigration(search?: URLSearchParams | string): string {
  const query = search === undefined ? '' : search.toString();
  return query === '' ? routePatterns.migration : `${routePatterns.migration}?${query}`;
}
