import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../domain/services.js';
import { requireActor } from '../auth/require-actor.js';
import { listMedia, mediumDetail } from './queries.js';
import { registerMedium } from './register-medium.js';
import { listMediaQuerySchema, mediaListSchema, mediumDetailSchema, mediumParamsSchema, registerMediumSchema, updateMediumSchema } from './schemas.js';
import { updateMedium } from './update-medium.js';

const tags = ['media'];

/** Issued media (記録媒体, 第2 4(3)): the register, one medium with the assets on it. Handlers parse, call, present. */
export const mediaRoutes = (services: AppServices): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/media', {
    config: { access: 'user' },
    schema: { tags, operationId: 'listMedia', summary: 'Issued media the actor may see', querystring: listMediaQuerySchema, response: { 200: mediaListSchema } },
  }, async (request) => listMedia(services.db, requireActor(request.acting()), request.query));

  app.post('/api/media', {
    config: { access: 'user' },
    schema: { tags, operationId: 'registerMedium', summary: 'Register an issued medium', body: registerMediumSchema, response: { 201: mediumDetailSchema } },
  }, async (request, reply) => {
    const ctx = request.acting();
    const { mediumId } = await registerMedium(ctx, request.body);
    return reply.status(201).send(await mediumDetail(ctx.db, requireActor(ctx), ctx.policy, mediumId));
  });

  app.get('/api/media/:id', {
    config: { access: 'user' },
    schema: { tags, operationId: 'getMedium', summary: 'One medium with the assets recorded on it', params: mediumParamsSchema, response: { 200: mediumDetailSchema } },
  }, async (request) => {
    const ctx = request.acting();
    return mediumDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id);
  });

  app.patch('/api/media/:id', {
    config: { access: 'user' },
    schema: {
      tags, operationId: 'updateMedium', summary: 'Change holder, status, write protection or storage', params: mediumParamsSchema, body: updateMediumSchema,
      response: { 200: mediumDetailSchema },
    },
  }, async (request) => {
    const ctx = request.acting();
    await updateMedium(ctx, request.params.id, request.body);
    return mediumDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id);
  });
};
