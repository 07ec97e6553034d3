import { describe, expect, it } from 'vitest';
import { decodeStandardText, firstInvalidUtf8Offset, splitLines } from './normalise-text.js';

describe('firstInvalidUtf8Offset', () => {
  it('finds truncated, overlong and surrogate sequences, and accepts valid text', () => {
    expect(firstInvalidUtf8Offset(new TextEncoder().encode('第1　総則 ok 🙂'))).toBe(-1);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x41, 0xe7, 0xac]))).toBe(1);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x41, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x41, 0x80]))).toBe(1);
  });
});

describe('decodeStandardText and splitLines', () => {
  it('drops a BOM and numbers lines across CRLF, CR and form feeds', () => {
    const text = decodeStandardText(Buffer.from('\uFEFF第1　総則\r\n1　目的\r(1)　a\fb'));
    expect(splitLines(text)).toEqual(['第1　総則', '1　目的', '(1)　a', 'b']);
  });
});
