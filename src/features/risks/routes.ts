import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../domain/services.js';
import type { Actor } from '../../domain/actor.js';
import { requireActor } from '../auth/require-actor.js';
import { riskNotFound } from './guards.js';
import { findRisk, listRisks } from './queries.js';
import { recordRisk } from './record-risk.js';
import { allowedRiskActions, canOnRisk, riskRecordDepartments } from './risk-policy.js';
import { idSchema, listRisksQuerySchema, recordRiskSchema, updateRiskSchema } from './schemas.js';
import { updateRisk } from './update-risk.js';

const tags = ['risks'];
const riskParams = z.strictObject({ id: idSchema });

/** The risk register (リスク分析, 第2 2) over the threats of 第1 3. Handlers parse, call, present. */
export const riskRoutes = (services: AppServices): FastifyPluginAsyncZod => async (app) => {
  async function riskDetail(actor: Actor, id: string) {
    const risk = await findRisk(services.db, actor, services.policy(), id);
    if (!risk) throw riskNotFound();
    const resource = { departmentId: risk.departmentId };
    if (!canOnRisk(actor, 'read', resource)) throw riskNotFound();
    return { risk, allowedActions: allowedRiskActions(actor, resource) };
  }

  app.get('/api/risks', { config: { access: 'user' }, schema: { tags, summary: 'The risk register, highest score first, with the likelihood × impact counts', querystring: listRisksQuerySchema } }, async (request) => {
    const actor = requireActor(request.acting());
    const { items, total, heat } = await listRisks(services.db, actor, services.policy(), request.query);
    const recordIn = riskRecordDepartments(actor);
    return {
      items,
      total,
      heat,
      page: request.query.page,
      pageSize: request.query.pageSize,
      allowedActions: recordIn.length > 0 ? ['create'] : [],
      recordDepartmentIds: recordIn,
    };
  });

  app.post('/api/risks', { config: { access: 'user' }, schema: { tags, summary: 'Record an analysed threat', body: recordRiskSchema } }, async (request, reply) => {
    const ctx = request.acting();
    const { riskId } = await recordRisk(ctx, request.body);
    return reply.status(201).send(await riskDetail(requireActor(ctx), riskId));
  });

  app.get('/api/risks/:id', { config: { access: 'user' }, schema: { tags, summary: 'One entry of the risk register', params: riskParams } }, async (request) =>
    riskDetail(requireActor(request.acting()), request.params.id),
  );

  app.patch('/api/risks/:id', { config: { access: 'user' }, schema: { tags, summary: 'Revise an entry: ratings, measures, status', params: riskParams, body: updateRiskSchema } }, async (request) => {
    const ctx = request.acting();
    await updateRisk(ctx, request.params.id, request.body);
    return riskDetail(requireActor(ctx), request.params.id);
  });
};
