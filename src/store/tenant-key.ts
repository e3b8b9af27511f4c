// The scope of every stored row of a tenant (history, acceptances): identity domain and customer id.
export interface TenantIds {
  identityDomain: string;
  customerId: string;
}

/** Customer ids compare without case: the same tenant typed twice is one key. */
export function tenantKey(tenant: TenantIds): string {
  return `${tenant.identityDomain}/${tenant.customerId.toLowerCase()}`;
}
