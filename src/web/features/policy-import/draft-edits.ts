import type { DraftClause } from '../../../policy/import-text/draft-types.js';

// A reviewer's corrections to the importer's clause tree, as pure functions from clauses to clauses. The array
// stays in document order with every parent before its children, and depths follow the parents.

/** Why an edit cannot be made; the page words it. */
export type EditProblem = 'id-empty' | 'id-taken' | 'id-invalid' | 'parent-in-subtree' | 'nothing-to-merge-into' | 'no-sentence-boundary';
export type EditResult = { clauses: DraftClause[]; selectedId: string } | { problem: EditProblem };

const byId = (clauses: DraftClause[]) => new Map(clauses.map((clause) => [clause.id, clause]));

/** Pre-order over the tree (siblings keep their order in the array), with depths recomputed. */
export function normalise(clauses: DraftClause[]): DraftClause[] {
  const children = new Map<string | null, DraftClause[]>();
  const known = new Set(clauses.map((clause) => clause.id));
  for (const clause of clauses) {
    const parent = clause.parentId !== null && known.has(clause.parentId) ? clause.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), clause]);
  }
  const result: DraftClause[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const clause of children.get(parent) ?? []) {
      result.push({ ...clause, depth });
      visit(clause.id, depth + 1);
    }
  };
  visit(null, 1);
  return result;
}

/** The clause and everything below it. */
export function subtreeIds(clauses: DraftClause[], id: string): Set<string> {
  const ids = new Set([id]);
  // Parents precede children in a normalised array, so one pass finds the whole subtree.
  for (const clause of clauses) if (clause.parentId !== null && ids.has(clause.parentId)) ids.add(clause.id);
  return ids;
}

/** Where a merge puts a clause: a suggested split goes back to its parent, anything else into the previous sibling (or the parent). */
export function mergeTarget(clauses: DraftClause[], id: string): DraftClause | undefined {
  const clause = byId(clauses).get(id);
  if (!clause) return undefined;
  const parent = clause.parentId === null ? undefined : byId(clauses).get(clause.parentId);
  if (clause.split === 'suggested') return parent;
  const index = clauses.findIndex((c) => c.id === id);
  const previousSibling = clauses.slice(0, index).reverse().find((c) => c.parentId === clause.parentId);
  return previousSibling ?? parent;
}

/**
 * Merges a clause into its target (mergeTarget): the importer keeps a 後段's sentence in its parent's text
 * too, so a suggested split simply goes; other text is appended. The clause's children move to the target.
 */
export function mergeClause(clauses: DraftClause[], id: string): EditResult {
  const clause = byId(clauses).get(id);
  const target = mergeTarget(clauses, id);
  if (!clause || !target) return { problem: 'nothing-to-merge-into' };
  const text = target.text.includes(clause.text) ? target.text : `${target.text}${clause.text}`;
  const merged = clauses
    .filter((c) => c.id !== id)
    .map((c) => (c.id === target.id ? { ...c, text, kind: c.kind === 'heading' && text !== '' ? ('TODO' as const) : c.kind } : c.parentId === id ? { ...c, parentId: target.id } : c));
  return { clauses: normalise(merged), selectedId: target.id };
}

/** The sentences of a clause's text, each with its 。. */
export function sentences(text: string): string[] {
  return text.match(/[^。]+(?:。|$)|。/g) ?? [];
}

const freeId = (taken: Set<string>, wanted: string): string => {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n += 1) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
};

/**
 * Splits a clause after its `afterSentence`-th sentence: the rest becomes a 後段 child (`<id>.後段`), last among
 * its children, as the importer makes them; the clause keeps the sentences before the boundary.
 */
export function splitClause(clauses: DraftClause[], id: string, afterSentence: number): EditResult {
  const clause = byId(clauses).get(id);
  const parts = clause ? sentences(clause.text) : [];
  if (!clause || afterSentence < 1 || afterSentence >= parts.length) return { problem: 'no-sentence-boundary' };
  const newId = freeId(new Set(clauses.map((c) => c.id)), `${id}.後段`);
  const second: DraftClause = { id: newId, parentId: id, shape: 'secondSentence', depth: clause.depth + 1, text: parts.slice(afterSentence).join(''), line: clause.line, kind: 'TODO' };
  const subtree = subtreeIds(clauses, id);
  const lastOfSubtree = clauses.reduce((last, c, index) => (subtree.has(c.id) ? index : last), -1);
  const next = clauses.map((c) => (c.id === id ? { ...c, text: parts.slice(0, afterSentence).join('') } : c));
  next.splice(lastOfSubtree + 1, 0, second);
  return { clauses: normalise(next), selectedId: newId };
}

const idPattern = /^[^\s/\\]{1,60}$/;

/** Renames a clause and, with it, every id below it that extends its id (2.4 → 3.1 turns 2.4.ア into 3.1.ア). */
export function renameClause(clauses: DraftClause[], id: string, wanted: string): EditResult {
  const newId = wanted.trim();
  if (newId === '') return { problem: 'id-empty' };
  if (!idPattern.test(newId)) return { problem: 'id-invalid' };
  if (newId === id) return { clauses, selectedId: id };
  const subtree = subtreeIds(clauses, id);
  const rename = (old: string) => (old === id ? newId : subtree.has(old) && old.startsWith(`${id}.`) ? `${newId}${old.slice(id.length)}` : old);
  const outside = new Set(clauses.filter((c) => !subtree.has(c.id)).map((c) => c.id));
  if (clauses.some((c) => subtree.has(c.id) && outside.has(rename(c.id)))) return { problem: 'id-taken' };
  const renamed = clauses.map((c) => ({ ...c, id: rename(c.id), parentId: c.parentId === null ? null : rename(c.parentId) }));
  return { clauses: normalise(renamed), selectedId: newId };
}

/**
 * Moves a clause with its subtree under a new parent (null: the top level), as that parent's last child.
 * Its id becomes `<parent>.<last segment of its id>` (a free variant if taken); ids below follow.
 */
export function reparentClause(clauses: DraftClause[], id: string, newParentId: string | null): EditResult {
  const subtree = subtreeIds(clauses, id);
  if (newParentId !== null && subtree.has(newParentId)) return { problem: 'parent-in-subtree' };
  const clause = byId(clauses).get(id);
  if (!clause) return { problem: 'parent-in-subtree' };
  const segment = clause.parentId !== null && id.startsWith(`${clause.parentId}.`) ? id.slice(clause.parentId.length + 1) : (id.split('.').at(-1) ?? id);
  const outside = new Set(clauses.filter((c) => !subtree.has(c.id)).map((c) => c.id));
  const prefix = newParentId === null ? '' : `${newParentId}.`;
  let newId = `${prefix}${segment}`;
  // A taken number becomes the next free number among the new siblings (7.2 taken → 7.4 after 7.3).
  if (outside.has(newId) && /^\d+$/.test(segment)) for (let n = Number(segment) + 1; outside.has(newId); n += 1) newId = `${prefix}${n}`;
  newId = freeId(outside, newId);
  const moved = clauses.filter((c) => subtree.has(c.id)).map((c) => (c.id === id ? { ...c, parentId: newParentId } : c));
  const rest = clauses.filter((c) => !subtree.has(c.id));
  const parentSubtree = newParentId === null ? new Set<string>() : subtreeIds(rest, newParentId);
  const insertAt = newParentId === null ? rest.length : rest.reduce((last, c, index) => (parentSubtree.has(c.id) ? index : last), -1) + 1;
  rest.splice(insertAt, 0, ...moved);
  const placed = normalise(rest);
  return renameClause(placed, id, newId);
}

/** The source lines a clause stands on: from its line to the line before the next clause (or 附則) starts. */
export function sourceRange(clauses: DraftClause[], boundaries: number[], lines: string[], id: string): [number, number] | null {
  const clause = clauses.find((c) => c.id === id);
  if (!clause || clause.line < 1) return null;
  const starts = [...clauses.map((c) => c.line), ...boundaries].filter((line) => line > clause.line);
  let end = starts.length > 0 ? Math.min(...starts) - 1 : lines.length;
  while (end > clause.line && (lines[end - 1] ?? '').trim() === '') end -= 1;
  return [clause.line, end];
}
