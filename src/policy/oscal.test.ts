import { describe, expect, it } from 'vitest';
import { shinjukuDir } from '../../test/helpers/policy-packages.js';
import { clauseLabel } from './clause-label.js';
import { diffClauses, formatClauseDiff } from './diff.js';
import { readPolicyPackage } from './loader.js';
import { oscalId, toOscalCatalog, uuidFrom } from './oscal.js';
import type { PolicyClause } from './schema.js';

const { policy, contentHash } = readPolicyPackage(shinjukuDir);

interface Control { id: string; title: string; class?: string; props?: { name: string; value: string }[]; parts?: { id: string; name: string; prose?: string }[]; controls?: Control[] }
interface Group { id: string; title: string; groups?: Group[]; controls?: Control[] }

function allControls(groups: Group[]): Control[] {
  const out: Control[] = [];
  const walkControls = (controls: Control[] = []) => {
    for (const c of controls) {
      out.push(c);
      walkControls(c.controls);
    }
  };
  const walk = (gs: Group[] = []) => {
    for (const g of gs) {
      walk(g.groups);
      walkControls(g.controls);
    }
  };
  walk(groups);
  return out;
}

describe('clauseLabel', () => {
  it('cites ids as the text does', () => {
    expect(clauseLabel('2.4.2.イ')).toBe('第2 4(2)イ');
    expect(clauseLabel('5.2.2.ア.イ')).toBe('第5 2(2)ア(イ)');
    expect(clauseLabel('3.2.1.表.Ⅰ')).toBe('第3 2(1) 表 Ⅰ');
    expect(clauseLabel('6.3.2.ウ.ただし書')).toBe('第6 3(2)ウ ただし書');
    expect(clauseLabel('1')).toBe('第1');
    expect(clauseLabel('第3条')).toBe('第3条');
  });
});

describe('toOscalCatalog', () => {
  const { catalog } = toOscalCatalog(policy, { contentHash, loadedAt: new Date('2026-01-01T00:00:00Z') });
  const controls = allControls(catalog.groups);

  it('is an OSCAL 1.1 catalog with metadata, revisions for the 附則 and valid ids', () => {
    expect(catalog.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(catalog.uuid).toBe(uuidFrom(`shinjuku:${contentHash}`));
    expect(catalog.metadata).toMatchObject({ title: '新宿区情報セキュリティ対策基準', version: '2016-01-01', 'oscal-version': expect.stringMatching(/^1\.1\./) as unknown, 'last-modified': '2026-01-01T00:00:00.000Z' });
    expect(catalog.metadata.revisions).toHaveLength(10);
    expect(catalog.groups.map((g) => g.title)).toEqual(['総則', '情報資産の管理責任、重要性分類及び管理方法', '物理的な対策', '人的な対策', '技術的な対策', '運用', '監査、点検、評価及び見直し']);
    // OSCAL tokens: a letter or underscore first, then letters, digits, . - _
    for (const c of controls) expect(c.id).toMatch(/^[\p{L}_][\p{L}\p{N}._-]*$/u);
  });

  it('has one control per normative clause, with the exact text as its statement', () => {
    expect(controls).toHaveLength(187);
    const take = controls.find((c) => c.id === oscalId('2.4.2.イ'));
    expect(take?.parts?.find((p) => p.name === 'statement')?.prose).toBe(policy.clauses.find((c) => c.id === '2.4.2.イ')?.text);
    expect(take?.props).toEqual(expect.arrayContaining([{ name: 'label', value: '第2 4(2)イ' }, expect.objectContaining({ name: 'kind', value: 'approval-required' })]));
    expect(controls.find((c) => c.id === oscalId('2.4.2.ア'))?.parts?.find((p) => p.name === 'guidance')?.prose).toMatch(/第2 3/);
    const nested = controls.find((c) => c.id === oscalId('5.2.2.ア'));
    expect(nested?.controls?.map((c) => c.id)).toEqual([oscalId('5.2.2.ア.ア'), oscalId('5.2.2.ア.イ')]);
  });
});

describe('diffClauses', () => {
  it('lists clauses added, removed and changed', () => {
    const before = policy.clauses;
    const after: PolicyClause[] = before
      .filter((c) => c.id !== '1.1')
      .map((c) => (c.id === '2.4.3.ウ' ? { ...c, text: `${c.text}（改）` } : c))
      .concat([{ ...before[1]!, id: '8', parentId: null, kind: 'heading', heading: '雑則', text: '', capabilities: [], policyTextOnly: undefined }]);
    const diff = diffClauses(before, after);
    expect(diff.added.map((c) => c.id)).toEqual(['8']);
    expect(diff.removed.map((c) => c.id)).toEqual(['1.1']);
    expect(diff.changed).toEqual([{ id: '2.4.3.ウ', fields: [{ field: 'text', from: expect.any(String) as unknown, to: expect.stringMatching(/（改）$/) as unknown }] }]);
    expect(diff.unchanged).toBe(before.length - 2);
    expect(formatClauseDiff(diff, { before: 'A', after: 'B' })[0]).toMatch(/1 added.*1 removed.*1 changed/);
  });
});
