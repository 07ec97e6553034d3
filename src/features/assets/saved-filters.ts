import type { ActingContext } from '../../domain/context.js';
import { notFound } from '../../domain/kernel-errors.js';
import { isUniqueViolation } from '../../db/errors.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { assetErrors } from './errors.js';
import { listAssetsQuerySchema, type SaveFilterInput, type SavedFilter } from './schemas.js';
import { isUuid } from '../../db/text-matching.js';

/** The actor's own saved inventory views, by name. */
export async function listSavedFilters(ctx: ActingContext): Promise<SavedFilter[]> {
  const actor = requireActor(ctx);
  const rows = await ctx.db.selectFrom('asset_saved_filters').select(['id', 'name', 'query']).where('user_id', '=', actor.id).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query }));
}

/** Saves the current view under a name (without its page); the query must be one the inventory understands. */
export async function saveFilter(ctx: ActingContext, input: SaveFilterInput): Promise<SavedFilter> {
  const actor = requireActor(ctx);
  const { page: _page, pageSize: _pageSize, ...query } = input.query;
  const parsed = listAssetsQuerySchema.safeParse(query);
  if (!parsed.success) throw assetErrors.E_FILTER_INVALID.error({ field: 'query' });
  try {
    return await recordAct(ctx, async (tx) => {
      const row = await tx.insertInto('asset_saved_filters').values({ user_id: actor.id, name: input.name, query: JSON.stringify(query), created_at: ctx.now }).returning('id').executeTakeFirstOrThrow();
      return { value: { id: row.id, name: input.name, query }, events: [{ type: 'asset_filter.saved', entityType: 'asset_filter', entityId: row.id, data: { name: input.name } }] };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw assetErrors.E_FILTER_NAME_TAKEN.error({ field: 'name' });
  }
}

/** Deletes one of the actor's saved views. */
export async function deleteSavedFilter(ctx: ActingContext, filterId: string): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    const row = isUuid(filterId)
      ? await tx.deleteFrom('asset_saved_filters').where('id', '=', filterId).where('user_id', '=', actor.id).returning(['id', 'name']).executeTakeFirst()
      : undefined;
    if (!row) throw notFound({ ja: '保存した検索条件', en: 'The saved filter' });
    return { value: undefined, events: [{ type: 'asset_filter.deleted', entityType: 'asset_filter', entityId: row.id, data: { name: row.name } }] };
  });
}
