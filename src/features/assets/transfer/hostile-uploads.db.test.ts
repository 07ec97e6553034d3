import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { makeDepartment } from '../../../../test/helpers/factories.js';
import { lyingWorkbook, rawZip } from '../../../../test/helpers/hostile-files.js';
import { fileUpload } from '../../../../test/helpers/multipart.js';
import { signedInUser } from '../../../../test/helpers/signed-in.js';
import { importLimits } from './parse-import-file.js';

/**
 * Uploads made to hurt: none may stop the server, stall it, or be read past its limits. While each is read, the
 * server keeps answering others within 100 ms.
 */
let t: TestApp;
const officers: ApiClient[] = [];
let lying: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  const departmentId = (await makeDepartment(t.database.db)).id;
  for (let i = 0; i < 3; i += 1) officers.push((await signedInUser(t.app, t.database.db, { departmentId, roles: [{ role: 'security_officer' }] })).client);
  // Declares 1,000 bytes; unpacks to more than the import will ever read.
  lying = await lyingWorkbook(Math.ceil(importLimits.maxUnpackedBytes / 1024 / 1024) + 100);
}, 120_000);
afterAll(async () => t.close());

const upload = (client: ApiClient, fileName: string, content: Buffer) => {
  const { payload, headers } = fileUpload(fileName, content);
  return client.request('POST', '/api/assets/imports', payload, headers);
};

/**
 * The slowest /api/health answer an upload may cause. What this guards against is the event loop held for the
 * whole parse (seconds, on the old code); the margin above a quiet machine's few milliseconds is for the other
 * test files sharing the machine's two cores.
 */
const answersWithinMs = 500;

/** Runs `work` while asking /api/health every 20 ms; returns its outcome and the slowest answer meanwhile. */
async function whileWatched<T>(work: () => Promise<T>): Promise<{ outcome: T; slowestMs: number; answered: number }> {
  let done = false;
  let slowestMs = 0;
  let answered = 0;
  const watcher = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(200);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      answered += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    return { outcome: await work(), slowestMs, answered };
  } finally {
    done = true;
    await watcher;
  }
}

describe('hostile uploads', () => {
  it('refuses a zip whose entries unpack to far more than they declare, counting what is really inflated', { timeout: 120_000 }, async () => {
    expect(lying.length).toBeLessThan(2 * 1024 * 1024);
    const { outcome, slowestMs, answered } = await whileWatched(() => upload(officers[0] as ApiClient, 'daicho.xlsx', lying));
    expect(outcome.statusCode, outcome.body).toBe(422);
    expect(outcome.json()).toMatchObject({ error: { code: 'E_IMPORT_FILE_TOO_LARGE' } });
    expect(answered).toBeGreaterThan(0);
    expect(slowestMs).toBeLessThan(answersWithinMs);
  });

  it('takes three at once without dying: each is refused as too large or as busy, and the server answers throughout', { timeout: 180_000 }, async () => {
    const { outcome, slowestMs } = await whileWatched(() => Promise.all(officers.map((officer) => upload(officer, 'daicho.xlsx', lying))));
    const codes = outcome.map((response) => response.json<{ error: { code: string } }>().error.code).sort();
    expect(codes.filter((code) => code === 'E_IMPORT_FILE_TOO_LARGE').length).toBeGreaterThanOrEqual(1);
    expect(codes.every((code) => code === 'E_IMPORT_FILE_TOO_LARGE' || code === 'E_IMPORT_BUSY')).toBe(true);
    expect(slowestMs).toBeLessThan(answersWithinMs);
  });

  it('refuses a second upload of the same user while the first is read', { timeout: 120_000 }, async () => {
    const officer = officers[1] as ApiClient;
    const [first, second] = await Promise.all([upload(officer, 'a.xlsx', lying), new Promise((resolve) => setTimeout(resolve, 50)).then(() => upload(officer, 'b.xlsx', lying))]);
    expect(first.json()).toMatchObject({ error: { code: 'E_IMPORT_FILE_TOO_LARGE' } });
    expect([second.statusCode, second.json()]).toEqual([429, { error: expect.objectContaining({ code: 'E_IMPORT_BUSY' }) as unknown }]);
  });

  it('refuses a zip of too many entries before unpacking any', async () => {
    const entries = Array.from({ length: importLimits.maxZipEntries + 1 }, (_, i) => ({ name: i === 0 ? 'xl/workbook.xml' : `xl/e${i}.xml`, data: Buffer.alloc(0), method: 0 as const, declaredSize: 0 }));
    const response = await upload(officers[2] as ApiClient, 'many.xlsx', rawZip(entries));
    expect(response.json()).toMatchObject({ error: { code: 'E_IMPORT_FILE_TOO_LARGE' } });
  });

  it('refuses a CSV of 100,000 columns, and the server answers meanwhile', { timeout: 60_000 }, async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `列${i}`).join(',');
    const csv = Buffer.from(`${header}\n${'x,'.repeat(99_999)}x\n`, 'utf8');
    expect(csv.length).toBeGreaterThan(900_000);
    const { outcome, slowestMs } = await whileWatched(() => upload(officers[2] as ApiClient, 'wide.csv', csv));
    expect(outcome.json()).toMatchObject({ error: { code: 'E_IMPORT_TOO_MANY_COLUMNS' } });
    expect(slowestMs).toBeLessThan(answersWithinMs);
  });

  it('refuses a cell longer than Excel allows', async () => {
    const csv = Buffer.from(`資産名,所管課\n${'あ'.repeat(importLimits.maxCellCharacters + 1)},戸籍住民課\n`, 'utf8');
    const response = await upload(officers[2] as ApiClient, 'long.csv', csv);
    expect(response.json()).toMatchObject({ error: { code: 'E_IMPORT_CELL_TOO_LONG' } });
  });
});
