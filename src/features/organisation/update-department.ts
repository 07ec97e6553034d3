import { sql } from 'kysely';
import type { ActingContext } from '../../domain/context.js';
import { forbidden, notFound } from '../../domain/kernel-errors.js';
import { recordAct } from '../../journal/append.js';
import { can } from './department-policy.js';
import { organisationErrors } from './errors.js';
import { requireActor } from '../auth/require-actor.js';
import { requireDepartment } from './require-department.js';
import type { UpdateDepartmentInput } from './schemas.js';

/** Renames or re-parents a 課等; a move under its own descendant is refused (the tree stays a tree). */
export async function updateDepartment(ctx: ActingContext, departmentId: string, input: UpdateDepartmentInput): Promise<void> {
  const actor = requireActor(ctx);
  if (!can(actor, 'update')) throw forbidden();
  await recordAct(ctx, async (tx) => {
    const department = await tx.selectFrom('departments').selectAll().where('id', '=', departmentId).forUpdate().executeTakeFirst();
    if (!department) throw notFound({ ja: '課等', en: 'The department' });
    if (input.parentId) {
      await requireDepartment(tx, input.parentId, 'parentId');
      const cycle = await sql<{ id: string }>`
        WITH RECURSIVE up AS (
          SELECT id, parent_id FROM departments WHERE id = ${input.parentId}
          UNION ALL SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id
        ) SELECT id FROM up WHERE id = ${departmentId}`.execute(tx);
      if (cycle.rows.length > 0) throw organisationErrors.E_DEPARTMENT_CYCLE.error({ field: 'parentId' });
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set: { name?: string; kana?: string; parent_id?: string | null } = {};
    if (input.name !== undefined && input.name !== department.name) {
      changes.name = { from: department.name, to: input.name };
      set.name = input.name;
    }
    if (input.kana !== undefined && input.kana !== department.kana) {
      changes.kana = { from: department.kana, to: input.kana };
      set.kana = input.kana;
    }
    if (input.parentId !== undefined && input.parentId !== department.parent_id) {
      changes.parentId = { from: department.parent_id, to: input.parentId };
      set.parent_id = input.parentId;
    }
    if (Object.keys(set).length > 0) await tx.updateTable('departments').set(set).where('id', '=', departmentId).execute();
    return { value: undefined, events: [{ type: 'department.updated', entityType: 'department', entityId: departmentId, data: { changes } }] };
  });
}
