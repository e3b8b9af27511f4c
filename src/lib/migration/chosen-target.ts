// The migration target last chosen on the Migration page, remembered on this device so that a client's page
// shows its readiness for the same target. Not a secret, not tenant data: a preference.
import type { MigrationTarget } from '../../identity-cloud/migration/migration-target.ts';
import { isMigrationTarget } from '../../identity-cloud/migration/migration-target.ts';

const storageKey = 'idc-inventory.migration-target';
export const defaultMigrationTarget: MigrationTarget = 'pingone';

export function readChosenTarget(storage?: Storage): MigrationTarget {
  try {
    const value = (storage ?? localStorage).getItem(storageKey);
    return isMigrationTarget(value) ? value : defaultMigrationTarget;
  } catch {
    // Storage refused (private mode, quota): the default is as good a choice.
    return defaultMigrationTarget;
  }
}

export function saveChosenTarget(target: MigrationTarget, storage?: Storage): void {
  try {
    (storage ?? localStorage).setItem(storageKey, target);
  } catch {
    // Not remembered: nothing else depends on it.
  }
}
