import type { ImportedStandard } from '../../policy/import-text/draft-types.js';
import type { DraftInput } from './schemas.js';

/**
 * A validated draft as the importer's type: each clause's depth recomputed from its parents, since a reviewer
 * who re-parents a clause moves its whole subtree. The schema has already refused cycles and dangling parents.
 */
export function toImportedStandard(draft: DraftInput): ImportedStandard {
  const parentOf = new Map(draft.clauses.map((clause) => [clause.id, clause.parentId]));
  const depthOf = (id: string): number => {
    let depth = 1;
    for (let parent = parentOf.get(id) ?? null; parent !== null; parent = parentOf.get(parent) ?? null) depth += 1;
    return depth;
  };
  return {
    style: draft.style,
    ...(draft.title === undefined ? {} : { title: draft.title }),
    clauses: draft.clauses.map((clause) => ({ ...clause, depth: depthOf(clause.id) })),
    versions: draft.versions,
    roles: draft.roles,
    warnings: draft.warnings ?? [],
  };
}
