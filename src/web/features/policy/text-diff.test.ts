import { describe, expect, it } from 'vitest';
import { diffText } from './text-diff.js';

describe('diffText', () => {
  it('marks what a new version deleted and inserted, character by character', () => {
    expect(diffText('媒体を施錠可能な場所に保管', '媒体を施錠できる金庫に保管')).toEqual([
      { type: 'same', text: '媒体を施錠' },
      { type: 'deleted', text: '可能な場所' },
      { type: 'inserted', text: 'できる金庫' },
      { type: 'same', text: 'に保管' },
    ]);
  });

  it('handles empty and identical texts', () => {
    expect(diffText('', '追加')).toEqual([{ type: 'inserted', text: '追加' }]);
    expect(diffText('同じ', '同じ')).toEqual([{ type: 'same', text: '同じ' }]);
  });
});
