import type { Writable } from 'node:stream';
import type { ComplianceItem } from './schemas.js';

const columns = [
  { header: '条項ID / Clause', key: 'id', width: 18 },
  { header: '条項 / Citation', key: 'label', width: 20 },
  { header: '見出し / Heading', key: 'heading', width: 28 },
  { header: '種別 / Kind', key: 'kind', width: 18 },
  { header: '本文 / Text', key: 'text', width: 80 },
  { header: '行為者 / Actors', key: 'actors', width: 28 },
  { header: '承認・報告先 / Approvers', key: 'approvers', width: 28 },
  { header: '実装する機能 / Capabilities', key: 'capabilities', width: 30 },
  { header: '状況 / Status', key: 'status', width: 20 },
  { header: '記録件数 / Evidence', key: 'evidence', width: 12 },
  { header: '規定のみの理由 / Why policy text only', key: 'textOnly', width: 40 },
  { header: '解釈 / Interpretation', key: 'interpretation', width: 60 },
];

/**
 * Writes the compliance map as an xlsx workbook to `out`, row by row (exceljs' streaming writer): one row per
 * normative clause, under a header row.
 */
export async function writeComplianceXlsx(out: Writable, title: string, items: ComplianceItem[]): Promise<void> {
  // exceljs is loaded on the first workbook made (most processes never make one).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'Bansho';
  const sheet = workbook.addWorksheet('遵守状況', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  for (const item of items) {
    sheet
      .addRow({
        id: item.id,
        label: item.label,
        heading: item.heading ?? '',
        kind: item.kind,
        text: item.text,
        actors: item.actorRoles.map((r) => r.title.ja).join('、'),
        approvers: item.approverRoles.map((r) => r.title.ja).join('、'),
        capabilities: item.capabilities.map((c) => `${c.title.ja}（${c.id}）`).join('、'),
        status: `${item.statusLabel.ja} / ${item.statusLabel.en}`,
        evidence: item.evidenceCount,
        textOnly: item.policyTextOnly ?? '',
        interpretation: item.interpretation ?? '',
      })
      .commit();
  }
  sheet.headerFooter.oddHeader = title;
  sheet.commit();
  await workbook.commit();
}
