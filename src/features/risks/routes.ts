import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../domain/services.js';
import { requireActor } from '../auth/require-actor.js';
import { listRisks, riskDetail } from './queries.js';
import { recordRisk } from './record-risk.js';
import { idSchema, listRisksQuerySchema, recordRiskSchema, updateRiskSchema } from './schemas.js';
import { updateRisk } from './update-risk.js';

const tags = ['risks'];
const riskParams = z.strictObject({ id: idSchema });

/** The risk register (リスク分析, 第2 2) over the threats of 第1 3. Handlers parse, call, present. */
export const riskRoutes = (_services: AppServices): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/risks', { config: { access: 'user' }, schema: { tags, summary: 'The risk register, highest score first, with the likelihood × impact counts', querystring: listRisksQuerySchema } }, async (request) => {
    const ctx = request.acting();
    return listRisks(ctx.db, requireActor(ctx), ctx.policy, request.query);
  });

  app.post('/api/risks', { config: { access: 'user' }, schema: { tags, summary: 'Record an analysed threat', body: recordRiskSchema } }, async (request, reply) => {
    const ctx = request.acting();
    const { riskId } = await recordRisk(ctx, request.body);
    return reply.status(201).send(await riskDetail(ctx.db, requireActor(ctx), ctx.policy, riskId));
  });

  app.get('/api/risks/:id', { config: { access: 'user' }, schema: { tags, summary: 'One entry of the risk register', params: riskParams } }, async (request) => {
    const ctx = request.acting();
    return riskDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id);
  });

  app.patch('/api/risks/:id', { config: { access: 'user' }, schema: { tags, summary: 'Revise an entry: ratings, measures, status', params: riskParams, body: updateRiskSchema } }, async (request) => {
    const ctx = request.acting();
    await updateRisk(ctx, request.params.id, request.body);
    return riskDetail(ctx.db, requireActor(ctx), ctx.policy, request.params.id);
  });
};
