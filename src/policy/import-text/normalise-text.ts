import { notUtf8Remedies, policyImportErrors } from '../../features/policy-import/errors.js';
import { ImportTextError } from './import-text-error.js';

const lineOfOffset = (bytes: Uint8Array, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/** Offset of the first byte that breaks UTF-8, or -1; TextDecoder says only *that* it failed, not where. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    let length: number;
    let min: number;
    if (lead < 0x80) {
      i++;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let codePoint = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid UTF-8 too.
    if (codePoint < min || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) return i;
    i += length;
  }
  return -1;
}

const decodesAs = (encoding: string, bytes: Uint8Array): boolean => {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    // Either not that encoding, or a Node built without full ICU: in both cases make no claim.
    return false;
  }
};

/** Refuses text that is empty or binary; shared by the byte and the string entry points. */
export function checkStandardText(text: string): string {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    throw new ImportTextError('E_BINARY', policyImportErrors.E_BINARY.message({ line }), line);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new ImportTextError('E_EMPTY', policyImportErrors.E_EMPTY.message());
  }
  return text;
}

/**
 * Decodes a standard's bytes as UTF-8. Anything else is refused with the line of the first bad byte:
 * guessing an encoding could silently change the words of the standard.
 */
export function decodeStandardText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ImportTextError('E_NOT_UTF8', policyImportErrors.E_NOT_UTF8.message({ line: 1, remedy: notUtf8Remedies.utf16 }), 1);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) checkStandardText(new TextDecoder('utf-8').decode(bytes.subarray(0, nul + 1)));
  const invalid = firstInvalidUtf8Offset(bytes);
  if (invalid >= 0) {
    const line = lineOfOffset(bytes, invalid);
    // Name an encoding only when the whole file decodes cleanly in it; even then, convert nothing.
    const looksLike = decodesAs('shift_jis', bytes) ? 'Shift_JIS' : decodesAs('euc-jp', bytes) ? 'EUC-JP' : null;
    throw new ImportTextError('E_NOT_UTF8', policyImportErrors.E_NOT_UTF8.message({ line, remedy: notUtf8Remedies.convert(invalid, looksLike) }), line);
  }
  return checkStandardText(new TextDecoder('utf-8').decode(bytes));
}

/**
 * Splits text into lines, numbered as an editor numbers them. CR/LF and CR become LF; a form feed
 * (a PDF page break) ends a line too. Words are left exactly as written: no NFKC, which would turn Ⅰ into I.
 */
export function splitLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .split('\n');
}
