import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, ScopeType } from '../../src/db/tables.js';
import type { ActingContext } from '../../src/domain/context.js';
import type { Actor } from '../../src/domain/actor.js';
import { generateLabelCode } from '../../src/features/assets/label-code.js';
import { loadActor } from '../../src/features/auth/load-actor.js';
import { hashPassword } from '../../src/features/auth/passwords.js';
import { fixture } from './fixtures.js';
import type { CanonicalRole, Policy } from '../../src/policy/schema.js';

/** The password every factory-made user has unless told otherwise. */
export const TEST_PASSWORD = 'correct-horse-battery-staple';

const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
};
const unique = () => randomBytes(4).toString('hex');

export async function makeDepartment(db: Kysely<Database>, overrides: Partial<{ code: string; name: string; parentId: string | null; level: string }> = {}) {
  const values = {
    code: overrides.code ?? `d-${unique()}`,
    name: overrides.name ?? `テスト課${unique()}`,
    kana: 'てすとか',
    parent_id: overrides.parentId ?? null,
    level: overrides.level ?? 'ka',
    status: 'active' as const,
  };
  return fixture(db, (tx) => tx.insertInto('departments').values(values).returningAll().executeTakeFirstOrThrow());
}

export interface RoleSpec {
  role: CanonicalRole;
  scopeType?: ScopeType;
  scopeId?: string;
}

/**
 * A user in a department with the staff role there plus the given roles (a department-scoped role defaults to
 * the user's own department).
 */
export async function makeUser(
  db: Kysely<Database>,
  options: { departmentId: string; roles?: RoleSpec[]; login?: string; name?: string; password?: string; mustChangePassword?: boolean; status?: 'active' | 'disabled' },
) {
  const login = options.login ?? `u${unique()}`;
  const passwordHash = await hashOnce(options.password ?? TEST_PASSWORD);
  return fixture(db, async (tx) => {
    const user = await tx
      .insertInto('users')
      .values({
        login,
        staff_number: `S-${unique()}`,
        name: options.name ?? `試験 ${login}`,
        kana: 'しけん',
        email: `${login}@example.invalid`,
        department_id: options.departmentId,
        password_hash: passwordHash,
        must_change_password: options.mustChangePassword ?? false,
        status: options.status ?? 'active',
        disabled_reason: options.status === 'disabled' ? 'test' : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const roles: RoleSpec[] = [{ role: 'staff', scopeType: 'department' }, ...(options.roles ?? [])];
    for (const spec of roles) {
      const scopeType = spec.scopeType ?? (spec.role === 'security_officer' || spec.role === 'staff' || spec.role === 'contractor' ? 'department' : spec.role === 'network_admin' ? 'network' : spec.role === 'system_admin' ? 'system' : 'global');
      const scopeId = scopeType === 'global' ? '' : (spec.scopeId ?? (scopeType === 'department' ? options.departmentId : 'テストシステム'));
      await tx
        .insertInto('role_assignments')
        .values({ user_id: user.id, role: spec.role, scope_type: scopeType, scope_id: scopeId, granted_at: new Date(), granted_by: null })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    return user;
  });
}

/** The actor a use case sees for this user (loaded the way the session query loads it). */
export async function actorOf(db: Kysely<Database>, userId: string): Promise<Actor> {
  return loadActor(db, userId);
}

/** An acting context for calling use cases directly. */
export function contextFor(db: Kysely<Database>, policy: Policy, actor: Actor | null, now = new Date()): ActingContext {
  return { db, actor, now, timeZone: 'Asia/Tokyo', policy, request: { ip: '127.0.0.1', userAgent: 'vitest' } };
}

let assetCounter = 0;

/**
 * An asset row written directly (no journal): a fixture for reading, listing and authorization tests. Use the
 * `createAsset` use case when the act itself is under test. The label code is unique per call.
 */
export async function makeAsset(
  db: Kysely<Database>,
  overrides: Partial<{ departmentId: string; name: string; classLevel: string; classCriteria: string[]; status: 'active' | 'out' | 'disposed'; kind: 'electronic_data' | 'paper' | 'system' | 'software' | 'medium' | 'other'; location: string; mediumId: string | null; labelCode: string; sourceAssetId: string }> & { departmentId: string },
) {
  assetCounter += 1;
  const classLevel = overrides.classLevel ?? 'class-2';
  const status = overrides.status ?? 'active';
  return fixture(db, (tx) =>
    tx
      .insertInto('assets')
      .values({
        label_code: overrides.labelCode ?? generateLabelCode(),
        name: overrides.name ?? `試験資産${assetCounter}`,
        kind: overrides.kind ?? 'electronic_data',
        department_id: overrides.departmentId,
        class_level: classLevel,
        class_criteria: classLevel === 'class-1' ? (overrides.classCriteria ?? ['resident-impact']) : (overrides.classCriteria ?? []),
        class_justification: classLevel === 'class-1' ? '区民の個人情報を含むため' : '',
        location: overrides.location ?? '',
        medium_id: overrides.mediumId ?? null,
        status,
        source_asset_id: overrides.sourceAssetId ?? null,
        source_kind: overrides.sourceAssetId ? 'copy' : null,
        ...(status === 'disposed' ? { disposal_method: '溶解処理', disposal_evidence: '証明書', disposed_on: '2026-01-01' } : {}),
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

/** Grants an access right directly (fixture). */
export async function grantAccess(db: Kysely<Database>, assetId: string, subjectType: 'user' | 'role' | 'department', subjectId: string, permission: 'read' | 'write' = 'read'): Promise<{ id: string }> {
  return fixture(db, (tx) =>
    tx.insertInto('asset_access').values({ asset_id: assetId, subject_type: subjectType, subject_id: subjectId, permission, granted_by: null, granted_at: new Date() }).returning('id').executeTakeFirstOrThrow(),
  );
}
