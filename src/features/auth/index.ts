import { defineFeature } from '../feature.js';
import { authErrors } from './errors.js';
import { authEvents } from './events.js';

/** Sign-in, sessions, TOTP and one's own account (第5 3(6)(7)). */
export const authFeature = defineFeature({
  name: 'auth',
  routes: async () => [(await import('./routes.js')).authRoutes],
  navigation: {},
  events: authEvents,
  migrations: {},
  errors: authErrors,
});
