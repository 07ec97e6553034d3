const kanjiDigits: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Full-width digits and parentheses to ASCII, one character for one, so offsets stay valid. */
export function toAsciiDigitsAndParentheses(text: string): string {
  return text.replace(/[０-９（）]/g, (c) => (c === '（' ? '(' : c === '）' ? ')' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Reads 12, １２, 十二, 二十五, 百二 or 一〇 (digit by digit, as some 例規 write years); null if not a number. */
export function parseJapaneseNumber(written: string): number | null {
  const ascii = toAsciiDigitsAndParentheses(written.trim());
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  if (!/^[〇零一二三四五六七八九十百]+$/.test(ascii)) return null;
  if (!/[十百]/.test(ascii)) return Number([...ascii].map((c) => kanjiDigits[c]).join(''));
  let total = 0;
  let pending = 0;
  for (const c of ascii) {
    if (c === '百' || c === '十') {
      total += (pending || 1) * (c === '百' ? 100 : 10);
      pending = 0;
    } else pending = kanjiDigits[c] ?? 0;
  }
  return total + pending;
}

/** ア イ ウ … in 五十音 order, as most standards letter their items. */
export const gojuonOrder = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
/** イ ロ ハ … in いろは order, as older 例規 letter them. */
export const irohaOrder = 'イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス';
