import type { ClauseShape, ImportedStandard, NumberingStyle } from './draft-types.js';

const styleNames: Record<NumberingStyle, string> = {
  outline: '第1 / 1 / (1) / ア / (ア)',
  article: '第1条 / 項 / 号 / ア',
};

const shapeLabel = (shape: ClauseShape, style: NumberingStyle): string =>
  ({
    dai: '第N',
    chapter: '第N章',
    division: '第N節',
    article: '第N条',
    number: style === 'article' ? '項' : 'N',
    parenNumber: '(N)',
    kanjiNumber: '一',
    katakana: 'ア',
    parenKatakana: '(ア)',
    firstParagraph: '第1項',
    tableRow: '表',
    secondSentence: '後段',
    proviso: 'ただし書',
  })[shape];

/** The lines `bansho policy import-text` prints: counts per level, warnings with line numbers, role candidates. */
export function summariseImport(standard: ImportedStandard, sourceName: string): string[] {
  const { clauses, style } = standard;
  const headings = clauses.filter((clause) => clause.kind === 'heading').length;
  const split = clauses.filter((clause) => clause.split === 'suggested').length;
  const lines = [
    `${sourceName}: ${style} numbering (${styleNames[style]})${standard.title ? `, 「${standard.title}」` : ''}`,
    `${clauses.length} clauses: ${headings} headings, ${clauses.length - headings} items (${split} of them 後段/ただし書 split off, suggested); ${standard.versions.length} versions (附則)`,
    'Per level / 階層ごとの件数:',
  ];
  const depths = [...new Set(clauses.map((clause) => clause.depth))].sort((a, b) => a - b);
  for (const depth of depths) {
    const counts = new Map<string, number>();
    for (const clause of clauses) {
      if (clause.depth !== depth) continue;
      const label = shapeLabel(clause.shape, style);
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const parts = [...counts].map(([label, count]) => `${label} ${count}`);
    lines.push(`  level ${depth}: ${parts.join(', ')}`);
  }
  if (standard.warnings.length === 0) lines.push('Warnings / 警告: none / なし');
  else {
    lines.push(`Warnings / 警告 (${standard.warnings.length}):`);
    for (const warning of standard.warnings) lines.push(`  ${warning.message}`);
  }
  lines.push('Role candidates / 役割の候補:');
  for (const role of standard.roles) lines.push(`  ${role.title} ×${role.count} (first on line ${role.firstLine})`);
  return lines;
}
