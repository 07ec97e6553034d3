import { holdsRole } from '../../domain/actor.js';
import { defineFeature } from '../feature.js';
import { organisationEvents } from './events.js';
import { canCreateUsers, userReaderRoles } from './user-policy.js';

/** The 課等 tree, users and their roles: the user-registration record of 第5 3(1). */
export const organisationFeature = defineFeature({
  name: 'organisation',
  routes: async () => [(await import('./routes.js')).organisationRoutes],
  navigation: { organisation: (actor) => holdsRole(actor, ...userReaderRoles) || canCreateUsers(actor) },
  events: organisationEvents,
  migrations: {},
});
