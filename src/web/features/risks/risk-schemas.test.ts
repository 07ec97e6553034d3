import { describe, expect, it } from 'vitest';
import { riskBody, riskRecordSchema } from './risk-schemas.js';

const values = {
  departmentId: 'd1',
  subject: 'group' as const,
  assetId: 'a1',
  assetGroup: ' 窓口端末 ',
  threatId: 'leakage',
  description: '',
  likelihood: '2' as const,
  impact: '3' as const,
  countermeasures: '画面ロック',
  responseProcedure: '切り離して報告',
  status: 'open' as const,
  reviewDue: '',
};

describe('the risk form', () => {
  it('sends only the chosen subject, numbers for ratings and no empty date', () => {
    expect(riskBody(values)).toEqual({
      assetId: null, assetGroup: '窓口端末', threatId: 'leakage', description: '', likelihood: 2, impact: 3,
      countermeasures: '画面ロック', responseProcedure: '切り離して報告', status: 'open', reviewDue: null,
    });
    expect(riskBody({ ...values, subject: 'asset', reviewDue: '2026-03-31' })).toMatchObject({ assetId: 'a1', assetGroup: null, reviewDue: '2026-03-31' });
  });

  it('asks for the asset or the group name that the chosen subject needs (第2 2)', () => {
    const asset = riskRecordSchema.safeParse({ ...values, subject: 'asset', assetId: '' });
    expect(asset.success ? [] : asset.error.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['assetId', 'validationChoose']]);
    const group = riskRecordSchema.safeParse({ ...values, assetGroup: '  ' });
    expect(group.success ? [] : group.error.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['assetGroup', 'validationRequired']]);
    const blank = riskRecordSchema.safeParse({ ...values, countermeasures: ' ', likelihood: '' });
    expect(blank.success ? [] : blank.error.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['countermeasures', 'likelihood']);
  });
});
