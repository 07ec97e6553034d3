import { createHash } from 'node:crypto';
import type { ActingContext } from '../../domain/context.js';
import { forbidden } from '../../domain/kernel-errors.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { can } from './draft-policy.js';
import { toImportedStandard } from './draft-tree.js';
import type { SaveDraftInput } from './schemas.js';

/** Saves a reviewed draft package (the clause tree and the text it came from) under a name. */
export async function savePolicyDraft(ctx: ActingContext, input: SaveDraftInput): Promise<{ draftId: string }> {
  const actor = requireActor(ctx);
  if (!can(actor, 'create')) throw forbidden();
  const draft = toImportedStandard(input.draft);
  return recordAct(ctx, async (tx) => {
    const row = await tx
      .insertInto('policy_drafts')
      .values({
        name: input.name, source_text: input.sourceText, draft: JSON.stringify(draft),
        created_by: actor.id, updated_by: actor.id, created_at: ctx.now, updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sourceSha256 = createHash('sha256').update(input.sourceText, 'utf8').digest('hex');
    return {
      value: { draftId: row.id },
      events: [{ type: 'policy.draft_saved', entityType: 'policy_draft', entityId: row.id, data: { name: input.name, clauses: draft.clauses.length, sourceSha256 } }],
    };
  });
}
