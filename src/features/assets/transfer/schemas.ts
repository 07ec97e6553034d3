import { z } from 'zod';
import { importFields } from './import-columns.js';
import { bilingualSchema } from '../../../domain/error-body.js';
import { assetKinds, importFormats, importStatuses } from '../asset-rules.js';
import { assetErrorCodes } from '../errors.js';
import { createAssetSchema, idSchema, labelCodeSchema, listAssetsQuerySchema } from '../schemas.js';

/** The inventory's filters and sort, without paging: an export holds every matching asset the actor may read. */
export const exportAssetsQuerySchema = listAssetsQuerySchema.omit({ page: true, pageSize: true });
export type ExportAssetsQuery = z.infer<typeof exportAssetsQuerySchema>;

/** At most this many labels on one sheet PDF (about 21 A4 sheets of 24). */
export const maxLabels = 500;

/** A label sheet: chosen assets (`ids`, comma-separated), or the inventory's filters. */
export const labelSheetQuerySchema = exportAssetsQuerySchema.extend({
  ids: z
    .string()
    .max(maxLabels * 37)
    .transform((text) => [...new Set(text.split(',').map((id) => id.trim()).filter(Boolean))])
    .pipe(z.array(idSchema).min(1).max(maxLabels, { message: `ラベルは一度に${maxLabels}件までです / At most ${maxLabels} labels at once` }))
    .optional(),
});
export type LabelSheetQuery = z.infer<typeof labelSheetQuerySchema>;

/** An explicit column mapping sent with an upload: header text → field (or null to ignore the column). */
export const importMappingSchema = z.record(z.string().min(1).max(100), z.enum(importFields).nullable()).refine((m) => Object.keys(m).length <= 60, { message: 'too many columns' });
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** Problems kept with an import (and shown): beyond this only the count grows. */
export const maxStoredProblems = 5_000;

export const importParamsSchema = z.strictObject({ id: idSchema });

/**
 * A validated row as stored in asset_imports.rows, waiting for the commit: the same fields as a form's
 * createAsset (one schema for both), plus the row's number in the file and its label code when the file gave one.
 */
export const storedImportRowSchema = createAssetSchema.extend({
  row: z.number().int().min(1),
  labelCode: labelCodeSchema.nullable(),
});
export type StoredImportRow = z.infer<typeof storedImportRowSchema>;

/** How the file was read: stored in asset_imports.mapping. */
export const storedMappingSchema = z.object({
  headerRow: z.number().int(),
  columns: z.array(z.object({ index: z.number().int(), header: z.string(), field: z.enum(importFields).nullable() })),
  errorCount: z.number().int(),
});
export type StoredMapping = z.infer<typeof storedMappingSchema>;

/** One problem of one row (or of the header row), as the page shows it (row 1… as Excel numbers them). */
export const importProblemSchema = z
  .object({
    row: z.number().int(),
    column: z.string().meta({ description: 'The header as written in the file (or the expected header when the column is missing)' }),
    field: z.enum(importFields).nullable(),
    code: z.enum(assetErrorCodes),
    message: bilingualSchema,
  })
  .meta({ id: 'AssetImportProblem' });
export type ImportProblem = z.infer<typeof importProblemSchema>;

// Responses.

/** A row of the file as the commit would register it. */
export const importPreviewRowSchema = z
  .object({
    row: z.number().int(),
    labelCode: z.string().nullable().meta({ description: 'The label code the file gave; null: a new one is drawn' }),
    name: z.string(),
    kind: z.enum(assetKinds),
    kindTitle: bilingualSchema,
    departmentName: z.string(),
    classLevel: z.string(),
    classTitle: bilingualSchema,
    classCriteria: z.string().meta({ description: 'The criteria as one cell: "ア、ウ"' }),
    location: z.string(),
    reviewDue: z.iso.date().nullable(),
  })
  .meta({ id: 'AssetImportPreviewRow' });
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

/** POST /api/assets/imports, GET /api/assets/imports/:id and the commit's answer: an import as its uploader sees it. */
export const assetImportViewSchema = z
  .object({
    id: z.guid(),
    fileName: z.string(),
    format: z.enum(importFormats),
    status: z.enum(importStatuses),
    rowCount: z.number().int(),
    validRows: z.number().int().meta({ description: 'How many rows are ready to commit' }),
    headerRow: z.number().int(),
    columns: z
      .array(z.object({ header: z.string(), field: z.enum(importFields).nullable(), fieldHeader: z.string().nullable() }))
      .meta({ description: "The file's columns and the field each was read into (null: ignored), with the field's Japanese header" }),
    errors: z.array(importProblemSchema),
    errorCount: z.number().int().meta({ description: `Every problem found (errors holds at most the first ${maxStoredProblems.toLocaleString('en-US')})` }),
    preview: z.array(importPreviewRowSchema),
    createdAt: z.iso.datetime(),
    committedAt: z.iso.datetime().nullable(),
    createdAssets: z.number().int().meta({ description: 'Assets written by the commit' }),
  })
  .meta({ id: 'AssetImport' });
export type AssetImportView = z.infer<typeof assetImportViewSchema>;

/** A download's body as the OpenAPI document describes it: the file's bytes, of the given media type. */
export function fileResponse(description: string, mediaType: string) {
  return { description, content: { [mediaType]: { schema: z.string().meta({ format: 'binary' }) } } };
}

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
