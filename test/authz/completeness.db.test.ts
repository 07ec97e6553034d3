import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { features } from '../../src/features/index.js';
import { canonicalRoles } from '../../src/policy/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { everyone, matrixRoles, routeKey, type FeatureCases, type Target, type Who } from './matrix.js';

/**
 * The one completeness check of the authorization matrix: every registered /api route has cases in some
 * feature's `authorization-cases.ts`, no case names a route that no longer exists, and every case gives every
 * role and anonymous a cell on the same targets. Each feature runs its own cells in its own test file.
 */

let testApp: TestApp;
const casesByFeature = new Map<string, FeatureCases>();

beforeAll(async () => {
  testApp = await createTestApp();
  for (const feature of features) {
    const module = (await import(`../../src/features/${feature.name}/authorization-cases.ts`)) as { authorizationCases: FeatureCases };
    casesByFeature.set(feature.name, module.authorizationCases);
  }
}, 60_000);

afterAll(async () => {
  await testApp?.close();
});

const registered = (): Set<string> => new Set(testApp.app.routesList.map(routeKey));

/** Every route key with the features whose cases name it. */
function caseOwners(): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const [name, cases] of casesByFeature) for (const key of Object.keys(cases.routes)) owners.set(key, [...(owners.get(key) ?? []), name]);
  return owners;
}

describe('authorization matrix: completeness', () => {
  it('has cases for every registered /api route', () => {
    const owners = caseOwners();
    const missing = [...registered()].filter((key) => !owners.has(key));
    expect(missing, `routes without cases in any features/<name>/authorization-cases.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('has no cases for a route that no longer exists, and no route in two features', () => {
    const routes = registered();
    const owners = caseOwners();
    expect([...owners.keys()].filter((key) => !routes.has(key)), 'cases for routes that no longer exist').toEqual([]);
    expect([...owners].filter(([, names]) => names.length > 1).map(([key, names]) => `${key}: ${names.join(', ')}`), 'routes with cases in two features').toEqual([]);
  });

  it('knows every canonical role, and only those', () => {
    expect([...matrixRoles].sort()).toEqual([...canonicalRoles].sort());
  });

  it('gives every route a cell for every role and anonymous, on the same targets', () => {
    const problems: string[] = [];
    for (const cases of casesByFeature.values()) {
      for (const [key, { row }] of Object.entries(cases.routes)) {
        const roleTargets = Object.keys(row.staff ?? {}).sort().join(',');
        for (const who of everyone) {
          const cell = row[who];
          if (!cell || Object.keys(cell).length === 0) problems.push(`${key}: no cell for ${who}`);
          else if (who !== 'anonymous' && Object.keys(cell).sort().join(',') !== roleTargets) problems.push(`${key}: ${who} has targets ${Object.keys(cell).join(',')}, staff has ${roleTargets}`);
          else if (who === 'anonymous' && 'self' in cell) problems.push(`${key}: anonymous has no self`);
        }
      }
      for (const cellId of Object.keys(cases.knownDefects ?? {})) {
        const [method, url, who, target] = cellId.split(' ');
        if (cases.routes[`${method} ${url}`]?.row[who as Who]?.[target as Target] === undefined) problems.push(`known defect names no cell: ${cellId}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
