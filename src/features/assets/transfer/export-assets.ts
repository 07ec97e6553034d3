import { randomUUID } from 'node:crypto';
import type { ActingContext } from '../../../domain/context.js';
import { notFound } from '../../../domain/kernel-errors.js';
import { assetErrors } from '../errors.js';
import { recordAct } from '../../../journal/append.js';
import type { Policy } from '../../../policy/schema.js';
import type { Actor } from '../../../domain/actor.js';
import { requireActor } from '../../auth/require-actor.js';
import { assetKindTitles, assetStatusTitles, criteriaCell, levelTitle, type AssetColumnField } from './import-columns.js';
import { exportCounts, exportRowBatches, restrictedOutsideRows, type ExportFilter, type ExportRow } from './export-rows.js';
import { openSnapshot, type Snapshot } from '../../../db/snapshot.js';
import { maxLabels } from './schemas.js';
import type { ReadOnlyDb } from '../../../db/read-only.js';

export type ExportFormat = 'xlsx' | 'csv' | 'pdf' | 'labels';

/**
 * A printed 目録 is a table pdfmake lays out in memory (about 30 rows a page): beyond this, ask for a narrower
 * filter or the xlsx, which streams any size.
 */
export const maxPdfRows = 2_000;

export interface StartedExport {
  exportId: string;
  actor: Actor;
  count: number;
  restricted: number;
  /**
   * The rows, a batch at a time, read from the snapshot in which the export was counted and its reads were
   * journaled: a row committed after the journal entry is not in the file. Consume it to the end (or stop it):
   * the snapshot closes when the iteration does.
   */
  batches: AsyncGenerator<ExportRow[]>;
}

/** The filter as the journal keeps it: the parameters that were given, as text. */
function filterRecord(filter: ExportFilter): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    record[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return record;
}

/**
 * DESIGN §3 (nothing hidden), 第2 4(2)ア: records an export of the register before a byte of it is sent — what
 * was asked for, how many assets it holds and how many of them are restricted records of other 課等, and an
 * `asset.viewed` entry for each of those. The count, the restricted rows and the rows sent all come from one
 * snapshot, taken before the journal entry.
 */
export async function startAssetExport(ctx: ActingContext, format: ExportFormat, filter: ExportFilter): Promise<StartedExport> {
  const actor = requireActor(ctx);
  const snapshot = await openSnapshot(ctx.db);
  try {
    const started = await journalExport(ctx, snapshot.db, actor, format, filter);
    return { ...started, actor, batches: closingWhenDone(exportRowBatches(snapshot.db, actor, filter), snapshot) };
  } catch (error) {
    await snapshot.close();
    throw error;
  }
}

/** The export's checks and its journal entries, from what the snapshot holds. */
async function journalExport(ctx: ActingContext, snapshot: ReadOnlyDb, actor: Actor, format: ExportFormat, filter: ExportFilter) {
  const { count, restricted } = await exportCounts(snapshot, actor, ctx.policy, filter);
  if (format === 'pdf' && count > maxPdfRows) throw assetErrors.E_EXPORT_TOO_LARGE.error({ max: maxPdfRows, count });
  if (format === 'labels' && count > maxLabels) throw assetErrors.E_LABELS_TOO_MANY.error({ max: maxLabels, count });
  // Chosen assets that are not all readable: the same answer as for one asset the actor may not see.
  if (filter.ids && count !== filter.ids.length) throw notFound({ ja: '選んだ情報資産の一部', en: 'A chosen asset' });
  const exportId = randomUUID();
  // DESIGN §3: each restricted record of another 課等 in the export is a read, journaled as one, in the same act.
  const viewed = restricted > 0 ? await restrictedOutsideRows(snapshot, actor, ctx.policy, filter) : [];
  const via: 'labels' | 'export' = format === 'labels' ? 'labels' : 'export';
  await recordAct(ctx, async () => ({
    value: undefined,
    events: [
      { type: 'assets.exported', entityType: 'asset_export', entityId: exportId, data: { format, count, restricted, filter: filterRecord(filter) } },
      ...viewed.map((row) => ({ type: 'asset.viewed' as const, entityType: 'asset' as const, entityId: row.id, data: { classLevel: row.class_level, via } })),
    ],
  }));
  return { exportId, count, restricted };
}

/** Yields the batches, and closes the snapshot when they end, fail or are abandoned. */
async function* closingWhenDone(batches: AsyncGenerator<ExportRow[]>, snapshot: Snapshot): AsyncGenerator<ExportRow[]> {
  try {
    yield* batches;
  } finally {
    await snapshot.close();
  }
}

/** The time of day in Japan, as 台帳 show it: 2026-04-01 09:30. */
const tokyoTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** A row's cells, column by column (import-columns.ts), as text and dates the way a person reads them. */
export function exportCells(policy: Policy, row: ExportRow): Record<AssetColumnField, string> {
  return {
    labelCode: row.label_code,
    name: row.name,
    kind: assetKindTitles[row.kind].ja,
    departmentCode: row.department_code,
    department: row.department_name,
    classLevel: levelTitle(policy, row.class_level).ja,
    classCriteria: criteriaCell(policy, row.class_level, row.class_criteria),
    classJustification: row.class_justification,
    description: row.description,
    confidentialityNote: row.confidentiality_note,
    integrityNote: row.integrity_note,
    availabilityNote: row.availability_note,
    location: row.location,
    mediumCode: row.medium_code ?? '',
    retentionUntil: row.retention_until ?? '',
    reviewDue: row.review_due ?? '',
    status: assetStatusTitles[row.status].ja,
    updatedAt: tokyoTime.format(row.updated_at),
  };
}

/** A download's file name: bansho-assets-20260401-0930.xlsx (ASCII: every browser and mailer keeps it). */
export function exportFileName(kind: string, extension: string, now: Date): string {
  const stamp = tokyoTime.format(now).replace(/[-: ]/g, '').replace(/^(\d{8})(\d{4})$/, '$1-$2');
  return `bansho-${kind}-${stamp}.${extension}`;
}

/** The filter in words for a printed heading: "課等: 戸籍住民課、重要性分類: 重要性分類Ⅰ、検索: 住民". */
export async function describeFilter(db: ReadOnlyDb, policy: Policy, filter: ExportFilter): Promise<string> {
  const parts: string[] = [];
  if (filter.departmentId) {
    const department = await db.selectFrom('departments').select('name').where('id', '=', filter.departmentId).executeTakeFirst();
    parts.push(`課等: ${department?.name ?? '?'}`);
  }
  if (filter.classLevel) parts.push(`重要性分類: ${levelTitle(policy, filter.classLevel).ja}`);
  if (filter.kind) parts.push(`種別: ${assetKindTitles[filter.kind].ja}`);
  if (filter.status) parts.push(`状態: ${assetStatusTitles[filter.status].ja}`);
  if (filter.location) parts.push(`保管場所: ${filter.location}`);
  if (filter.q) parts.push(`検索: ${filter.q}`);
  return parts.join('、');
}
