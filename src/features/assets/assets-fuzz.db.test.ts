import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { makeAsset, makeDepartment, makeUser } from '../../../test/helpers/factories.js';
import { bodyOf } from '../../../test/helpers/fuzz.js';
import { bilingual, matching } from '../../../test/helpers/matchers.js';
import { signedInUser } from '../../../test/helpers/signed-in.js';
import { journalSince } from '../../../test/helpers/table-state.js';
import { verifyJournal } from '../../journal/verify.js';
import { assetKinds } from './asset-rules.js';

/**
 * DESIGN §7 for the asset register: arbitrary JSON against its write endpoints, as a 責任者. Never a 5xx; a
 * refusal changes no asset, access right or journal entry; an acceptance adds exactly its act's entries.
 */
let t: TestApp;
let officer: ApiClient;
let officerId: string;
let departmentId: string;
let assetId: string;
let colleagueId: string;
beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await makeDepartment(t.database.db)).id;
  const signedIn = await signedInUser(t.app, t.database.db, { departmentId, roles: [{ role: 'security_officer' }] });
  officer = signedIn.client;
  officerId = signedIn.user.id;
  assetId = (await makeAsset(t.database.db, { departmentId })).id;
  colleagueId = (await makeUser(t.database.db, { departmentId })).id;
});
afterAll(async () => t.close());

const db = () => t.database.db;
const NUM_RUNS = 120;

/** Row counts and a digest of the register's tables and the journal head. */
async function registerState() {
  const { rows } = await sql<{ assets: string; access: string; journal: string; digest: string }>`
    SELECT (SELECT count(*) FROM assets) AS assets, (SELECT count(*) FROM asset_access) AS access, (SELECT count(*) FROM journal) AS journal,
      md5(coalesce((SELECT string_agg(a::text, '|' ORDER BY a.id) FROM assets a), '') || '#' ||
          coalesce((SELECT string_agg(x::text, '|' ORDER BY x.id) FROM asset_access x), '') || '#' ||
          coalesce((SELECT hash FROM journal ORDER BY seq DESC LIMIT 1), '')) AS digest`.execute(db());
  const row = rows[0];
  if (!row) throw new Error('no state');
  return { assets: Number(row.assets), access: Number(row.access), journal: Number(row.journal), digest: row.digest };
}

const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const classification = fc.oneof(
  fc.constant({ classLevel: 'class-2', classCriteria: [] as string[], classJustification: '' }),
  fc.record({ classLevel: fc.constant('class-1'), classCriteria: fc.subarray(['resident-impact', 'secret-by-law', 'trust-harm', 'hard-to-restore', 'passwords-config'], { minLength: 1 }), classJustification: name }),
);
// Models are built when a test runs: the ids they name exist only after beforeAll.
const assetModel = () => ({
  name, description: fc.string({ maxLength: 60 }), kind: fc.constantFrom(...assetKinds), departmentId: fc.constant(departmentId),
  classLevel: fc.constantFrom('class-1', 'class-2'), classCriteria: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), classJustification: fc.string({ maxLength: 40 }),
  location: fc.string({ maxLength: 40 }), reviewDue: fc.oneof(date, fc.constant(null)), retentionUntil: fc.oneof(date, fc.constant(null)), mediumId: fc.oneof(fc.constant(null), fc.uuid()),
});
const validAsset = fc.tuple(fc.record({ name, kind: fc.constantFrom(...assetKinds), location: fc.string({ maxLength: 40 }), reviewDue: fc.oneof(date, fc.constant(null)) }), classification)
  .map(([fields, classes]): Record<string, unknown> => ({ ...fields, ...classes, departmentId }));
const editModel = () => {
  const { departmentId: _department, ...model } = assetModel();
  return model;
};
const validEdit = fc.record({ location: fc.string({ minLength: 1, maxLength: 40 }), reviewDue: date }, { requiredKeys: [] }).filter((b) => Object.keys(b).length > 0);
const grantModel = () => ({ subjectType: fc.constantFrom('user', 'role', 'department'), subjectId: fc.oneof(fc.constant(colleagueId), fc.constantFrom('auditor', 'staff'), fc.uuid()), permission: fc.constantFrom('read', 'write') });

interface Target {
  method: 'POST' | 'PATCH';
  url: () => string;
  body: () => fc.Arbitrary<unknown>;
  accepted: { status: number; types: string[]; entity: (response: { asset: { id: string } }) => string };
}

const targets = (): Record<string, Target> => ({
  'POST /api/assets': {
    method: 'POST', url: () => '/api/assets', body: () => bodyOf(validAsset, assetModel(), ['name', 'kind', 'departmentId', 'classLevel']),
    accepted: { status: 201, types: ['asset.created'], entity: (r) => r.asset.id },
  },
  'PATCH /api/assets/:id': {
    method: 'PATCH', url: () => `/api/assets/${assetId}`, body: () => bodyOf(validEdit, editModel(), []),
    accepted: { status: 200, types: [], entity: () => assetId },
  },
  'POST /api/assets/:id/access': {
    method: 'POST', url: () => `/api/assets/${assetId}/access`,
    body: () => bodyOf(fc.record({ subjectType: fc.constant('user'), subjectId: fc.constant(colleagueId), permission: fc.constantFrom('read', 'write') }), grantModel(), ['subjectType', 'subjectId']),
    accepted: { status: 201, types: ['asset.access_granted'], entity: () => assetId },
  },
});

describe('fuzzed asset writes: never a 5xx, nothing changed on refusal, exactly the act on acceptance', () => {
  for (const key of ['POST /api/assets', 'PATCH /api/assets/:id', 'POST /api/assets/:id/access']) {
    it(key, async () => {
      const target = targets()[key];
      if (!target) throw new Error(`no target ${key}`);
      const outcomes = { accepted: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(target.body(), async (body) => {
          const payload = JSON.stringify(body);
          const before = await registerState();
          const response = await officer.request(target.method, target.url(), payload, payload === undefined ? {} : { 'content-type': 'application/json' });
          const label = `${response.statusCode} ${response.body.slice(0, 500)}`;
          expect(response.statusCode, label).toBeLessThan(500);
          if (response.statusCode >= 400) {
            outcomes.refused += 1;
            expect(response.json(), label).toMatchObject({ error: { code: matching(/^E_[A-Z_]+$/), message: bilingual() } });
            expect(await registerState(), label).toEqual(before);
            return;
          }
          outcomes.accepted += 1;
          expect(response.statusCode, label).toBe(target.accepted.status);
          const added = await journalSince(db(), before.journal);
          const entity = target.accepted.entity(response.json());
          expect(added.every((e) => e.entity_id === entity && e.actor_id === officerId), label).toBe(true);
          if (target.accepted.types.length > 0) expect(added.map((e) => e.type)).toEqual(target.accepted.types);
          else expect(added.length).toBeGreaterThan(0);
        }),
        { numRuns: NUM_RUNS },
      );
      expect(outcomes.accepted).toBeGreaterThan(0);
      expect(outcomes.refused).toBeGreaterThan(0);
    });
  }

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
