import type { PolicyClause } from './schema.js';

/** The fields of a clause a diff compares, in the order a reader cares about. */
export const comparedFields = ['text', 'heading', 'kind', 'parentId', 'actorRoles', 'approverRoles', 'otherActors', 'capabilities', 'policyTextOnly', 'interpretation'] as const;
export type ComparedField = (typeof comparedFields)[number];

export interface ClauseChange {
  id: string;
  fields: { field: ComparedField; from: unknown; to: unknown }[];
}

export interface ClauseDiff {
  added: PolicyClause[];
  removed: PolicyClause[];
  changed: ClauseChange[];
  unchanged: number;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Clauses added, removed and changed from `before` to `after`, matched by id. */
export function diffClauses(before: readonly PolicyClause[], after: readonly PolicyClause[]): ClauseDiff {
  const old = new Map(before.map((c) => [c.id, c]));
  const next = new Map(after.map((c) => [c.id, c]));
  const changed: ClauseChange[] = [];
  let unchanged = 0;
  for (const clause of after) {
    const earlier = old.get(clause.id);
    if (!earlier) continue;
    const fields = comparedFields.filter((f) => !same(earlier[f], clause[f])).map((field) => ({ field, from: earlier[field], to: clause[field] }));
    if (fields.length > 0) changed.push({ id: clause.id, fields });
    else unchanged += 1;
  }
  return {
    added: after.filter((c) => !old.has(c.id)),
    removed: before.filter((c) => !next.has(c.id)),
    changed,
    unchanged,
  };
}

/** The lines `bansho policy diff` prints. */
export function formatClauseDiff(diff: ClauseDiff, labels: { before: string; after: string }): string[] {
  const lines = [
    `${labels.before} → ${labels.after}: ${diff.added.length} added / 追加, ${diff.removed.length} removed / 削除, ${diff.changed.length} changed / 変更, ${diff.unchanged} unchanged / 変更なし`,
  ];
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
  for (const c of diff.added) lines.push(`+ ${c.id}  ${c.heading ?? ''} ${short(c.text)}`.trimEnd());
  for (const c of diff.removed) lines.push(`- ${c.id}  ${c.heading ?? ''} ${short(c.text)}`.trimEnd());
  for (const c of diff.changed) {
    lines.push(`~ ${c.id}`);
    for (const f of c.fields) {
      if (typeof f.from === 'string' && typeof f.to === 'string') {
        // Show where two texts part, not their shared beginning.
        let at = 0;
        while (at < f.from.length && f.from[at] === f.to[at]) at += 1;
        const from = Math.max(0, at - 12);
        const window = (text: string) => `${from > 0 ? '…' : ''}${text.slice(from, at + 40)}${text.length > at + 40 ? '…' : ''}`;
        lines.push(`    ${f.field}: 「${window(f.from)}」 → 「${window(f.to)}」`);
      } else lines.push(`    ${f.field}: ${short(JSON.stringify(f.from ?? null))} → ${short(JSON.stringify(f.to ?? null))}`);
    }
  }
  return lines;
}
