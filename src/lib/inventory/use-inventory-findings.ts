import { useMemo } from 'react';
import type { EvaluatedFindings } from './inventory-findings.ts';
import { findingsOf } from './inventory-findings.ts';
import { useInventory } from './use-inventory.ts';

/**
 * The inventory query and its findings. Findings are evaluated once per published inventory (shared across pages
 * through a cache keyed on it), throttled while the stream runs; `evaluated` is undefined until the list arrived.
 */
export function useInventoryFindings() {
  const inventory = useInventory();
  const snapshot = inventory.data;
  const streaming = inventory.isFetching && snapshot?.complete !== true;
  const evaluated = useMemo<EvaluatedFindings | undefined>(
    () => (snapshot === undefined ? undefined : findingsOf(snapshot, streaming)),
    [snapshot, streaming],
  );
  return { inventory, snapshot, streaming, evaluated };
}
