import type { FeaturePages } from '../lib/feature-pages.ts';
import { activityPages } from '../features/activity/pages.ts';
import { clientsPages } from '../features/clients/pages.ts';
import { connectionPages } from '../features/connection/pages.ts';
import { driftPages } from '../features/drift/pages.ts';
import { findingsPages } from '../features/findings/pages.ts';
import { historyPages } from '../features/history/pages.ts';
import { migrationPages } from '../features/migration/pages.ts';
import { overviewPages } from '../features/overview/pages.ts';
import { policiesPages } from '../features/policies/pages.ts';

/** The features with pages, in the order of the app bar's links. A new page's feature is added here. */
export const featureList: readonly FeaturePages[] = [
  overviewPages,
  clientsPages,
  findingsPages,
  policiesPages,
  driftPages,
  historyPages,
  migrationPages,
  connectionPages,
  activityPages,
];

export const navigation = featureList.map((feature) => feature.navigation);
