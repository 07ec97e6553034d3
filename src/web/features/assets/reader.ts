import type { Me } from '../../api/types.js';

/** The 課等 whose 情報セキュリティ責任者 the user is: where they register and manage assets (第2 1(1), 3). */
export function managedDepartmentIds(me: Pick<Me, 'roles'> | null | undefined): string[] {
  return (me?.roles ?? [])
    .filter((role) => role.role === 'security_officer' && role.scopeType === 'department' && role.scopeId)
    .map((role) => role.scopeId ?? '');
}
