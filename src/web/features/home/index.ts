import { createRoute } from '@tanstack/react-router';
import type { ReadyRoute } from '../../shell/base-routes.js';
import type { WebFeature } from '../web-feature.js';
import { HomePage } from './home-page.js';

/** The pages, below the signed-in-and-ready route. (Declared apart from the feature so their types stay exact.) */
const homeRoutes = (ready: ReadyRoute) =>
  [createRoute({ getParentRoute: () => ready, path: '/', component: HomePage })] as const;

/** ホーム: who is signed in, with which roles, and where they can go. */
export const homeWebFeature = {
  routes: homeRoutes,
  navigation: [{ to: '/', label: 'home', shows: () => true }],
} satisfies WebFeature;
