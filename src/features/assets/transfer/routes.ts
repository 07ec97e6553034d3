import { PassThrough, Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forbidden } from '../../../domain/kernel-errors.js';
import type { AppServices } from '../../../domain/services.js';
import { requireActor } from '../../auth/require-actor.js';
import { collectionActions, managedDepartments } from '../asset-policy.js';
import { assetErrors } from '../errors.js';
import { commitAssetImport } from './commit-import.js';
import { assetsCsvChunks } from './export-assets-csv.js';
import { writeAssetsXlsx } from './export-assets-xlsx.js';
import { describeFilter, exportFileName, startAssetExport } from './export-assets.js';
import { inventoryDocument } from './export-inventory-pdf.js';
import type { ExportFilter, ExportRow } from './export-rows.js';
import { assetImportView } from './import-queries.js';
import { importTemplateXlsx } from './import-template.js';
import { labelSheetDocument } from './label-sheet-pdf.js';
import { fileTooLarge, importLimits } from './parse-import-file.js';
import { renderPdf } from './pdf-document.js';
import {
  assetImportViewSchema, exportAssetsQuerySchema, fileResponse, importMappingSchema, importParamsSchema, labelSheetQuerySchema, xlsxMediaType, type ImportMapping,
} from './schemas.js';
import { validateAssetImport, type ImportUpload } from './validate-import.js';

const tags = ['assets'];

/** A download: its type, an ASCII file name, and never kept in a shared cache (the register is not public). */
function download(reply: FastifyReply, type: string, fileName: string, exportId?: string): FastifyReply {
  void reply.header('content-type', type).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store');
  if (exportId) void reply.header('x-bansho-export-id', exportId);
  return reply;
}

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

  app.get('/api/assets/export.xlsx', { config: { access: 'user' }, schema: {
      tags,
      operationId: 'exportAssetsXlsx',
      summary: 'The inventory as an xlsx workbook (every matching asset the actor may read, streamed)',
      querystring: exportAssetsQuerySchema,
      response: { 200: fileResponse('The inventory (目録) as an Excel workbook', xlsxMediaType) },
    } }, async (request, reply) => {
    const ctx = request.acting();
    const started = await startAssetExport(ctx, 'xlsx', request.query);
    const body = new PassThrough();
    const title = `${ctx.policy.municipality.ja} 情報資産目録`;
    writeAssetsXlsx(body, ctx.policy, title, started.batches).catch((error: unknown) => {
      request.log.error({ err: error }, 'asset export failed while streaming');
      body.destroy(error as Error);
    });
    return download(reply, xlsxMediaType, exportFileName('assets', 'xlsx', ctx.now), started.exportId).send(body);
  });

  app.get('/api/assets/export.csv', { config: { access: 'user' }, schema: {
      tags,
      operationId: 'exportAssetsCsv',
      summary: 'The inventory as CSV (UTF-8 with BOM, streamed)',
      querystring: exportAssetsQuerySchema,
      response: { 200: fileResponse('The inventory (目録) as CSV, UTF-8 with a byte order mark', 'text/csv') },
    } }, async (request, reply) => {
    const ctx = request.acting();
    const started = await startAssetExport(ctx, 'csv', request.query);
    const body = Readable.from(assetsCsvChunks(ctx.policy, started.batches));
    return download(reply, 'text/csv; charset=utf-8', exportFileName('assets', 'csv', ctx.now), started.exportId).send(body);
  });

  app.get('/api/assets/export.pdf', { config: { access: 'user' }, schema: {
      tags,
      operationId: 'exportAssetInventoryPdf',
      summary: 'The printable inventory (A4 landscape PDF)',
      querystring: exportAssetsQuerySchema,
      response: { 200: fileResponse('The printable inventory (目録)', 'application/pdf') },
    } }, async (request, reply) => {
    const ctx = request.acting();
    const started = await startAssetExport(ctx, 'pdf', request.query);
    const rows = await collect(started.batches);
    const heading = { municipality: ctx.policy.municipality.ja, filterSummary: await describeFilter(db, ctx.policy, request.query), now: ctx.now };
    const pdf = await renderPdf(inventoryDocument(ctx.policy, rows, heading));
    return download(reply, 'application/pdf', exportFileName('inventory', 'pdf', ctx.now), started.exportId).send(pdf);
  });

  app.get('/api/assets/labels.pdf', { config: { access: 'user' }, schema: {
      tags,
      operationId: 'printAssetLabels',
      summary: 'Label sheet (A4, 24 labels): QR code, label code and 課等 — never the class',
      querystring: labelSheetQuerySchema,
      response: { 200: fileResponse('Label sheets (第2 4(1))', 'application/pdf') },
    } }, async (request, reply) => {
    const ctx = request.acting();
    const filter: ExportFilter = request.query;
    const started = await startAssetExport(ctx, 'labels', filter);
    const rows = await collect(started.batches);
    const origin = services.config.publicUrl ?? `${request.protocol}://${request.host}`;
    const document = labelSheetDocument(rows.map((r) => ({ labelCode: r.label_code, departmentName: r.department_name })), { origin, municipality: ctx.policy.municipality.ja });
    return download(reply, 'application/pdf', exportFileName('labels', 'pdf', ctx.now), started.exportId).send(await renderPdf(document));
  });

  app.get('/api/assets/import-template.xlsx', { config: { access: 'user' }, schema: {
      tags,
      operationId: 'getAssetImportTemplate',
      summary: 'An empty register workbook to fill in, with the columns the import reads',
      response: { 200: fileResponse('The register template (台帳) as an Excel workbook', xlsxMediaType) },
    } }, async (request, reply) => {
    const ctx = request.acting();
    const managed = managedDepartments(requireActor(ctx));
    const departments = managed.length > 0 ? await db.selectFrom('departments').select(['code', 'name']).where('id', 'in', managed).where('status', '=', 'active').orderBy('code').execute() : [];
    return download(reply, xlsxMediaType, 'bansho-assets-template.xlsx').send(await importTemplateXlsx(ctx.policy, departments));
  });

  app.post('/api/assets/imports', { config: { access: 'user' }, schema: {
      tags,
      operationId: 'uploadAssetImport',
      summary: 'Upload a register (xlsx or CSV, multipart field "file", optional "mapping"): every row is checked, nothing is written',
      response: { 201: assetImportViewSchema },
    } }, async (request, reply) => {
    const ctx = request.acting();
    const actor = requireActor(ctx);
    // Refused before the upload is read: only a 情報セキュリティ責任者 registers assets (第2 3).
    if (!collectionActions(actor).includes('import')) throw forbidden();
    const { importId } = await validateAssetImport(ctx, await readUpload(request));
    return reply.status(201).send(await assetImportView(db, actor, ctx.policy, importId));
  });

  app.get('/api/assets/imports/:id', { config: { access: 'user' }, schema: { tags, operationId: 'getAssetImport', summary: 'A validated import: columns, every problem, a preview (its uploader only)', params: importParamsSchema, response: { 200: assetImportViewSchema } } }, async (request) => {
    const ctx = request.acting();
    return assetImportView(db, requireActor(ctx), ctx.policy, request.params.id);
  });

  app.post('/api/assets/imports/:id/commit', { config: { access: 'user' }, schema: { tags, operationId: 'commitAssetImport', summary: 'Register every row of a validated import in one transaction, or nothing', params: importParamsSchema, response: { 200: assetImportViewSchema } } }, async (request) => {
    const ctx = request.acting();
    await commitAssetImport(ctx, request.params.id);
    return assetImportView(db, requireActor(ctx), ctx.policy, request.params.id);
  });

  /** The uploaded file (multipart field "file") and the optional "mapping" field (JSON: header → field). */
  async function readUpload(request: FastifyRequest): Promise<ImportUpload> {
    if (!request.isMultipart()) throw assetErrors.E_IMPORT_NOT_MULTIPART.error();
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
      if (error instanceof app.multipartErrors.RequestFileTooLargeError) throw fileTooLarge();
      if (error instanceof app.multipartErrors.FilesLimitError || error instanceof app.multipartErrors.PartsLimitError || error instanceof app.multipartErrors.FieldsLimitError) {
        throw assetErrors.E_IMPORT_ONE_FILE.error();
      }
      throw error;
    }
    if (!file) throw assetErrors.E_IMPORT_NO_FILE.error();
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
  if (!parsed.success) throw assetErrors.E_IMPORT_MAPPING_INVALID.error();
  return parsed.data;
}
