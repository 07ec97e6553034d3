import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ReadyRoute } from '../../shell/base-routes.js';
import type { WebFeature } from '../web-feature.js';
import { parseAssetsSearch } from './asset-search.js';

/** The pages, below the signed-in-and-ready route. (Declared apart from the feature so their types stay exact.) */
const assetsRoutes = (ready: ReadyRoute) =>
  [
    createRoute({ getParentRoute: () => ready, path: '/assets', validateSearch: parseAssetsSearch, component: lazyRouteComponent(() => import('./assets-page.js')) }),
    createRoute({ getParentRoute: () => ready, path: '/assets/new', component: lazyRouteComponent(() => import('./asset-create-page.js')) }),
    createRoute({ getParentRoute: () => ready, path: '/assets/label', component: lazyRouteComponent(() => import('./label-page.js'), 'LabelSearchPage') }),
    createRoute({ getParentRoute: () => ready, path: '/assets/label/$code', component: lazyRouteComponent(() => import('./label-page.js')) }),
    // Importing a 台帳 into the register (第2 3): an officer's page.
    createRoute({ getParentRoute: () => ready, path: '/assets/import', component: lazyRouteComponent(() => import('../assets-import/assets-import-page.js'), 'AssetsImportPage') }),
    createRoute({ getParentRoute: () => ready, path: '/assets/$assetId', component: lazyRouteComponent(() => import('./asset-detail-page.js')) }),
    createRoute({ getParentRoute: () => ready, path: '/assets/$assetId/edit', component: lazyRouteComponent(() => import('./asset-edit-page.js')) }),
  ] as const;

/**
 * The information asset register (第2): loaded on first visit, it stays out of the initial bundle. Static
 * segments (new, label, import) take precedence over `$assetId`.
 */
export const assetsWebFeature = {
  routes: assetsRoutes,
  // Every member of staff may look up a label and read the assets they hold a right to (第2 4(2)ア).
  navigation: [{ to: '/assets', label: 'assets', shows: () => true }],
} satisfies WebFeature;
