import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  firstNamesElementId,
  firstNamesSchema,
  type FirstNames,
} from '../../../identity-cloud/first-names.ts';
import { readCarriedJson } from '../../../lib/carried-json.ts';
import { sessionQueryOptions } from '../../../lib/session/session-query.ts';
import type { ClientsView } from '../utils/clients-view.ts';

let carried: FirstNames | null | undefined;

/** The names the server wrote into the page (read once: the element stays, the page is not reloaded). */
export function readCarriedFirstNames(): FirstNames | null {
  carried ??= readCarriedJson(document.getElementById(firstNamesElementId), firstNamesSchema);
  return carried;
}

function isUnfiltered(view: ClientsView): boolean {
  return (
    view.query === '' && view.kind === null && view.severity === null && view.sort === null && view.page === 1
  );
}

/**
 * The first page of names the HTML carried, while the inventory has not listed the clients yet: shown in the
 * grid's place so that the names painted from the HTML stay on screen. Only for the tenant they were read from
 * and the unfiltered first page, which is what they are.
 */
export function useCarriedFirstNames(view: ClientsView, listed: boolean): FirstNames['clients'] | null {
  const session = useQuery(sessionQueryOptions());
  const facts = session.data ?? null;
  const applies = !listed && isUnfiltered(view);
  return useMemo(() => {
    if (!applies || facts === null) return null;
    const names = readCarriedFirstNames();
    if (names === null) return null;
    if (names.identityDomain !== facts.identityDomain || names.customerId !== facts.customerId) return null;
    return names.clients;
  }, [applies, facts]);
}
