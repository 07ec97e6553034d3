import { defineFeature } from '../feature.js';
import { policyErrors } from './errors.js';
import { policyEvents } from './events.js';

/** The standard as data: versions, the clause browser, the compliance map and OSCAL (第1, 第7 4, 附則). */
export const policyFeature = defineFeature({
  name: 'policy',
  routes: async () => [(await import('./routes.js')).policyRoutes],
  navigation: {},
  events: policyEvents,
  migrations: {},
  errors: policyErrors,
});
