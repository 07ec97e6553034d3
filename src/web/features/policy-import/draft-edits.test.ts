import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../policy/import-text/import-text.js';
import { mergeClause, mergeTarget, renameClause, reparentClause, sentences, sourceRange, splitClause, type EditResult } from './draft-edits.js';

const jo = importText(readFileSync(new URL('../../../../test/fixtures/standards/jo-style.txt', import.meta.url)));
const lines = readFileSync(new URL('../../../../test/fixtures/standards/jo-style.txt', import.meta.url), 'utf8').split('\n');
const ok = (result: EditResult) => {
  if ('problem' in result) throw new Error(result.problem);
  return result;
};
const tree = (result: EditResult) => ok(result).clauses.map((c) => `${c.id}<${c.parentId ?? ''}>${c.depth}`);

describe('merging', () => {
  it('takes a suggested 後段 back into its parent, whose text already holds it', () => {
    expect(mergeTarget(jo.clauses, '6.後段')?.id).toBe('6');
    const result = ok(mergeClause(jo.clauses, '6.後段'));
    expect(result.selectedId).toBe('6');
    expect(result.clauses.map((c) => c.id)).not.toContain('6.後段');
    expect(result.clauses.find((c) => c.id === '6')?.text).toBe(jo.clauses.find((c) => c.id === '6')?.text);
  });

  it('appends any other clause to its previous sibling and hands over its children', () => {
    const result = ok(mergeClause(jo.clauses, '5.2.2'));
    const target = result.clauses.find((c) => c.id === '5.2.1');
    expect(target?.text).toBe('持ち出す情報資産の暗号化持出し記録簿への次に掲げる事項の記載');
    expect(result.clauses.find((c) => c.id === '5.2.2.ア')).toMatchObject({ parentId: '5.2.1', depth: 5 });
  });
});

describe('splitting', () => {
  it('splits at a sentence boundary into a 後段 child', () => {
    expect(sentences('一文目。二文目。三文目')).toEqual(['一文目。', '二文目。', '三文目']);
    const result = ok(splitClause(jo.clauses, '4.2', 1));
    expect(result.selectedId).toBe('4.2.後段');
    expect(result.clauses.find((c) => c.id === '4.2')?.text).toBe('情報セキュリティ管理者は、前項第3号の報告を受けたときは、速やかに最高情報セキュリティ責任者に報告しなければならない。');
    expect(result.clauses.find((c) => c.id === '4.2.後段')).toMatchObject({ parentId: '4.2', text: 'ただし、軽微なものについては、この限りでない。', shape: 'secondSentence', depth: 4 });
    expect(splitClause(jo.clauses, '7.1', 1)).toEqual({ problem: 'no-sentence-boundary' });
  });
});

describe('re-parenting and renaming', () => {
  it('moves a subtree under a new parent with ids recomputed', () => {
    const result = reparentClause(jo.clauses, '5.2.2', '7');
    expect(tree(result).filter((t) => t.startsWith('7'))).toEqual(['7<第4章>2', '7.1<7>3', '7.2<7>3', '7.3<7>3', '7.4<7>3', '7.4.ア<7.4>4', '7.4.イ<7.4>4']);
    expect(ok(result).selectedId).toBe('7.4');
  });

  it('takes the last segment for a clause whose id does not extend its parent (5の2 under 5 → 5.5の2)', () => {
    expect(ok(reparentClause(jo.clauses, '5の2', '5')).selectedId).toBe('5.5の2');
  });

  it('refuses a parent inside the moved subtree, and a taken id', () => {
    expect(reparentClause(jo.clauses, '5', '5.2.1')).toEqual({ problem: 'parent-in-subtree' });
    expect(renameClause(jo.clauses, '7.1', '7.2')).toEqual({ problem: 'id-taken' });
    expect(tree(renameClause(jo.clauses, '5.2', '5.9')).filter((t) => t.startsWith('5.9'))).toEqual(['5.9<5>3', '5.9.1<5.9>4', '5.9.2<5.9>4', '5.9.2.ア<5.9.2>5', '5.9.2.イ<5.9.2>5', '5.9.3<5.9>4']);
  });
});

describe('source lines', () => {
  it('runs from the clause line to the line before the next clause', () => {
    expect(sourceRange(jo.clauses, jo.versions.map((v) => v.line), lines, '4')).toEqual([15, 15]);
    expect(sourceRange(jo.clauses, jo.versions.map((v) => v.line), lines, '8')).toEqual([39, 39]);
  });
});
