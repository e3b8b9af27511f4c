import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { policiesRoutePatterns, toPolicies } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
const loadPoliciesPage = async () => (await import('./components/policies-page.tsx')).PoliciesPage;
const loadLoginPolicyPage = async () => (await import('./components/login-policy-page.tsx')).LoginPolicyPage;
const loadTokenPolicyPage = async () => (await import('./components/token-policy-page.tsx')).TokenPolicyPage;

export const policiesPages: FeaturePages = {
  routes: [
    lazyPage(policiesRoutePatterns.policies, loadPoliciesPage),
    lazyPage(policiesRoutePatterns.loginPolicy, loadLoginPolicyPage),
    lazyPage(policiesRoutePatterns.tokenPolicy, loadTokenPolicyPage),
  ],
  navigation: { label: 'Policies', to: toPolicies(), end: false },
};
