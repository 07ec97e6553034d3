import { describe, expect, it } from 'vitest';
import { parseRiskCreateSearch, parseRisksSearch } from './risk-search.js';

describe('parseRisksSearch', () => {
  it('keeps well-formed filters and drops the rest', () => {
    expect(parseRisksSearch({ departmentId: 'd1', threatId: 'leakage', status: 'treated', minScore: '6', assetId: 'a1', page: '2' })).toEqual({
      departmentId: 'd1', threatId: 'leakage', status: 'treated', minScore: 6, assetId: 'a1', page: 2,
    });
    expect(parseRisksSearch({ status: 'forgotten', minScore: '10', page: '1', threatId: '  ' })).toEqual({
      departmentId: undefined, threatId: undefined, status: undefined, minScore: undefined, assetId: undefined, page: undefined,
    });
  });

  it('reads the record form\'s starting point', () => {
    expect(parseRiskCreateSearch({ departmentId: 'd1', assetId: 'a1', other: 'x' })).toEqual({ departmentId: 'd1', assetId: 'a1' });
  });
});
