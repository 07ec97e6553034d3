/** A sentence of an item's text and where it starts in that text. */
export interface Sentence {
  text: string;
  offset: number;
}

/** A later sentence offered as a clause of its own. */
export interface SecondSentence extends Sentence {
  /** 後段 (or 中段 when three sentences) for a further duty; ただし書 for a proviso. */
  label: string;
  kind: 'secondSentence' | 'proviso';
}

const opening = '（(「『';
const closing = '）)」』';

/** Splits text into sentences at 。, but not inside brackets: 「(以下「利用者」という。)」 stays in its sentence. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim() !== '') sentences.push({ text: raw.trim(), offset: start + lead });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (opening.includes(c)) depth++;
    else if (closing.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '。' && depth === 0) push(i + 1);
  }
  push(text.length);
  return sentences;
}

// A sentence that imposes something of its own: a duty, a ban, an approval to obtain, rules to lay down,
// or 「同様とする」, which extends the first sentence's duty to another case.
const duty = /ければならない|てはならない|ものとする|同様とする|受け|定め/;
// 「ただし、…ときは、この限りでない。」 only lifts the first sentence's duty: it is an exception, not a duty.
const exceptionOnly = /この限りでない。?$/;

/**
 * The sentences after the first that carry their own duty, labelled as a Japanese drafter cites them
 * (後段, 中段 when there are three, ただし書 for a proviso). The importer offers them as separate items;
 * a reviewer may merge them back.
 */
export function suggestSecondSentences(text: string): SecondSentence[] {
  const sentences = splitSentences(text);
  if (sentences.length < 2) return [];
  const plain = sentences.filter((sentence) => !sentence.text.startsWith('ただし'));
  const positionLabel = (index: number) => {
    if (plain.length === 2) return '後段';
    if (plain.length === 3) return index === 1 ? '中段' : '後段';
    return `第${index + 1}文`;
  };
  const result: SecondSentence[] = [];
  let provisos = 0;
  sentences.forEach((sentence, index) => {
    if (index === 0 || !duty.test(sentence.text) || exceptionOnly.test(sentence.text)) return;
    if (sentence.text.startsWith('ただし')) {
      provisos++;
      result.push({ ...sentence, label: provisos === 1 ? 'ただし書' : `ただし書${provisos}`, kind: 'proviso' });
    } else {
      result.push({ ...sentence, label: positionLabel(plain.indexOf(sentence)), kind: 'secondSentence' });
    }
  });
  return result;
}
