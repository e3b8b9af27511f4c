// The Migration page's view: target, verdict filter, search and sort, all in the URL so a view can be shared.
import type { MigrationTarget } from '../../../identity-cloud/migration/migration-target.ts';
import { isMigrationTarget, targetTypeLabels } from '../../../identity-cloud/migration/migration-target.ts';
import type { ClientReadiness, Verdict } from '../../../identity-cloud/migration/readiness.ts';
import { verdicts } from '../../../identity-cloud/migration/readiness.ts';

export const sortKeys = ['name', 'verdict', 'type', 'reasons'] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDirection = 'asc' | 'desc';

export interface MigrationView {
  target: MigrationTarget;
  verdict: Verdict | null;
  search: string;
  sort: SortKey;
  direction: SortDirection;
}

export function parseMigrationView(params: URLSearchParams, fallbackTarget: MigrationTarget): MigrationView {
  const target = params.get('target');
  const verdict = params.get('verdict');
  const [sort, direction] = (params.get('sort') ?? '').split(':');
  return {
    target: isMigrationTarget(target) ? target : fallbackTarget,
    verdict: (verdicts as readonly (string | null)[]).includes(verdict) ? (verdict as Verdict) : null,
    search: params.get('q') ?? '',
    sort: (sortKeys as readonly (string | undefined)[]).includes(sort) ? (sort as SortKey) : 'verdict',
    direction: direction === 'asc' ? 'asc' : direction === 'desc' ? 'desc' : sort ? 'asc' : 'desc',
  };
}

/** The URL parameters of a view; defaults are left out so the plain page has a plain URL. */
export function migrationViewParams(view: MigrationView): URLSearchParams {
  const params = new URLSearchParams();
  params.set('target', view.target);
  if (view.verdict !== null) params.set('verdict', view.verdict);
  if (view.search !== '') params.set('q', view.search);
  if (!(view.sort === 'verdict' && view.direction === 'desc'))
    params.set('sort', `${view.sort}:${view.direction}`);
  return params;
}

const verdictRank: Record<Verdict, number> = { ready: 0, change: 1, reimagine: 2 };
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function viewRows(clients: readonly ClientReadiness[], view: MigrationView): ClientReadiness[] {
  const needle = view.search.trim().toLowerCase();
  const rows = clients.filter(
    (client) =>
      (view.verdict === null || client.verdict === view.verdict) &&
      (needle === '' ||
        client.name.toLowerCase().includes(needle) ||
        client.clientId.toLowerCase().includes(needle) ||
        client.reasons.some((reason) => reason.message.toLowerCase().includes(needle))),
  );
  const labels = targetTypeLabels[view.target];
  const compare = (a: ClientReadiness, b: ClientReadiness): number => {
    switch (view.sort) {
      case 'name':
        return collator.compare(a.name, b.name);
      case 'verdict':
        return verdictRank[a.verdict] - verdictRank[b.verdict] || collator.compare(a.name, b.name);
      case 'type':
        return (
          collator.compare(labels[a.targetType], labels[b.targetType]) || collator.compare(a.name, b.name)
        );
      case 'reasons':
        return a.reasons.length - b.reasons.length || collator.compare(a.name, b.name);
    }
  };
  const sign = view.direction === 'asc' ? 1 : -1;
  return rows.sort((a, b) => sign * compare(a, b) || a.clientId.localeCompare(b.clientId));
}
