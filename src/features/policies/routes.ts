import { generatePath } from 'react-router';

export const policiesRoutePatterns = {
  policies: '/policies',
  loginPolicy: '/policies/login/:policyId',
  tokenPolicy: '/policies/token/:policyId',
} as const;

export type PolicyTab = 'login' | 'token';

export function toPolicies(tab?: PolicyTab): string {
  return tab === undefined ? policiesRoutePatterns.policies : `${policiesRoutePatterns.policies}?tab=${tab}`;
}

export function toLoginPolicy({ policyId }: { policyId: string }): string {
  return generatePath(policiesRoutePatterns.loginPolicy, { policyId });
}

export function toTokenPolicy({ policyId }: { policyId: string }): string {
  return generatePath(policiesRoutePatterns.tokenPolicy, { policyId });
}

/** The page of a login or a token policy. */
export function toPolicy(tab: PolicyTab, policyId: string): string {
  return tab === 'login' ? toLoginPolicy({ policyId }) : toTokenPolicy({ policyId });
}
