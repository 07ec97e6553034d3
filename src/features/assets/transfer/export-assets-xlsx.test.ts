import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { shinjukuPolicy } from '../../../../test/helpers/app.js';
import { writeAssetsXlsx } from './export-assets-xlsx.js';
import type { ExportRow } from './export-rows.js';

const policy = shinjukuPolicy();

const row = (i: number): ExportRow => ({
  id: `id-${i}`, label_code: 'KW9W-STR5', name: `住民記録 ${i}`, description: '', kind: 'paper', department_id: 'd', department_code: 'koseki', department_name: '戸籍住民課',
  class_level: 'class-2', class_criteria: [], class_justification: '', confidentiality_note: '', integrity_note: '', availability_note: '', location: '書庫',
  medium_code: null, retention_until: null, review_due: '2026-04-01', status: 'active', updated_at: new Date(), updated_key: '',
});

describe('the streamed xlsx export', () => {
  it('stops reading when the download is cancelled, instead of waiting for a drain that never comes', async () => {
    let batchesRead = 0;
    let finished = false;
    async function* batches() {
      try {
        for (let b = 0; b < 50; b += 1) {
          batchesRead += 1;
          yield Array.from({ length: 2_000 }, (_, i) => row(b * 2_000 + i));
        }
      } finally {
        finished = true;
      }
    }
    // Nobody reads `out` (a stalled client); it is destroyed as a cancelled download would be.
    const out = new PassThrough({ highWaterMark: 1024 });
    setTimeout(() => out.destroy(), 200);
    const written = await writeAssetsXlsx(out, policy, 'test', batches());
    expect(written).toBeLessThan(50 * 2_000);
    expect(batchesRead).toBeLessThan(50);
    expect(finished).toBe(true);
  });
});
