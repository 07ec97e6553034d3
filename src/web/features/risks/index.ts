import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ReadyRoute } from '../../shell/base-routes.js';
import type { WebFeature } from '../web-feature.js';
import { parseRiskCreateSearch, parseRisksSearch } from './risk-search.js';

/** The pages, below the signed-in-and-ready route. (Declared apart from the feature so their types stay exact.) */
const risksRoutes = (ready: ReadyRoute) =>
  [
    createRoute({ getParentRoute: () => ready, path: '/risks', validateSearch: parseRisksSearch, component: lazyRouteComponent(() => import('./risks-page.js'), 'RisksPage') }),
    createRoute({ getParentRoute: () => ready, path: '/risks/new', validateSearch: parseRiskCreateSearch, component: lazyRouteComponent(() => import('./risk-record-page.js'), 'RiskRecordPage') }),
    createRoute({ getParentRoute: () => ready, path: '/risks/$riskId', component: lazyRouteComponent(() => import('./risk-detail-page.js'), 'RiskDetailPage') }),
  ] as const;

/** The risk register (第2 2): loaded on first visit. The static `new` segment takes precedence over `$riskId`. */
export const risksWebFeature = {
  routes: risksRoutes,
  navigation: [{ to: '/risks', label: 'risks', shows: (me) => me.navigation.risks === true }],
} satisfies WebFeature;
