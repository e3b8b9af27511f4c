// The proxy's acceptance port over the store: the tenant's accepted risks, kept with the history.
import type { StoredAcceptance } from '../identity-cloud/audit/stored-acceptance.ts';
import { storedAcceptanceSchema } from '../identity-cloud/audit/stored-acceptance.ts';
import {
  AcceptanceRefusedError,
  AcceptancesUnavailableError,
  type AcceptancePort,
} from '../proxy/acceptance-port.ts';
import {
  listAcceptances,
  recordAcceptance,
  revokeAcceptance,
  TooManyAcceptancesError,
  type AcceptanceRow,
} from '../store/acceptance-repository.ts';
import { StoreUnavailableError, type StoreService } from '../store/store-service.ts';
import type { Store } from '../store/store.ts';
import { tenantKey } from '../store/tenant-key.ts';

/** A row as the API answers it; a row this build does not understand (a rule removed since) is left out. */
function toStored(row: AcceptanceRow): StoredAcceptance | null {
  const parsed = storedAcceptanceSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

export function storeAcceptances(service: StoreService): AcceptancePort {
  const use = async <T>(work: (store: Store) => Promise<T>): Promise<T> => {
    try {
      return await service.use(work);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw new AcceptancesUnavailableError(error.reason);
      if (error instanceof TooManyAcceptancesError) throw new AcceptanceRefusedError(error.message);
      throw error;
    }
  };
  return {
    list: async (tenant) =>
      (await use((store) => listAcceptances(store, tenantKey(tenant))))
        .map(toStored)
        .filter((entry) => entry !== null),
    create: async (tenant, acceptance) => {
      const row = await use((store) => recordAcceptance(store, tenantKey(tenant), acceptance));
      return storedAcceptanceSchema.parse(row);
    },
    revoke: async (tenant, id, revokedBy, at) => {
      const row = await use((store) => revokeAcceptance(store, tenantKey(tenant), id, revokedBy, at));
      return row === null ? null : storedAcceptanceSchema.parse(row);
    },
  };
}
