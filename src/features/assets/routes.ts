import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ActingContext } from '../../domain/context.js';
import type { AppServices } from '../../domain/services.js';
import { requireActor } from '../auth/require-actor.js';
import { grantAssetAccess, revokeAssetAccess } from './asset-access.js';
import { collectionActions } from './asset-policy.js';
import { bulkUpdateAssets } from './bulk-update-assets.js';
import { changeAssetStatus, disposeAsset } from './change-asset-status.js';
import { copyAsset } from './copy-asset.js';
import { createAsset } from './create-asset.js';
import { assetForAction } from './load-asset.js';
import { assetDetail, assetHistory, listAssets } from './queries.js';
import { findAssetByLabel, readAsset } from './read-asset.js';
import { deleteSavedFilter, listSavedFilters, saveFilter } from './saved-filters.js';
import {
  assetDetailSchema, assetHistoryPageSchema, assetHistoryQuerySchema, assetListSchema, bulkAssetsSchema, bulkResultSchema, changeAssetStatusSchema, copyAssetSchema,
  createAssetSchema, disposeAssetSchema, grantAccessSchema, idSchema, labelCodeSchema, labelLookupSchema, listAssetsQuerySchema, saveFilterSchema, savedFilterListSchema,
  savedFilterSchema, updateAssetSchema,
} from './schemas.js';
import { updateAsset } from './update-asset.js';

const tags = ['assets'];
const assetParams = z.strictObject({ id: idSchema });
const grantParams = z.strictObject({ id: idSchema, grantId: idSchema });
const labelParams = z.strictObject({ code: labelCodeSchema });
const filterParams = z.strictObject({ id: idSchema });
const deleted = z.null().meta({ description: 'Deleted' });

/** The information asset register (目録, 第2): handlers parse, call, present. */
export const assetRoutes = (services: AppServices): FastifyPluginAsyncZod => async (app) => {
  /** The record after an act: the actor just changed it, so the read is not journaled again. */
  const afterAct = (ctx: ActingContext, id: string) => assetDetail(ctx.db, requireActor(ctx), ctx.policy, id);

  app.get('/api/assets', { config: { access: 'user' }, schema: { tags, operationId: 'listAssets', summary: 'The inventory (目録): assets the actor may read, filtered, sorted, paginated', querystring: listAssetsQuerySchema, response: { 200: assetListSchema } } }, async (request) => {
    const ctx = request.acting();
    const actor = requireActor(ctx);
    const { items, total, totalCapped } = await listAssets(services.db, actor, ctx.policy, request.query);
    return { items, total, totalCapped, page: request.query.page, pageSize: request.query.pageSize, allowedActions: collectionActions(actor) };
  });

  app.post('/api/assets', { config: { access: 'user' }, schema: { tags, operationId: 'createAsset', summary: 'Register and classify an asset', body: createAssetSchema, response: { 201: assetDetailSchema } } }, async (request, reply) => {
    const { assetId } = await createAsset(request.acting(), request.body);
    return reply.status(201).send(await afterAct(request.acting(), assetId));
  });

  app.get('/api/assets/labels/:code', { config: { access: 'user' }, schema: { tags, operationId: 'getAssetByLabel', summary: 'What a label leads to (第2 4(1)): the 課等 and whom to ask; the record if readable', params: labelParams, response: { 200: labelLookupSchema } } }, async (request) =>
    findAssetByLabel(request.acting(), request.params.code),
  );

  app.post('/api/assets/bulk', { config: { access: 'user' }, schema: { tags, operationId: 'bulkUpdateAssets', summary: "A 責任者's act on many assets of their 課等: all or nothing", body: bulkAssetsSchema, response: { 200: bulkResultSchema } } }, async (request) =>
    bulkUpdateAssets(request.acting(), request.body),
  );

  app.get('/api/assets/saved-filters', { config: { access: 'user' }, schema: { tags, operationId: 'listSavedAssetFilters', summary: 'Your saved inventory views', response: { 200: savedFilterListSchema } } }, async (request) => ({ items: await listSavedFilters(request.acting()) }));

  app.post('/api/assets/saved-filters', { config: { access: 'user' }, schema: { tags, operationId: 'saveAssetFilter', summary: 'Save an inventory view', body: saveFilterSchema, response: { 201: savedFilterSchema } } }, async (request, reply) =>
    reply.status(201).send(await saveFilter(request.acting(), request.body)),
  );

  app.delete('/api/assets/saved-filters/:id', { config: { access: 'user' }, schema: { tags, operationId: 'deleteSavedAssetFilter', summary: 'Delete a saved view', params: filterParams, response: { 204: deleted } } }, async (request, reply) => {
    await deleteSavedFilter(request.acting(), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/assets/:id', { config: { access: 'user' }, schema: { tags, operationId: 'getAsset', summary: 'One asset: record, access rights, copies, allowed actions (restricted reads from outside are journaled)', params: assetParams, response: { 200: assetDetailSchema } } }, async (request) =>
    readAsset(request.acting(), request.params.id),
  );

  app.get('/api/assets/:id/history', { config: { access: 'user' }, schema: { tags, operationId: 'getAssetHistory', summary: "The asset's journal entries, newest first (its 責任者 and oversight)", params: assetParams, querystring: assetHistoryQuerySchema, response: { 200: assetHistoryPageSchema } } }, async (request) => {
    const ctx = request.acting();
    const { asset } = await assetForAction(ctx.db, requireActor(ctx), ctx.policy, request.params.id, 'readHistory');
    return assetHistory(ctx.db, asset.id, request.query);
  });

  app.patch('/api/assets/:id', { config: { access: 'user' }, schema: { tags, operationId: 'updateAsset', summary: 'Edit or reclassify an asset', params: assetParams, body: updateAssetSchema, response: { 200: assetDetailSchema } } }, async (request) => {
    await updateAsset(request.acting(), request.params.id, request.body);
    return afterAct(request.acting(), request.params.id);
  });

  app.post('/api/assets/:id/copies', { config: { access: 'user' }, schema: { tags, operationId: 'copyAsset', summary: 'Record a copy or transmission (第2 1(2)); answers the new record', params: assetParams, body: copyAssetSchema, response: { 201: assetDetailSchema } } }, async (request, reply) => {
    const { assetId } = await copyAsset(request.acting(), request.params.id, request.body);
    return reply.status(201).send(await afterAct(request.acting(), assetId));
  });

  app.post('/api/assets/:id/status', { config: { access: 'user' }, schema: { tags, operationId: 'changeAssetStatus', summary: 'Mark an asset in use or out', params: assetParams, body: changeAssetStatusSchema, response: { 200: assetDetailSchema } } }, async (request) => {
    await changeAssetStatus(request.acting(), request.params.id, request.body);
    return afterAct(request.acting(), request.params.id);
  });

  app.post('/api/assets/:id/dispose', { config: { access: 'user' }, schema: { tags, operationId: 'disposeAsset', summary: 'Record a disposal with method and evidence (第2 4(4))', params: assetParams, body: disposeAssetSchema, response: { 200: assetDetailSchema } } }, async (request) => {
    await disposeAsset(request.acting(), request.params.id, request.body);
    return afterAct(request.acting(), request.params.id);
  });

  app.post('/api/assets/:id/access', { config: { access: 'user' }, schema: { tags, operationId: 'grantAssetAccess', summary: 'Grant an access right (第2 4(2)ア)', params: assetParams, body: grantAccessSchema, response: { 201: assetDetailSchema } } }, async (request, reply) => {
    await grantAssetAccess(request.acting(), request.params.id, request.body);
    return reply.status(201).send(await afterAct(request.acting(), request.params.id));
  });

  app.delete('/api/assets/:id/access/:grantId', { config: { access: 'user' }, schema: { tags, operationId: 'revokeAssetAccess', summary: 'Withdraw an access right', params: grantParams, response: { 200: assetDetailSchema } } }, async (request) => {
    await revokeAssetAccess(request.acting(), request.params.id, request.params.grantId);
    return afterAct(request.acting(), request.params.id);
  });
};
