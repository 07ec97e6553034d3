import { defineFeature } from '../feature.js';
import { readsEverything } from './journal-policy.js';

/** Reading the journal: one's own acts for everyone, the whole journal for oversight (第6 1, 第7). */
export const journalFeature = defineFeature({
  name: 'journal',
  routes: async () => [(await import('./routes.js')).journalRoutes],
  navigation: { journal: () => true, journalAll: readsEverything },
  events: [],
  migrations: {},
  errors: {},
});
