import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ReadyRoute } from '../../shell/base-routes.js';
import type { WebFeature } from '../web-feature.js';
import { parseMediaSearch } from './media-search.js';

/** The pages, below the signed-in-and-ready route. (Declared apart from the feature so their types stay exact.) */
const mediaRoutes = (ready: ReadyRoute) =>
  [
    createRoute({ getParentRoute: () => ready, path: '/media', validateSearch: parseMediaSearch, component: lazyRouteComponent(() => import('./media-page.js'), 'MediaPage') }),
    createRoute({ getParentRoute: () => ready, path: '/media/new', component: lazyRouteComponent(() => import('./medium-register-page.js'), 'MediumRegisterPage') }),
    createRoute({ getParentRoute: () => ready, path: '/media/$mediumId', component: lazyRouteComponent(() => import('./medium-detail-page.js'), 'MediumDetailPage') }),
  ] as const;

/** Issued media (第2 4(3)): loaded on first visit. The static `new` segment takes precedence over `$mediumId`. */
export const mediaWebFeature = {
  routes: mediaRoutes,
  navigation: [{ to: '/media', label: 'media', shows: (me) => me.navigation.media === true }],
} satisfies WebFeature;
