import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runImportTextCommand } from './run-import-text-command.js';

const work = mkdtempSync(path.join(tmpdir(), 'bansho-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const shinjuku = fileURLToPath(new URL('../../../test/fixtures/standards/shinjuku.txt', import.meta.url));

const run = (args: string[]) => {
  const lines: string[] = [];
  const code = runImportTextCommand(args, (line) => lines.push(line));
  return { code, lines };
};

describe('bansho policy import-text', () => {
  it('prints counts per level, warnings and role candidates, and writes the draft', () => {
    const out = path.join(work, 'draft');
    const { code, lines } = run([shinjuku, '--out', out]);
    expect(code).toBe(0);
    expect(lines.slice(0, 9)).toEqual([
      'shinjuku.txt: outline numbering (第1 / 1 / (1) / ア / (ア))',
      '234 clauses: 47 headings, 187 items (8 of them 後段/ただし書 split off, suggested); 10 versions (附則)',
      'Per level / 階層ごとの件数:',
      '  level 1: 第N 7',
      '  level 2: N 30',
      '  level 3: (N) 111',
      '  level 4: ア 59, 後段 5, 表 2',
      '  level 5: (ア) 17, 後段 2, ただし書 1',
      'Warnings / 警告: none / なし',
    ]);
    expect(lines).toContain('  ネットワーク管理者 ×40 (first on line 53)');
    expect(lines.at(-1)).toContain(path.join(out, 'clauses.yaml'));
  });

  it('prints warnings with their line numbers', () => {
    const file = path.join(work, 'jump.txt');
    writeFileSync(file, '第1　総則\n1　管理\nア　職員は、管理しなければならない。\nウ　職員は、報告しなければならない。\n');
    const { lines } = run([file, '--out', path.join(work, 'jump-draft')]);
    expect(lines).toContain('Warnings / 警告 (1):');
    expect(lines).toContain('  line 4: ウ follows ア: イ is missing / 番号が飛んでいます: ア の次が ウ です（イ がありません）');
  });

  it('explains a missing file and a missing argument', () => {
    expect(() => run([path.join(work, 'absent.txt')])).toThrow(/absent\.txt: cannot be read \(ENOENT\)/);
    expect(() => run([])).toThrow(/Usage: bansho policy import-text FILE \[--out DIR\]/);
  });
});
