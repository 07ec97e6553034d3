import type { ReadOnlyDb } from '../../db/read-only.js';
import { DomainError } from '../../domain/errors.js';
import { isUuid } from '../../db/text-matching.js';

/** The department must exist and be active; otherwise a field error on `departmentId`. */
export async function requireDepartment(db: ReadOnlyDb, departmentId: string, path = 'departmentId') {
  const department = isUuid(departmentId)
    ? await db.selectFrom('departments').selectAll().where('id', '=', departmentId).executeTakeFirst()
    : undefined;
  if (!department || department.status !== 'active') {
    const message = { ja: '指定された課等がありません。', en: 'No such department.' };
    throw new DomainError('invalid', 'E_DEPARTMENT_NOT_FOUND', message, [{ path, message }]);
  }
  return department;
}
