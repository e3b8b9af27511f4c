// Query keys, general → specific (TkDodo). Every key is written here once; everything tenant-specific lives
// under `tenant` so that connecting elsewhere or disconnecting drops it in one call.
const tenant = ['tenant'] as const;

export const queryKeys = {
  session: () => ['session'] as const,
  historyStatus: () => ['historyStatus'] as const,
  tenant: {
    all: () => tenant,
    inventory: () => [...tenant, 'inventory'] as const,
    acceptances: () => [...tenant, 'acceptances'] as const,
    clients: {
      detail: (clientId: string) => [...tenant, 'clients', 'detail', clientId] as const,
    },
    loginPolicies: {
      list: () => [...tenant, 'loginPolicies', 'list'] as const,
      detail: (policyId: string) => [...tenant, 'loginPolicies', 'detail', policyId] as const,
    },
    history: {
      all: () => [...tenant, 'history'] as const,
      snapshots: () => [...tenant, 'history', 'snapshots'] as const,
      snapshot: (snapshotId: string) => [...tenant, 'history', 'snapshot', snapshotId] as const,
      client: (clientId: string) => [...tenant, 'history', 'client', clientId] as const,
    },
    tokenPolicies: {
      list: () => [...tenant, 'tokenPolicies', 'list'] as const,
      detail: (policyId: string) => [...tenant, 'tokenPolicies', 'detail', policyId] as const,
    },
  },
};
