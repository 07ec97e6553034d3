import { sql } from 'kysely';
import type { Actor } from '../../domain/actor.js';
import { forbidden, notFound } from '../../domain/kernel-errors.js';
import { splitLines } from '../../policy/import-text/normalise-text.js';
import { allowedActions, can, collectionActions } from './draft-policy.js';
import type { ImportedStandard } from '../../policy/import-text/draft-types.js';
import { isUuid } from '../../db/text-matching.js';
import type { ReadOnlyDb } from '../../db/read-only.js';
import type { DraftDetail, DraftList } from './schemas.js';

export const draftNotFound = () => notFound({ ja: '下書き', en: 'The draft' });

/** Saved drafts, most recently edited first, without their (large) texts; the administrator's only. */
export async function listPolicyDrafts(db: ReadOnlyDb, actor: Actor): Promise<DraftList> {
  if (!can(actor, 'list')) throw forbidden();
  const rows = await db
    .selectFrom('policy_drafts')
    .innerJoin('users as creator', 'creator.id', 'policy_drafts.created_by')
    .innerJoin('users as editor', 'editor.id', 'policy_drafts.updated_by')
    .select([
      'policy_drafts.id', 'policy_drafts.name', 'policy_drafts.created_at', 'policy_drafts.updated_at',
      'creator.name as created_by_name', 'editor.name as updated_by_name',
      sql<number>`jsonb_array_length(policy_drafts.draft -> 'clauses')`.as('clause_count'),
    ])
    .orderBy('policy_drafts.updated_at', 'desc')
    .orderBy('policy_drafts.id')
    .limit(500)
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id, name: row.name, clauseCount: Number(row.clause_count), createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
      createdByName: row.created_by_name, updatedByName: row.updated_by_name, allowedActions: allowedActions(actor),
    })),
    allowedActions: collectionActions(actor),
  };
}

/** A draft the actor may read; one they may not is "not found", as is one that does not exist. */
export async function readableDraft(db: ReadOnlyDb, actor: Actor, id: string) {
  const draft = can(actor, 'read') ? await findPolicyDraft(db, id) : undefined;
  if (!draft) throw draftNotFound();
  return draft;
}

/** One draft: its source text and lines, the reviewed tree, and what the actor may do with it. */
export async function draftDetail(db: ReadOnlyDb, actor: Actor, id: string): Promise<DraftDetail> {
  const draft = await readableDraft(db, actor, id);
  return {
    id: draft.id, name: draft.name, sourceText: draft.source_text, lines: splitLines(draft.source_text), draft: draft.draft,
    createdAt: draft.created_at.toISOString(), updatedAt: draft.updated_at.toISOString(), updatedByName: draft.updated_by_name,
    allowedActions: allowedActions(actor),
  };
}

/** One draft with its text and tree, or undefined. */
export async function findPolicyDraft(db: ReadOnlyDb, id: string) {
  if (!isUuid(id)) return undefined;
  const row = await db
    .selectFrom('policy_drafts')
    .innerJoin('users as editor', 'editor.id', 'policy_drafts.updated_by')
    .select(['policy_drafts.id', 'policy_drafts.name', 'policy_drafts.source_text', 'policy_drafts.draft', 'policy_drafts.created_at', 'policy_drafts.updated_at', 'editor.name as updated_by_name'])
    .where('policy_drafts.id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, draft: row.draft as ImportedStandard } : undefined;
}
