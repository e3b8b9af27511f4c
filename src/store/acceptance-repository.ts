// Accepted risks: recorded, listed (the tenant's, not revoked) and revoked. Every query is scoped to one tenant;
// an id from another tenant is "not found", never someone else's acceptance.
import { randomUUID } from 'node:crypto';
import type { Store } from './store.ts';
import type { AcceptancesTable } from './migrations/migration-0004-acceptances.ts';

export interface AcceptanceInput {
  rule: string;
  clientId: string;
  clientName: string;
  value: string | null;
  reason: string;
  owner: string;
  acceptedBy: string | null;
  acceptedAt: Date;
  /** `YYYY-MM-DD`. */
  expires: string;
}

/** What was recorded, with the moment as stored (ISO 8601), and its revocation once revoked. */
export interface AcceptanceRow extends Omit<AcceptanceInput, 'acceptedAt'> {
  id: string;
  acceptedAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** More than this many standing acceptances in one tenant is refused: a list nobody can review is no review. */
export const maxAcceptancesPerTenant = 5000;

export class TooManyAcceptancesError extends Error {
  constructor() {
    super(`A tenant keeps at most ${maxAcceptancesPerTenant} accepted risks: revoke some first.`);
    this.name = 'TooManyAcceptancesError';
  }
}

function toRow(row: AcceptancesTable): AcceptanceRow {
  return {
    id: row.id,
    rule: row.rule_id,
    clientId: row.client_id,
    clientName: row.client_name,
    value: row.matched_value,
    reason: row.reason,
    owner: row.owner,
    acceptedBy: row.accepted_by,
    acceptedAt: row.accepted_at,
    expires: row.expires_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}

export async function recordAcceptance(
  store: Store,
  tenant: string,
  input: AcceptanceInput,
): Promise<AcceptanceRow> {
  const row: AcceptancesTable = {
    id: randomUUID(),
    tenant,
    rule_id: input.rule,
    client_id: input.clientId,
    client_name: input.clientName,
    matched_value: input.value,
    reason: input.reason,
    owner: input.owner,
    accepted_by: input.acceptedBy,
    accepted_at: input.acceptedAt.toISOString(),
    expires_at: input.expires,
    revoked_at: null,
    revoked_by: null,
  };
  await store.db.transaction().execute(async (trx) => {
    const { standing } = await trx
      .selectFrom('acceptances')
      .select((eb) => eb.fn.countAll<number | string>().as('standing'))
      .where('tenant', '=', tenant)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(standing) >= maxAcceptancesPerTenant) throw new TooManyAcceptancesError();
    await trx.insertInto('acceptances').values(row).execute();
  });
  return toRow(row);
}

/** The tenant's standing acceptances (not revoked; expired ones too: the evaluation lets them lapse), oldest first. */
export async function listAcceptances(store: Store, tenant: string): Promise<AcceptanceRow[]> {
  const rows = await store.db
    .selectFrom('acceptances')
    .selectAll()
    .where('tenant', '=', tenant)
    .where('revoked_at', 'is', null)
    .orderBy('accepted_at')
    .orderBy('id')
    .execute();
  return rows.map(toRow);
}

/** Revokes a standing acceptance of the tenant; null when there is none with that id (or it was revoked already). */
export async function revokeAcceptance(
  store: Store,
  tenant: string,
  id: string,
  revokedBy: string | null,
  at: Date,
): Promise<AcceptanceRow | null> {
  const updated = await store.db
    .updateTable('acceptances')
    .set({ revoked_at: at.toISOString(), revoked_by: revokedBy })
    .where('tenant', '=', tenant)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return updated === undefined ? null : toRow(updated);
}
