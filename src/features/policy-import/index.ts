import { defineFeature } from '../feature.js';
import { can } from './draft-policy.js';
import { policyImportErrors } from './errors.js';
import { policyDraftEvents } from './events.js';
import * as policyDrafts from './migrations/003-policy-drafts.js';

/** Drafting a policy package from a standard's text, reviewed clause by clause (the administrator's). */
export const policyImportFeature = defineFeature({
  name: 'policy-import',
  routes: async () => [(await import('./routes.js')).policyImportRoutes],
  navigation: { policyImport: (actor) => can(actor, 'import') },
  events: policyDraftEvents,
  migrations: { '003-policy-drafts': policyDrafts },
  errors: policyImportErrors,
});
