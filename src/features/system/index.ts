import { defineFeature } from '../feature.js';

/** Health and the policy in force: what any client, signed in or not, may ask of Bansho. */
export const systemFeature = defineFeature({
  name: 'system',
  routes: async () => [(await import('./routes.js')).systemRoutes],
  navigation: {},
  events: [],
  migrations: {},
  errors: {},
});
