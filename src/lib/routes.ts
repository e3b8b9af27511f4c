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

export function toDrift(): string {
  return routePatterns.drift;
}

export function toMigration(search?: URLSearchParams | string): string {
  const query = search === undefined ? '' : search.toString();
  return query === '' ? routePatterns.migration : `${routePatterns.migration}?${query}`;
}
