import { publicRoute, signedIn, simpleGet, type FeatureCases } from '../../../test/authz/matrix.js';

/** Health is public; the policy in force is for every signed-in user. */
export const authorizationCases: FeatureCases = {
  routes: {
    'GET /api/health': { row: publicRoute({ any: 200 }), driver: simpleGet('/api/health') },
    'GET /api/policy': { row: signedIn({ any: 200 }), driver: simpleGet('/api/policy') },
  },
};
