/** A piece of a text comparison: kept, removed from the old text, or inserted in the new one. */
export interface DiffPiece {
  type: 'same' | 'deleted' | 'inserted';
  text: string;
}

/**
 * Character-level difference of two clause texts (longest common subsequence). Japanese has no spaces, so
 * words cannot be the unit; clause texts are short (a few hundred characters), so the quadratic table is cheap.
 */
export function diffText(before: string, after: string): DiffPiece[] {
  const a = [...before];
  const b = [...after];
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i * cols + j] =
        a[i] === b[j] ? (table[(i + 1) * cols + j + 1] ?? 0) + 1 : Math.max(table[(i + 1) * cols + j] ?? 0, table[i * cols + j + 1] ?? 0);
    }
  }
  const pieces: DiffPiece[] = [];
  const push = (type: DiffPiece['type'], text: string) => {
    const last = pieces.at(-1);
    if (last?.type === type) last.text += text;
    else pieces.push({ type, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i] ?? '');
      i += 1;
      j += 1;
    } else if ((table[(i + 1) * cols + j] ?? 0) >= (table[i * cols + j + 1] ?? 0)) {
      push('deleted', a[i] ?? '');
      i += 1;
    } else {
      push('inserted', b[j] ?? '');
      j += 1;
    }
  }
  if (i < a.length) push('deleted', a.slice(i).join(''));
  if (j < b.length) push('inserted', b.slice(j).join(''));
  return pieces;
}
