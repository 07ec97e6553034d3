import { assetsFeature } from './assets/index.js';
import { authFeature } from './auth/index.js';
import { contactsFeature } from './contacts/index.js';
import { journalFeature } from './journal/index.js';
import { mediaFeature } from './media/index.js';
import { organisationFeature } from './organisation/index.js';
import { policyImportFeature } from './policy-import/index.js';
import { policyFeature } from './policy/index.js';
import { risksFeature } from './risks/index.js';
import { systemFeature } from './system/index.js';

/**
 * Every feature of Bansho. The app registers their routes in this order, the navigation and the journal's union
 * are made of them, and their migrations run with the kernel's. Adding a feature: a folder and a line here.
 */
export const features = [
  systemFeature,
  authFeature,
  organisationFeature,
  journalFeature,
  policyFeature,
  policyImportFeature,
  assetsFeature,
  mediaFeature,
  risksFeature,
  contactsFeature,
] as const;
