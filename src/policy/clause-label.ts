/**
 * The Japanese citation of a clause id in outline numbering (第1 / 1 / (1) / ア / (ア)): `2.4.2.イ` →
 * 「第2 4(2)イ」, `5.2.2.ア.イ` → 「第5 2(2)ア(イ)」, `3.2.1.表.Ⅰ` → 「第3 2(1) 表 Ⅰ」, `2.4.4.後段` → 「第2 4(4) 後段」.
 * Ids in other numberings come back as they are.
 */
export function clauseLabel(id: string): string {
  const parts = id.split('.');
  if (!/^\d+$/.test(parts[0] ?? '')) return id;
  let out = '';
  let level = 0;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    if (part === '後段' || part === '前段' || part === '中段' || part === 'ただし書') {
      out += ` ${part}`;
      continue;
    }
    if (part === '表') {
      out += ` 表 ${parts[i + 1] ?? ''}`;
      i += 1;
      continue;
    }
    if (level === 0) out += `第${part}`;
    else if (level === 1) out += ` ${part}`;
    else if (level === 2 || level === 4) out += `(${part})`;
    else out += part;
    level += 1;
  }
  return out;
}
