import { defineFeature } from '../feature.js';
import { organisationErrors } from './errors.js';
import { organisationEvents } from './events.js';
import { canList } from './user-policy.js';

/** The 課等 tree, users and their roles: the user-registration record of 第5 3(1). */
export const organisationFeature = defineFeature({
  name: 'organisation',
  routes: async () => [(await import('./routes.js')).organisationRoutes],
  navigation: { organisation: canList },
  events: organisationEvents,
  migrations: {},
  errors: organisationErrors,
});
