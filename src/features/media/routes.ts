import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../domain/services.js';
import type { Actor } from '../../domain/actor.js';
import { requireActor } from '../auth/require-actor.js';
import { assetsHeldBy, mediumNotFound } from './guards.js';
import { allowedMediumActions, canOnMedium, mediumRegisterDepartments } from './medium-policy.js';
import { assetsOnMedium, findMedium, listMedia } from './queries.js';
import { registerMedium } from './register-medium.js';
import { idSchema, listMediaQuerySchema, registerMediumSchema, updateMediumSchema } from './schemas.js';
import { updateMedium } from './update-medium.js';

const tags = ['media'];
const mediumParams = z.strictObject({ id: idSchema });

/** Issued media (記録媒体, 第2 4(3)): the register, one medium with the assets on it. Handlers parse, call, present. */
export const mediaRoutes = (services: AppServices): FastifyPluginAsyncZod => async (app) => {
  async function mediumDetail(actor: Actor, id: string) {
    const medium = await findMedium(services.db, id);
    if (!medium) throw mediumNotFound();
    const resource = { departmentId: medium.departmentId, holderId: medium.holderId, status: medium.status };
    if (!canOnMedium(actor, 'read', resource)) throw mediumNotFound();
    const [assets, held] = await Promise.all([assetsOnMedium(services.db, actor, id), assetsHeldBy(services.db, services.policy(), id)]);
    return {
      medium,
      assets,
      // 第2 4(3)ウ: why locked storage cannot be turned off (the form explains it before the server refuses).
      lockedStorageRequired: held.locked > 0,
      allowedActions: allowedMediumActions(actor, resource),
    };
  }

  app.get('/api/media', { config: { access: 'user' }, schema: { tags, summary: 'Issued media the actor may see', querystring: listMediaQuerySchema } }, async (request) => {
    const actor = requireActor(request.acting());
    const { items, total } = await listMedia(services.db, actor, request.query);
    const registerIn = mediumRegisterDepartments(actor);
    return {
      items,
      total,
      page: request.query.page,
      pageSize: request.query.pageSize,
      allowedActions: registerIn.length > 0 ? ['create'] : [],
      registerDepartmentIds: registerIn,
    };
  });

  app.post('/api/media', { config: { access: 'user' }, schema: { tags, summary: 'Register an issued medium', body: registerMediumSchema } }, async (request, reply) => {
    const ctx = request.acting();
    const { mediumId } = await registerMedium(ctx, request.body);
    return reply.status(201).send(await mediumDetail(requireActor(ctx), mediumId));
  });

  app.get('/api/media/:id', { config: { access: 'user' }, schema: { tags, summary: 'One medium with the assets recorded on it', params: mediumParams } }, async (request) =>
    mediumDetail(requireActor(request.acting()), request.params.id),
  );

  app.patch('/api/media/:id', { config: { access: 'user' }, schema: { tags, summary: 'Change holder, status, write protection or storage', params: mediumParams, body: updateMediumSchema } }, async (request) => {
    const ctx = request.acting();
    await updateMedium(ctx, request.params.id, request.body);
    return mediumDetail(requireActor(ctx), request.params.id);
  });
};
