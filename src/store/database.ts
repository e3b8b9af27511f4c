// The store's tables as Kysely sees them. Each migration that adds tables declares their types in its own file;
// the Database type is their intersection (add yours with `&`).
import type { HistoryTables } from './migrations/migration-0001-history.ts';
import type { TenantLimitsTables } from './migrations/migration-0002-tenant-limits.ts';
import type { ActivityTables } from './migrations/migration-0003-activity.ts';
import type { AcceptanceTables } from './migrations/migration-0004-acceptances.ts';

export interface StoreMigrationsTable {
  id: number;
  name: string;
  applied_at: string;
}

export type Database = { store_migrations: StoreMigrationsTable } & HistoryTables &
  TenantLimitsTables &
  ActivityTables &
  AcceptanceTables;

export type StoreEngine = 'sqlite' | 'postgres';
