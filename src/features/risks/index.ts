import { defineFeature } from '../feature.js';
import { riskErrors } from './errors.js';
import { riskEvents } from './events.js';
import { canList } from './risk-policy.js';

/** The risk register (第2 2). Its table came with the asset register's migration. */
export const risksFeature = defineFeature({
  name: 'risks',
  routes: async () => [(await import('./routes.js')).riskRoutes],
  navigation: { risks: canList },
  events: riskEvents,
  migrations: {},
  errors: riskErrors,
});
