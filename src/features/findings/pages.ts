import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { findingsRoutePatterns, toFindings } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
const loadFindingsPage = async () => (await import('./components/findings-page.tsx')).FindingsPage;

export const findingsPages: FeaturePages = {
  routes: [lazyPage(findingsRoutePatterns.findings, loadFindingsPage)],
  navigation: { label: 'Findings', to: toFindings(), end: false },
};
