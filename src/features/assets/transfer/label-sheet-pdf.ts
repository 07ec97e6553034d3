import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/** What one label carries: never the class (第2 4(1)). */
export interface LabelContent {
  labelCode: string;
  departmentName: string;
}

const millimetre = 72 / 25.4;

/**
 * A common 24-up A4 label sheet (3 × 8 labels of 70 × 33.9 mm, no side margins). Rounded down a little so that
 * eight rows always fit one page.
 */
export const labelLayout = {
  columns: 3,
  rows: 8,
  width: Math.floor(70 * millimetre),
  height: Math.floor(33.9 * millimetre),
  topMargin: Math.floor(((297 - 8 * 33.9) / 2) * millimetre),
} as const;

/** The label lookup page a QR code opens: the record, for whoever may read it (asset pages). */
export const labelUrl = (origin: string, labelCode: string): string => `${origin.replace(/\/+$/, '')}/assets/label/${encodeURIComponent(labelCode)}`;

/**
 * 第2 4(1): labels that mark each asset so that its 責任者 and users find the record — a QR code of the label
 * lookup page, the label code, the 課等 and the municipality — but from which a third party cannot tell the
 * class: no level, no criteria, no colour or mark that differs by class, and a code that is random.
 */
export function labelSheetDocument(labels: readonly LabelContent[], options: { origin: string; municipality: string }): TDocumentDefinitions {
  const { columns, width, height, topMargin } = labelLayout;
  const cells: TableCell[] = labels.map((label) => ({
    columns: [
      { qr: labelUrl(options.origin, label.labelCode), fit: height - 20, eccLevel: 'M', width: height - 16 },
      {
        width: '*',
        stack: [
          { text: label.labelCode, fontSize: 12, bold: true, noWrap: true, margin: [0, 6, 0, 4] },
          { text: label.departmentName, fontSize: 8, margin: [0, 0, 0, 2] },
          { text: options.municipality, fontSize: 7, color: '#444444' },
        ],
      },
    ],
    columnGap: 4,
    margin: [8, 8, 6, 0],
  }));
  while (cells.length % columns !== 0 || cells.length === 0) cells.push({ text: '' });
  const body: TableCell[][] = [];
  for (let i = 0; i < cells.length; i += columns) body.push(cells.slice(i, i + columns));
  return {
    info: { title: '情報資産ラベル', creator: 'Bansho', producer: 'Bansho' },
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [0, topMargin, 0, topMargin],
    content: [
      {
        table: { widths: Array.from({ length: columns }, () => width), heights: height, dontBreakRows: true, body },
        // No borders and no line widths: a line of 1 pt per row would push the eighth row onto the next page.
        layout: { defaultBorder: false, hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
      },
    ],
  };
}
