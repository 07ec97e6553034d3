import { createRoute } from '@tanstack/react-router';
import type { ReadyRoute } from '../../shell/base-routes.js';
import { navigationAllows, type WebFeature } from '../web-feature.js';
import { ContactsPage } from './contacts-page.js';

/** The pages, below the signed-in-and-ready route. (Declared apart from the feature so their types stay exact.) */
const contactsRoutes = (ready: ReadyRoute) => [createRoute({ getParentRoute: () => ready, path: '/contacts', component: ContactsPage })] as const;

/** The emergency contact directory: for those who act in an incident, and oversight. */
export const contactsWebFeature = {
  routes: contactsRoutes,
  navigation: [{ to: '/contacts', label: 'contacts', shows: (me) => navigationAllows(me, 'contacts') }],
} satisfies WebFeature;
