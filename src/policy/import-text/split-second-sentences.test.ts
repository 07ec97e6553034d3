import { describe, expect, it } from 'vitest';
import { splitSentences, suggestSecondSentences } from './split-second-sentences.js';

describe('splitSentences', () => {
  it('splits at 。 but not inside brackets', () => {
    expect(splitSentences('利用者(以下「利用者」という。)は、守る。この場合において、報告する。')).toEqual([
      { text: '利用者(以下「利用者」という。)は、守る。', offset: 0 },
      { text: 'この場合において、報告する。', offset: 21 },
    ]);
  });
});

describe('suggestSecondSentences', () => {
  it('offers この場合において… with a duty as 後段', () => {
    expect(suggestSecondSentences('表示をしなければならない。この場合において、留意しなければならない。')).toEqual([
      { text: 'この場合において、留意しなければならない。', offset: 13, label: '後段', kind: 'secondSentence' },
    ]);
  });

  it('offers 「…同様とする。」 as 後段: it extends the duty', () => {
    expect(suggestSecondSentences('貸与してはならない。退職した場合においても、同様とする。').map((s) => s.label)).toEqual(['後段']);
  });

  it('offers a ただし書 with a duty of its own, but not one that only says この限りでない', () => {
    expect(suggestSecondSentences('許可を受けなければならない。ただし、緊急の場合には、事後に報告するものとする。')).toMatchObject([{ label: 'ただし書', kind: 'proviso' }]);
    expect(suggestSecondSentences('持ち出してはならない。ただし、承認を受けたときは、この限りでない。')).toEqual([]);
  });

  it('leaves a second sentence without a duty, and a single sentence, alone', () => {
    expect(suggestSecondSentences('審議する。この場合において、記録は公開される。')).toEqual([]);
    expect(suggestSecondSentences('管理しなければならない。')).toEqual([]);
  });

  it('labels the middle of three sentences 中段', () => {
    expect(suggestSecondSentences('定めなければならない。変更しなければならない。報告しなければならない。').map((s) => s.label)).toEqual(['中段', '後段']);
  });
});
