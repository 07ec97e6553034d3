import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { contextFor } from '../../../test/helpers/factories.js';
import { copyPackage, kitaminatoDir, shinjukuDir } from '../../../test/helpers/policy-packages.js';
import { journalSince } from '../../../test/helpers/table-state.js';
import { readPolicyPackage } from '../../policy/loader.js';
import { activePolicyVersionId, PolicyStore, readActivePolicy, readPolicyVersion } from './active-policy.js';
import { establishPolicy } from './establish-policy.js';
import { loadPolicyFromDirectory, loadPolicyVersion } from './load-policy-version.js';
import { clauseHistory, listClauseRows, listVersions } from './queries.js';

let database: TestDatabase;
const shinjuku = readPolicyPackage(shinjukuDir);
const ctx = () => contextFor(database.db, shinjuku.policy, null);
const journalLength = async () => Number((await database.db.selectFrom('journal').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('loading policy versions', () => {
  let firstId: string;

  it('a first start loads the configured package, puts it in force and journals it', async () => {
    const said: string[] = [];
    const store = await establishPolicy(database.db, shinjukuDir, (line) => said.push(line));
    firstId = store.current().versionId;
    expect(store.policy().packageId).toBe('shinjuku');
    expect(await activePolicyVersionId(database.db)).toBe(firstId);
    const rows = await listClauseRows(database.db, firstId, {});
    expect(rows).toHaveLength(234);
    expect(rows.filter((r) => r.kind !== 'heading')).toHaveLength(187);
    expect(rows.find((r) => r.clause_id === '5.2.2.ア.イ')).toMatchObject({ parent_id: '5.2.2.ア', depth: 5, actor_roles: ['staff'], approver_roles: ['cio'], capabilities: ['approvals'] });
    // The gap of 2.4.2.ア (it cites 2 for the classification) is stored with the clause.
    expect(rows.find((r) => r.clause_id === '2.4.2.ア')?.interpretation).toMatch(/第2 3/);
    const [entry] = await journalSince(database.db, 0);
    expect(entry).toMatchObject({ type: 'policy.loaded', entity_type: 'policy', entity_id: firstId, data: { packageId: 'shinjuku', clauses: 234, previousVersionId: null } });
  });

  it('loading the same content again changes nothing', async () => {
    const before = await journalLength();
    const result = await loadPolicyVersion(ctx(), shinjuku);
    expect(result).toEqual({ versionId: firstId, created: false, activated: false, previousVersionId: firstId });
    expect(await journalLength()).toBe(before);
  });

  it('a malformed package is refused whole: the version in force and the journal stay as they were', async () => {
    const pkg = copyPackage(shinjukuDir);
    pkg.edit('clauses.yaml', (t) => t.replace('id: 2.4.3.ウ', 'id: 2.4.3.イ').replace('parentId: "2.4"\n    kind: heading\n    heading: 記録媒体の管理', 'parentId: "9.9"\n    kind: heading\n    heading: 記録媒体の管理'));
    pkg.edit('request-types.yaml', (t) => t.replace('approvers: [{ role: cio, scope: global }]', 'approvers: [{ role: treasurer, scope: global }]'));
    const before = await journalLength();
    const outcome = await loadPolicyFromDirectory(ctx(), pkg.dir);
    pkg.remove();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => `${p.file} ${p.path}`)).toEqual(expect.arrayContaining([
      'clauses.yaml clauses.36.id',
      expect.stringMatching(/^clauses\.yaml clauses\.\d+\.parentId$/) as unknown,
      expect.stringMatching(/^request-types\.yaml requestTypes\.\d+\.approvers\.0\.role$/) as unknown,
    ]));
    expect(outcome.problems.every((p) => p.line !== null)).toBe(true);
    expect(await activePolicyVersionId(database.db)).toBe(firstId);
    expect(await journalLength()).toBe(before);
  });

  let secondId: string;
  it('a new version is loaded and put in force; the earlier one stays readable', async () => {
    const pkg = copyPackage(shinjukuDir);
    pkg.edit('package.yaml', (t) => t.replace('version: "2016-01-01"', 'version: "2026-04-01"'));
    pkg.edit('clauses.yaml', (t) => t.replace('記録した媒体を施錠可能な場所に保管しなければならない。', '記録した媒体を施錠可能な場所に保管し、鍵の管理者を定めなければならない。'));
    const store = new PolicyStore(database.db, (await readActivePolicy(database.db))!);
    const outcome = await loadPolicyFromDirectory(ctx(), pkg.dir);
    pkg.remove();
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    secondId = outcome.result.versionId;
    expect(outcome.result).toMatchObject({ created: true, activated: true, previousVersionId: firstId });
    expect(await activePolicyVersionId(database.db)).toBe(secondId);
    // A running server's store follows.
    expect(await store.refresh()).toBe(true);
    expect(store.current()).toMatchObject({ versionId: secondId, policy: { version: '2026-04-01' } });

    const versions = await listVersions(database.db);
    expect(versions.map((v) => [v.version, v.active, v.clauseCount])).toEqual([['2026-04-01', true, 234], ['2016-01-01', false, 234]]);
    expect((await readPolicyVersion(database.db, firstId))?.policy.version).toBe('2016-01-01');
    const history = await clauseHistory(database.db, secondId, '2.4.3.ウ');
    expect(history.map((h) => h.status)).toEqual(['added', 'changed']);
    expect((await clauseHistory(database.db, secondId, '2.4.3.ア')).map((h) => h.status)).toEqual(['added', 'unchanged']);
    const [entry] = (await journalSince(database.db, 0)).filter((e) => e.entity_id === secondId);
    expect(entry).toMatchObject({ type: 'policy.loaded', data: { version: '2026-04-01', previousVersionId: firstId } });
  });

  it('putting an earlier version back in force is an act of its own', async () => {
    const result = await loadPolicyVersion(ctx(), shinjuku);
    expect(result).toEqual({ versionId: firstId, created: false, activated: true, previousVersionId: secondId });
    const last = (await journalSince(database.db, 0)).at(-1);
    expect(last).toMatchObject({ type: 'policy.activated', entity_id: firstId, data: { previousVersionId: secondId } });
  });

  it('a restart keeps the version in force and only reports a configured package that differs', async () => {
    const said: string[] = [];
    const store = await establishPolicy(database.db, kitaminatoDir, (line) => said.push(line));
    expect(store.current().versionId).toBe(firstId);
    expect(said.join('\n')).toMatch(/differs from the version in force/);
  });
});
