import { historyMigration } from './migration-0001-history.ts';
import { tenantLimitsMigration } from './migration-0002-tenant-limits.ts';
import { activityMigration } from './migration-0003-activity.ts';
import { acceptancesMigration } from './migration-0004-acceptances.ts';
import { openSpansMigration } from './migration-0005-open-spans.ts';
import type { Migration } from './migration.ts';

/**
 * Every migration this build knows, in the order they are applied. To add one: write
 * `src/store/migrations/migration-NNNN-what.ts` exporting a `Migration` with `id: NNNN` (the next free number; never reuse or
 * renumber one that has shipped), declare its tables' types there and add them to `Database` in ../database.ts,
 * then append it to this list. The start applies the missing ones; a store holding an id not in this list was
 * written by a newer build and is refused, never altered.
 * Reserved: 2 tenant limits, 3 activity, 4 acceptances, 5 open spans.
 */
export const migrations: readonly Migration[] = [
  historyMigration,
  tenantLimitsMigration,
  activityMigration,
  acceptancesMigration,
  openSpansMigration,
];
