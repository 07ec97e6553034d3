import type { SourceLine } from './draft-types.js';

/** Display width of a line: full-width characters count 1, ASCII and half-width kana ½, as a PDF lays them out. */
export function textWidth(text: string): number {
  let width = 0;
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    width += code < 0x7f || (code >= 0xff61 && code <= 0xff9f) ? 0.5 : 1;
  }
  return width;
}

const bracketDepth = (text: string): number => {
  let depth = 0;
  for (const c of text) {
    if ('（(「『'.includes(c)) depth++;
    else if ('）)」』'.includes(c)) depth--;
  }
  return depth;
};

/**
 * True when a line ends a sentence (。, possibly before a closing quote): the next line starts afresh.
 * A 。 inside brackets ends no sentence: 「(平成11年法律第128号。」 runs on into 「以下「法」という。)」, and
 * 「(以下「機器等」という。)」 into 「を庁舎以外の場所に…」.
 */
export function endsSentence(text: string): boolean {
  return /[。．][」』]*$/.test(text.trimEnd()) && bracketDepth(text) <= 0;
}

/**
 * True when a line's words cannot be a title: a subject with は、, or an ending on a comma or particle.
 * Titles end on nouns (管理, 禁止等, 場合); a PDF breaks lines anywhere, often after a particle.
 */
export function looksLikeSentenceFragment(text: string): boolean {
  return /は、/.test(text) || /[、，,をにがはへでもやのてと]$/.test(text.trimEnd());
}

/**
 * The width at which a PDF copy wrapped its lines, if it did: the usual width of lines that stop
 * mid-sentence before more running text. A Word or web copy has none (one line per paragraph).
 */
export function detectWrapWidth(candidates: readonly string[]): number | undefined {
  if (candidates.length < 3) return undefined;
  const widths = candidates.map(textWidth).sort((a, b) => a - b);
  const median = widths[Math.floor(widths.length / 2)] ?? 0;
  // Kinsoku shifts a character to the next line now and then, so wrapped lines vary by a little.
  const near = widths.filter((width) => Math.abs(width - median) <= 2).length;
  return near >= 3 && median >= 10 ? median : undefined;
}

/**
 * True when a line is as wide as the PDF's wrapped lines: it was broken by the layout, not by the author.
 * Line-breaking rules (追い出し) may push one character to the next line, hence the one character of slack.
 */
export function reachesWrapWidth(line: string, wrapWidth: number | undefined): boolean {
  return wrapWidth !== undefined && textWidth(line.trim()) >= wrapWidth - 1;
}

/** Text joined from several source lines, with where each line starts so that offsets map back to lines. */
export interface JoinedText {
  text: string;
  starts: { offset: number; line: number }[];
}

/**
 * Joins source lines: a line that stops mid-sentence runs on into the next one without a break
 * (Japanese has no spaces between words); a finished paragraph is followed by a new line. In a PDF copy
 * a line that ends a sentence right at the margin does not end its paragraph: the PDF only ran out of width.
 */
export function joinLines(pieces: readonly SourceLine[], wrapWidth?: number): JoinedText {
  let text = '';
  let previous = '';
  const starts: JoinedText['starts'] = [];
  for (const piece of pieces) {
    const words = piece.text.trim();
    if (words === '') continue;
    if (text !== '') {
      if (endsSentence(text) && !reachesWrapWidth(previous, wrapWidth)) text += '\n';
      // Only Latin words need a space back where the PDF broke the line; a number (第9|8号) does not.
      else if (/[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(words)) text += ' ';
    }
    starts.push({ offset: text.length, line: piece.line });
    text += words;
    previous = piece.text;
  }
  return { text, starts };
}

/** The source line on which the character at `offset` of a joined text stands. */
export function lineAtOffset(joined: JoinedText, offset: number): number {
  let line = joined.starts[0]?.line ?? 0;
  for (const start of joined.starts) if (start.offset <= offset) line = start.line;
  return line;
}
