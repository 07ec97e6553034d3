import { describe, expect, it } from 'vitest';
import { pickBilingual } from './bilingual.js';
import { parseClausesSearch, parseComplianceSearch } from './policy-search.js';

describe('policy page URLs and texts', () => {
  it('keeps valid clause-browser filters and drops malformed ones', () => {
    expect(parseClausesSearch({ q: ' 施錠 ', kind: 'prohibition', capability: 'assets', role: 'security_officer' })).toEqual({
      q: '施錠',
      kind: 'prohibition',
      capability: 'assets',
      role: 'security_officer',
    });
    expect(parseClausesSearch({ q: '', kind: '<script>', role: 42 })).toEqual({ q: undefined, kind: undefined, capability: undefined, role: undefined });
    expect(parseComplianceSearch({ status: 'planned', capability: 'journal' })).toEqual({ status: 'planned', capability: 'journal' });
    expect(parseComplianceSearch({ status: 'done' }).status).toBeUndefined();
  });

  it('shows the reader’s side of a 「日本語 / English」 package text', () => {
    expect(pickBilingual('現行 / current', 'ja')).toBe('現行');
    expect(pickBilingual('現行 / current', 'en')).toBe('current');
    expect(pickBilingual('制定', 'en')).toBe('制定');
  });
});
