import type { ActingContext } from '../../domain/context.js';
import { forbidden } from '../../domain/kernel-errors.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { can } from './draft-policy.js';
import { toImportedStandard } from './draft-tree.js';
import { isUuid } from '../../db/text-matching.js';
import { draftNotFound } from './queries.js';
import type { UpdateDraftInput } from './schemas.js';

/** Saves a reviewer's further edits to a draft: its name and clause tree (the source text stays). */
export async function updatePolicyDraft(ctx: ActingContext, draftId: string, input: UpdateDraftInput): Promise<void> {
  const actor = requireActor(ctx);
  if (!can(actor, 'read') || !isUuid(draftId)) throw draftNotFound();
  if (!can(actor, 'update')) throw forbidden();
  const draft = toImportedStandard(input.draft);
  await recordAct(ctx, async (tx) => {
    const current = await tx.selectFrom('policy_drafts').select(['name', 'draft']).where('id', '=', draftId).forUpdate().executeTakeFirst();
    if (!current) throw draftNotFound();
    const previousClauses = (current.draft as { clauses: unknown[] }).clauses.length;
    await tx
      .updateTable('policy_drafts')
      .set({ name: input.name, draft: JSON.stringify(draft), updated_by: actor.id, updated_at: ctx.now })
      .where('id', '=', draftId)
      .execute();
    return {
      value: undefined,
      events: [{
        type: 'policy.draft_updated', entityType: 'policy_draft', entityId: draftId,
        data: { name: input.name, clauses: draft.clauses.length, previousClauses, ...(current.name === input.name ? {} : { renamedFrom: current.name }) },
      }],
    };
  });
}
