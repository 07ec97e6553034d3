import { defineFeature } from '../feature.js';
import { assetErrors } from './errors.js';
import { assetEvents } from './events.js';
import * as assets from './migrations/004-assets.js';

/** The information asset register (目録, 第2), its imports and exports. */
export const assetsFeature = defineFeature({
  name: 'assets',
  routes: async () => [(await import('./routes.js')).assetRoutes, (await import('./transfer/routes.js')).assetTransferRoutes],
  navigation: {},
  events: assetEvents,
  // 004 also created the media and risk tables: the register, its media and its risks came together.
  migrations: { '004-assets': assets },
  errors: assetErrors,
});
