import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { policiesRoutePatterns, toPolicies } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
export const policiesPages: FeaturePages = {
  routes: [
    lazyPage(
      policiesRoutePatterns.policies,
      () => import('./components/policies-page.tsx'),
      (module) => module.PoliciesPage,
    ),
    lazyPage(
      policiesRoutePatterns.loginPolicy,
      () => import('./components/login-policy-page.tsx'),
      (module) => module.LoginPolicyPage,
    ),
    lazyPage(
      policiesRoutePatterns.tokenPolicy,
      () => import('./components/token-policy-page.tsx'),
      (module) => module.TokenPolicyPage,
    ),
  ],
  navigation: { label: 'Policies', to: toPolicies(), end: false },
};
