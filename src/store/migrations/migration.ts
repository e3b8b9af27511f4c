import type { Kysely } from 'kysely';
import type { StoreEngine } from '../database.ts';

/** One step of the store's schema. Applied once, in its own transaction, in the order of the list. */
export interface Migration {
  /** The number in the file name: 1 for `migration-0001-history.ts`. Never reused, never renumbered. */
  id: number;
  name: string;
  /** Portable DDL (Kysely's schema builder); `engine` for the rare difference between SQLite and PostgreSQL. */
  up(db: Kysely<unknown>, engine: StoreEngine): Promise<void>;
}
