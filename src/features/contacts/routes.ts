import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../domain/services.js';
import { requireActor } from '../auth/require-actor.js';
import { addContact } from './add-contact.js';
import { contactForAction } from './load-contact.js';
import { listContacts, presentContact } from './queries.js';
import { addContactSchema, contactListSchema, contactParamsSchema, contactSchema, updateContactSchema } from './schemas.js';
import { updateContact } from './update-contact.js';

const tags = ['contacts'];

/** The emergency contact directory (第5 8(3), 第6 3(3)ア). Handlers parse, call, present. */
export const contactRoutes = (_services: AppServices): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/contacts', {
    config: { access: 'user' },
    schema: { tags, operationId: 'listContacts', summary: 'The emergency contact directory', response: { 200: contactListSchema } },
  }, async (request) => {
    const ctx = request.acting();
    return listContacts(ctx.db, requireActor(ctx));
  });

  app.post('/api/contacts', {
    config: { access: 'user' },
    schema: { tags, operationId: 'addContact', summary: 'Add a contact to the directory', body: addContactSchema, response: { 201: contactSchema } },
  }, async (request, reply) => {
    const ctx = request.acting();
    const { contactId } = await addContact(ctx, request.body);
    const actor = requireActor(ctx);
    return reply.status(201).send(presentContact(actor, await contactForAction(ctx.db, actor, contactId, 'read')));
  });

  app.patch('/api/contacts/:id', {
    config: { access: 'user' },
    schema: { tags, operationId: 'updateContact', summary: 'Change a contact, or take it out of use', params: contactParamsSchema, body: updateContactSchema, response: { 200: contactSchema } },
  }, async (request) => {
    const ctx = request.acting();
    await updateContact(ctx, request.params.id, request.body);
    const actor = requireActor(ctx);
    return presentContact(actor, await contactForAction(ctx.db, actor, request.params.id, 'read'));
  });
};
