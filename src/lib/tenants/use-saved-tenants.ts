import { useSyncExternalStore } from 'react';
import type { SavedTenant } from './saved-tenants.ts';
import { savedTenantsSnapshot, subscribeToSavedTenants } from './saved-tenants.ts';

/** The tenants this browser remembers, most recent first; re-renders when any tab saves or forgets one. */
export function useSavedTenants(): SavedTenant[] {
  return useSyncExternalStore(subscribeToSavedTenants, savedTenantsSnapshot, () => []);
}
