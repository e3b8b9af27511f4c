import { useMemo } from 'react';
import type { HistorySnapshot } from '../../../identity-cloud/history.ts';
import {
  carriedSnapshotsElementId,
  carriedSnapshotsSchema,
  type CarriedSnapshots,
} from '../../../identity-cloud/history-page-words.ts';
import type { SessionFacts } from '../../../identity-cloud/session-facts.ts';
import { readCarriedJson } from '../../../lib/carried-json.ts';

let read: { element: Element | null; list: CarriedSnapshots | null } | undefined;

/** The list the server wrote into the page (parsed once: the element stays, the page is not reloaded). */
function readCarriedSnapshots(): CarriedSnapshots | null {
  const element = document.getElementById(carriedSnapshotsElementId);
  if (read?.element !== element) read = { element, list: readCarriedJson(element, carriedSnapshotsSchema) };
  return read.list;
}

/**
 * The snapshot list the HTML of `/history` carried, for the tenant it was read from only: the page's first render
 * draws the rows the server's picture showed, in the same places, instead of waiting for its own request.
 */
export function useCarriedSnapshots(
  facts: Pick<SessionFacts, 'identityDomain' | 'customerId'> | null | undefined,
): HistorySnapshot[] | undefined {
  return useMemo(() => {
    if (facts === null || facts === undefined) return undefined;
    const list = readCarriedSnapshots();
    if (list === null) return undefined;
    if (list.identityDomain !== facts.identityDomain || list.customerId !== facts.customerId)
      return undefined;
    return list.snapshots;
  }, [facts]);
}
