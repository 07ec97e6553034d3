import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../domain/services.js';
import { createDepartment } from './create-department.js';
import { createUser } from './create-user.js';
import { disableUser } from './disable-user.js';
import { enableUser } from './enable-user.js';
import { grantRole } from './grant-role.js';
import { requireActor } from '../auth/require-actor.js';
import { moveUser } from './move-user.js';
import { departmentTree, listUsers, userDetail } from './queries.js';
import { resetPassword } from './reset-password.js';
import { revokeRole } from './revoke-role.js';
import {
  createDepartmentSchema, createdUserSchema, createUserSchema, departmentListSchema, departmentReferenceSchema, disableUserSchema, grantRoleSchema, idSchema,
  listUsersQuerySchema, moveUserSchema, passwordResetSchema, updateDepartmentSchema, updateUserSchema, userDetailSchema, userListSchema,
} from './schemas.js';
import { updateDepartment } from './update-department.js';
import { updateUser } from './update-user.js';

const tags = ['organisation'];
const idParams = z.strictObject({ id: idSchema });
const roleParams = z.strictObject({ id: idSchema, assignmentId: idSchema });

/** 課等, users and role assignments: the user-registration record of 第5 3(1). Handlers parse, call, present. */
export const organisationRoutes = (_services: AppServices): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/departments', {
    config: { access: 'user' },
    schema: { tags, operationId: 'listDepartments', summary: 'The 課等 tree', response: { 200: departmentListSchema } },
  }, async (request) => {
    const ctx = request.acting();
    return departmentTree(ctx.db, requireActor(ctx));
  });

  app.post('/api/departments', {
    config: { access: 'user' },
    schema: { tags, operationId: 'createDepartment', summary: 'Add a 課等', body: createDepartmentSchema, response: { 201: departmentReferenceSchema } },
  }, async (request, reply) => {
    const { departmentId } = await createDepartment(request.acting(), request.body);
    return reply.status(201).send({ id: departmentId });
  });

  app.patch('/api/departments/:id', {
    config: { access: 'user' },
    schema: { tags, operationId: 'updateDepartment', summary: 'Rename or move a 課等', params: idParams, body: updateDepartmentSchema, response: { 200: departmentReferenceSchema } },
  }, async (request) => {
    await updateDepartment(request.acting(), request.params.id, request.body);
    return { id: request.params.id };
  });

  app.get('/api/users', {
    config: { access: 'user' },
    schema: { tags, operationId: 'listUsers', summary: 'Users the actor may see', querystring: listUsersQuerySchema, response: { 200: userListSchema } },
  }, async (request) => {
    const ctx = request.acting();
    return listUsers(ctx.db, requireActor(ctx), ctx.policy, request.query);
  });

  app.post('/api/users', {
    config: { access: 'user' },
    schema: { tags, operationId: 'createUser', summary: 'Register a user (one-time password returned once)', body: createUserSchema, response: { 201: createdUserSchema } },
  }, async (request, reply) => {
    const ctx = request.acting();
    const { userId, initialPassword } = await createUser(ctx, request.body);
    return reply.status(201).send({ ...(await userDetail(ctx.db, requireActor(ctx), ctx.policy, userId)), initialPassword });
  });

  app.get('/api/users/:id', {
    config: { access: 'user' },
    schema: { tags, operationId: 'getUser', summary: 'One user with roles and allowed actions', params: idParams, response: { 200: userDetailSchema } },
  }, async (request) => {
    const ctx = request.acting();
    return userDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id);
  });

  app.patch('/api/users/:id', {
    config: { access: 'user' },
    schema: { tags, operationId: 'updateUser', summary: 'Edit a user', params: idParams, body: updateUserSchema, response: { 200: userDetailSchema } },
  }, async (request) => {
    const ctx = request.acting();
    await updateUser(ctx, request.params.id, request.body);
    return userDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id);
  });

  app.post('/api/users/:id/disable', {
    config: { access: 'user' },
    schema: { tags, operationId: 'disableUser', summary: 'Disable a user and end their sessions', params: idParams, body: disableUserSchema, response: { 200: userDetailSchema } },
  }, async (request) => {
    const ctx = request.acting();
    await disableUser(ctx, request.params.id, request.body.reason);
    return userDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id);
  });

  app.post('/api/users/:id/enable', {
    config: { access: 'user' },
    schema: { tags, operationId: 'enableUser', summary: 'Re-enable a user', params: idParams, response: { 200: userDetailSchema } },
  }, async (request) => {
    const ctx = request.acting();
    await enableUser(ctx, request.params.id);
    return userDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id);
  });

  app.post('/api/users/:id/move', {
    config: { access: 'user' },
    schema: { tags, operationId: 'moveUser', summary: 'Move a user to another 課等', params: idParams, body: moveUserSchema, response: { 200: userDetailSchema } },
  }, async (request) => {
    const ctx = request.acting();
    await moveUser(ctx, request.params.id, request.body.departmentId);
    return userDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id);
  });

  app.post('/api/users/:id/roles', {
    config: { access: 'user' },
    schema: { tags, operationId: 'grantRole', summary: 'Grant a role', params: idParams, body: grantRoleSchema, response: { 201: userDetailSchema } },
  }, async (request, reply) => {
    const ctx = request.acting();
    await grantRole(ctx, request.params.id, request.body);
    return reply.status(201).send(await userDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id));
  });

  app.delete('/api/users/:id/roles/:assignmentId', {
    config: { access: 'user' },
    schema: { tags, operationId: 'revokeRole', summary: 'Revoke a role', params: roleParams, response: { 200: userDetailSchema } },
  }, async (request) => {
    const ctx = request.acting();
    await revokeRole(ctx, request.params.id, request.params.assignmentId);
    return userDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id);
  });

  app.post('/api/users/:id/reset-password', {
    config: { access: 'user' },
    schema: { tags, operationId: 'resetPassword', summary: 'Issue a new one-time password', params: idParams, response: { 200: passwordResetSchema } },
  }, async (request) =>
    resetPassword(request.acting(), request.params.id),
  );
};
