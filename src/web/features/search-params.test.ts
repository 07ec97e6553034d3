import { describe, expect, it } from 'vitest';
import { parseJournalSearch } from './journal/journal-search.js';
import { parseUsersSearch } from './organisation/users-search.js';

describe('URL search parameters', () => {
  it('keeps valid users-list filters and drops malformed ones', () => {
    expect(parseUsersSearch({ q: ' 山本 ', departmentId: 12, status: 'disabled', page: '3' })).toEqual({
      q: '山本',
      departmentId: '12',
      status: 'disabled',
      page: 3,
    });
    expect(parseUsersSearch({ q: '', status: 'gone', page: '1' })).toEqual({
      q: undefined,
      departmentId: undefined,
      status: undefined,
      page: undefined,
    });
  });

  it('keeps journal dates only as calendar days and the cursor only as a positive integer', () => {
    expect(parseJournalSearch({ type: 'user.created', from: '2025-04-01', to: 'yesterday', before: '120' })).toMatchObject({
      type: 'user.created',
      from: '2025-04-01',
      to: undefined,
      before: 120,
    });
    expect(parseJournalSearch({ before: -4 }).before).toBeUndefined();
  });
});
