import type { DraftVersion, ImportWarning, SourceLine } from './draft-types.js';
import { findJapaneseDate, type FoundDate } from './wareki.js';

const heading = /^附[\s\u3000]*則[\s\u3000]*(?:[（(](.*)[）)])?[\s\u3000]*$/;

/** True for the heading line of a 附則: 「附 則」 or 「附 則(平成17年3月30日16新企情第1029号)」 (full-width space or none). */
export function isSupplementaryHeading(trimmed: string): boolean {
  return heading.test(trimmed);
}

/**
 * Reads the 附則 at the end of a standard as its versions: each 附則 heading gives the issue date and
 * number of an amendment, its 「…から施行する」 the date the version took effect.
 */
export function parseSupplementaryProvisions(lines: readonly SourceLine[]): { versions: DraftVersion[]; warnings: ImportWarning[] } {
  const warnings: ImportWarning[] = [];
  const checked = (found: FoundDate | null, line: number): string | undefined => {
    if (found?.outsideEra) {
      warnings.push({
        code: 'date-outside-era',
        line,
        message: `line ${line}: the date ${found.iso} lies outside its era (e.g. 平成31年5月1日 is 令和元年5月1日) / ${line}行目: 元号の期間外の日付です`,
      });
    }
    return found?.iso;
  };
  const groups: { line: number; inParentheses?: string; body: SourceLine[] }[] = [];
  for (const source of lines) {
    const trimmed = source.text.trim();
    const match = heading.exec(trimmed);
    if (match) groups.push({ line: source.line, ...(match[1] === undefined ? {} : { inParentheses: match[1].trim() }), body: [] });
    else if (trimmed !== '') groups.at(-1)?.body.push({ text: trimmed, line: source.line });
  }
  const versions = groups.map((group, index): DraftVersion => {
    const text = group.body.map((line) => line.text).join('\n');
    const version: Pick<DraftVersion, 'issued' | 'number' | 'effective'> = {};
    const inParentheses = group.inParentheses ?? '';
    const issuedAt = findJapaneseDate(inParentheses);
    const issued = checked(issuedAt, group.line);
    if (issued) version.issued = issued;
    // What follows the date is the issuing number (16新企情第1029号); 「抄」 only says the text is an excerpt.
    const number = (issuedAt ? inParentheses.slice(issuedAt.index + issuedAt.length) : inParentheses).trim();
    if (number !== '' && number !== '抄') version.number = number;
    if (!issuedAt && /年/.test(inParentheses)) {
      warnings.push({ code: 'unparsed-date', line: group.line, message: `line ${group.line}: no date could be read in 「${inParentheses}」 / ${group.line}行目: 日付を読み取れません` });
    }
    const enforcement = text.indexOf('から施行');
    const effectiveLine = group.body.find((line) => line.text.includes('から施行'))?.line ?? group.line;
    if (enforcement >= 0 && /公布の日$/.test(text.slice(0, enforcement))) {
      // 「公布の日から施行する」: in force from the day it was issued.
      if (version.issued) version.effective = version.issued;
    } else if (enforcement >= 0) {
      const effective = checked(findJapaneseDate(text.slice(0, enforcement)), effectiveLine);
      if (effective) version.effective = effective;
    }
    if (!version.effective) {
      warnings.push({
        code: 'no-effective-date',
        line: effectiveLine,
        message: `line ${effectiveLine}: 附則 ${index + 1} states no date it takes effect (「…から施行する」) / ${effectiveLine}行目: 附則${index + 1}の施行日を読み取れません`,
      });
    }
    return { id: `附則.${index + 1}`, version: index + 1, ...version, line: group.line, text };
  });
  return { versions, warnings };
}
