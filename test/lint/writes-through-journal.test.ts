import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import bansho from '../../eslint/writes-through-journal.js';

/**
 * The lint rule that keeps data changes inside recordAct (eslint/writes-through-journal.js), run on a file of
 * writes it must refuse and writes it must allow (each line says which).
 */
describe('lint rule bansho/writes-through-journal', () => {
  it('refuses every write outside the transaction recordAct opens, and allows those inside', async () => {
    const file = path.join(projectRoot, 'test', 'lint', 'fixtures', 'writes.ts');
    const eslint = new ESLint({
      cwd: projectRoot,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser, parserOptions: { project: path.join(projectRoot, 'test', 'lint', 'tsconfig.json'), tsconfigRootDir: projectRoot } },
          plugins: { bansho },
          rules: { 'bansho/writes-through-journal': 'error' },
        },
      ],
    });
    const [result] = await eslint.lintFiles([file]);
    const found = (result?.messages ?? []).map((m) => `${m.line} ${m.messageId ?? m.message}`);

    const lines = readFileSync(file, 'utf8').split('\n');
    const expected = lines.flatMap((line, index) => {
      const refused = /\/\/ refused: (\w+)/.exec(line);
      return refused ? [`${index + 1} ${refused[1]}`] : [];
    });
    expect(expected.length).toBeGreaterThan(3);
    expect(found).toEqual(expected);
  }, 60_000);
});
