import { defineErrors, type CodesOf } from '../../domain/error-catalogue.js';
import type { Bilingual } from '../../domain/errors.js';
import type { AccessSubjectType } from './asset-rules.js';

/**
 * The information asset register's errors (第2): what its use cases refuse, what an upload is refused for, and
 * what an import reports row by row. Row numbers are passed as text, so that they read as Excel shows them
 * (12345行目, not 12,345行目); counts and limits as numbers.
 */
export const assetErrors = defineErrors({
  // The inventory and its saved views.
  E_PAGE_BEYOND_WINDOW: {
    kind: 'invalid',
    ja: '一覧で表示できるのは先頭から{max}件までです。条件で絞り込むか、Excel・CSVに出力してください。',
    en: 'The list shows the first {max} matches. Narrow the filter, or export to Excel or CSV.',
  },
  E_FILTER_INVALID: { kind: 'invalid', ja: '保存できない検索条件です。', en: 'These filters cannot be saved.' },
  E_FILTER_NAME_TAKEN: { kind: 'conflict', ja: 'この名前の検索条件は既にあります。', en: 'A saved filter with this name exists.' },

  // Classification (第2 3): the refusal, and the problems its fields name (an import row reports them too).
  E_CLASSIFICATION: { kind: 'invalid', ja: '重要性分類の内容に誤りがあります。', en: 'The classification is not valid.' },
  E_CLASSIFICATION_SCHEME_MISSING: { kind: 'invalid', ja: '施行中のポリシーに重要性分類が定義されていません。', en: 'The policy in force defines no classification scheme.' },
  E_CLASS_LEVEL_UNKNOWN: { kind: 'invalid', ja: '重要性分類「{level}」はありません。次のいずれかです：{choices}', en: 'There is no class "{level}". Use one of: {choices}' },
  E_CLASS_CRITERIA_UNKNOWN: { kind: 'invalid', ja: '{level}の基準にない項目です：{criteria}', en: 'Not criteria of {level}: {criteria}' },
  E_CLASS_CRITERIA_REQUIRED: { kind: 'invalid', ja: '{level}に該当する基準を1つ以上選んでください。', en: 'Choose at least one criterion of {level} that applies.' },
  E_CLASS_JUSTIFICATION_REQUIRED: { kind: 'invalid', ja: '{level}に分類する理由を記入してください。', en: 'Give the reason for classifying as {level}.' },

  // The medium an asset is recorded on (第2 4(2)ウ, 4(3)ウ); {medium} is `chosenMedium` or `mediumCalled(code)`.
  E_MEDIUM_NOT_ISSUED: {
    kind: 'invalid',
    ja: '{medium}はこの課等に支給された記録媒体として登録されていません（第2 4(2)ウ）。',
    en: '{medium} is not registered as issued to this department (2.4.2.ウ).',
  },
  E_MEDIUM_UNAVAILABLE: { kind: 'invalid', ja: '記録媒体「{code}」は紛失又は廃棄済みです。', en: 'Medium "{code}" is lost or disposed of.' },
  E_MEDIUM_NOT_LOCKED: {
    kind: 'invalid',
    ja: '{level}の情報資産を記録した媒体は施錠可能な場所に保管しなければなりません（第2 4(3)ウ）。媒体「{code}」の保管方法を先に更新してください。',
    en: 'Media holding {level} assets must be kept in lockable storage (2.4.3.ウ). Update the storage of medium "{code}" first.',
  },

  // Changes to a record.
  E_NOTHING_CHANGED: { kind: 'invalid', ja: '変更された項目がありません。', en: 'Nothing was changed.' },
  E_STATUS_UNCHANGED: { kind: 'invalid', ja: '状態は既にそのとおりです。', en: 'The asset already has that status.' },
  E_DISPOSAL_IN_FUTURE: { kind: 'invalid', ja: '廃棄日に未来の日付は指定できません。', en: 'The disposal date cannot be in the future.' },
  // {subject} is one of `accessSubjectNames`.
  E_ACCESS_SUBJECT_NOT_FOUND: { kind: 'invalid', ja: '指定された{subject}が見つかりません。', en: 'No such {subject}.' },
  E_ACCESS_EXISTS: { kind: 'conflict', ja: 'この権限は既に付与されています。', en: 'This right is already granted.' },
  E_BULK_NOT_MANAGED: {
    kind: 'forbidden',
    ja: '管理していない、又は廃棄済みの情報資産が{count}件含まれています。何も変更していません。',
    en: '{count} of the assets are not yours to manage or are disposed of. Nothing was changed.',
  },
  // The field problem of each asset E_BULK_NOT_MANAGED refused.
  E_BULK_ASSET_REFUSED: { kind: 'forbidden', ja: '変更できません', en: 'Cannot be changed' },
  E_BULK_NOTHING_TO_CHANGE: { kind: 'invalid', ja: '変更が必要な情報資産はありませんでした。', en: 'None of the assets needed a change.' },

  // Exports and label sheets.
  E_EXPORT_TOO_LARGE: {
    kind: 'invalid',
    ja: '印刷用の目録（PDF）は {max} 件までです（該当 {count} 件）。課等などで絞り込むか、Excel で出力してください。',
    en: 'The printable inventory (PDF) holds at most {max} assets ({count} match). Narrow the filter or export to Excel.',
  },
  E_LABELS_TOO_MANY: { kind: 'invalid', ja: 'ラベルは一度に {max} 件までです（該当 {count} 件）。絞り込んでから印刷してください。', en: 'At most {max} labels at once ({count} match). Narrow the filter first.' },

  // An uploaded register, refused as a whole.
  E_IMPORT_NOT_MULTIPART: { kind: 'invalid', ja: 'ファイルを multipart/form-data で送信してください。', en: 'Send the file as multipart/form-data.' },
  E_IMPORT_NO_FILE: { kind: 'invalid', ja: '取り込むファイルを選んでください。', en: 'Choose a file to import.' },
  E_IMPORT_ONE_FILE: { kind: 'invalid', ja: 'ファイルは一度に1つだけ送信してください。', en: 'Send one file at a time.' },
  E_IMPORT_MAPPING_INVALID: { kind: 'invalid', ja: '列の対応づけ（mapping）の形式が正しくありません。', en: 'The column mapping is not valid.' },
  // The upload itself, what an xlsx unpacks to, or the memory its reading needs: all say the same.
  E_IMPORT_FILE_TOO_LARGE: {
    kind: 'invalid',
    ja: 'ファイルが大きすぎます（{max} MB まで。Excel ブックは展開後 {unpacked} MB まで）。台帳を分けて取り込んでください。',
    en: 'The file is too large (at most {max} MB, and {unpacked} MB once an Excel workbook is unpacked). Split the register into several files.',
  },
  E_IMPORT_BUSY: {
    kind: 'rate_limited',
    ja: 'ほかのファイル（前に送ったもの、又はほかの方の取り込み）を読み込んでいます。少し待ってから、もう一度送ってください。',
    en: 'Another file (your previous one, or someone else’s import) is being read. Wait a moment and send the file again.',
  },
  E_IMPORT_TOO_SLOW: {
    kind: 'invalid',
    ja: 'ファイルの読み込みが{seconds}秒以内に終わりませんでした。台帳を分けて取り込んでください。',
    en: 'Reading the file took more than {seconds} seconds. Split the register into several files.',
  },
  E_IMPORT_EMPTY_FILE: { kind: 'invalid', ja: 'ファイルが空です。', en: 'The file is empty.' },
  E_IMPORT_NO_ROWS: { kind: 'invalid', ja: '見出し行の下に取り込む行がありません。', en: 'There are no rows below the header row.' },
  E_IMPORT_TOO_MANY_ROWS: { kind: 'invalid', ja: '一度に取り込めるのは {max} 行までです。ファイルを分けてください。', en: 'At most {max} rows can be imported at once. Split the file.' },
  E_IMPORT_TOO_MANY_COLUMNS: {
    kind: 'invalid',
    ja: '{row}行目の列が多すぎます（{max}列まで）。台帳の列を確かめてください。',
    en: "Row {row} has too many columns (at most {max}). Check the register's columns.",
  },
  E_IMPORT_CELL_TOO_LONG: { kind: 'invalid', ja: '{row}行目に長すぎるセルがあります（{max}文字まで）。', en: 'Row {row} has a cell longer than {max} characters.' },
  E_IMPORT_UNSUPPORTED_TYPE: {
    kind: 'invalid',
    ja: 'Excel ブック（.xlsx）または CSV（UTF-8）のファイルを選んでください。このファイルはどちらでもありません。',
    en: 'Choose an Excel workbook (.xlsx) or a CSV file (UTF-8). This file is neither.',
  },
  E_IMPORT_LEGACY_XLS: {
    kind: 'invalid',
    ja: 'Excel 97-2003 形式（.xls）は読み込めません。Excel で「Excel ブック（*.xlsx）」として保存し直してください。',
    en: 'Excel 97-2003 files (.xls) cannot be read. Save the file as an Excel workbook (*.xlsx).',
  },
  E_IMPORT_NOT_XLSX: {
    kind: 'invalid',
    ja: 'Excel ブック（.xlsx）として読み込めません。ファイルが壊れているか、別の形式です。',
    en: 'The file cannot be read as an Excel workbook (.xlsx): it is damaged or of another kind.',
  },
  E_IMPORT_SHIFT_JIS: {
    kind: 'invalid',
    ja: 'CSV が Shift_JIS で保存されています。Excel の「名前を付けて保存」で「CSV UTF-8（コンマ区切り）」を選んで保存し直してください。',
    en: 'The CSV file is in Shift_JIS. In Excel, use "Save As" and choose "CSV UTF-8 (Comma delimited)".',
  },
  E_IMPORT_UTF16: {
    kind: 'invalid',
    ja: 'UTF-16 の「Unicode テキスト」は読み込めません。「CSV UTF-8（コンマ区切り）」で保存し直してください。',
    en: 'UTF-16 "Unicode text" cannot be read. Save the file as "CSV UTF-8 (Comma delimited)".',
  },
  E_IMPORT_NOT_UTF8: {
    kind: 'invalid',
    ja: 'CSV の文字コードが UTF-8 ではありません。「CSV UTF-8（コンマ区切り）」で保存し直してください。',
    en: 'The CSV file is not UTF-8. Save it as "CSV UTF-8 (Comma delimited)".',
  },
  // {near} is `nearLine(line)`.
  E_IMPORT_MALFORMED_CSV: { kind: 'invalid', ja: 'CSV の形式が正しくありません{near}。引用符（"）の対応を確認してください。', en: 'The CSV file is malformed{near}. Check the quotes (").' },

  // What an import reports row by row (the header row for the columns). {column} is `headerAndField(…)`.
  E_IMPORT_DUPLICATE_COLUMN: {
    kind: 'invalid',
    ja: '列「{column}」は列「{first}」と同じ項目（{field}）を表しています。どちらかの列名を変えるか削除してください。',
    en: 'Column "{column}" means the same field ({field}) as column "{first}". Rename or remove one of them.',
  },
  E_IMPORT_MISSING_COLUMN: { kind: 'invalid', ja: '必須の列「{column}」がありません（見出し行: {headerRow}行目）。', en: 'The required column "{column}" is missing (header row: {headerRow}).' },
  E_IMPORT_REQUIRED: { kind: 'invalid', ja: '「{column}」を入力してください。', en: '{column} is required.' },
  E_IMPORT_UNKNOWN_KIND: {
    kind: 'invalid',
    ja: '種別「{kind}」はありません。電子データ、紙文書、情報システム、ソフトウェア、記録媒体、その他 のいずれかです。',
    en: 'Unknown kind "{kind}". Use one of: electronic_data, paper, system, software, medium, other.',
  },
  E_IMPORT_UNKNOWN_DEPARTMENT: { kind: 'invalid', ja: '課等「{department}」がありません（コードまたは名称で指定してください）。', en: 'No department "{department}" (give its code or name).' },
  E_IMPORT_DEPARTMENT_AMBIGUOUS: {
    kind: 'invalid',
    ja: '課等「{department}」は同じ名前が複数あります。「課等コード」の列で指定してください。',
    en: 'More than one department is called "{department}". Give its code in a "課等コード" column.',
  },
  E_IMPORT_DEPARTMENT_MISMATCH: {
    kind: 'invalid',
    ja: '課等コード「{code}」は「{found}」です。課等「{given}」と一致しません。',
    en: 'Department code "{code}" is {found}, not "{given}".',
  },
  E_IMPORT_DEPARTMENT_NOT_MANAGED: {
    kind: 'invalid',
    ja: '「{department}」の情報資産は登録できません。登録できるのは、情報セキュリティ責任者を務める課等の情報資産だけです（第2 3）。',
    en: 'You cannot register assets of {department}: only of the departments whose security officer you are (2.3).',
  },
  E_IMPORT_UNKNOWN_CLASS: { kind: 'invalid', ja: '重要性分類「{level}」はありません。次のいずれかです：{choices}', en: 'Unknown class "{level}". Use one of: {choices}' },
  E_IMPORT_UNKNOWN_CRITERIA: {
    kind: 'invalid',
    ja: '{level}の基準にない項目です：{criteria}（{markers} で書いてください）',
    en: 'Not criteria of {level}: {criteria} (write {markers})',
  },
  // A row's classification problem; the row's message is the problem's own (E_CLASS_…).
  E_IMPORT_CLASSIFICATION: { kind: 'invalid', ja: '重要性分類の内容に誤りがあります。', en: 'The classification is not valid.' },
  E_IMPORT_JUSTIFICATION_REQUIRED: { kind: 'invalid', ja: '分類の理由を記入してください。', en: 'Give the reason for the classification.' },
  E_IMPORT_INVALID_LABEL_CODE: {
    kind: 'invalid',
    ja: 'ラベル番号「{label}」の形式が正しくありません（例: 7KQ2-M9XD）。空欄にすると新しい番号を付けます。',
    en: '"{label}" is not a label code (e.g. 7KQ2-M9XD). Leave it empty to get a new one.',
  },
  E_IMPORT_DUPLICATE_LABEL_CODE: { kind: 'invalid', ja: 'ラベル番号 {label} は{row}行目と重複しています。', en: 'Label code {label} repeats row {row}.' },
  E_IMPORT_LABEL_CODE_TAKEN: { kind: 'invalid', ja: 'ラベル番号 {label} は既に登録されている情報資産に付いています。', en: 'Label code {label} already belongs to a registered asset.' },
  E_IMPORT_UNREADABLE_VALUE: { kind: 'invalid', ja: '値を読み取れません。', en: 'The value cannot be read.' },
  // {detail} is the request schema's own message for the field.
  E_IMPORT_INVALID_VALUE: { kind: 'invalid', ja: '値が正しくありません：{detail}', en: 'Not a valid value: {detail}' },
  E_IMPORT_FORMULA: {
    kind: 'invalid',
    ja: '数式のセルは取り込めません（={formula}）。値として貼り付けてください。',
    en: 'Formula cells cannot be imported (={formula}). Paste the values instead.',
  },
  E_IMPORT_CELL_ERROR: { kind: 'invalid', ja: 'エラー値（{error}）のセルは取り込めません。', en: 'The cell holds an error value ({error}).' },
  E_IMPORT_UNSTORABLE_TEXT: {
    kind: 'invalid',
    ja: '使用できない文字（NUL や不正な Unicode）が含まれています。',
    en: 'The text contains characters that cannot be stored (NUL or malformed Unicode).',
  },
  E_IMPORT_FORMULA_TEXT: {
    kind: 'invalid',
    ja: '「{text}」は数式として実行されるおそれがあるため取り込めません（先頭の = + - @ を取るか、全角にしてください）。',
    en: '"{text}" could run as a formula when the file is opened, so it is refused (remove the leading = + - @ or write it full-width).',
  },
  E_IMPORT_INVALID_DATE: {
    kind: 'invalid',
    ja: '日付「{date}」を読み取れません。2026-04-01、2026/4/1、令和8年4月1日 のように書いてください。',
    en: 'Cannot read the date "{date}". Write it as 2026-04-01, 2026/4/1 or 令和8年4月1日.',
  },

  // Committing a validated import.
  E_IMPORT_ALREADY_COMMITTED: { kind: 'conflict', ja: 'この取り込みは既に登録済みです。', en: 'This import has already been committed.' },
  E_IMPORT_INVALID: {
    kind: 'conflict',
    ja: '誤りのある取り込みは登録できません。ファイルを直して、もう一度読み込んでください。',
    en: 'An import with errors cannot be committed. Fix the file and upload it again.',
  },
  E_IMPORT_STALE: {
    kind: 'conflict',
    ja: '読み込んだ後に登録内容が変わったため、登録できません。ファイルをもう一度読み込んでください。',
    en: 'Things changed since the file was validated, so nothing was committed. Upload the file again.',
  },
  // One row problem as a field of E_IMPORT_STALE.
  E_IMPORT_ROW_PROBLEM: { kind: 'conflict', ja: '{row}行目「{column}」: {problem}', en: 'Row {row}, {column}: {problem}' },
});

export type AssetErrorCode = CodesOf<typeof assetErrors>;
export const assetErrorCodes = Object.keys(assetErrors) as [AssetErrorCode, ...AssetErrorCode[]];

// Words that fill the placeholders above, kept with the texts they go into.

/** {subject} of E_ACCESS_SUBJECT_NOT_FOUND. */
export const accessSubjectNames: Record<AccessSubjectType, Bilingual> = {
  user: { ja: '利用者', en: 'active user' },
  role: { ja: '役割', en: 'role' },
  department: { ja: '課等', en: 'department' },
};

/** {medium} of E_MEDIUM_NOT_ISSUED when the form chose it by id: its code is not the actor's to see. */
export const chosenMedium: Bilingual = { ja: '選択した記録媒体', en: 'The chosen medium' };

/** {medium} of E_MEDIUM_NOT_ISSUED as an import's cell named it. */
export const mediumCalled = (code: string): Bilingual => ({ ja: `記録媒体「${code}」`, en: `Medium "${code}"` });

/** {near} of E_IMPORT_MALFORMED_CSV: where the parser stopped, when it says. */
export const nearLine = (line: number | undefined): Bilingual => (line ? { ja: `（${line}行目付近）`, en: ` (near line ${line})` } : { ja: '', en: '' });

/** A column of the import by its Japanese header, with the field's id for English readers. */
export const headerAndField = (header: string, field: string): Bilingual => ({ ja: header, en: `${header} (${field})` });

/** Items in a sentence: 「ア、ウ」 / "ア, ウ". */
export const listOf = (items: readonly string[], jaSeparator = '、'): Bilingual => ({ ja: items.join(jaSeparator), en: items.join(', ') });

/** A problem an import reports on a row or a cell: the entry's code and its words. */
export function problemOf<Entry extends { code: AssetErrorCode; message: (...params: never[]) => Bilingual }>(
  entry: Entry,
  ...params: Parameters<Entry['message']>
): { code: Entry['code']; message: Bilingual } {
  return { code: entry.code, message: (entry.message as (...args: Parameters<Entry['message']>) => Bilingual)(...params) };
}
