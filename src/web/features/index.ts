import { assetsWebFeature } from './assets/index.js';
import { contactsWebFeature } from './contacts/index.js';
import { homeWebFeature } from './home/index.js';
import { journalWebFeature } from './journal/index.js';
import { mediaWebFeature } from './media/index.js';
import { organisationWebFeature } from './organisation/index.js';
import { policyImportWebFeature } from './policy-import/index.js';
import { policyWebFeature } from './policy/index.js';
import { preferencesWebFeature } from './preferences/index.js';
import { risksWebFeature } from './risks/index.js';

/** Every web feature, in the order of the main menu. Adding a feature's pages: a folder and a line here. */
export const webFeatures = [
  homeWebFeature,
  organisationWebFeature,
  assetsWebFeature,
  mediaWebFeature,
  risksWebFeature,
  contactsWebFeature,
  journalWebFeature,
  policyWebFeature,
  policyImportWebFeature,
  preferencesWebFeature,
] as const;
