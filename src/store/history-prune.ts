// Retention: old snapshots go, and with them the spans and versions nothing refers to any more.
import { sql } from 'kysely';
import { latestSnapshot, lockTenant } from './history-transaction.ts';
import type { Store } from './store.ts';

/**
 * Removes every tenant's snapshots taken before `before` (never a tenant's latest one), then the spans and
 * versions no remaining snapshot refers to. One transaction per tenant.
 */
export async function pruneHistory(
  store: Store,
  before: Date,
): Promise<{ snapshots: number; versions: number }> {
  // Versions too: an inventory abandoned before its first snapshot leaves versions of a tenant without snapshots.
  const tenants = await store.db
    .selectFrom('history_snapshots')
    .select('tenant')
    .union(store.db.selectFrom('history_versions').select('tenant'))
    .execute();
  let snapshots = 0;
  let versions = 0;
  for (const { tenant } of tenants) {
    await store.db.transaction().execute(async (trx) => {
      await lockTenant(trx, store.engine, tenant);
      const latest = await latestSnapshot(trx, tenant);
      if (latest !== undefined) {
        const deleted = await trx
          .deleteFrom('history_snapshots')
          .where('tenant', '=', tenant)
          .where('taken_at', '<', before.toISOString())
          .where('position', '<', latest.position)
          .executeTakeFirst();
        snapshots += Number(deleted.numDeletedRows);
        const oldest = await trx
          .selectFrom('history_snapshots')
          .select((eb) => eb.fn.min('revision').as('revision'))
          .where('tenant', '=', tenant)
          .executeTakeFirst();
        const minRevision = oldest?.revision ?? 0;
        await trx
          .deleteFrom('history_spans')
          .where('tenant', '=', tenant)
          .where('last_revision', '<', minRevision)
          .execute();
      }
      const gone = await trx
        .deleteFrom('history_versions')
        .where('tenant', '=', tenant)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('history_spans')
                .select(sql`1`.as('one'))
                .where('history_spans.tenant', '=', tenant)
                .whereRef('history_spans.hash', '=', 'history_versions.hash'),
            ),
          ),
        )
        .executeTakeFirst();
      versions += Number(gone.numDeletedRows);
    });
  }
  return { snapshots, versions };
}
