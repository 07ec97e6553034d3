import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ReadyRoute } from '../../shell/base-routes.js';
import type { WebFeature } from '../web-feature.js';

/** The pages, below the signed-in-and-ready route. (Declared apart from the feature so their types stay exact.) */
const policyImportRoutes = (ready: ReadyRoute) =>
  [createRoute({ getParentRoute: () => ready, path: '/policy/import', component: lazyRouteComponent(() => import('./policy-import-page.js'), 'PolicyImportPage') })] as const;

/** Drafting a policy package from a standard's text: the administrator's, loaded on first visit. */
export const policyImportWebFeature = {
  routes: policyImportRoutes,
  navigation: [{ to: '/policy/import', label: 'policyImport', shows: (me) => me.navigation.policyImport === true }],
} satisfies WebFeature;
