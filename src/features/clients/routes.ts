import { generatePath } from 'react-router';
import { withSearch } from '../../lib/feature-pages.ts';

export const clientsRoutePatterns = {
  clients: '/clients',
  client: '/clients/:clientId',
} as const;

export function toClients(search?: URLSearchParams | string): string {
  return withSearch(clientsRoutePatterns.clients, search);
}

export function toClient({ clientId }: { clientId: string }): string {
  return generatePath(clientsRoutePatterns.client, { clientId });
}
