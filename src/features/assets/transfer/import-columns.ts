import type { Bilingual } from '../../../domain/errors.js';
import type { AssetKind, AssetStatus } from '../tables.js';
import type { Policy } from '../../../policy/schema.js';
import type { ClassificationLevel } from '../classification.js';

/**
 * The columns of the 目録 as a spreadsheet (第2 3: 目録を作成する): one list that the xlsx/CSV export, the
 * import, the template and the benchmark share, so that an exported file can be read back and a 台帳 kept
 * in Excel finds its columns.
 */
export const assetColumns = [
  { field: 'labelCode', header: 'ラベル番号', en: 'Label code', width: 12, importable: true, aliases: ['ラベル', 'ラベルコード', 'ラベルNo', '資産ラベル'] },
  { field: 'name', header: '名称', en: 'Name', width: 36, importable: true, aliases: ['資産名', '情報資産名', '情報資産の名称', '資産の名称', '名前', '件名'] },
  { field: 'kind', header: '種別', en: 'Kind', width: 14, importable: true, aliases: ['種類', '資産種別', '資産の種別', '情報資産の種別', '形態'] },
  { field: 'departmentCode', header: '課等コード', en: 'Department code', width: 14, importable: true, aliases: ['所管課コード', '課コード', '部署コード'] },
  { field: 'department', header: '課等', en: 'Department', width: 18, importable: true, aliases: ['所管課', '所管課等', '管理課', '管理課等', '担当課', '課名', '所属', '部署', '所管部署', '課'] },
  { field: 'classLevel', header: '重要性分類', en: 'Class', width: 16, importable: true, aliases: ['分類', '重要度分類', '重要度', '機密区分', '区分', 'class level'] },
  { field: 'classCriteria', header: '該当基準', en: 'Criteria', width: 14, importable: true, aliases: ['分類基準', '基準', '該当する基準', '分類の基準', 'class criteria'] },
  { field: 'classJustification', header: '分類の理由', en: 'Justification', width: 36, importable: true, aliases: ['分類理由', '理由', '判断理由', 'class justification'] },
  { field: 'description', header: '説明', en: 'Description', width: 40, importable: true, aliases: ['概要', '内容', '資産の概要', '摘要'] },
  { field: 'confidentialityNote', header: '機密性', en: 'Confidentiality', width: 24, importable: true, aliases: ['機密性の評価', 'confidentiality note'] },
  { field: 'integrityNote', header: '完全性', en: 'Integrity', width: 24, importable: true, aliases: ['完全性の評価', 'integrity note'] },
  { field: 'availabilityNote', header: '可用性', en: 'Availability', width: 24, importable: true, aliases: ['可用性の評価', 'availability note'] },
  { field: 'location', header: '保管場所', en: 'Location', width: 24, importable: true, aliases: ['所在', '所在場所', '保管先', '設置場所', '場所', '保存場所'] },
  { field: 'mediumCode', header: '記録媒体', en: 'Medium', width: 14, importable: true, aliases: ['媒体', '媒体番号', '媒体コード', '記録媒体番号', 'medium'] },
  { field: 'retentionUntil', header: '保存期限', en: 'Retain until', width: 12, importable: true, aliases: ['保存期間満了日', '保存満了日', '廃棄予定日', 'retention until', 'retention'] },
  { field: 'reviewDue', header: '見直し期限', en: 'Review due', width: 12, importable: true, aliases: ['見直し日', '次回見直し', '次回見直し日', '見直し予定日', 'review due', 'review'] },
  { field: 'status', header: '状態', en: 'Status', width: 10, importable: false, aliases: [] },
  { field: 'updatedAt', header: '更新日時', en: 'Updated', width: 18, importable: false, aliases: [] },
] as const;

export type AssetColumn = (typeof assetColumns)[number];
export type AssetColumnField = AssetColumn['field'];
/** The fields an import reads; the others (status, updatedAt) are written by Bansho and ignored on import. */
export type ImportField = Extract<AssetColumn, { importable: true }>['field'];
export const importFields = assetColumns.filter((c): c is Extract<AssetColumn, { importable: true }> => c.importable).map((c) => c.field);

/** Columns an import cannot do without (the 課等 by code or by name). */
export const requiredImportFields: readonly ImportField[] = ['name', 'kind', 'classLevel'];

/** The header text of a field, for messages ("列「名称」"). */
export const columnHeader = (field: AssetColumnField): string => assetColumns.find((c) => c.field === field)?.header ?? field;

/**
 * A header as people type it, reduced to compare: width-folded (ＡＢＣ → abc, full-width digits), without
 * spaces, brackets' contents marking "required" (必須, ※, *), and case.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[（(]\s*(必須|任意|required|optional)\s*[)）]/gi, '')
    .replace(/[\s_\-・※*＊]/g, '')
    .toLowerCase();
}

const headerIndex: Map<string, ImportField> = (() => {
  const index = new Map<string, ImportField>();
  for (const column of assetColumns) {
    if (!column.importable) continue;
    for (const name of [column.header, column.field, column.en, ...column.aliases]) index.set(headerKey(name), column.field);
  }
  return index;
})();

/** The import field a header names (Japanese as exported, the English id or title, or a common 台帳 variant). */
export function fieldForHeader(header: string): ImportField | null {
  return headerIndex.get(headerKey(header)) ?? null;
}

/** 種別 in Japanese and English: what the export writes and the import reads, with common variants. */
export const assetKindTitles: Record<AssetKind, Bilingual & { aliases: string[] }> = {
  electronic_data: { ja: '電子データ', en: 'Electronic data', aliases: ['電子情報', 'データ', '電子ファイル', '電子'] },
  paper: { ja: '紙文書', en: 'Paper', aliases: ['紙', '文書', '帳票', '紙媒体', '書類'] },
  system: { ja: '情報システム', en: 'Information system', aliases: ['システム'] },
  software: { ja: 'ソフトウェア', en: 'Software', aliases: ['ソフト', 'プログラム'] },
  medium: { ja: '記録媒体', en: 'Storage medium', aliases: ['媒体', '電磁的記録媒体'] },
  other: { ja: 'その他', en: 'Other', aliases: ['他'] },
};

export const assetStatusTitles: Record<AssetStatus, Bilingual> = {
  active: { ja: '使用中', en: 'In use' },
  out: { ja: '持出し中', en: 'Taken out' },
  disposed: { ja: '廃棄済み', en: 'Disposed of' },
};

/** The Japanese title of a level, or its id when the scheme in force no longer has it. */
export function levelTitle(policy: Policy, levelId: string): Bilingual {
  return policy.classification?.levels.find((l) => l.id === levelId)?.title ?? { ja: levelId, en: levelId };
}

/**
 * How a criterion is written in a cell: the last part of its clause (ア … オ of 第2 3(1)) when that is unique
 * within the level, else its id. Short enough for a cell, and what a 台帳 kept by hand would say.
 */
export function criterionLabel(level: ClassificationLevel, criterionId: string): string {
  const criterion = level.criteria.find((c) => c.id === criterionId);
  const marker = criterion?.clause?.split('.').pop();
  if (!criterion || !marker) return criterionId;
  const sameMarker = level.criteria.filter((c) => c.clause?.split('.').pop() === marker);
  return sameMarker.length === 1 ? marker : criterionId;
}

/** The criteria of an asset as one cell: "ア、ウ". */
export function criteriaCell(policy: Policy, levelId: string, criteria: readonly string[]): string {
  const level = policy.classification?.levels.find((l) => l.id === levelId);
  return criteria.map((id) => (level ? criterionLabel(level, id) : id)).join('、');
}
