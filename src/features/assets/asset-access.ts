import type { Transaction } from 'kysely';
import type { ActingContext } from '../../domain/context.js';
import { notFound } from '../../domain/kernel-errors.js';
import type { Database } from '../../db/tables.js';
import type { JournalEvent } from '../../journal/events.js';
import { recordAct } from '../../journal/append.js';
import { canonicalRoles } from '../../policy/schema.js';
import { requireActor } from '../auth/require-actor.js';
import { accessSubjectNames, assetErrors } from './errors.js';
import { assetForAction } from './load-asset.js';
import type { GrantAccessInput } from './schemas.js';
import { isUuid } from '../../db/text-matching.js';

/** The subject of a grant must exist: an active user, a canonical role, an active 課等. */
export async function requireAccessSubject(tx: Transaction<Database>, input: Pick<GrantAccessInput, 'subjectType' | 'subjectId'>): Promise<void> {
  const missing = () => assetErrors.E_ACCESS_SUBJECT_NOT_FOUND.error({ subject: accessSubjectNames[input.subjectType] }, { field: 'subjectId' });
  if (input.subjectType === 'role') {
    if (!(canonicalRoles as readonly string[]).includes(input.subjectId)) throw missing();
    return;
  }
  const table = input.subjectType === 'user' ? 'users' : 'departments';
  const row = isUuid(input.subjectId) ? await tx.selectFrom(table).select('status').where('id', '=', input.subjectId).executeTakeFirst() : undefined;
  if (row?.status !== 'active') throw missing();
}

/**
 * Grants (or changes) one subject's right on one asset inside an act; returns the event, or null when the
 * subject already holds exactly that right.
 */
export async function upsertGrant(tx: Transaction<Database>, ctx: ActingContext, assetId: string, input: GrantAccessInput): Promise<JournalEvent | null> {
  const actor = requireActor(ctx);
  const existing = await tx
    .selectFrom('asset_access')
    .select(['id', 'permission'])
    .where('asset_id', '=', assetId)
    .where('subject_type', '=', input.subjectType)
    .where('subject_id', '=', input.subjectId)
    .executeTakeFirst();
  if (existing?.permission === input.permission) return null;
  const row = existing
    ? await tx.updateTable('asset_access').set({ permission: input.permission, granted_by: actor.id, granted_at: ctx.now }).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()
    : await tx
        .insertInto('asset_access')
        .values({ asset_id: assetId, subject_type: input.subjectType, subject_id: input.subjectId, permission: input.permission, granted_by: actor.id, granted_at: ctx.now })
        .returning('id')
        .executeTakeFirstOrThrow();
  return { type: 'asset.access_granted', entityType: 'asset', entityId: assetId, data: { grantId: row.id, subjectType: input.subjectType, subjectId: input.subjectId, permission: input.permission } };
}

/** 第2 4(2)ア: the 責任者 decides who may access the asset — a user, the holders of a role, or a whole 課等. */
export async function grantAssetAccess(ctx: ActingContext, assetId: string, input: GrantAccessInput): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    const { asset } = await assetForAction(tx, actor, ctx.policy, assetId, 'grantAccess');
    await requireAccessSubject(tx, input);
    const event = await upsertGrant(tx, ctx, asset.id, input);
    if (!event) throw assetErrors.E_ACCESS_EXISTS.error();
    await tx.updateTable('assets').set({ updated_at: ctx.now }).where('id', '=', asset.id).execute();
    return { value: undefined, events: [event] };
  });
}

/** Withdraws one access right. */
export async function revokeAssetAccess(ctx: ActingContext, assetId: string, grantId: string): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    const { asset } = await assetForAction(tx, actor, ctx.policy, assetId, 'revokeAccess');
    const grant = isUuid(grantId)
      ? await tx.deleteFrom('asset_access').where('id', '=', grantId).where('asset_id', '=', asset.id).returningAll().executeTakeFirst()
      : undefined;
    if (!grant) throw notFound({ ja: 'アクセス権', en: 'The access right' });
    await tx.updateTable('assets').set({ updated_at: ctx.now }).where('id', '=', asset.id).execute();
    return {
      value: undefined,
      events: [{ type: 'asset.access_revoked', entityType: 'asset', entityId: asset.id, data: { grantId: grant.id, subjectType: grant.subject_type, subjectId: grant.subject_id, permission: grant.permission } }],
    };
  });
}
