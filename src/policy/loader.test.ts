import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyPackage, kitaminatoDir } from '../../test/helpers/policy-packages.js';
import { formatProblem, PolicyPackageError, readPolicyPackage, validatePolicyPackage, type PolicyProblem } from './loader.js';

const scratch: ReturnType<typeof copyPackage>[] = [];
afterEach(() => {
  for (const s of scratch.splice(0)) s.remove();
});

function broken(edits: Record<string, (text: string) => string>) {
  const pkg = copyPackage(kitaminatoDir);
  scratch.push(pkg);
  for (const [file, change] of Object.entries(edits)) pkg.edit(file, change);
  return pkg.dir;
}

function problemsOf(dir: string): PolicyProblem[] {
  const result = validatePolicyPackage(dir);
  if (result.ok) throw new Error('the package was accepted');
  for (const problem of result.problems) {
    // Every problem speaks both languages.
    expect(problem.message.ja.length).toBeGreaterThan(0);
    expect(problem.message.en.length).toBeGreaterThan(0);
  }
  return result.problems;
}

const where = (p: PolicyProblem) => ({ file: p.file, line: p.line, path: p.path });

describe('readPolicyPackage', () => {
  it('reads a package split over several files', () => {
    const { policy, contentHash } = readPolicyPackage(kitaminatoDir);
    expect(policy.packageId).toBe('kitaminato');
    expect(policy.clauses).toHaveLength(12);
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('throws an error that lists every problem', () => {
    const dir = broken({ 'package.yaml': (t) => t.replace('packageId: kitaminato', 'packageId: Kita Minato') });
    expect(() => readPolicyPackage(dir)).toThrow(PolicyPackageError);
    expect(() => readPolicyPackage(dir)).toThrow(/package\.yaml:3:\d+ packageId: パッケージID/);
  });
});

describe('validatePolicyPackage refuses a malformed package whole, listing every error with file, line and path', () => {
  it('YAML syntax errors', () => {
    const dir = broken({ 'roles.yaml': (t) => t.replace('  - { role: staff, title: { ja: 職員等, en: Staff }, scope: department }', '  - { role: staff, title: { ja: 職員等, en: Staff }, scope: department') });
    const problems = problemsOf(dir);
    expect(problems.every((p) => p.file === 'roles.yaml')).toBe(true);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(7);
    expect(problems[0]?.message.en).toMatch(/YAML syntax error/);
  });

  it('unknown keys, at the line of the key', () => {
    const dir = broken({
      'package.yaml': (t) => `${t}colour: blue\n`,
      'clauses.yaml': (t) => t.replace('{ id: "2.1", parentId: "2",', '{ id: "2.1", parentId: "2", severity: high,'),
    });
    const problems = problemsOf(dir).map(where);
    expect(problems).toContainEqual({ file: 'package.yaml', line: 11, path: 'colour' });
    expect(problems).toContainEqual({ file: 'clauses.yaml', line: 5, path: 'clauses.3.severity' });
  });

  it('duplicate and dangling clause ids', () => {
    const dir = broken({
      'clauses.yaml': (t) => t.replace('{ id: "3.1", parentId: "3",', '{ id: "2.2", parentId: "3",').replace('{ id: "4.1", parentId: "4",', '{ id: "4.1", parentId: "9",'),
    });
    const problems = problemsOf(dir);
    expect(problems.map(where)).toEqual(expect.arrayContaining([
      { file: 'clauses.yaml', line: 9, path: 'clauses.7.id' },
      { file: 'clauses.yaml', line: 11, path: 'clauses.9.parentId' },
    ]));
    expect(problems.find((p) => p.path === 'clauses.7.id')?.message.ja).toMatch(/重複/);
    expect(problems.find((p) => p.path === 'clauses.9.parentId')?.message.en).toMatch(/parent clause 9 does not exist/);
  });

  it('a role without a canonical mapping, and a request type naming a role the package does not map', () => {
    const dir = broken({
      'roles.yaml': (t) => t.replace('role: auditor,', 'role: chief_auditor,'),
      'request-types.yaml': (t) => t.replace('approvers: [{ role: cio, scope: global }]', 'approvers: [{ role: auditor, scope: global }]'),
    });
    const problems = problemsOf(dir).map(where);
    expect(problems).toContainEqual({ file: 'roles.yaml', line: 14, path: 'roles.7.role' });
    expect(problems).toContainEqual({ file: 'request-types.yaml', line: 11, path: 'requestTypes.1.approvers.0.role' });
  });

  it('every error of a package at once, across files', () => {
    const dir = broken({
      'package.yaml': (t) => t.replace('version: "2024-04-01"', 'version: ""'),
      'clauses.yaml': (t) => t.replace('capabilities: [facilities]', 'capabilities: [teleportation]').replace('kind: record-keeping', 'kind: filing'),
      'duties.yaml': (t) => t.replace('interval: P6M', 'interval: six months'),
    });
    writeFileSync(path.join(dir, 'extras.yaml'), 'a: 1\n');
    const problems = problemsOf(dir);
    expect(problems.map((p) => `${p.file} ${p.path}`).sort()).toEqual([
      'clauses.yaml clauses.5.kind',
      'clauses.yaml clauses.7.capabilities.0',
      'duties.yaml duties.items.0.interval',
      'extras.yaml ',
      'package.yaml version',
    ]);
    expect(formatProblem(problems.find((p) => p.path === 'clauses.7.capabilities.0') as PolicyProblem)).toMatch(/^clauses\.yaml:9:\d+ clauses\.7\.capabilities\.0: 次のいずれか.* \/ /);
  });

  it('a directory without package.yaml, or no directory at all', () => {
    const pkg = copyPackage(kitaminatoDir);
    scratch.push(pkg);
    writeFileSync(path.join(pkg.dir, 'package.yaml'), '');
    expect(problemsOf(pkg.dir).map((p) => p.path)).toEqual(expect.arrayContaining(['packageId', 'title']));
    expect(problemsOf(path.join(pkg.dir, 'nowhere'))).toHaveLength(1);
  });
});
