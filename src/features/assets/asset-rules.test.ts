import { describe, expect, it } from 'vitest';
import { shinjukuPolicy } from '../../../test/helpers/app.js';
import { classificationIssues, hyphenatedLabelCode, labelCodePattern } from './asset-rules.js';

const levels = shinjukuPolicy().classification?.levels;

describe('classificationIssues (第2 3), the rule the server and the form share', () => {
  it('names each problem by its field, without words', () => {
    expect(classificationIssues(levels, { classLevel: 'class-1', classCriteria: [], classJustification: ' ' })).toEqual([
      { path: 'classCriteria', issue: 'criteriaRequired' },
      { path: 'classJustification', issue: 'justificationRequired' },
    ]);
    expect(classificationIssues(levels, { classLevel: 'class-2', classCriteria: ['resident-impact'], classJustification: '' })).toEqual([
      { path: 'classCriteria', issue: 'unknownCriteria', criteria: ['resident-impact'] },
    ]);
    expect(classificationIssues(levels, { classLevel: 'class-9', classCriteria: [], classJustification: '' })).toEqual([{ path: 'classLevel', issue: 'unknownLevel' }]);
    expect(classificationIssues(undefined, { classLevel: 'class-2', classCriteria: [], classJustification: '' })).toEqual([{ path: 'classLevel', issue: 'noScheme' }]);
  });

  it('accepts a sound classification', () => {
    expect(classificationIssues(levels, { classLevel: 'class-1', classCriteria: ['passwords-config'], classJustification: '設定情報のため' })).toEqual([]);
    expect(classificationIssues(levels, { classLevel: 'class-2', classCriteria: [], classJustification: '' })).toEqual([]);
  });
});

describe('label codes', () => {
  it('take Crockford base32 only, with or without the hyphen', () => {
    expect(['7KQ2-M9XD', '7KQ2M9XD'].map((code) => labelCodePattern.test(code))).toEqual([true, true]);
    expect(['7KQ2-M9XI', '7KQ2-M9X', '7kq2-m9xd'].map((code) => labelCodePattern.test(code))).toEqual([false, false, false]);
    expect(hyphenatedLabelCode('7KQ2M9XD')).toBe('7KQ2-M9XD');
    expect(hyphenatedLabelCode('7KQ2-M9XD')).toBe('7KQ2-M9XD');
  });
});
