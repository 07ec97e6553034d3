import type { Locale, LocalizedText } from '../api/types.js';

/**
 * Headings of the clauses the current pages rest on, from the first policy package (新宿区情報セキュリティ
 * 対策基準). They belong in the policy package: once `GET /api/policy` serves clause headings, read them
 * from there and delete this table.
 */
export const clauseHeadings: Record<string, LocalizedText> = {
  '1.1': { ja: '目的', en: 'Purpose' },
  '1.2.1': { ja: '課等', en: 'Divisions (課等)' },
  '2.1.1': { ja: '情報資産の管理責任', en: 'Responsibility for information assets' },
  '5.1.1': { ja: 'ログ等の保存', en: 'Keeping logs and records' },
  '5.3.1': { ja: '利用者登録', en: 'User registration' },
  '5.3.6': { ja: 'パスワード', en: 'Passwords' },
  '5.3.7': { ja: '特権を付与されたID', en: 'Privileged IDs' },
  '6.1.2': { ja: '監視結果の保管', en: 'Keeping monitoring records' },
};

const kanaLetter = /^[ア-ン]$/u;

/**
 * Writes a dotted clause id the way the standard numbers it: `5.3.1` → 第5 3(1), `5.2.2.ア.イ` → 第5 2(2)ア(イ).
 * English keeps the same numbers: `Part 5, 3(1)`.
 */
export function formatClauseNumber(id: string, locale: Locale): string {
  const [part, section, item, ...rest] = id.split('.');
  let text = locale === 'ja' ? `第${part ?? ''}` : `Part ${part ?? ''}`;
  if (section) text += locale === 'ja' ? ` ${section}` : `, ${section}`;
  if (item) text += `(${item})`;
  rest.forEach((piece, index) => {
    // The first kana level is written bare (ア), the next in parentheses ((イ)); other pieces (後段, 表) as they are.
    text += kanaLetter.test(piece) && index > 0 ? `(${piece})` : piece;
  });
  return text;
}
