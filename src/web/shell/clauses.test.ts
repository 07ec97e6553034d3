import { describe, expect, it } from 'vitest';
import type { ClauseListItem } from '../../features/policy/schemas.js';
import { citationHeading, formatClauseNumber } from './clauses.js';

describe('formatClauseNumber', () => {
  it('writes clause ids as the standard numbers them', () => {
    expect(formatClauseNumber('5.3.1', 'ja')).toBe('第5 3(1)');
    expect(formatClauseNumber('1.1', 'ja')).toBe('第1 1');
    expect(formatClauseNumber('2.4.2.イ', 'ja')).toBe('第2 4(2)イ');
    expect(formatClauseNumber('5.2.2.ア.イ', 'ja')).toBe('第5 2(2)ア(イ)');
    expect(formatClauseNumber('2.4.4.後段', 'ja')).toBe('第2 4(4)後段');
  });

  it('keeps the numbers in English', () => {
    expect(formatClauseNumber('5.3.1', 'en')).toBe('Part 5, 3(1)');
    expect(formatClauseNumber('6', 'en')).toBe('Part 6');
  });
});

describe('citationHeading', () => {
  const clause = (id: string, parentId: string | null, heading: string | null): [string, ClauseListItem] => [
    id, { id, parentId, heading, label: id, depth: 1, position: 0, kind: 'obligation', text: '', actorRoles: [], approverRoles: [], capabilities: [], policyTextOnly: null, hasInterpretation: false, status: null, evidenceCount: 0 },
  ];
  const clauses = new Map([clause('5', null, '技術的な対策'), clause('5.1', '5', 'ログの管理'), clause('5.1.1', '5.1', null)]);

  it('uses the clause’s own heading, else the nearest one above it', () => {
    expect(citationHeading('5.1', clauses)).toBe('ログの管理');
    expect(citationHeading('5.1.1', clauses)).toBe('ログの管理');
    expect(citationHeading('9.9', clauses)).toBeNull();
  });
});
