// The draft clause tree that `bansho policy import-text` produces from a standard's text.
// A draft is reviewed by a person before it becomes part of a policy package: every field is plain data.

/**
 * How a text numbers its clauses.
 * - `outline`: 第1 / 1 / (1) / ア / (ア), as in Shinjuku's 対策基準;
 * - `article`: 第N条 / 項 (bare 2, 3 …) / 号 ((1) or 一) / ア, as in most 例規.
 */
export type NumberingStyle = 'outline' | 'article';

/** The written form of a numbering marker; the level it ends up at depends on the document's style. */
export type MarkerShape =
  | 'dai' // 第1 (outline chapters)
  | 'chapter' // 第1章
  | 'division' // 第1節
  | 'article' // 第1条
  | 'number' // 1 (outline sections; 項 in articles)
  | 'parenNumber' // (1)
  | 'kanjiNumber' // 一 (号 in articles)
  | 'katakana' // ア, or イ ロ ハ
  | 'parenKatakana'; // (ア)

/** Where a clause comes from: a numbering marker, or something the importer derived from the text. */
export type ClauseShape =
  | MarkerShape
  | 'firstParagraph' // 第1項 of an article that has more paragraphs: the text gives it no number
  | 'tableRow' // a row of a table inside an item (3.2.1.表.Ⅰ)
  | 'secondSentence' // 後段 (or 中段): a later sentence with its own duty
  | 'proviso'; // ただし書

/** One clause of the draft tree. */
export interface DraftClause {
  /** Dotted, in the text's own numbering: `2.4.2.イ` is 第2 4(2)イ. */
  id: string;
  parentId: string | null;
  shape: ClauseShape;
  /** 1 for the outermost level. */
  depth: number;
  /** The marker as written (`(２)`, `イ`, `第3条`); absent for derived clauses. */
  marker?: string;
  /** The short title the text gives (「(1) 情報資産の管理責任」 → 情報資産の管理責任). */
  heading?: string;
  /** The item's exact words, with lines that a PDF copy broke mid-sentence joined again. */
  text: string;
  /** 1-based line of the source where the clause starts. */
  line: number;
  /** `heading` for bare headings; everything else awaits a reviewer's classification. */
  kind: 'heading' | 'TODO';
  /** Set on 後段/ただし書 items the importer split off; a reviewer may merge them back. */
  split?: 'suggested';
  /** Table rows: the row's cells, left to right. */
  columns?: string[];
  /** Table rows: the table's header cells, when it has a header row. */
  columnHeadings?: string[];
}

/** One 附則: a version of the standard. */
export interface DraftVersion {
  /** `附則.1` for the first (original) 附則. */
  id: string;
  /** 1 for the original text, counting each 附則 in order. */
  version: number;
  line: number;
  /** Date the amendment was issued (ISO), from the 附則's heading. */
  issued?: string;
  /** The issuing number (`16新企情第1029号`), as written. */
  number?: string;
  /** Date the version took effect (ISO), from 「…から施行する」. */
  effective?: string;
  text: string;
}

/** A role title the text uses, as a candidate for the policy package's role mapping. */
export interface RoleCandidate {
  title: string;
  count: number;
  firstLine: number;
  /** Clauses that name the title, in document order. */
  clauseIds: string[];
}

export type ImportWarningCode =
  | 'numbering-jump'
  | 'numbering-repeat'
  | 'marker-outside-parent'
  | 'page-number-skipped'
  | 'title-or-text'
  | 'table-without-item'
  | 'unparsed-date'
  | 'date-outside-era'
  | 'no-effective-date';

/** Something a reviewer should look at; the draft is produced anyway. */
export interface ImportWarning {
  code: ImportWarningCode;
  /** 1-based source line. */
  line: number;
  /** English, then Japanese. */
  message: string;
}

/** The whole draft: text → clauses, versions (附則), role candidates and warnings. */
export interface ImportedStandard {
  style: NumberingStyle;
  /** The first unnumbered line before the first clause, usually the standard's name. */
  title?: string;
  clauses: DraftClause[];
  versions: DraftVersion[];
  roles: RoleCandidate[];
  warnings: ImportWarning[];
}

/** A piece of text with the source line it came from. */
export interface SourceLine {
  text: string;
  line: number;
}
