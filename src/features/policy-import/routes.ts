import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { renderDraftPackage } from '../../policy/import-text/render-draft-package.js';
import type { AppServices } from '../../domain/services.js';
import { requireActor } from '../auth/require-actor.js';
import { decodeUploadedText, importStandardText } from './import-standard-text.js';
import { draftDetail, listPolicyDrafts, readableDraft } from './queries.js';
import { savePolicyDraft } from './save-policy-draft.js';
import {
  draftDetailSchema, draftFileParamsSchema, draftFileResponse, draftListSchema, draftParamsSchema, draftRefSchema, importTextBodySchema, maxSourceBytes,
  parsedStandardTextSchema, saveDraftSchema, updateDraftSchema,
} from './schemas.js';
import { updatePolicyDraft } from './update-policy-draft.js';

const tags = ['policy-import'];
// A draft carries its source text (≤ 1 MiB) beside the tree, which repeats most of that text.
const draftBodyLimit = 4 * maxSourceBytes;

/**
 * The review page's API: parse a standard's text (stores nothing), then save, reopen, edit and download the
 * reviewed draft package. The Bansho administrator's (draft-policy.ts).
 */
export const policyImportRoutes = (_services: AppServices): FastifyPluginAsyncZod => async (app) => {

  // A chosen file arrives as its bytes: decoded here as UTF-8 with the importer's own refusals (Shift_JIS,
  // UTF-16, NUL bytes), before the input guard and the handler see it as a string.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxSourceBytes }, (_request, body, done) => {
    try {
      done(null, decodeUploadedText(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.post('/api/policy/import-text', {
    config: { access: 'user' },
    bodyLimit: 2 * maxSourceBytes,
    schema: {
      tags, operationId: 'importStandardText',
      summary: "Parse a standard's text (JSON { text }, or the file's bytes as application/octet-stream) into a draft clause tree; stores nothing",
      body: importTextBodySchema, response: { 200: parsedStandardTextSchema },
    },
  }, async (request) => {
    const text = typeof request.body === 'string' ? request.body : request.body.text;
    return importStandardText(request.acting(), text);
  });

  app.get('/api/policy/drafts', {
    config: { access: 'user' },
    schema: { tags, operationId: 'listDrafts', summary: 'Saved draft packages, most recently edited first', response: { 200: draftListSchema } },
  }, async (request) => {
    const ctx = request.acting();
    return listPolicyDrafts(ctx.db, requireActor(ctx));
  });

  app.post('/api/policy/drafts', {
    config: { access: 'user' },
    bodyLimit: draftBodyLimit,
    schema: { tags, operationId: 'saveDraft', summary: 'Save a reviewed draft package', body: saveDraftSchema, response: { 201: draftRefSchema } },
  }, async (request, reply) => {
    const { draftId } = await savePolicyDraft(request.acting(), request.body);
    return reply.status(201).send({ id: draftId });
  });

  app.get('/api/policy/drafts/:id', {
    config: { access: 'user' },
    schema: { tags, operationId: 'getDraft', summary: 'One draft: its source text and lines, and the reviewed tree', params: draftParamsSchema, response: { 200: draftDetailSchema } },
  }, async (request) => {
    const ctx = request.acting();
    return draftDetail(ctx.db, requireActor(ctx), request.params.id);
  });

  app.put('/api/policy/drafts/:id', {
    config: { access: 'user' },
    bodyLimit: draftBodyLimit,
    schema: { tags, operationId: 'updateDraft', summary: "Save a reviewer's edits to a draft", params: draftParamsSchema, body: updateDraftSchema, response: { 200: draftRefSchema } },
  }, async (request) => {
    await updatePolicyDraft(request.acting(), request.params.id, request.body);
    return { id: request.params.id };
  });

  app.get('/api/policy/drafts/:id/files/:file', {
    config: { access: 'user' },
    schema: {
      tags, operationId: 'downloadDraftFile',
      summary: 'One YAML file of the draft package (package.yaml with TODOs, clauses.yaml, versions.yaml, roles-candidates.yaml)',
      params: draftFileParamsSchema, response: { 200: draftFileResponse },
    },
  }, async (request, reply) => {
    const ctx = request.acting();
    const draft = await readableDraft(ctx.db, requireActor(ctx), request.params.id);
    const files = renderDraftPackage(draft.draft, draft.name);
    return reply
      .header('content-type', 'application/yaml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${request.params.file}"`)
      .send(files[request.params.file]);
  });
};
