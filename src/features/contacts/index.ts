import { defineFeature } from '../feature.js';
import { canList } from './contact-policy.js';
import { contactErrors } from './errors.js';
import { contactEvents } from './events.js';
import * as contacts from './migrations/007-contacts.js';

/** The emergency contact directory: whom to call in an incident or on an emergency warning (第5 8(3), 第6 3(3)ア). */
export const contactsFeature = defineFeature({
  name: 'contacts',
  routes: async () => [(await import('./routes.js')).contactRoutes],
  navigation: { contacts: canList },
  events: contactEvents,
  migrations: { '007-contacts': contacts },
  errors: contactErrors,
});
