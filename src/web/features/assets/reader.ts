import type { Me } from '../../api/types.js';

/** The 課等 whose 情報セキュリティ責任者 the user is: where they register and manage assets (第2 1(1), 3). */
export function managedDepartmentIds(me: Pick<Me, 'roles'> | null | undefined): string[] {
  return (me?.roles ?? [])
    .filter((role) => role.role === 'security_officer' && role.scopeType === 'department' && role.scopeId)
    .map((role) => role.scopeId ?? '');
}

/**
 * Whether the server journals this reading of a record (第2 4(2)ア): a restricted asset read from outside its
 * 課等 — neither a member nor its officer. The same rule as the server's `readIsJournaled`, to say so on screen.
 */
export function readIsJournaled(
  me: Pick<Me, 'roles' | 'departmentId'> | null | undefined,
  asset: { restricted: boolean; departmentId: string },
): boolean {
  if (!me || !asset.restricted) return false;
  return me.departmentId !== asset.departmentId && !managedDepartmentIds(me).includes(asset.departmentId);
}
