import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { historyRoutePatterns, toHistory } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
const loadHistoryPage = async () => (await import('./components/history-page.tsx')).HistoryPage;

export const historyPages: FeaturePages = {
  routes: [lazyPage(historyRoutePatterns.history, loadHistoryPage)],
  navigation: { label: 'History', to: toHistory(), end: false },
};
