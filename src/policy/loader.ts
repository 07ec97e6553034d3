import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import canonicalize from 'canonicalize';
import { policySchema, type Policy } from './schema.js';

export interface LoadedPolicy {
  policy: Policy;
  contentHash: string;
}

/** Reads and validates `package.yaml` in a policy directory; every problem is listed with its path. */
export function readPolicyPackage(dir: string): LoadedPolicy {
  const file = path.join(dir, 'package.yaml');
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${file} ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid policy package / ポリシーパッケージが不正です:\n${problems.join('\n')}`);
  }
  const contentHash = createHash('sha256').update(canonicalize(parsed.data) ?? '').digest('hex');
  return { policy: parsed.data, contentHash };
}
