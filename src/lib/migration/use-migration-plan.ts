import { useMemo } from 'react';
import type { MigrationTarget } from '../../identity-cloud/migration/migration-target.ts';
import type { MigrationPlan } from '../../identity-cloud/migration/readiness.ts';
import { migrationPlan } from '../../identity-cloud/migration/readiness.ts';
import { useInventoryFindings } from '../inventory/use-inventory-findings.ts';

/** The readiness of every client for the target, from the inventory and findings already loaded. */
export function useMigrationPlan(target: MigrationTarget) {
  const findings = useInventoryFindings();
  const evaluated = findings.evaluated;
  const plan = useMemo<MigrationPlan | undefined>(
    () =>
      evaluated === undefined ? undefined : migrationPlan(target, evaluated.inventory, evaluated.findings),
    [evaluated, target],
  );
  return { ...findings, plan };
}
