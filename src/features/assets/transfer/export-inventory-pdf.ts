import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Policy } from '../../../policy/schema.js';
import { exportCells } from './export-assets.js';
import type { ExportRow } from './export-rows.js';
import { japaneseDate } from './pdf-document.js';

const columns = [
  { field: 'labelCode', title: 'ラベル番号', width: 64 },
  { field: 'name', title: '名称', width: '*' },
  { field: 'department', title: '課等', width: 84 },
  { field: 'classLevel', title: '重要性分類', width: 68 },
  { field: 'kind', title: '種別', width: 62 },
  { field: 'location', title: '保管場所', width: 100 },
  { field: 'status', title: '状態', width: 44 },
  { field: 'reviewDue', title: '見直し期限', width: 56 },
] as const;

export interface InventoryHeading {
  municipality: string;
  /** What was asked for, e.g. "課等: 戸籍住民課": printed under the title so a sheet says what it lists. */
  filterSummary: string;
  now: Date;
}

/**
 * 第2 3 (目録を作成する): the printable inventory — A4 landscape, one line per asset (label, name, 課等, class,
 * kind, location, status, review date), the header row repeated on every page, the municipality and date on top
 * and page numbers below.
 */
export function inventoryDocument(policy: Policy, rows: readonly ExportRow[], heading: InventoryHeading): TDocumentDefinitions {
  const date = japaneseDate(heading.now);
  const body: TableCell[][] = [columns.map((c) => ({ text: c.title, style: 'th' }))];
  for (const row of rows) {
    const cells = exportCells(policy, row);
    // Codes and dates never break across lines.
    body.push(columns.map((c) => ({ text: cells[c.field], noWrap: c.field === 'labelCode' || c.field === 'reviewDue' })));
  }
  const content: Content[] = [
    { text: '情報資産目録', style: 'title' },
    { text: `${heading.filterSummary ? `${heading.filterSummary}\u3000` : ''}${rows.length.toLocaleString('ja-JP')}件`, style: 'summary' },
    rows.length === 0
      ? { text: '該当する情報資産はありません。' }
      : {
          table: { headerRows: 1, dontBreakRows: true, widths: columns.map((c) => c.width), body },
          layout: { fillColor: (rowIndex: number) => (rowIndex === 0 ? '#e6e6e6' : null), hLineColor: () => '#999999', vLineColor: () => '#999999', hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
        },
  ];
  return {
    info: { title: `${heading.municipality} 情報資産目録`, creator: 'Bansho', producer: 'Bansho' },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 44, 28, 36],
    header: () => ({ columns: [{ text: `${heading.municipality}\u3000情報資産目録` }, { text: `作成日 ${date}`, alignment: 'right' }], margin: [28, 18, 28, 0], fontSize: 8, color: '#333333' }),
    footer: (currentPage: number, pageCount: number) => ({ text: `${currentPage} / ${pageCount}`, alignment: 'center', fontSize: 8, margin: [0, 12, 0, 0] }),
    content,
    defaultStyle: { fontSize: 8, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 14, bold: true, margin: [0, 0, 0, 4] },
      summary: { fontSize: 9, margin: [0, 0, 0, 8] },
      th: { bold: true },
    },
  };
}
