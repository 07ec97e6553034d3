import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { journalEventTypes } from '../../journal/events.js';
import type { AppServices } from '../../domain/services.js';
import { requireActor } from '../auth/require-actor.js';
import { listJournal } from './queries.js';
import { journalPageSchema, journalQuerySchema, journalTypesSchema } from './schemas.js';

const tags = ['journal'];

/** The journal page's API (第5 1(1), 第6 1(2)): filtered, paginated, read-only. */
export const journalRoutes = (services: AppServices): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/journal', {
    config: { access: 'user' },
    schema: { tags, operationId: 'listJournal', summary: 'Journal entries, newest first', querystring: journalQuerySchema, response: { 200: journalPageSchema } },
  }, async (request) =>
    listJournal(services.db, requireActor(request.acting()), request.query),
  );
  app.get('/api/journal/types', {
    config: { access: 'user' },
    schema: { tags, operationId: 'listJournalTypes', summary: 'Event types', response: { 200: journalTypesSchema } },
  }, () => ({ types: journalEventTypes }));
};
