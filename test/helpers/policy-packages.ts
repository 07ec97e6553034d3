import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config.js';

export const shinjukuDir = path.join(projectRoot, 'policies', 'shinjuku');
/** The second package: a fictional municipality following the 総務省 guideline. */
export const kitaminatoDir = path.join(projectRoot, 'test', 'fixtures', 'policies', 'kitaminato');

/** A scratch copy of a package directory, to break or amend; `edit` rewrites one file's text. */
export function copyPackage(from: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bansho-policy-'));
  cpSync(from, dir, { recursive: true });
  return {
    dir,
    edit(file: string, change: (text: string) => string) {
      const target = path.join(dir, file);
      writeFileSync(target, change(readFileSync(target, 'utf8')));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
