import type { Bilingual } from '../../domain/errors.js';
import type { PolicyImportErrorCode } from '../../features/policy-import/errors.js';

/** Why a text cannot be imported at all: a code of the policy-import catalogue (features/policy-import/errors.ts). */
export type ImportTextErrorCode = PolicyImportErrorCode;

/** A text the importer refuses: the catalogue's code and texts, and the line where the problem was found when there is one. */
export class ImportTextError extends Error {
  constructor(
    readonly code: ImportTextErrorCode,
    readonly text: Bilingual,
    readonly line?: number,
  ) {
    // The command line prints the message: English, then Japanese.
    super(`${text.en} / ${text.ja}`);
    this.name = 'ImportTextError';
  }
}
