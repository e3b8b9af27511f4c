// The proxy's tenant-limits port over the store. A store that is off or failing answers "nothing remembered" and
// drops the write (the store service logs its state once): the proxy then learns the cap from 429s, as without it.
import type { TenantLimitsPort } from '../proxy/tenant-limits-port.ts';
import type { StoreService } from '../store/store-service.ts';
import { readTenantLimit, writeTenantLimit } from '../store/tenant-limits-repository.ts';

export function storeTenantLimits(service: StoreService): TenantLimitsPort {
  return {
    recall: (tenant) => service.use((store) => readTenantLimit(store, tenant)).catch(() => null),
    remember: (tenant, limit) =>
      service.use((store) => writeTenantLimit(store, tenant, limit)).catch(() => undefined),
  };
}
