import type { ReadOnlyDb } from '../../db/read-only.js';
import { isUuid } from '../../db/text-matching.js';
import { organisationErrors } from './errors.js';

/** The department must exist and be active; otherwise a field error on `departmentId`. */
export async function requireDepartment(db: ReadOnlyDb, departmentId: string, path = 'departmentId') {
  const department = isUuid(departmentId)
    ? await db.selectFrom('departments').selectAll().where('id', '=', departmentId).executeTakeFirst()
    : undefined;
  if (!department || department.status !== 'active') throw organisationErrors.E_DEPARTMENT_NOT_FOUND.error({ field: path });
  return department;
}
