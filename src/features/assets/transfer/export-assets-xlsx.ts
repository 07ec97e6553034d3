import type { Writable } from 'node:stream';
import type { Policy } from '../../../policy/schema.js';
import { exportCells } from './export-assets.js';
import type { ExportRow } from './export-rows.js';
import { assetColumns } from './import-columns.js';

const dateFields = new Set<string>(['retentionUntil', 'reviewDue']);
/** Rows written between two waits for the download to take what was written. */
const drainEvery = 250;

/**
 * Waits until `out` wants more (or was closed: the download was cancelled). True when writing may go on.
 * 'close' counts too, or an aborted download would leave the export waiting for a drain that never comes.
 */
async function drained(out: Writable): Promise<boolean> {
  // Let compression and the socket run first: exceljs and archiver hand data on in later turns of the event loop.
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (out.writableNeedDrain && !out.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
  }
  return !out.destroyed;
}

/** A 'YYYY-MM-DD' day as the Date exceljs writes as that day's serial number (UTC midnight). */
const excelDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/**
 * Writes the 目録 as an xlsx workbook to `out`, row by row (exceljs' streaming writer): Japanese headers that the
 * import reads back, dates as Excel dates. Every text goes in as a string cell — exceljs writes a formula only
 * for a { formula } value — so a name like "=HYPERLINK(…)" stays inert text (OWASP CSV injection). Between
 * batches it waits for `out` to drain, so a slow download holds one batch in memory, not the register.
 */
export async function writeAssetsXlsx(out: Writable, policy: Policy, title: string, batches: AsyncIterable<ExportRow[]>): Promise<number> {
  // Inline strings (no shared-strings table) keep memory flat; level 1 compression is several times faster than
  // the default for a few percent more bytes.
  // exceljs is loaded on the first export (most processes never make one).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  workbook.creator = 'Bansho';
  const sheet = workbook.addWorksheet('情報資産目録', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = assetColumns.map((c) => ({ header: c.header, key: c.field, width: c.width, ...(dateFields.has(c.field) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: assetColumns.length } };
  let count = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      const cells: Record<string, string | Date> = exportCells(policy, row);
      if (row.retention_until) cells.retentionUntil = excelDay(row.retention_until);
      if (row.review_due) cells.reviewDue = excelDay(row.review_due);
      sheet.addRow(cells).commit();
      count += 1;
      // The zip writer buffers what the socket has not taken yet: let it drain every few hundred rows, so that
      // memory stays near one batch. A cancelled download stops the reading too, and the workbook is dropped.
      if (count % drainEvery === 0 && !(await drained(out))) return count;
    }
    if (!(await drained(out))) return count;
  }
  sheet.headerFooter.oddHeader = title;
  sheet.commit();
  await workbook.commit();
  return count;
}
