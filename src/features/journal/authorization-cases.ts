import { signedIn, simpleGet, type FeatureCases, type Role } from '../../../test/authz/matrix.js';

/** Roles that read the whole journal (journal-policy.ts); everyone else reads only their own acts and about themselves. */
export const journalOversight = ['app_admin', 'cio', 'chief_security_officer', 'network_admin', 'auditor'] as const satisfies readonly Role[];

/** Everyone may call the journal's routes; what they return is filtered (list-detail-agree.db.test.ts). */
export const authorizationCases: FeatureCases = {
  routes: {
    'GET /api/journal': { row: signedIn({ any: 200 }), driver: simpleGet('/api/journal') },
    'GET /api/journal/types': { row: signedIn({ any: 200 }), driver: simpleGet('/api/journal/types') },
  },
};
