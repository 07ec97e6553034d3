import { defineErrors, type CodesOf } from '../../domain/error-catalogue.js';
import type { Bilingual } from '../../domain/errors.js';

/**
 * Why a standard's text cannot be drafted at all: the importer's refusals (src/policy/import-text), which the
 * review page's API answers with and `bansho policy import-text` prints.
 */
export const policyImportErrors = defineErrors({
  E_EMPTY: { kind: 'invalid', ja: 'ファイルが空です。取り込む本文がありません。', en: 'The file is empty: there is no text to import.' },
  E_BINARY: {
    kind: 'invalid',
    ja: '{line}行目: NULバイトを含むためテキストではありません。本文をUTF-8のテキストファイルに貼り付けてください。',
    en: "line {line}: the file contains NUL bytes: it is binary (a .docx, .pdf or image?), not text. Copy the standard's text into a UTF-8 text file.",
  },
  // Guessing an encoding could silently change the words of the standard: the remedy says what the bytes look like.
  E_NOT_UTF8: { kind: 'invalid', ja: '{line}行目: UTF-8ではありません。{remedy}', en: 'line {line}: the file is not valid UTF-8: {remedy}' },
  E_NO_CLAUSES: {
    kind: 'invalid',
    ja: '番号付きの項目が見つかりません（行頭の 第1・1・(1)・ア、または 第1条・2・(1)・ア を読み取ります）。',
    en: 'No numbered clauses were found: the importer reads 第1 / 1 / (1) / ア or 第1条 / 2 / (1) / ア numbering at the start of lines.',
  },
  // The command line's alone: a draft directory may already hold a reviewer's edits.
  E_OUT_EXISTS: {
    kind: 'conflict',
    ja: '既にファイルがあります（{files}）。削除するか別の --out を指定してください。',
    en: '{files} already exist: remove them or choose another --out directory.',
  },
});

export type PolicyImportErrorCode = CodesOf<typeof policyImportErrors>;

/** The `{remedy}` of E_NOT_UTF8: what the bytes are, and what to do about it. */
export const notUtf8Remedies = {
  utf16: {
    ja: 'UTF-16のファイルです。UTF-8で保存し直してから取り込んでください。',
    en: 'it is UTF-16 (it starts with a UTF-16 byte-order mark). Save it as UTF-8 and import it again.',
  },
  /** Bytes that break UTF-8 at `offset`; `encoding` when the whole file decodes cleanly in it (even then, nothing is converted). */
  convert: (offset: number, encoding: 'Shift_JIS' | 'EUC-JP' | null): Bilingual =>
    encoding
      ? {
          ja: `${encoding}のようです。UTF-8に変換してから取り込んでください。`,
          en: `the first invalid byte is at offset ${offset}, and the bytes are valid ${encoding}. Convert the file (e.g. \`iconv -f ${encoding === 'Shift_JIS' ? 'CP932' : 'EUC-JP'} -t UTF-8\`) and import it again.`,
        }
      : { ja: 'UTF-8に変換してから取り込んでください。', en: `the first invalid byte is at offset ${offset}. Convert the file to UTF-8 and import it again.` },
};
