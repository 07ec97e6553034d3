import { readPolicyPackage } from '../../policy/loader.js';
import { loadPolicyVersion } from './load-policy-version.js';
import { contextFor } from '../../../test/helpers/factories.js';
import { shinjukuDir } from '../../../test/helpers/policy-packages.js';
import { clientOf, signedIn, simpleGet, type FeatureCases } from '../../../test/authz/matrix.js';

let policyVersionId = '';

/** The standard as data: read-only for every signed-in user (loading a version is the CLI's). */
export const authorizationCases: FeatureCases = {
  // The policy routes read the version in force from the database.
  setUp: async (world) => {
    const shinjuku = readPolicyPackage(shinjukuDir);
    policyVersionId = (await loadPolicyVersion(contextFor(world.db, shinjuku.policy, null), shinjuku)).versionId;
  },
  routes: {
    'GET /api/policy/versions': { row: signedIn({ any: 200 }), driver: simpleGet('/api/policy/versions') },
    'GET /api/policy/capabilities': { row: signedIn({ any: 200 }), driver: simpleGet('/api/policy/capabilities') },
    'GET /api/policy/clauses': { row: signedIn({ any: 200 }), driver: simpleGet(`/api/policy/clauses?q=${encodeURIComponent('施錠')}`) },
    'GET /api/policy/clauses/:clauseId': { row: signedIn({ any: 200 }), driver: simpleGet(`/api/policy/clauses/${encodeURIComponent('2.4.2.イ')}`) },
    'GET /api/policy/compliance': { row: signedIn({ any: 200 }), driver: simpleGet('/api/policy/compliance') },
    'GET /api/policy/compliance.xlsx': { row: signedIn({ any: 200 }), driver: simpleGet('/api/policy/compliance.xlsx') },
    'GET /api/policy/oscal': { row: signedIn({ any: 200 }), driver: simpleGet('/api/policy/oscal') },
    'GET /api/policy/diff': {
      row: signedIn({ any: 200 }),
      driver: (who, _target, world) => Promise.resolve({ client: clientOf(world, who), method: 'GET', url: `/api/policy/diff?from=${policyVersionId}` }),
    },
  },
};
