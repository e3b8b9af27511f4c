import { parseSnapshot, snapshotToInventory } from '../../../identity-cloud/snapshot.ts';
import type { DriftBase } from '../hooks/drift-base-store.ts';

/** Larger than any real snapshot (20,000 clients are about 15 MB): a guard against dropping the wrong file. */
export const maximumSnapshotBytes = 200 * 1024 * 1024;

export type SnapshotFileResult = { ok: true; base: DriftBase } | { ok: false; error: string };

/** Reads a dropped or picked file as a drift base, with an error a person can act on. */
export async function readSnapshotFile(file: File): Promise<SnapshotFileResult> {
  if (file.size > maximumSnapshotBytes) {
    return {
      ok: false,
      error: `“${file.name}” is ${Math.round(file.size / 1024 / 1024)} MB: too large to be an inventory snapshot.`,
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: `“${file.name}” could not be read. Pick it again.` };
  }
  const parsed = parseSnapshot(text);
  if (!parsed.success) return { ok: false, error: `“${file.name}”: ${parsed.error}` };
  const { snapshot } = parsed;
  return {
    ok: true,
    base: {
      source: 'file',
      name: file.name,
      identityDomain: snapshot.identityDomain,
      customerId: snapshot.customerId,
      takenAt: new Date(snapshot.exportedAt),
      scope: snapshot.scope,
      incomplete: snapshot.done === null || snapshot.clientsWithoutDetails.length > 0,
      inventory: snapshotToInventory(snapshot),
    },
  };
}
