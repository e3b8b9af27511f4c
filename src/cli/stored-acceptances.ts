// The risks accepted in the dashboard, for the headless audit: read from the same store the server keeps them in
// (IDC_STORE, IDC_STORE_PATH, DATABASE_URL), when there is one. The audit never creates a store: a default SQLite
// file that does not exist means nothing was accepted on this machine.
import { existsSync } from 'node:fs';
import type { Acceptance } from '../identity-cloud/audit/acceptance.ts';
import {
  acceptancesFromStore,
  storedAcceptanceSchema,
  type StoredAcceptance,
} from '../identity-cloud/audit/stored-acceptance.ts';
import type { HistoryTenant } from '../proxy/history-port.ts';
import { tenantKey } from '../store/tenant-key.ts';
import { listAcceptances } from '../store/acceptance-repository.ts';
import { describeStoreLocation, readStoreConfig } from '../store/store-config.ts';
import { describeStoreError } from '../store/store-errors.ts';
import { openStore } from '../store/store.ts';

export type StoredAcceptancesResult =
  { ok: true; acceptances: Acceptance[]; location: string | null } | { ok: false; message: string };

export async function readStoredAcceptances(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  tenant: HistoryTenant,
): Promise<StoredAcceptancesResult> {
  const { config, error } = readStoreConfig(env, cwd);
  if (error !== null) return { ok: false, message: error };
  if (config.kind === 'off') return { ok: true, acceptances: [], location: null };
  if (config.kind === 'sqlite' && !existsSync(config.path))
    return { ok: true, acceptances: [], location: null };
  const location = describeStoreLocation(config);
  try {
    const store = await openStore(config);
    try {
      const rows = await listAcceptances(store, tenantKey(tenant));
      const stored = rows
        .map((row) => storedAcceptanceSchema.safeParse(row))
        .filter((parsed) => parsed.success)
        .map((parsed): StoredAcceptance => parsed.data);
      return { ok: true, acceptances: acceptancesFromStore(stored), location };
    } finally {
      await store.close();
    }
  } catch (failure) {
    return {
      ok: false,
      message: `The accepted risks could not be read: ${describeStoreError(failure, location)}. Set IDC_STORE=off to audit without them.`,
    };
  }
}
