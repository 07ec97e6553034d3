import { PassThrough, Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../../domain/errors.js';
import { forbidden } from '../../../domain/kernel-errors.js';
import type { AppServices } from '../../../domain/services.js';
import { requireActor } from '../../auth/require-actor.js';
import { collectionActions, managedDepartments } from '../asset-policy.js';
import { commitAssetImport } from './commit-import.js';
import { assetsCsvChunks } from './export-assets-csv.js';
import { writeAssetsXlsx } from './export-assets-xlsx.js';
import { describeFilter, exportFileName, startAssetExport } from './export-assets.js';
import { inventoryDocument } from './export-inventory-pdf.js';
import type { ExportFilter, ExportRow } from './export-rows.js';
import { assetImportView } from './import-queries.js';
import { importTemplateXlsx } from './import-template.js';
import { labelSheetDocument } from './label-sheet-pdf.js';
import { importLimits } from './parse-import-file.js';
import { renderPdf } from './pdf-document.js';
import { exportAssetsQuerySchema, importMappingSchema, importParamsSchema, labelSheetQuerySchema, type ImportMapping } from './schemas.js';
import { validateAssetImport, type ImportUpload } from './validate-import.js';

const tags = ['assets'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download: its type, an ASCII file name, and never kept in a shared cache (the register is not public). */
function download(reply: FastifyReply, type: string, fileName: string, exportId?: string): FastifyReply {
  void reply.header('content-type', type).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store');
  if (exportId) void reply.header('x-bansho-export-id', exportId);
  return reply;
}

const uploadError = (code: string, ja: string, en: string) => new DomainError('invalid', code, { ja, en });

/**
 * The register's files (第2 3: 目録): xlsx and CSV exports that stream any size, the printable 目録 and label
 * sheets as PDF, the import template, and the all-or-nothing import of a 台帳 (upload → check every row → commit).
 */
export const assetTransferRoutes = (services: AppServices): FastifyPluginAsyncZod => async (app) => {
  const { db } = services;
  // Registered here, not for the whole app: only the import takes multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: importLimits.maxFileBytes, files: 1, fields: 4, fieldSize: 64 * 1024, parts: 6, headerPairs: 100 },
  });

  /** Every matching asset the actor may read, a batch at a time, collected (the PDFs are capped well below memory). */
  async function collect(batches: AsyncIterable<ExportRow[]>): Promise<ExportRow[]> {
    const rows: ExportRow[] = [];
    for await (const batch of batches) rows.push(...batch);
    return rows;
  }

  app.get('/api/assets/export.xlsx', { config: { access: 'user' }, schema: { tags, summary: 'The inventory as an xlsx workbook (every matching asset the actor may read, streamed)', querystring: exportAssetsQuerySchema } }, async (request, reply) => {
    const ctx = request.acting();
    const started = await startAssetExport(ctx, 'xlsx', request.query);
    const body = new PassThrough();
    const title = `${ctx.policy.municipality.ja} 情報資産目録`;
    writeAssetsXlsx(body, ctx.policy, title, started.batches).catch((error: unknown) => {
      request.log.error({ err: error }, 'asset export failed while streaming');
      body.destroy(error as Error);
    });
    return download(reply, xlsxType, exportFileName('assets', 'xlsx', ctx.now), started.exportId).send(body);
  });

  app.get('/api/assets/export.csv', { config: { access: 'user' }, schema: { tags, summary: 'The inventory as CSV (UTF-8 with BOM, streamed)', querystring: exportAssetsQuerySchema } }, async (request, reply) => {
    const ctx = request.acting();
    const started = await startAssetExport(ctx, 'csv', request.query);
    const body = Readable.from(assetsCsvChunks(ctx.policy, started.batches));
    return download(reply, 'text/csv; charset=utf-8', exportFileName('assets', 'csv', ctx.now), started.exportId).send(body);
  });

  app.get('/api/assets/export.pdf', { config: { access: 'user' }, schema: { tags, summary: 'The printable inventory (A4 landscape PDF)', querystring: exportAssetsQuerySchema } }, async (request, reply) => {
    const ctx = request.acting();
    const started = await startAssetExport(ctx, 'pdf', request.query);
    const rows = await collect(started.batches);
    const heading = { municipality: ctx.policy.municipality.ja, filterSummary: await describeFilter(db, ctx.policy, request.query), now: ctx.now };
    const pdf = await renderPdf(inventoryDocument(ctx.policy, rows, heading));
    return download(reply, 'application/pdf', exportFileName('inventory', 'pdf', ctx.now), started.exportId).send(pdf);
  });

  app.get('/api/assets/labels.pdf', { config: { access: 'user' }, schema: { tags, summary: 'Label sheet (A4, 24 labels): QR code, label code and 課等 — never the class', querystring: labelSheetQuerySchema } }, async (request, reply) => {
    const ctx = request.acting();
    const filter: ExportFilter = request.query;
    const started = await startAssetExport(ctx, 'labels', filter);
    const rows = await collect(started.batches);
    const origin = services.config.publicUrl ?? `${request.protocol}://${request.host}`;
    const document = labelSheetDocument(rows.map((r) => ({ labelCode: r.label_code, departmentName: r.department_name })), { origin, municipality: ctx.policy.municipality.ja });
    return download(reply, 'application/pdf', exportFileName('labels', 'pdf', ctx.now), started.exportId).send(await renderPdf(document));
  });

  app.get('/api/assets/import-template.xlsx', { config: { access: 'user' }, schema: { tags, summary: 'An empty register workbook to fill in, with the columns the import reads' } }, async (request, reply) => {
    const ctx = request.acting();
    const managed = managedDepartments(requireActor(ctx));
    const departments = managed.length > 0 ? await db.selectFrom('departments').select(['code', 'name']).where('id', 'in', managed).where('status', '=', 'active').orderBy('code').execute() : [];
    return download(reply, xlsxType, 'bansho-assets-template.xlsx').send(await importTemplateXlsx(ctx.policy, departments));
  });

  app.post('/api/assets/imports', { config: { access: 'user' }, schema: { tags, summary: 'Upload a register (xlsx or CSV, multipart field "file", optional "mapping"): every row is checked, nothing is written' } }, async (request, reply) => {
    const ctx = request.acting();
    const actor = requireActor(ctx);
    // Refused before the upload is read: only a 情報セキュリティ責任者 registers assets (第2 3).
    if (!collectionActions(actor).includes('import')) throw forbidden();
    const { importId } = await validateAssetImport(ctx, await readUpload(request));
    return reply.status(201).send(await assetImportView(db, actor, ctx.policy, importId));
  });

  app.get('/api/assets/imports/:id', { config: { access: 'user' }, schema: { tags, summary: 'A validated import: columns, every problem, a preview (its uploader only)', params: importParamsSchema } }, async (request) => {
    const ctx = request.acting();
    return assetImportView(db, requireActor(ctx), ctx.policy, request.params.id);
  });

  app.post('/api/assets/imports/:id/commit', { config: { access: 'user' }, schema: { tags, summary: 'Register every row of a validated import in one transaction, or nothing', params: importParamsSchema } }, async (request) => {
    const ctx = request.acting();
    await commitAssetImport(ctx, request.params.id);
    return assetImportView(db, requireActor(ctx), ctx.policy, request.params.id);
  });

  /** The uploaded file (multipart field "file") and the optional "mapping" field (JSON: header → field). */
  async function readUpload(request: FastifyRequest): Promise<ImportUpload> {
    if (!request.isMultipart()) throw uploadError('E_IMPORT_NOT_MULTIPART', 'ファイルを multipart/form-data で送信してください。', 'Send the file as multipart/form-data.');
    let file: { fileName: string; bytes: Buffer } | undefined;
    let mapping: ImportMapping | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.fieldname === 'file') file = { fileName: part.filename, bytes };
        } else if (part.fieldname === 'mapping' && typeof part.value === 'string' && part.value.trim() !== '') {
          mapping = parseMapping(part.value);
        }
      }
    } catch (error) {
      if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
        const mb = importLimits.maxFileBytes / 1024 / 1024;
        throw uploadError('E_IMPORT_FILE_TOO_LARGE', `ファイルが大きすぎます（${mb} MB まで）。台帳を分けて取り込んでください。`, `The file is too large (at most ${mb} MB). Split the register into several files.`);
      }
      if (error instanceof app.multipartErrors.FilesLimitError || error instanceof app.multipartErrors.PartsLimitError || error instanceof app.multipartErrors.FieldsLimitError) {
        throw uploadError('E_IMPORT_ONE_FILE', 'ファイルは一度に1つだけ送信してください。', 'Send one file at a time.');
      }
      throw error;
    }
    if (!file) throw uploadError('E_IMPORT_NO_FILE', '取り込むファイルを選んでください。', 'Choose a file to import.');
    return { ...file, mapping };
  }
};

function parseMapping(text: string): ImportMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) throw uploadError('E_IMPORT_MAPPING_INVALID', '列の対応づけ（mapping）の形式が正しくありません。', 'The column mapping is not valid.');
  return parsed.data;
}
