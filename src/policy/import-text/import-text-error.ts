/** Why a text cannot be imported at all; stable codes for the CLI and tests. */
export type ImportTextErrorCode = 'E_EMPTY' | 'E_BINARY' | 'E_NOT_UTF8' | 'E_NO_CLAUSES' | 'E_OUT_EXISTS';

/** A text the importer refuses, with the line where the problem was found when there is one. */
export class ImportTextError extends Error {
  constructor(
    readonly code: ImportTextErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'ImportTextError';
  }
}
