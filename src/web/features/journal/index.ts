import { createRoute } from '@tanstack/react-router';
import type { ReadyRoute } from '../../shell/base-routes.js';
import type { WebFeature } from '../web-feature.js';
import { JournalPage } from './journal-page.js';
import { parseJournalSearch } from './journal-search.js';

/** The pages, below the signed-in-and-ready route. (Declared apart from the feature so their types stay exact.) */
const journalRoutes = (ready: ReadyRoute) =>
  [createRoute({ getParentRoute: () => ready, path: '/journal', validateSearch: parseJournalSearch, component: JournalPage })] as const;

/** The journal: one's own acts for everyone, the whole journal for oversight. */
export const journalWebFeature = {
  routes: journalRoutes,
  navigation: [{ to: '/journal', label: 'journal', shows: (me) => me.navigation.journal === true }],
} satisfies WebFeature;
