import { describe, expect, it } from 'vitest';
import { assetBody, assetFormSchema, changedFields, classificationIssues, type AssetFormValues } from './asset-schemas.js';
import type { ClassificationLevel } from './asset-types.js';
import { managedDepartmentIds } from './reader.js';

const classOne: ClassificationLevel = {
  id: 'class-1',
  title: { ja: '重要性分類Ⅰ', en: 'Class I' },
  rank: 1,
  isDefault: false,
  criteria: [
    { id: 'resident-impact', clause: '2.3.1.ア', text: '区民の財産及びプライバシー等に重大な影響を及ぼす情報資産' },
    { id: 'secret-by-law', clause: '2.3.1.イ', text: '法令又は区の条例等により守秘されるもの' },
  ],
  handling: [],
  controls: { justificationRequired: true, restricted: true, issuedMediaOnly: true, lockedStorage: true },
  clauses: ['2.3.1'],
};
const classTwo: ClassificationLevel = {
  id: 'class-2',
  title: { ja: '重要性分類Ⅱ', en: 'Class II' },
  rank: 2,
  isDefault: true,
  criteria: [],
  handling: [],
  controls: { justificationRequired: false, restricted: false, issuedMediaOnly: false, lockedStorage: false },
  clauses: ['2.3.2'],
};
const levels = [classOne, classTwo];

const values: AssetFormValues = {
  name: '住民票交付申請書',
  description: '',
  kind: 'paper',
  departmentId: 'dept-1',
  classLevel: 'class-1',
  classCriteria: ['resident-impact'],
  classJustification: '住民の氏名・住所を含むため',
  confidentialityNote: '',
  integrityNote: '',
  availabilityNote: '',
  location: '書庫A',
  mediumId: '',
  retentionUntil: '',
  reviewDue: '2026-03-31',
};

describe('classification as the server checks it (第2 3)', () => {
  it('asks class I for a criterion and a written reason', () => {
    expect(classificationIssues(levels, { classLevel: 'class-1', classCriteria: [], classJustification: ' ' })).toEqual([
      { path: 'classCriteria', key: 'asset:criteriaRequired' },
      { path: 'classJustification', key: 'asset:justificationRequired' },
    ]);
    expect(classificationIssues(levels, values)).toEqual([]);
  });

  it('takes class II, "everything else", without criteria or reason', () => {
    expect(classificationIssues(levels, { classLevel: 'class-2', classCriteria: [], classJustification: '' })).toEqual([]);
  });

  it("does not count another level's criteria, and refuses a level the scheme does not know", () => {
    expect(classificationIssues(levels, { classLevel: 'class-1', classCriteria: ['ordinary'], classJustification: 'x' })).toEqual([
      { path: 'classCriteria', key: 'asset:criteriaRequired' },
    ]);
    expect(classificationIssues(levels, { classLevel: 'class-9', classCriteria: [], classJustification: '' })).toEqual([
      { path: 'classLevel', key: 'validationChoose' },
    ]);
  });

  it('reports the problems on their fields through the form schema', () => {
    const result = assetFormSchema(levels, { requireDepartment: true }).safeParse({ ...values, departmentId: '', classJustification: '' });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([
      ['departmentId', 'validationChoose'],
      ['classJustification', 'asset:justificationRequired'],
    ]);
  });
});

describe('what the form sends', () => {
  it('trims, turns empty choices into null and keeps only the chosen level’s criteria', () => {
    const body = assetBody({ ...values, name: ' 台帳 ', classLevel: 'class-2', classCriteria: ['resident-impact'] }, levels);
    expect(body).toMatchObject({ name: '台帳', classLevel: 'class-2', classCriteria: [], mediumId: null, retentionUntil: null, reviewDue: '2026-03-31' });
  });

  it('sends only changed fields when editing, and the classification as a whole', () => {
    const before = assetBody(values, levels);
    expect(changedFields(before, before)).toEqual({});
    expect(changedFields(before, assetBody({ ...values, location: '書庫B' }, levels))).toEqual({ location: '書庫B' });
    expect(changedFields(before, assetBody({ ...values, classJustification: '条例で守秘' }, levels))).toEqual({
      classLevel: 'class-1',
      classCriteria: ['resident-impact'],
      classJustification: '条例で守秘',
    });
  });
});

describe('whose register a user keeps', () => {
  const officer = {
    departmentId: 'koseki',
    roles: [{ id: 'r1', role: 'security_officer', title: { ja: '', en: '' }, scopeType: 'department' as const, scopeId: 'koseki', scopeName: null }],
  };
  const auditor = {
    departmentId: 'somu',
    roles: [{ id: 'r2', role: 'auditor', title: { ja: '', en: '' }, scopeType: 'global' as const, scopeId: null, scopeName: null }],
  };

  it('knows the 課等 a user manages', () => {
    expect(managedDepartmentIds(officer)).toEqual(['koseki']);
    expect(managedDepartmentIds(auditor)).toEqual([]);
  });
});
