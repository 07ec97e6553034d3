import { z } from 'zod';
import { journalEvent, entityId, changes } from '../../journal/event.js';

const roleRef = z.object({ assignmentId: entityId, role: z.string(), scopeType: z.string(), scopeId: z.string() });

/** The organisation's events: the first administrator, 課等, users and their roles (the user-registration record of 第5 3(1)). */
export const organisationEvents = [
  journalEvent('system.initialised', 'system', z.object({ adminLogin: z.string() })),
  // User registration record (第5 3(1)).
  journalEvent('user.created', 'user', z.object({ login: z.string(), staffNumber: z.string(), name: z.string(), departmentId: entityId })),
  journalEvent('user.updated', 'user', z.object({ changes })),
  journalEvent('user.disabled', 'user', z.object({ reason: z.string(), sessionsEnded: z.number().int() })),
  journalEvent('user.enabled', 'user', z.object({})),
  journalEvent('user.moved', 'user', z.object({ fromDepartmentId: entityId, toDepartmentId: entityId })),
  journalEvent('user.password_reset', 'user', z.object({ sessionsEnded: z.number().int() })),
  journalEvent('role.granted', 'user', roleRef),
  journalEvent('role.revoked', 'user', roleRef),
  journalEvent('department.created', 'department', z.object({ code: z.string(), name: z.string(), parentId: entityId.nullable(), level: z.string() })),
  journalEvent('department.updated', 'department', z.object({ changes })),
] as const;
