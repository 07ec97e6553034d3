import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { policySchema } from '../schema.js';
import { importText } from './import-text.js';
import { writeDraftPackage } from './write-draft-package.js';

const shinjuku = importText(readFileSync(new URL('../../../test/fixtures/standards/shinjuku.txt', import.meta.url)));
const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bansho-draft-'));
  dirs.push(dir);
  return path.join(dir, 'policy-draft');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeDraftPackage', () => {
  it('writes the four YAML files, which read back to the same draft', () => {
    const dir = freshDir();
    writeDraftPackage(dir, shinjuku, 'shinjuku.txt');
    expect(readdirSync(dir).sort()).toEqual(['clauses.yaml', 'package.yaml', 'roles-candidates.yaml', 'versions.yaml']);
    const read = (name: string) => parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>;
    const clauses = read('clauses.yaml').clauses as { id: string; text: string; columns?: string[] }[];
    expect(clauses.map((clause) => clause.id)).toEqual(shinjuku.clauses.map((clause) => clause.id));
    // Ids such as "1.1" must stay strings, and long texts must not be folded.
    expect(clauses[1]).toMatchObject({ id: '1.1', text: shinjuku.clauses[1]?.text });
    expect(clauses.find((clause) => clause.id === '3.2.1.表.Ⅰ')?.columns).toHaveLength(2);
    expect(read('versions.yaml').versions).toEqual(shinjuku.versions);
    expect((read('roles-candidates.yaml').candidates as { title: string }[])[0]).toMatchObject({ title: 'ネットワーク管理者', count: 40 });
  });

  it('writes a package.yaml that stays invalid until every TODO is decided', () => {
    const dir = freshDir();
    writeDraftPackage(dir, shinjuku, 'shinjuku.txt');
    const text = readFileSync(path.join(dir, 'package.yaml'), 'utf8');
    expect(text).toContain('TODO');
    const draft = parse(text) as { version: string; roles: { title: { ja: string } }[] };
    expect(draft.version).toBe('2016-01-01');
    expect(draft.roles.map((role) => role.title.ja)).toContain('情報化統括管理者');
    expect(policySchema.safeParse(draft).success).toBe(false);
  });

  it('never overwrites an earlier draft', () => {
    const dir = freshDir();
    writeDraftPackage(dir, shinjuku, 'shinjuku.txt');
    expect(() => writeDraftPackage(dir, shinjuku, 'shinjuku.txt')).toThrow(expect.objectContaining({ code: 'E_OUT_EXISTS' }));
  });
});
