import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { actorOf, contextFor, makeDepartment, makeUser } from '../../../test/helpers/factories.js';
import { kitaminatoDir } from '../../../test/helpers/policy-packages.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/app.js';
import { createDepartment } from '../organisation/create-department.js';
import { createUser } from '../organisation/create-user.js';
import { grantRole } from '../organisation/grant-role.js';
import { mfaRequiredFor } from '../auth/me.js';
import { establishPolicy } from './establish-policy.js';

/**
 * Nothing in Bansho's code is Shinjuku's: a second package — a fictional city following the 総務省 guideline,
 * with its own titles, a 3A/3B/3C/2/1 scheme, three area levels, five contract clauses, a 部-level officer and
 * other approvers — loads and runs the organisation rules.
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await database.drop();
});

describe('the 北湊市 package', () => {
  it('loads as the version in force and drives organisation and roles', async () => {
    const store = await establishPolicy(database.db, kitaminatoDir, () => undefined);
    const policy = store.policy();
    expect(policy.packageId).toBe('kitaminato');

    const top = await makeDepartment(database.db, { level: 'bu', name: '総務部' });
    const adminUser = await makeUser(database.db, { departmentId: top.id, roles: [{ role: 'app_admin' }] });
    const admin = await actorOf(database.db, adminUser.id);
    const ctx = contextFor(database.db, policy, admin);
    // MFA duties come from the package: here the 統括情報セキュリティ責任者 needs a second factor too.
    expect(mfaRequiredFor(policy, { ...admin, roles: [{ role: 'chief_security_officer', scopeType: 'global', scopeId: '' }] })).toBe(true);

    // Organisation levels are the package's: 部 / 課 / 係 (Shinjuku has no 係).
    const { departmentId: section } = await createDepartment(ctx, { code: 'somu-jinji', name: '人事課', kana: 'じんじか', parentId: top.id, level: 'ka' });
    const { departmentId: unit } = await createDepartment(ctx, { code: 'somu-jinji-kyuyo', name: '給与係', kana: 'きゅうよがかり', parentId: section, level: 'kakari' });
    await expect(createDepartment(ctx, { code: 'x1', name: '課等', kana: '', parentId: null, level: 'kacho' })).rejects.toMatchObject({ code: 'E_DEPARTMENT_LEVEL_UNKNOWN' });

    const { userId } = await createUser(ctx, { login: 'tanaka', staffNumber: 'K-0001', name: '田中 部長', kana: 'たなか ぶちょう', email: '', departmentId: top.id });
    const { userId: clerk } = await createUser(ctx, { login: 'suzuki', staffNumber: 'K-0002', name: '鈴木 係員', kana: 'すずき', email: '', departmentId: unit });

    // The 情報セキュリティ責任者 is a 部長 here: granted for a 部, refused for a 課.
    await grantRole(ctx, userId, { role: 'security_officer', scopeType: 'department', scopeId: top.id });
    await expect(grantRole(ctx, clerk, { role: 'security_officer', scopeType: 'department', scopeId: section })).rejects.toMatchObject({ code: 'E_ROLE_SCOPE_INVALID' });

    // The officer of the 部 registers users of their own 部.
    const officer = await actorOf(database.db, userId);
    const registered = await createUser(contextFor(database.db, policy, officer), { login: 'sato', staffNumber: 'K-0003', name: '佐藤', kana: 'さとう', email: '', departmentId: top.id });
    expect(registered.userId).toBeTruthy();

    const roles = await database.db.selectFrom('role_assignments').select(['role', 'scope_id']).where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('role').execute();
    expect(roles).toEqual([{ role: 'security_officer', scope_id: top.id }, { role: 'staff', scope_id: top.id }]);
  });

  it('serves its own titles, levels and clauses through the API', async () => {
    const store = await establishPolicy(database.db, kitaminatoDir, () => undefined);
    const app = await buildApp({ db: database.db, policy: () => store.policy(), policyVersionId: () => store.current().versionId, config: loadConfig({}) }, { webDir: '/nonexistent' });
    try {
      const department = await makeDepartment(database.db, { level: 'bu' });
      const user = await makeUser(database.db, { departmentId: department.id });
      const signIn = await app.inject({ method: 'GET', url: '/api/session' });
      const csrf = signIn.cookies.find((c) => c.name === 'bansho_csrf')?.value ?? '';
      const session = await app.inject({ method: 'POST', url: '/api/session', headers: { cookie: `bansho_csrf=${csrf}`, 'x-csrf-token': csrf }, payload: { login: user.login, password: 'correct-horse-battery-staple' } });
      expect(session.statusCode).toBe(200);
      const cookie = session.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const policy = (await app.inject({ method: 'GET', url: '/api/policy', headers: { cookie } })).json<{ municipality: { ja: string }; roles: { role: string; title: { ja: string } }[]; departmentLevels: { id: string }[] }>();
      expect(policy.municipality.ja).toBe('北湊市');
      expect(policy.roles.find((r) => r.role === 'cio')?.title.ja).toBe('最高情報セキュリティ責任者（CISO）');
      expect(policy.departmentLevels.map((l) => l.id)).toEqual(['bu', 'ka', 'kakari']);
      const clauses = (await app.inject({ method: 'GET', url: '/api/policy/clauses?kind=approval-required', headers: { cookie } })).json<{ items: { id: string; approverRoles: string[] }[] }>();
      expect(clauses.items.map((c) => [c.id, c.approverRoles])).toEqual([['2.2', ['security_officer', 'chief_security_officer']], ['4.1', ['cio']]]);
      const detail = (await app.inject({ method: 'GET', url: '/api/policy/clauses/4.1', headers: { cookie } })).json<{ clause: { approverRoles: { title: { ja: string } }[] } }>();
      expect(detail.clause.approverRoles[0]?.title.ja).toBe('最高情報セキュリティ責任者（CISO）');
    } finally {
      await app.close();
    }
  });
});
