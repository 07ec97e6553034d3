import type { ActingContext } from '../../domain/context.js';
import { notFound } from '../../domain/kernel-errors.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { can, readIsJournaled } from './asset-policy.js';
import { accessOf, assetForAction, assetResource } from './load-asset.js';
import { assetDetail, officersOf } from './queries.js';
import type { AssetDetail, LabelLookup } from './schemas.js';

/**
 * One asset's record. A restricted (class Ⅰ) record read by someone outside its 課等 leaves an `asset.viewed`
 * entry (DESIGN §3: every read of class Ⅰ data by a privileged user is journaled), committed before the record
 * is returned.
 */
export async function readAsset(ctx: ActingContext, assetId: string): Promise<AssetDetail> {
  const actor = requireActor(ctx);
  const { asset, resource } = await assetForAction(ctx.db, actor, ctx.policy, assetId, 'read');
  if (readIsJournaled(actor, resource)) {
    await recordAct(ctx, () =>
      Promise.resolve({ value: undefined, events: [{ type: 'asset.viewed', entityType: 'asset', entityId: asset.id, data: { classLevel: asset.class_level, via: 'detail' } }] }),
    );
  }
  return assetDetail(ctx.db, actor, ctx.policy, asset.id);
}

/**
 * 第2 4(1): what a label leads to. Anyone signed in learns which 課等 keeps the asset and whom to ask; the name
 * and the record only if they may read it. Never the class.
 */
export async function findAssetByLabel(ctx: ActingContext, labelCode: string): Promise<LabelLookup> {
  const actor = requireActor(ctx);
  const row = await ctx.db
    .selectFrom('assets')
    .innerJoin('departments', 'departments.id', 'assets.department_id')
    .select(['assets.id', 'assets.name', 'assets.department_id', 'assets.status', 'assets.class_level', 'departments.name as department_name'])
    .where('assets.label_code', '=', labelCode)
    .executeTakeFirst();
  if (!row) throw notFound({ ja: 'このラベル番号の情報資産', en: 'An asset with this label code' });
  const access = (await accessOf(ctx.db, actor, [row.id])).get(row.id) ?? null;
  const readable = can(actor, 'read', assetResource(ctx.policy, row, access));
  const officers = await officersOf(ctx.db, row.department_id);
  return {
    labelCode,
    assetId: readable ? row.id : null,
    name: readable ? row.name : null,
    departmentName: row.department_name,
    officers: officers.map((o) => ({ name: o.name })),
    status: row.status,
  };
}
