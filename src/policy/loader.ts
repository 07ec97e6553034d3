import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import canonicalize from 'canonicalize';
import type { z } from 'zod';
import type { Bilingual } from '../domain/errors.js';
import { crossReferenceIssues, policySchema, type Policy } from './schema.js';

export interface LoadedPolicy {
  policy: Policy;
  contentHash: string;
}

/** One problem of a package: where (file, line, path in the data) and what, in Japanese and English. */
export interface PolicyProblem {
  file: string;
  line: number | null;
  column: number | null;
  /** Dotted path in the package data (`clauses.12.parentId`); empty for a whole file. */
  path: string;
  message: Bilingual;
}

/** A package that cannot be used: every problem found, so that one run shows them all. */
export class PolicyPackageError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: PolicyProblem[],
  ) {
    super(`Invalid policy package / ポリシーパッケージが不正です (${dir}):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'PolicyPackageError';
  }
}

/**
 * The files of a package and the top-level keys each usually holds. A key may sit in any of these files, but in
 * one only; package.yaml is required. See docs/policy-format.md.
 */
export const packageFiles: Record<string, readonly string[]> = {
  'package.yaml': ['packageId', 'municipality', 'title', 'version', 'documentNumber', 'source', 'versions'],
  'roles.yaml': ['roles', 'departmentLevels'],
  'classification.yaml': ['classification'],
  'areas.yaml': ['areas'],
  'request-types.yaml': ['requestTypes'],
  'lists.yaml': ['lists'],
  'duties.yaml': ['duties'],
  'clauses.yaml': ['clauses'],
  'interpretations.yaml': ['interpretations'],
};

const homeFileOf = (key: string): string => Object.entries(packageFiles).find(([, keys]) => keys.includes(key))?.[0] ?? 'package.yaml';

/** "file:line:column path: ja / en" — how the CLI prints a problem. */
export function formatProblem(problem: PolicyProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}${problem.column === null ? '' : `:${problem.column}`}`;
  return `${where}${problem.path ? ` ${problem.path}` : ''}: ${problem.message.ja} / ${problem.message.en}`;
}

interface ParsedFile {
  name: string;
  doc: Document;
  lines: LineCounter;
  broken: boolean;
}

/** Messages written "日本語 / English" split in two; zod's own English messages get a Japanese rendering. */
function bilingualOf(issue: z.core.$ZodIssue): Bilingual {
  const [ja, en] = issue.message.split(' / ');
  if (ja && en) return { ja, en };
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return { ja: '必須の項目がありません', en: 'Required' };
      return { ja: `型が正しくありません（${issue.expected} が必要です）`, en: issue.message };
    case 'invalid_value':
      return { ja: `次のいずれかにしてください: ${issue.values.map(String).join(', ')}`, en: issue.message };
    case 'too_small':
      return { ja: `少なすぎるか短すぎます（最小 ${String(issue.minimum)}）`, en: issue.message };
    case 'too_big':
      return { ja: `多すぎるか長すぎます（最大 ${String(issue.maximum)}）`, en: issue.message };
    case 'invalid_format':
      return { ja: `形式が正しくありません（${issue.format}）`, en: issue.message };
    default:
      return { ja: '値が正しくありません', en: issue.message };
  }
}

/** The node at a path, or the nearest ancestor that exists. */
function nodeAt(doc: Document, keys: PropertyKey[]): Node | null {
  for (let length = keys.length; length >= 0; length -= 1) {
    const node = doc.getIn(keys.slice(0, length) as unknown[], true);
    if (node && typeof node === 'object' && 'range' in node) return node as Node;
  }
  return doc.contents;
}

/** The key node of `key` in the map at `keys`, for problems about a key itself (unknown keys). */
function keyNodeAt(doc: Document, keys: PropertyKey[], key: string): Node | null {
  const map = keys.length === 0 ? doc.contents : doc.getIn(keys as unknown[], true);
  if (!isMap(map)) return null;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair && isScalar(pair.key) ? pair.key : null;
}

function positionOf(file: ParsedFile | undefined, node: Node | null): { line: number | null; column: number | null } {
  if (!file || !node?.range) return { line: null, column: null };
  const { line, col } = file.lines.linePos(node.range[0]);
  return { line, column: col };
}

/** Reads every YAML file of the package; syntax errors and misplaced keys are problems, not exceptions. */
function readFiles(dir: string): { files: ParsedFile[]; raw: Record<string, unknown>; owner: Map<string, ParsedFile>; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const files: ParsedFile[] = [];
  const raw: Record<string, unknown> = {};
  const owner = new Map<string, ParsedFile>();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push({ file: dir, line: null, column: null, path: '', message: { ja: 'ディレクトリがありません', en: 'No such directory' } });
    return { files, raw, owner, problems };
  }
  const present = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  for (const name of present) {
    if (!(name in packageFiles)) {
      problems.push({ file: name, line: null, column: null, path: '', message: { ja: `知らないファイルです（使えるのは ${Object.keys(packageFiles).join(', ')}）`, en: `Unknown file (a package holds ${Object.keys(packageFiles).join(', ')})` } });
    }
  }
  if (!present.includes('package.yaml')) {
    problems.push({ file: 'package.yaml', line: null, column: null, path: '', message: { ja: 'package.yaml がありません', en: 'package.yaml is missing' } });
  }
  for (const name of Object.keys(packageFiles)) {
    if (!present.includes(name)) continue;
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(path.join(dir, name), 'utf8'), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const file: ParsedFile = { name, doc, lines, broken: doc.errors.length > 0 };
    files.push(file);
    for (const error of doc.errors) {
      const at = lines.linePos(error.pos[0]);
      problems.push({ file: name, line: at.line, column: at.col, path: '', message: { ja: `YAML の構文エラー（${error.code}）`, en: `YAML syntax error: ${error.message.split('\n')[0] ?? error.code}` } });
    }
    if (file.broken) continue;
    const contents: unknown = doc.toJS({ maxAliasCount: 100 });
    if (contents === null || contents === undefined) continue;
    if (!isMap(doc.contents) || typeof contents !== 'object' || Array.isArray(contents)) {
      problems.push({ file: name, line: 1, column: 1, path: '', message: { ja: 'ファイルの最上位はキーと値の対応（マップ）にしてください', en: 'The top level of the file must be a mapping' } });
      continue;
    }
    for (const [key, value] of Object.entries(contents as Record<string, unknown>)) {
      const earlier = owner.get(key);
      if (earlier) {
        const pos = positionOf(file, keyNodeAt(doc, [], key));
        problems.push({ file: name, ...pos, path: key, message: { ja: `${key} は ${earlier.name} にもあります`, en: `${key} is also defined in ${earlier.name}` } });
        continue;
      }
      owner.set(key, file);
      raw[key] = value;
    }
  }
  return { files, raw, owner, problems };
}

/**
 * Validates a package directory without loading it anywhere: every problem with file, line and path, or the
 * package with its content hash.
 */
export function validatePolicyPackage(dir: string): { ok: true; loaded: LoadedPolicy } | { ok: false; problems: PolicyProblem[] } {
  const { files, raw, owner, problems } = readFiles(dir);
  if (files.length === 0 && problems.length > 0) return { ok: false, problems };
  const brokenFiles = new Set(files.filter((f) => f.broken).map((f) => f.name));
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    // The schema stops before its cross-reference rules when a field is wrong; run them on the raw data too.
    const reported = new Set(parsed.error.issues.map((i) => `${i.path.join('.')}|${i.message}`));
    // (Not when a file could not be parsed: everything it defines would look missing.)
    const crossIssues = (brokenFiles.size > 0 ? [] : crossReferenceIssues(raw))
      .filter((i) => !reported.has(`${i.path.join('.')}|${i.message}`))
      .map((i) => ({ code: 'custom' as const, path: i.path, message: i.message, input: undefined }));
    for (const issue of [...parsed.error.issues, ...crossIssues]) {
      const [top, ...rest] = issue.path;
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      for (const unknownKey of unknownKeys) {
        const topKey = top === undefined ? unknownKey : String(top);
        const file = topKey === undefined ? undefined : owner.get(topKey);
        const fileName = file?.name ?? (topKey === undefined ? 'package.yaml' : homeFileOf(topKey));
        // A file that could not be parsed already has its syntax errors listed; its keys look missing.
        if (brokenFiles.has(fileName)) continue;
        const keys = top === undefined ? [] : [top, ...rest];
        const node = unknownKey === undefined ? (file ? nodeAt(file.doc, keys) : null) : file ? keyNodeAt(file.doc, keys, unknownKey) : null;
        const dotted = [...keys, ...(unknownKey === undefined ? [] : [unknownKey])].map(String).join('.');
        const message = unknownKey === undefined ? bilingualOf(issue) : { ja: `不明なキー ${unknownKey} です`, en: `Unknown key ${unknownKey}` };
        problems.push({ file: fileName, ...positionOf(file, node), path: dotted, message });
      }
    }
  }
  if (problems.length > 0 || !parsed.success) {
    problems.sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file.localeCompare(b.file)));
    return { ok: false, problems };
  }
  const contentHash = createHash('sha256').update(canonicalize(parsed.data) ?? '').digest('hex');
  return { ok: true, loaded: { policy: parsed.data, contentHash } };
}

/** Reads and validates a policy package directory; throws PolicyPackageError listing every problem. */
export function readPolicyPackage(dir: string): LoadedPolicy {
  const result = validatePolicyPackage(dir);
  if (!result.ok) throw new PolicyPackageError(dir, result.problems);
  return result.loaded;
}

/** Parses stored package content (a version loaded earlier) with today's schema. */
export function parseStoredPolicy(content: unknown): Policy {
  return policySchema.parse(content);
}
