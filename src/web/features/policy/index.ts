import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ReadyRoute } from '../../shell/base-routes.js';
import type { WebFeature } from '../web-feature.js';
import { parseClausesSearch, parseComplianceSearch } from './policy-search.js';

/** The pages, below the signed-in-and-ready route. (Declared apart from the feature so their types stay exact.) */
const policyRoutes = (ready: ReadyRoute) =>
  [
    createRoute({ getParentRoute: () => ready, path: '/policy/clauses', validateSearch: parseClausesSearch, component: lazyRouteComponent(() => import('./clauses-page.js')) }),
    createRoute({ getParentRoute: () => ready, path: '/policy/clauses/$clauseId', component: lazyRouteComponent(() => import('./clause-detail-page.js')) }),
    createRoute({ getParentRoute: () => ready, path: '/policy/compliance', validateSearch: parseComplianceSearch, component: lazyRouteComponent(() => import('./compliance-page.js')) }),
  ] as const;

/** The standard as data (第1, 第7 4): loaded on first visit, out of the initial bundle. */
export const policyWebFeature = {
  routes: policyRoutes,
  navigation: [
    { to: '/policy/clauses', label: 'policyClauses', shows: () => true },
    { to: '/policy/compliance', label: 'policyCompliance', shows: () => true },
  ],
} satisfies WebFeature;
