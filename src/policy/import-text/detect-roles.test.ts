import { describe, expect, it } from 'vitest';
import type { DraftClause } from './draft-types.js';
import { detectRoles } from './detect-roles.js';

const clause = (id: string, text: string, extra: Partial<DraftClause> = {}): DraftClause => ({ id, parentId: null, shape: 'number', depth: 1, text, line: Number(id), kind: 'TODO', ...extra });

describe('detectRoles', () => {
  it('counts each title as the longest noun it is written as, most frequent first', () => {
    const roles = detectRoles([
      clause('1', '統括情報セキュリティ責任者は、情報化統括管理者及びネットワーク管理者に報告しなければならない。'),
      clause('2', '当該職員が所属する課等の情報セキュリティ責任者は、当該職員に対し措置を講じなければならない。'),
    ]);
    expect(roles).toEqual([
      { title: '職員', count: 2, firstLine: 2, clauseIds: ['2'] },
      { title: '統括情報セキュリティ責任者', count: 1, firstLine: 1, clauseIds: ['1'] },
      { title: '情報化統括管理者', count: 1, firstLine: 1, clauseIds: ['1'] },
      { title: 'ネットワーク管理者', count: 1, firstLine: 1, clauseIds: ['1'] },
      { title: '情報セキュリティ責任者', count: 1, firstLine: 2, clauseIds: ['2'] },
    ]);
  });

  it('skips nouns that only contain a title (利用者登録) and the repeated words of a split-off 後段', () => {
    const roles = detectRoles([
      clause('1', '利用者登録を管理する。外部委託事業者及びその従業員の出入りを管理する。'),
      clause('2', '外部委託事業者の出入りを管理する。', { split: 'suggested' }),
    ]);
    expect(roles.map((role) => [role.title, role.count])).toEqual([
      ['外部委託事業者', 1],
      ['従業員', 1],
    ]);
  });
});
