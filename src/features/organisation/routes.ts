import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../domain/services.js';
import type { Actor } from '../../domain/actor.js';
import { createDepartment } from './create-department.js';
import { createUser } from './create-user.js';
import { canOnDepartments } from './department-policy.js';
import { disableUser } from './disable-user.js';
import { enableUser } from './enable-user.js';
import { grantRole } from './grant-role.js';
import { requireActor } from '../auth/require-actor.js';
import { userNotFound } from './guards.js';
import { moveUser } from './move-user.js';
import { findUser, listDepartments, listUsers, roleAssignmentsOf } from './queries.js';
import { resetPassword } from './reset-password.js';
import { revokeRole } from './revoke-role.js';
import {
  createDepartmentSchema, createUserSchema, disableUserSchema, grantRoleSchema, idSchema, listUsersQuerySchema, moveUserSchema,
  updateDepartmentSchema, updateUserSchema,
} from './schemas.js';
import { updateDepartment } from './update-department.js';
import { updateUser } from './update-user.js';
import { allowedUserActions, canCreateUsers, canOnUser } from './user-policy.js';

const tags = ['organisation'];
const userParams = z.strictObject({ id: idSchema });
const roleParams = z.strictObject({ id: idSchema, assignmentId: idSchema });

/** 課等, users and role assignments: the user-registration record of 第5 3(1). Handlers parse, call, present. */
export const organisationRoutes = (services: AppServices): FastifyPluginAsyncZod => async (app) => {
  const titleOf = (role: string) => services.policy().roles.find((r) => r.role === role)?.title ?? { ja: role, en: role };

  async function userDetail(actor: Actor, id: string) {
    const user = await findUser(services.db, id);
    if (!user) throw userNotFound();
    const resource = { id: user.id, departmentId: user.department_id, status: user.status, privileged: user.privileged };
    if (!canOnUser(actor, 'read', resource)) throw userNotFound();
    const roles = await roleAssignmentsOf(services.db, id);
    return {
      user: {
        id: user.id, login: user.login, staffNumber: user.staff_number, name: user.name, kana: user.kana, email: user.email,
        departmentId: user.department_id, departmentName: user.department_name, status: user.status,
        disabledReason: user.disabled_reason, createdAt: user.created_at.toISOString(),
      },
      roles: roles.map((r) => ({
        id: r.id, role: r.role, title: titleOf(r.role), scopeType: r.scope_type, scopeId: r.scope_type === 'global' ? null : r.scope_id,
        scopeName: r.scope_type === 'department' ? (r.department_name ?? r.scope_id) : r.scope_type === 'global' ? null : r.scope_id,
        grantedAt: r.granted_at.toISOString(), grantedByName: r.granted_by_name,
      })),
      allowedActions: allowedUserActions(actor, resource),
    };
  }

  app.get('/api/departments', { config: { access: 'user' }, schema: { tags, summary: 'The 課等 tree' } }, async (request) => {
    const actor = requireActor(request.acting());
    const rows = await listDepartments(services.db);
    const editable = canOnDepartments(actor, 'update');
    return {
      items: rows.map((d) => ({ id: d.id, code: d.code, name: d.name, kana: d.kana, parentId: d.parent_id, level: d.level, status: d.status, allowedActions: editable ? ['update'] : [] })),
      allowedActions: canOnDepartments(actor, 'create') ? ['create'] : [],
    };
  });

  app.post('/api/departments', { config: { access: 'user' }, schema: { tags, summary: 'Add a 課等', body: createDepartmentSchema } }, async (request, reply) => {
    const { departmentId } = await createDepartment(request.acting(), request.body);
    return reply.status(201).send({ id: departmentId });
  });

  app.patch('/api/departments/:id', { config: { access: 'user' }, schema: { tags, summary: 'Rename or move a 課等', params: userParams, body: updateDepartmentSchema } }, async (request) => {
    await updateDepartment(request.acting(), request.params.id, request.body);
    return { id: request.params.id };
  });

  app.get('/api/users', { config: { access: 'user' }, schema: { tags, summary: 'Users the actor may see', querystring: listUsersQuerySchema } }, async (request) => {
    const actor = requireActor(request.acting());
    const { items, total } = await listUsers(services.db, actor, request.query);
    return {
      items: items.map((u) => ({ ...u, roles: u.roles.map((r) => ({ ...r, title: titleOf(r.role) })) })),
      total,
      page: request.query.page,
      pageSize: request.query.pageSize,
      allowedActions: canCreateUsers(actor) ? ['create'] : [],
    };
  });

  app.post('/api/users', { config: { access: 'user' }, schema: { tags, summary: 'Register a user (one-time password returned once)', body: createUserSchema } }, async (request, reply) => {
    const ctx = request.acting();
    const { userId, initialPassword } = await createUser(ctx, request.body);
    return reply.status(201).send({ ...(await userDetail(requireActor(ctx), userId)), initialPassword });
  });

  app.get('/api/users/:id', { config: { access: 'user' }, schema: { tags, summary: 'One user with roles and allowed actions', params: userParams } }, async (request) =>
    userDetail(requireActor(request.acting()), request.params.id),
  );

  app.patch('/api/users/:id', { config: { access: 'user' }, schema: { tags, summary: 'Edit a user', params: userParams, body: updateUserSchema } }, async (request) => {
    const ctx = request.acting();
    await updateUser(ctx, request.params.id, request.body);
    return userDetail(requireActor(ctx), request.params.id);
  });

  app.post('/api/users/:id/disable', { config: { access: 'user' }, schema: { tags, summary: 'Disable a user and end their sessions', params: userParams, body: disableUserSchema } }, async (request) => {
    const ctx = request.acting();
    await disableUser(ctx, request.params.id, request.body.reason);
    return userDetail(requireActor(ctx), request.params.id);
  });

  app.post('/api/users/:id/enable', { config: { access: 'user' }, schema: { tags, summary: 'Re-enable a user', params: userParams } }, async (request) => {
    const ctx = request.acting();
    await enableUser(ctx, request.params.id);
    return userDetail(requireActor(ctx), request.params.id);
  });

  app.post('/api/users/:id/move', { config: { access: 'user' }, schema: { tags, summary: 'Move a user to another 課等', params: userParams, body: moveUserSchema } }, async (request) => {
    const ctx = request.acting();
    await moveUser(ctx, request.params.id, request.body.departmentId);
    return userDetail(requireActor(ctx), request.params.id);
  });

  app.post('/api/users/:id/roles', { config: { access: 'user' }, schema: { tags, summary: 'Grant a role', params: userParams, body: grantRoleSchema } }, async (request, reply) => {
    const ctx = request.acting();
    await grantRole(ctx, request.params.id, request.body);
    return reply.status(201).send(await userDetail(requireActor(ctx), request.params.id));
  });

  app.delete('/api/users/:id/roles/:assignmentId', { config: { access: 'user' }, schema: { tags, summary: 'Revoke a role', params: roleParams } }, async (request) => {
    const ctx = request.acting();
    await revokeRole(ctx, request.params.id, request.params.assignmentId);
    return userDetail(requireActor(ctx), request.params.id);
  });

  app.post('/api/users/:id/reset-password', { config: { access: 'user' }, schema: { tags, summary: 'Issue a new one-time password', params: userParams } }, async (request) =>
    resetPassword(request.acting(), request.params.id),
  );
};
