import type { ActingContext } from '../../domain/context.js';
import { DomainError } from '../../domain/errors.js';
import { forbidden } from '../../domain/kernel-errors.js';
import type { ImportedStandard } from '../../policy/import-text/draft-types.js';
import { importText } from '../../policy/import-text/import-text.js';
import { ImportTextError } from '../../policy/import-text/import-text-error.js';
import { decodeStandardText, splitLines } from '../../policy/import-text/normalise-text.js';
import { requireActor } from '../auth/require-actor.js';
import { can } from './draft-policy.js';
import { policyImportErrors } from './errors.js';

/** An importer refusal (empty, binary, not UTF-8, no clauses) as the domain error of its catalogue entry. */
export function importTextProblem(error: ImportTextError): DomainError {
  const entry = policyImportErrors[error.code];
  return new DomainError(entry.kind, entry.code, error.text);
}

/** Decodes uploaded bytes as UTF-8 the importer's way: another encoding is refused with the line of the first bad byte. */
export function decodeUploadedText(bytes: Uint8Array): string {
  try {
    return decodeStandardText(bytes);
  } catch (error) {
    if (error instanceof ImportTextError) throw importTextProblem(error);
    throw error;
  }
}

/** The parsed draft and the text's lines as the importer numbered them (line n is `lines[n - 1]`). */
export interface ParsedStandardText extends ImportedStandard {
  lines: string[];
}

/** Parses a standard's text into a draft clause tree for review. Stores nothing, so journals nothing. */
export function importStandardText(ctx: ActingContext, text: string): ParsedStandardText {
  const actor = requireActor(ctx);
  if (!can(actor, 'import')) throw forbidden();
  try {
    return { ...importText(text), lines: splitLines(text) };
  } catch (error) {
    if (error instanceof ImportTextError) throw importTextProblem(error);
    throw error;
  }
}
