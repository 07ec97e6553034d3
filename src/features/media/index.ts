import { defineFeature } from '../feature.js';
import { mediumErrors } from './errors.js';
import { mediumEvents } from './events.js';
import { canList } from './medium-policy.js';

/** Issued media (記録媒体, 第2 4(3)). Its table came with the asset register's migration. */
export const mediaFeature = defineFeature({
  name: 'media',
  routes: async () => [(await import('./routes.js')).mediaRoutes],
  navigation: { media: canList },
  events: mediumEvents,
  migrations: {},
  errors: mediumErrors,
});
