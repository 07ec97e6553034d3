import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textWidth } from './broken-lines.js';
import type { ImportedStandard } from './draft-types.js';
import { importText } from './import-text.js';

// The same standard copied in other layouts must give the same tree: Shinjuku's text re-laid as a PDF at
// several widths, with full-width markers as 例規集 pages write them, and with Windows line ends.
const source = readFileSync(new URL('../../../test/fixtures/standards/shinjuku.txt', import.meta.url), 'utf8');
const original = importText(source);
const shape = (standard: ImportedStandard) => standard.clauses.map((clause) => [clause.id, clause.kind, clause.heading, clause.text]);

/** Lays a line out as a PDF does: break at the width, but let 。、) hang at the margin (ぶら下げ). */
const wrap = (line: string, width: number): string[] => {
  const lines: string[] = [];
  let current = '';
  for (const c of line) {
    if (textWidth(current + c) > width && !'。、）」)'.includes(c)) {
      lines.push(current);
      current = c;
    } else current += c;
  }
  return current === '' ? [] : [...lines, current];
};
const asPdf = (width: number) =>
  source
    .split('\n')
    .flatMap((line, index) => (line === '' || line.startsWith('\t') || index >= 267 ? [line] : wrap(line.trim(), width)))
    .join('\n');

describe('the Shinjuku standard in other layouts', () => {
  it.each([28, 30, 35, 40, 50])('gives the same tree from a PDF copy wrapped at %i characters', (width) => {
    const wrapped = importText(asPdf(width));
    expect(wrapped.warnings).toEqual([]);
    expect(shape(wrapped)).toEqual(shape(original));
  });

  it('flags, with their lines, the titles that exactly fill a PDF line instead of guessing', () => {
    const wrapped = importText(asPdf(34));
    const lines = asPdf(34).split('\n');
    expect(wrapped.warnings.map((warning) => [warning.code, lines[warning.line - 1]])).toEqual([
      ['title-or-text', '(5)　情報システムに関するネットワーク構成図等及びソフトウェアの貸与'],
      ['title-or-text', '(3)　ネットワークの情報セキュリティインシデント及び不正行為への対策'],
      ['title-or-text', '(3)　情報システムの情報セキュリティインシデント及び不正行為への対策'],
    ]);
  });

  it('gives the same tree with full-width markers （１） １ 第１ and CRLF line ends', () => {
    const fullWidth = source
      .replace(/^(\s*)(第[0-9]+|[0-9]+|\([0-9]+\)|\([ア-ン]\))/gm, (_all, space: string, marker: string) =>
        space + marker.replace(/[0-9()]/g, (c) => (c === '(' ? '（' : c === ')' ? '）' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
      )
      .replace(/\n/g, '\r\n');
    expect(fullWidth).toContain('（１）　課等');
    expect(shape(importText(fullWidth))).toEqual(shape(original));
  });
});
