import type { ScopeType } from '../db/tables.js';
import type { ActingContext } from '../domain/context.js';
import { hashPassword } from '../features/auth/passwords.js';
import { recordAct, type Events } from '../journal/append.js';
import type { JournalEvent } from '../journal/events.js';
import { loadActor } from '../features/auth/load-actor.js';
import { seedDemoAssets } from './demo-assets.js';
import { seedDemoContacts } from './demo-contacts.js';
import { DEMO_PASSWORD, demoDepartments, demoUsers } from './demo-municipality.js';

/**
 * Loads the demo municipality into an empty database: the 課等 tree, one user per role, an asset register made by
 * the demo's 情報セキュリティ責任者, and the emergency contact directory kept by its ネットワーク管理者.
 */
export async function seedDemo(ctx: ActingContext): Promise<boolean> {
  const existing = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  const userIds = new Map<string, string>();
  await recordAct(ctx, async (tx) => {
    const events: JournalEvent[] = [];
    for (const d of demoDepartments) {
      const parentId = d.parent ? (ids.get(d.parent) ?? null) : null;
      const row = await tx
        .insertInto('departments')
        .values({ code: d.code, name: d.name, kana: d.kana, parent_id: parentId, level: d.level, status: 'active' })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(d.code, row.id);
      events.push({ type: 'department.created', entityType: 'department', entityId: row.id, data: { code: d.code, name: d.name, parentId, level: d.level } });
    }
    for (const [index, u] of demoUsers.entries()) {
      const departmentId = ids.get(u.department) ?? '';
      const staffNumber = `D${String(index + 1).padStart(5, '0')}`;
      const user = await tx
        .insertInto('users')
        .values({ login: u.login, staff_number: staffNumber, name: u.name, kana: u.kana, email: `${u.login}@demo.bansho.invalid`, department_id: departmentId, password_hash: passwordHash, must_change_password: false })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(u.login, user.id);
      events.push({ type: 'user.created', entityType: 'user', entityId: user.id, data: { login: u.login, staffNumber, name: u.name, departmentId } });
      const grants: { role: string; scopeType: ScopeType; scopeId: string }[] = [{ role: 'staff', scopeType: 'department', scopeId: departmentId }];
      if (u.role !== 'staff') {
        const scopeId = u.scope.type === 'global' ? '' : u.scope.type === 'department' ? (ids.get(u.scope.id ?? '') ?? '') : (u.scope.id ?? '');
        grants.push({ role: u.role, scopeType: u.scope.type, scopeId });
      }
      for (const g of grants) {
        const row = await tx
          .insertInto('role_assignments')
          .values({ user_id: user.id, role: g.role, scope_type: g.scopeType, scope_id: g.scopeId, granted_at: ctx.now, granted_by: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        events.push({ type: 'role.granted', entityType: 'user', entityId: user.id, data: { assignmentId: row.id, role: g.role, scopeType: g.scopeType, scopeId: g.scopeId } });
      }
    }
    return { value: undefined, events: events as Events };
  });
  const lookup = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`the demo has no ${key}`);
    return id;
  };
  const directory = {
    department: (code: Parameters<typeof lookup>[1]) => lookup(ids, code),
    user: (login: string) => lookup(userIds, login),
    actingAs: async (login: string) => ({ ...ctx, actor: await loadActor(ctx.db, lookup(userIds, login)) }),
  };
  await seedDemoAssets(directory);
  await seedDemoContacts(directory);
  return true;
}
