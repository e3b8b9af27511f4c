// Retention: snapshots older than HISTORY_KEEP_DAYS go, with the versions nothing refers to any more.
import { pruneHistory } from '../../store/history-prune.ts';
import { StoreUnavailableError, type StoreService } from '../../store/store-service.ts';

export const defaultKeepDays = 400;
const dayMs = 86_400_000;

/** Prunes now; resolves with what went, or null when the store is off. */
export async function pruneOnce(
  service: StoreService,
  keepDays: number,
  now: Date = new Date(),
): Promise<{ snapshots: number; versions: number } | null> {
  try {
    return await service.use((store) => pruneHistory(store, new Date(now.getTime() - keepDays * dayMs)));
  } catch (error) {
    if (error instanceof StoreUnavailableError) return null;
    throw error;
  }
}

/** Prunes at start and once a day while the server runs; returns the stop function. */
export function scheduleRetention(
  service: StoreService,
  keepDays: number,
  log: (line: string) => void,
): () => void {
  const prune = () => {
    pruneOnce(service, keepDays).then(
      (result) => {
        if (result !== null && result.snapshots > 0) {
          log(
            `history: pruned ${result.snapshots} snapshots older than ${keepDays} days (${result.versions} versions).`,
          );
        }
      },
      (error: unknown) => {
        log(`history: pruning failed (${error instanceof Error ? error.name : 'unknown error'}).`);
      },
    );
  };
  prune();
  const timer = setInterval(prune, dayMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
