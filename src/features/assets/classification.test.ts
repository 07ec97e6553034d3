import { describe, expect, it } from 'vitest';
import { shinjukuPolicy } from '../../../test/helpers/app.js';
import { classificationProblems, defaultLevel, isRestricted } from './classification.js';

const policy = shinjukuPolicy();

describe('classificationProblems (第2 3)', () => {
  it('accepts class Ⅰ with a criterion and a justification, and class Ⅱ bare', () => {
    expect(classificationProblems(policy, { classLevel: 'class-1', classCriteria: ['passwords-config'], classJustification: '設定情報のため' })).toEqual([]);
    expect(classificationProblems(policy, { classLevel: 'class-2', classCriteria: [], classJustification: '' })).toEqual([]);
  });

  it('names every problem with its field', () => {
    const problems = classificationProblems(policy, { classLevel: 'class-1', classCriteria: [], classJustification: ' ' });
    expect(problems.map((p) => p.path)).toEqual(['classCriteria', 'classJustification']);
    expect(classificationProblems(policy, { classLevel: 'class-2', classCriteria: ['resident-impact'], classJustification: '' }).map((p) => p.path)).toEqual(['classCriteria']);
    expect(classificationProblems(policy, { classLevel: 'Ⅰ', classCriteria: [], classJustification: '' })[0]?.message.ja).toContain('class-1（重要性分類Ⅰ）');
  });

  it('refuses every class when the package has no scheme', () => {
    expect(classificationProblems({ ...policy, classification: undefined }, { classLevel: 'class-2', classCriteria: [], classJustification: '' })).toHaveLength(1);
  });

  it('reads restriction and the default level from the package', () => {
    expect(isRestricted(policy, 'class-1')).toBe(true);
    expect(isRestricted(policy, 'class-2')).toBe(false);
    expect(isRestricted(policy, 'retired-level')).toBe(true);
    expect(defaultLevel(policy)?.id).toBe('class-2');
  });
});
