import type { PolicySummary } from '../../identity-cloud/schemas.ts';

/** A policy's title for display; an untitled policy shows its id rather than nothing. */
export function policyTitle(policy: Pick<PolicySummary, 'id' | 'title'>): string {
  const title = policy.title?.trim();
  return title === undefined || title === '' ? `Untitled (${policy.id})` : title;
}
