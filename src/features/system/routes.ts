import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../domain/services.js';
import { healthSchema, policySummarySchema, unavailableSchema } from './schemas.js';

/** Health for operators and load balancers, and the policy in force for the UI. */
export const systemRoutes = (services: AppServices): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], operationId: 'getHealth', summary: 'Database and journal state', response: { 200: healthSchema, 503: unavailableSchema } },
  }, async (_request, reply) => {
    const started = performance.now();
    try {
      const head = await services.db.selectFrom('journal').select(['seq', 'hash', 'at']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      await sql`SELECT 1`.execute(services.db);
      return {
        status: 'ok' as const,
        database: { ok: true as const, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
        journal: { entries: head ? Number(head.seq) : 0, headHash: head?.hash ?? null, lastEntryAt: head?.at.toISOString() ?? null },
      };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const, database: { ok: false as const }, journal: null });
    }
  });

  app.get('/api/policy', { config: { access: 'user' }, schema: { tags: ['system'], operationId: 'getPolicyInForce', summary: 'The policy package in force', response: { 200: policySummarySchema } } }, () => {
    const policy = services.policy();
    return {
      packageId: policy.packageId,
      municipality: policy.municipality,
      title: policy.title,
      version: policy.version,
      roles: policy.roles.map((r) => ({ role: r.role, title: r.title, scopeType: r.scope, mfaRequired: r.mfaRequired, clauses: r.clauses })),
      departmentLevels: policy.departmentLevels,
      // The asset register's forms and filters: the classification scheme and the threats of 第1 3.
      classification: policy.classification ?? null,
      threats: policy.lists.threats ?? null,
    };
  });
};
