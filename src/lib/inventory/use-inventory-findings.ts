import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AuditSettings } from '../../identity-cloud/audit/audit-evaluation.ts';
import { emptyAuditPolicy } from '../../identity-cloud/audit/audit-policy.ts';
import { acceptancesFromStore } from '../../identity-cloud/audit/stored-acceptance.ts';
import { acceptancesQueryOptions } from '../audit/acceptances-query.ts';
import { auditPolicyQueryOptions } from '../audit/audit-policy-query.ts';
import type { EvaluatedFindings } from './inventory-findings.ts';
import { findingsOf } from './inventory-findings.ts';
import { useInventory } from './use-inventory.ts';

/**
 * The audit policy in force on the server and the risks accepted in the dashboard, as evaluation settings;
 * undefined: the generic rules alone. Stored acceptances that cannot be read (no store) leave findings open.
 */
function useAuditSettings(): AuditSettings | undefined {
  const policy = useQuery(auditPolicyQueryOptions()).data?.policy ?? null;
  const stored = useQuery(acceptancesQueryOptions()).data;
  return useMemo(() => {
    const acceptances = stored === undefined ? [] : acceptancesFromStore(stored);
    if (policy === null && acceptances.length === 0) return undefined;
    return { policy: policy ?? emptyAuditPolicy, acceptances, now: new Date() };
  }, [policy, stored]);
}

/**
 * The inventory query and its findings. Findings are evaluated once per published inventory and audit policy
 * (shared across pages through a cache keyed on them), throttled while the stream runs; `evaluated` is undefined
 * until the list arrived.
 */
export function useInventoryFindings() {
  const inventory = useInventory();
  const audit = useAuditSettings();
  const snapshot = inventory.data;
  const streaming = inventory.isFetching && snapshot?.complete !== true;
  const evaluated = useMemo<EvaluatedFindings | undefined>(
    () => (snapshot === undefined ? undefined : findingsOf(snapshot, streaming, audit)),
    [snapshot, streaming, audit],
  );
  return { inventory, snapshot, streaming, evaluated };
}
