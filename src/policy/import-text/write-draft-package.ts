import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportedStandard } from './draft-types.js';
import { policyImportErrors } from '../../features/policy-import/errors.js';
import { ImportTextError } from './import-text-error.js';
import { renderDraftPackage } from './render-draft-package.js';

/**
 * Writes a draft policy package (package.yaml, clauses.yaml, versions.yaml, roles-candidates.yaml) into
 * `dir` and returns the paths written. It never overwrites: a draft may already hold a reviewer's edits.
 */
export function writeDraftPackage(dir: string, standard: ImportedStandard, sourceName: string): string[] {
  const files = renderDraftPackage(standard, sourceName);
  const targets = Object.entries(files).map(([name, content]) => ({ file: path.join(dir, name), content }));
  const existing = targets.filter((target) => existsSync(target.file)).map((target) => target.file);
  if (existing.length > 0) {
    throw new ImportTextError('E_OUT_EXISTS', policyImportErrors.E_OUT_EXISTS.message({ files: existing.join(', ') }));
  }
  mkdirSync(dir, { recursive: true });
  // 'wx' fails rather than overwrite a file created since the check above.
  for (const target of targets) writeFileSync(target.file, target.content, { encoding: 'utf8', flag: 'wx' });
  return targets.map((target) => target.file);
}
