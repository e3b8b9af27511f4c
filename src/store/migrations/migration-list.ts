import { historyMigration } from './migration-0001-history.ts';
import { activityMigration } from './migration-0003-activity.ts';
import { acceptancesMigration } from './migration-0004-acceptances.ts';
import type { Migration } from './migration.ts';

/**
 * Every migration this build knows, in the order they are applied. To add one: write
 * `src/store/migrations/migration-NNNN-what.ts` exporting a `Migration` with `id: NNNN` (the next free number; never reuse or
 * renumber one that has shipped), declare its tables' types there and add them to `Database` in ../database.ts,
 * then append it to this list. The start applies the missing ones; a store holding an id not in this list was
 * written by a newer build and is refused, never altered.
 * Reserved: 2 tenant limits, 3 activity, 4 acceptances.
 */
export const migrations: readonly Migration[] = [historyMigration, activityMigration, acceptancesMigration];
