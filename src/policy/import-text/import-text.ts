import type { ImportedStandard, SourceLine } from './draft-types.js';
import { detectRoles } from './detect-roles.js';
import { policyImportErrors } from '../../features/policy-import/errors.js';
import { ImportTextError } from './import-text-error.js';
import { detectNumberingStyle } from './markers.js';
import { checkStandardText, decodeStandardText, splitLines } from './normalise-text.js';
import { parseClauses } from './parse-clauses.js';
import { isSupplementaryHeading, parseSupplementaryProvisions } from './supplementary-provisions.js';

/**
 * Imports a standard's text (UTF-8 bytes, or a string already decoded) as a draft clause tree with its
 * versions (附則), role candidates and warnings. Throws ImportTextError when the text cannot be read at all.
 */
export function importText(input: Uint8Array | string): ImportedStandard {
  const text = typeof input === 'string' ? checkStandardText(input) : decodeStandardText(input);
  const lines: SourceLine[] = splitLines(text).map((words, index) => ({ text: words, line: index + 1 }));
  // Everything from the first 附則 on is version history, not clauses: its 「1 この規程は…」 is no item.
  const supplementaryStart = lines.findIndex((line) => isSupplementaryHeading(line.text.trim()));
  const body = supplementaryStart < 0 ? lines : lines.slice(0, supplementaryStart);
  const style = detectNumberingStyle(body.map((line) => line.text));
  const parsed = parseClauses(body, style);
  if (parsed.clauses.length === 0) {
    throw new ImportTextError('E_NO_CLAUSES', policyImportErrors.E_NO_CLAUSES.message());
  }
  const supplementary = parseSupplementaryProvisions(supplementaryStart < 0 ? [] : lines.slice(supplementaryStart));
  return {
    style,
    ...(parsed.title ? { title: parsed.title } : {}),
    clauses: parsed.clauses,
    versions: supplementary.versions,
    roles: detectRoles(parsed.clauses),
    warnings: [...parsed.warnings, ...supplementary.warnings].sort((a, b) => a.line - b.line),
  };
}
