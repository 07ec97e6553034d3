import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../domain/services.js';
import { requireActor } from '../auth/require-actor.js';
import { listRisks, riskDetail } from './queries.js';
import { recordRisk } from './record-risk.js';
import { listRisksQuerySchema, recordRiskSchema, riskDetailSchema, riskListSchema, riskParamsSchema, updateRiskSchema } from './schemas.js';
import { updateRisk } from './update-risk.js';

const tags = ['risks'];

/** The risk register (リスク分析, 第2 2) over the threats of 第1 3. Handlers parse, call, present. */
export const riskRoutes = (_services: AppServices): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/risks', {
    config: { access: 'user' },
    schema: {
      tags, operationId: 'listRisks', summary: 'The risk register, highest score first, with the likelihood × impact counts', querystring: listRisksQuerySchema,
      response: { 200: riskListSchema },
    },
  }, async (request) => {
    const ctx = request.acting();
    return listRisks(ctx.db, requireActor(ctx), ctx.policy, request.query);
  });

  app.post('/api/risks', {
    config: { access: 'user' },
    schema: { tags, operationId: 'recordRisk', summary: 'Record an analysed threat', body: recordRiskSchema, response: { 201: riskDetailSchema } },
  }, async (request, reply) => {
    const ctx = request.acting();
    const { riskId } = await recordRisk(ctx, request.body);
    return reply.status(201).send(await riskDetail(ctx.db, requireActor(ctx), ctx.policy, riskId));
  });

  app.get('/api/risks/:id', {
    config: { access: 'user' },
    schema: { tags, operationId: 'getRisk', summary: 'One entry of the risk register', params: riskParamsSchema, response: { 200: riskDetailSchema } },
  }, async (request) => {
    const ctx = request.acting();
    return riskDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id);
  });

  app.patch('/api/risks/:id', {
    config: { access: 'user' },
    schema: {
      tags, operationId: 'updateRisk', summary: 'Revise an entry: ratings, measures, status', params: riskParamsSchema, body: updateRiskSchema,
      response: { 200: riskDetailSchema },
    },
  }, async (request) => {
    const ctx = request.acting();
    await updateRisk(ctx, request.params.id, request.body);
    return riskDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id);
  });
};
