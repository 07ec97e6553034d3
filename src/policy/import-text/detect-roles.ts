import type { DraftClause, RoleCandidate } from './draft-types.js';

// Words that end a role title in Japanese standards: …責任者, …管理者, …本部, 職員, 利用者, 外部委託事業者 ….
const roleEndings = ['責任者', '管理者', '担当者', '統括者', '本部', '委員会', '職員', '利用者', '事業者', '労働者', '従業員', '監査人'];
const ending = new RegExp(roleEndings.join('|'), 'g');
// A title is a run of kanji and katakana: 「課等の情報セキュリティ責任者」 gives 情報セキュリティ責任者.
const nounRun = /[\p{Script=Han}\p{Script=Katakana}ー々・]+/gu;
// Determiners written into the noun run: 当該職員 is the 職員 just mentioned.
const determiner = /^(?:当該|各|全|同|前記|上記|他)/;
// 「利用者登録」「労働者派遣契約」 name a thing, not a person: a title ends its noun, or comes before 等, 及び ….
const endsTitle = /^(?:$|[等並及又若以])/;

/**
 * Lists the role titles a standard uses, with how often and in which clauses, as candidates for the
 * policy package's role mapping. A longer title is counted as itself only: 統括情報セキュリティ責任者
 * does not also count as 情報セキュリティ責任者.
 */
export function detectRoles(clauses: readonly DraftClause[]): RoleCandidate[] {
  const found = new Map<string, RoleCandidate>();
  for (const clause of clauses) {
    // A 後段 repeats words of its parent's text; counting both would count one mention twice.
    if (clause.split === 'suggested') continue;
    const words = clause.heading && clause.heading !== clause.text ? `${clause.heading}\n${clause.text}` : clause.text;
    for (const run of words.match(nounRun) ?? []) {
      let from = 0;
      for (const match of run.matchAll(ending)) {
        const end = match.index + match[0].length;
        const title = run.slice(from, end).replace(determiner, '');
        from = end;
        if (!endsTitle.test(run.slice(end))) continue;
        const candidate = found.get(title) ?? { title, count: 0, firstLine: clause.line, clauseIds: [] };
        candidate.count++;
        if (!candidate.clauseIds.includes(clause.id)) candidate.clauseIds.push(clause.id);
        found.set(title, candidate);
      }
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.firstLine - b.firstLine);
}
