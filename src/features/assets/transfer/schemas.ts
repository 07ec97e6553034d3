import { z } from 'zod';
import { importFields } from './import-columns.js';
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
  columns: z.array(z.object({ index: z.number().int(), header: z.string(), field: z.string().nullable() })),
  errorCount: z.number().int(),
});
export type StoredMapping = z.infer<typeof storedMappingSchema>;

/** One problem of one row (or of the header row), as the page shows it. */
export const importProblemSchema = z.object({
  row: z.number().int(),
  /** The header as written in the file (or the expected header when the column is missing). */
  column: z.string(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.object({ ja: z.string(), en: z.string() }),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;
