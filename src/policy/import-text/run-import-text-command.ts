import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importText } from './import-text.js';
import { summariseImport } from './summarise-import.js';
import { writeDraftPackage } from './write-draft-package.js';

export const importTextUsage = 'bansho policy import-text FILE [--out DIR]';

/** `bansho policy import-text FILE [--out DIR]`: reads a standard's text and writes a draft package (default ./policy-draft). */
export function runImportTextCommand(args: string[], say: (line: string) => void): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new Error(`Usage: ${importTextUsage} / 使い方: ${importTextUsage}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}) / 読み込めません`, { cause: error });
  }
  const sourceName = path.basename(file);
  const standard = importText(bytes);
  const outDir = values.out ?? './policy-draft';
  const written = writeDraftPackage(outDir, standard, sourceName);
  for (const line of summariseImport(standard, sourceName)) say(line);
  say(`Draft written / 下書きを書き出しました: ${written.join(', ')}`);
  return 0;
}
