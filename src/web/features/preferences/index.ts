import { createRoute } from '@tanstack/react-router';
import type { ReadyRoute } from '../../shell/base-routes.js';
import type { WebFeature } from '../web-feature.js';
import { PreferencesPage } from './preferences-page.js';

/** The pages, below the signed-in-and-ready route. (Declared apart from the feature so their types stay exact.) */
const preferencesRoutes = (ready: ReadyRoute) =>
  [createRoute({ getParentRoute: () => ready, path: '/preferences', component: PreferencesPage })] as const;

/** One's own display preferences: language and calendar. */
export const preferencesWebFeature = {
  routes: preferencesRoutes,
  navigation: [{ to: '/preferences', label: 'preferences', shows: () => true }],
} satisfies WebFeature;
