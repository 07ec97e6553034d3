import { z } from 'zod';
import { journalEvent, entityId, changes } from '../../journal/event.js';

/** The information asset register (第2): assets, access rights, restricted reads, exports, imports and saved views. */
export const assetEvents = [
  // The information asset register (第2). A copy or transmission names its source (第2 1(2)); an import its batch.
  journalEvent('asset.created', 'asset', z.object({
    name: z.string(), kind: z.string(), departmentId: entityId, classLevel: z.string(), labelCode: z.string(),
    source: z.enum(['form', 'import', 'copy', 'transmission']), sourceAssetId: entityId.optional(), importId: entityId.optional(),
  })),
  journalEvent('asset.updated', 'asset', z.object({ changes })),
  journalEvent('asset.classified', 'asset', z.object({ from: z.string(), to: z.string(), criteria: z.array(z.string()), justification: z.string() })),
  journalEvent('asset.status_changed', 'asset', z.object({ from: z.string(), to: z.string(), note: z.string() })),
  journalEvent('asset.disposed', 'asset', z.object({ method: z.string(), evidence: z.string(), disposedOn: z.string() })),
  journalEvent('asset.access_granted', 'asset', z.object({ grantId: entityId, subjectType: z.string(), subjectId: z.string(), permission: z.string() })),
  journalEvent('asset.access_revoked', 'asset', z.object({ grantId: entityId, subjectType: z.string(), subjectId: z.string(), permission: z.string() })),
  // A restricted (class Ⅰ) record read by someone outside its 課等 (DESIGN §3: nothing hidden).
  journalEvent('asset.viewed', 'asset', z.object({ classLevel: z.string(), via: z.enum(['detail', 'label', 'export', 'labels']) })),
  journalEvent('assets.exported', 'asset_export', z.object({ format: z.enum(['xlsx', 'csv', 'pdf', 'labels']), count: z.number().int(), restricted: z.number().int(), filter: z.record(z.string(), z.string()) })),
  journalEvent('asset_import.validated', 'asset_import', z.object({ fileName: z.string(), sha256: z.string(), rows: z.number().int(), errors: z.number().int() })),
  journalEvent('asset_import.committed', 'asset_import', z.object({ fileName: z.string(), rows: z.number().int() })),
  journalEvent('asset_filter.saved', 'asset_filter', z.object({ name: z.string() })),
  journalEvent('asset_filter.deleted', 'asset_filter', z.object({ name: z.string() })),
] as const;
