import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { historySnapshotQueryOptions } from '../../../lib/history/history-queries.ts';
import { storedSnapshotBase } from '../utils/stored-snapshot-base.ts';

/** A stored snapshot named in the address (`?base=` or `?against=`), read from the history; idle without one. */
export function useStoredSnapshot(snapshotId: string | null) {
  const query = useQuery({
    ...historySnapshotQueryOptions(snapshotId ?? ''),
    enabled: snapshotId !== null && snapshotId !== '',
  });
  const side = useMemo(
    () => (query.data === undefined ? null : storedSnapshotBase(query.data)),
    [query.data],
  );
  return { side: snapshotId === null ? null : side, query };
}
