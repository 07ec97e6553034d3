import { stringify } from 'csv-stringify/sync';
import type { Policy } from '../../../policy/schema.js';
import { exportCells } from './export-assets.js';
import type { ExportRow } from './export-rows.js';
import { assetColumns } from './import-columns.js';
import { neutraliseFormula } from './import-values.js';

const csvOptions = { record_delimiter: 'windows', quoted_string: true } as const;

/** One CSV record: each cell that starts like a formula gets a leading quote (OWASP CSV injection). */
const record = (cells: readonly string[]): string[] => cells.map(neutraliseFormula);

/**
 * The 目録 as CSV chunks: a UTF-8 byte order mark (so that Excel on Japanese Windows reads UTF-8, not
 * Shift_JIS), the Japanese headers the import reads back, then one chunk per batch. Pulled by the response
 * stream (Readable.from), so a slow download reads the database no faster than it sends.
 */
export async function* assetsCsvChunks(policy: Policy, batches: AsyncIterable<ExportRow[]>): AsyncGenerator<string> {
  yield `\uFEFF${stringify([record(assetColumns.map((c) => c.header))], csvOptions)}`;
  for await (const batch of batches) {
    yield stringify(
      batch.map((row) => {
        const cells = exportCells(policy, row);
        return record(assetColumns.map((c) => cells[c.field]));
      }),
      csvOptions,
    );
  }
}
