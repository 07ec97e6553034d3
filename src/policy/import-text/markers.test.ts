import { describe, expect, it } from 'vitest';
import { detectNumberingStyle, readMarker } from './markers.js';

describe('readMarker', () => {
  it('reads the outline markers with full-width or half-width digits and parentheses', () => {
    expect(readMarker('第２　情報資産の管理', 'outline')).toMatchObject({ shape: 'dai', value: '2', written: '第２', rest: '情報資産の管理' });
    expect(readMarker('１２　目的', 'outline')).toMatchObject({ shape: 'number', value: '12', ordinal: 12, rest: '目的' });
    expect(readMarker('（３）　配線', 'outline')).toMatchObject({ shape: 'parenNumber', value: '3', written: '（３）', rest: '配線' });
    expect(readMarker('(10) 区の監査に応じること。', 'outline')).toMatchObject({ shape: 'parenNumber', value: '10' });
    expect(readMarker('ウ　職員は、…', 'outline')).toMatchObject({ shape: 'katakana', value: 'ウ', ordinal: 3 });
    expect(readMarker('（エ）　その他', 'outline')).toMatchObject({ shape: 'parenKatakana', value: 'エ', ordinal: 4 });
    expect(readMarker('ｲ　半角', 'outline')).toMatchObject({ shape: 'katakana', value: 'イ' });
  });

  it('accepts a parenthesised marker without a space, but not one that continues a sentence', () => {
    expect(readMarker('(1)情報資産の管理', 'outline')).toMatchObject({ shape: 'parenNumber', rest: '情報資産の管理' });
    expect(readMarker('(1)の監視により得られた結果', 'outline')).toBeNull();
    expect(readMarker('(イ)ただし書の規定による', 'outline')).toBeNull();
  });

  it('needs a space after a bare marker: a line may begin with a word', () => {
    expect(readMarker('ア及びイのほか、', 'outline')).toBeNull();
    expect(readMarker('2の重要性分類に基づき', 'outline')).toBeNull();
    expect(readMarker('3', 'outline')).toBeNull();
  });

  it('reads articles with their 見出し, branch numbers and kanji numerals', () => {
    expect(readMarker('第3条（最高情報セキュリティ責任者）　副市長をもって充てる。', 'article')).toMatchObject({
      shape: 'article',
      value: '3',
      caption: '最高情報セキュリティ責任者',
      rest: '副市長をもって充てる。',
    });
    expect(readMarker('第5条の2　職員は、…', 'article')).toMatchObject({ value: '5の2', ordinal: 5, branch: 2 });
    expect(readMarker('第十二条　この規程は、…', 'article')).toMatchObject({ value: '12' });
    expect(readMarker('第4条（情報セキュリティ管理者）', 'article')).toMatchObject({ caption: '情報セキュリティ管理者', rest: '' });
    expect(readMarker('第2章　組織', 'article')).toMatchObject({ shape: 'chapter', value: '第2章', rest: '組織' });
    expect(readMarker('三　情報セキュリティインシデントの報告', 'article')).toMatchObject({ shape: 'kanjiNumber', value: '3' });
  });

  it('does not take a citation at the start of a line for an article', () => {
    expect(readMarker('第8条第1項に規定する課等をいう。', 'article')).toBeNull();
    expect(readMarker('第2条に規定する庁舎', 'outline')).toBeNull();
  });

  it('reads kanji 号 only in article style', () => {
    expect(readMarker('一　情報資産の分類', 'outline')).toBeNull();
  });
});

describe('detectNumberingStyle', () => {
  it('chooses articles when the text has 第N条 lines, the outline otherwise', () => {
    expect(detectNumberingStyle(['第1条　この規程は、…', '2　前項の…', '第2条　…'])).toBe('article');
    expect(detectNumberingStyle([' 第1　総則', '1　目的', '新宿区情報セキュリティ規則第8条第1項に規定する'])).toBe('outline');
  });
});
