import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, makeUser } from '../../../test/helpers/factories.js';
import { signedInAdmin } from '../../../test/helpers/signed-in.js';
import { journalSince, tableState, type TableState } from '../../../test/helpers/table-state.js';
import { bilingual, matching } from '../../../test/helpers/matchers.js';
import { bodyOf } from '../../../test/helpers/fuzz.js';
import { verifyJournal } from '../../journal/verify.js';
import { canonicalRoles, scopeTypes } from '../../policy/schema.js';

/**
 * DESIGN §7, "every endpoint fuzzed": arbitrary JSON against the main write endpoints. Whatever arrives, the
 * answer is never a 5xx; a refusal changes nothing; an acceptance adds exactly the journal entries of that act.
 */
let t: TestApp;
let admin: ApiClient;
let adminId: string;
let departmentId: string;
let victimId: string;
beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await makeDepartment(t.database.db)).id;
  const signedIn = await signedInAdmin(t.app, t.database.db, { departmentId });
  admin = signedIn.client;
  adminId = signedIn.user.id;
  victimId = (await makeUser(t.database.db, { departmentId })).id;
});
afterAll(async () => t.close());

const db = () => t.database.db;
const NUM_RUNS = 150;

const validLogin = fc.stringMatching(/^[A-Za-z0-9._-]{3,20}$/);
const validStaffNumber = fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/);
const validName = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
const validKana = fc.stringMatching(/^[ぁ-んァ-ンー・ ]{0,20}$/);
const validEmail = fc.oneof(fc.constant(''), fc.emailAddress());
const someDepartment = () => fc.oneof(fc.constant(departmentId), fc.uuid(), fc.constant(null));

interface Target {
  method: 'POST' | 'PATCH';
  url: () => string;
  body: () => fc.Arbitrary<unknown>;
  /** The status of an accepted request and the journal entries it must add (entity id read from the response). */
  accepted: { status: number; types: string[]; entityOf: (response: unknown) => string; growth: Partial<Record<'users' | 'roleAssignments' | 'departments', number>> };
}

function targetsFor(policyRoles: { role: string; scope: string }[]): Record<string, Target> {
  const userModel = { login: validLogin, staffNumber: validStaffNumber, name: validName, kana: validKana, email: validEmail, departmentId: fc.constant(departmentId) };
  const profileModel = { name: validName, kana: validKana, email: validEmail, staffNumber: validStaffNumber };
  const roleModel = { role: fc.constantFrom(...canonicalRoles), scopeType: fc.constantFrom(...scopeTypes), scopeId: fc.oneof(someDepartment(), fc.string({ maxLength: 20 })) };
  // A valid grant gives the role the scope its policy entry names.
  const validGrant = fc.constantFrom(...policyRoles).chain(({ role, scope }): fc.Arbitrary<Record<string, unknown>> =>
    scope === 'global'
      ? fc.constant({ role, scopeType: scope })
      : scope === 'department'
        ? fc.constant({ role, scopeType: scope, scopeId: departmentId })
        : fc.stringMatching(/^[A-Za-z0-9ぁ-ん]{1,12}$/).map((scopeId) => ({ role, scopeType: scope, scopeId })),
  );
  const departmentModel = { code: fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/), name: validName, kana: validKana, parentId: fc.oneof(fc.constant(departmentId), fc.constant(null)), level: fc.constantFrom('bu', 'ka') };
  return {
    'POST /api/users': {
      method: 'POST',
      url: () => '/api/users',
      body: () => bodyOf(fc.record(userModel, { requiredKeys: ['login', 'staffNumber', 'name', 'departmentId'] }), { ...userModel, departmentId: someDepartment() }, ['login', 'staffNumber', 'name', 'departmentId']),
      accepted: { status: 201, types: ['user.created', 'role.granted'], entityOf: (r) => (r as { user: { id: string } }).user.id, growth: { users: 1, roleAssignments: 1 } },
    },
    'PATCH /api/users/:id': {
      method: 'PATCH',
      url: () => `/api/users/${victimId}`,
      body: () => bodyOf(fc.record(profileModel, { requiredKeys: ['name'] }), profileModel, []),
      accepted: { status: 200, types: ['user.updated'], entityOf: () => victimId, growth: {} },
    },
    'POST /api/users/:id/roles': {
      method: 'POST',
      url: () => `/api/users/${victimId}/roles`,
      body: () => bodyOf(validGrant, roleModel, ['role', 'scopeType']),
      accepted: { status: 201, types: ['role.granted'], entityOf: () => victimId, growth: { roleAssignments: 1 } },
    },
    'POST /api/departments': {
      method: 'POST',
      url: () => '/api/departments',
      body: () => bodyOf(fc.record(departmentModel, { requiredKeys: ['code', 'name', 'level'] }), { ...departmentModel, parentId: someDepartment() }, ['code', 'name', 'level']),
      accepted: { status: 201, types: ['department.created'], entityOf: (r) => (r as { id: string }).id, growth: { departments: 1 } },
    },
  };
}

const growth = (before: TableState, after: TableState) => ({
  users: after.users - before.users,
  roleAssignments: after.roleAssignments - before.roleAssignments,
  departments: after.departments - before.departments,
});

describe('fuzzed writes: never a 5xx, nothing changed on refusal, exactly the act on acceptance', () => {
  for (const name of ['POST /api/users', 'PATCH /api/users/:id', 'POST /api/users/:id/roles', 'POST /api/departments']) {
    it(name, async () => {
      const target = targetsFor(t.policy.roles)[name];
      if (!target) throw new Error(`no target ${name}`);
      const outcomes = { accepted: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(target.body(), async (body) => {
          const payload = JSON.stringify(body);
          const before = await tableState(db());
          const response = await admin.request(target.method, target.url(), payload, payload === undefined ? {} : { 'content-type': 'application/json' });
          const label = `${response.statusCode} ${response.body.slice(0, 500)}`;
          expect(response.statusCode, label).toBeLessThan(500);
          const after = await tableState(db());
          if (response.statusCode >= 400) {
            outcomes.refused += 1;
            expect(response.json(), label).toMatchObject({ error: { code: matching(/^E_[A-Z_]+$/), message: bilingual() } });
            expect(after, label).toEqual(before);
            return;
          }
          outcomes.accepted += 1;
          expect(response.statusCode, label).toBe(target.accepted.status);
          const entity = target.accepted.entityOf(response.json());
          const added = await journalSince(db(), before.journal);
          expect(added.map((e) => [e.type, e.entity_id, e.actor_id])).toEqual(target.accepted.types.map((type) => [type, entity, adminId]));
          expect(growth(before, after)).toEqual({ users: 0, roleAssignments: 0, departments: 0, ...target.accepted.growth });
        }),
        { numRuns: NUM_RUNS },
      );
      // The generators must reach both sides, or the property proves little.
      expect(outcomes.accepted).toBeGreaterThan(0);
      expect(outcomes.refused).toBeGreaterThan(0);
    });
  }

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
