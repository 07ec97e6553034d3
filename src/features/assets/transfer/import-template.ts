import type ExcelJS from 'exceljs';
import type { Policy } from '../../../policy/schema.js';
import { assetColumns, assetKindTitles, criterionLabel, requiredImportFields } from './import-columns.js';
import { assetKinds } from '../asset-rules.js';

/** Rows of the register sheet that offer drop-down lists for 種別 and 重要性分類. */
const listRows = 2_000;

const notes: Partial<Record<(typeof assetColumns)[number]['field'], string>> = {
  labelCode: '空欄にすると新しいラベル番号を付けます。既存のラベルを引き継ぐときだけ書きます（例: 7KQ2-M9XD）。',
  name: '情報資産の名称（200文字まで）。',
  kind: `${assetKinds.map((k) => assetKindTitles[k].ja).join('、')} のいずれか。`,
  departmentCode: '「課等コード」か「課等」のどちらかを書きます。登録できるのは、あなたが情報セキュリティ責任者を務める課等だけです。',
  department: '課等の名称またはコード。',
  classLevel: '重要性分類（下の表のいずれか）。',
  classCriteria: '該当する基準の記号（ア、イ …）を「、」で区切って書きます。',
  classJustification: '分類の理由。分類によっては必須です。',
  mediumCode: '記録媒体の番号（媒体台帳に登録済みで、この課等に支給されたもの）。',
  retentionUntil: '2026-04-01、2026/4/1、令和8年4月1日 のいずれの書き方でも読めます。',
  reviewDue: '保存期限と同じ書き方です。',
};

/** exceljs keeps a sheet's validations by cell or range in `dataValidations`, which its type declarations omit. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}
function hasRangeValidations(sheet: object): sheet is RangeValidations {
  return 'dataValidations' in sheet && typeof sheet.dataValidations === 'object' && sheet.dataValidations !== null && 'add' in sheet.dataValidations;
}

/**
 * 第2 3: an empty 目録 workbook to fill in — the register sheet with the import's headers and drop-down lists,
 * and a sheet explaining each column with the classes and criteria of the policy in force and the 課等 the
 * user may register for.
 */
export async function importTemplateXlsx(policy: Policy, departments: readonly { code: string; name: string }[]): Promise<Buffer> {
  // exceljs is loaded on the first template asked for (most processes never make one).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bansho';
  const columns = assetColumns.filter((c) => c.importable);
  const sheet = workbook.addWorksheet('情報資産目録', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  const levels = policy.classification?.levels ?? [];
  const letter = (index: number) => String.fromCharCode(65 + index);
  const listFor = (field: string, values: string[]) => {
    const index = columns.findIndex((c) => c.field === field);
    if (index < 0 || values.length === 0 || !hasRangeValidations(sheet)) return;
    // One validation over the column's range: per-cell validations take seconds to write.
    sheet.dataValidations.add(`${letter(index)}2:${letter(index)}${listRows}`, { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] });
  };
  listFor('kind', assetKinds.map((k) => assetKindTitles[k].ja));
  listFor('classLevel', levels.map((l) => l.title.ja));
  listFor('departmentCode', departments.map((d) => d.code));

  const help = workbook.addWorksheet('記入方法');
  help.columns = [{ width: 18 }, { width: 8 }, { width: 90 }];
  help.addRow(['列', '必須', '書き方']).font = { bold: true };
  for (const column of columns) {
    const required = (requiredImportFields as readonly string[]).includes(column.field) ? '必須' : column.field === 'departmentCode' || column.field === 'department' ? 'どちらか' : '';
    help.addRow([column.header, required, notes[column.field] ?? '']);
  }
  help.addRow([]);
  help.addRow(['重要性分類', '記号', '該当基準']).font = { bold: true };
  for (const level of levels) {
    if (level.criteria.length === 0) help.addRow([level.title.ja, '', level.description ?? '']);
    for (const criterion of level.criteria) help.addRow([level.title.ja, criterionLabel(level, criterion.id), criterion.text]);
  }
  help.addRow([]);
  help.addRow(['課等コード', '', '課等（あなたが登録できるもの）']).font = { bold: true };
  for (const department of departments) help.addRow([department.code, '', department.name]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
