import { sql } from 'kysely';
import { notFound } from '../../domain/errors.js';
import type { ImportedStandard } from '../../policy/import-text/draft-types.js';
import { isUuid } from '../../db/text-matching.js';
import type { ReadOnlyDb } from '../../db/read-only.js';

export const draftNotFound = () => notFound({ ja: '下書き', en: 'The draft' });

/** Saved drafts, most recently edited first, without their (large) texts. */
export async function listPolicyDrafts(db: ReadOnlyDb) {
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
  return rows;
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
