import { describe, expect, it } from 'vitest';
import { detectWrapWidth, endsSentence, joinLines, lineAtOffset, looksLikeSentenceFragment, textWidth } from './broken-lines.js';

describe('broken lines', () => {
  it('measures full-width characters as 1 and ASCII as ½', () => {
    expect(textWidth('(1)　職員')).toBe(4.5);
  });

  it('knows a sentence end and a fragment', () => {
    expect(endsSentence('報告しなければならない。')).toBe(true);
    expect(endsSentence('「適用する。」')).toBe(true);
    // A 。 inside brackets ends no sentence: the line runs on.
    expect(endsSentence('(平成11年法律第128号。')).toBe(false);
    expect(endsSentence('電子計算機(以下「機器等」という。)')).toBe(false);
    expect(endsSentence('情報資産の管理')).toBe(false);
    expect(looksLikeSentenceFragment('職員は、機密性２の情報資産を')).toBe(true);
    expect(looksLikeSentenceFragment('監査、点検、評価及び見直し')).toBe(false);
  });

  it('finds the wrap width only where several lines share it', () => {
    expect(detectWrapWidth(['あ'.repeat(28), 'い'.repeat(28), 'う'.repeat(27)])).toBe(28);
    expect(detectWrapWidth(['あ'.repeat(28), 'い'.repeat(12)])).toBeUndefined();
    expect(detectWrapWidth(['あ'.repeat(40), 'い'.repeat(12), 'う'.repeat(25)])).toBeUndefined();
  });

  it('joins a broken sentence without a space, a new paragraph with a line break, Latin words with a space', () => {
    const joined = joinLines([
      { text: '情報セキュリティ責任者は、記録', line: 3 },
      { text: 'しなければならない。', line: 4 },
      { text: '職員は、Windows', line: 5 },
      { text: 'Update を行う。', line: 6 },
    ]);
    expect(joined.text).toBe('情報セキュリティ責任者は、記録しなければならない。\n職員は、Windows Update を行う。');
    expect(lineAtOffset(joined, joined.text.indexOf('しなければ'))).toBe(4);
    expect(lineAtOffset(joined, joined.text.indexOf('職員'))).toBe(5);
    // A number broken across lines takes no space; a sentence ending at a PDF's margin continues its paragraph.
    expect(joinLines([{ text: '第9', line: 1 }, { text: '8号', line: 2 }]).text).toBe('第98号');
    expect(joinLines([{ text: 'あ'.repeat(19) + '。', line: 1 }, { text: '次の文。', line: 2 }], 20).text).toBe('あ'.repeat(19) + '。次の文。');
    expect(joinLines([{ text: 'あ'.repeat(9) + '。', line: 1 }, { text: '次の段落。', line: 2 }], 20).text).toBe('あ'.repeat(9) + '。\n次の段落。');
  });
});
