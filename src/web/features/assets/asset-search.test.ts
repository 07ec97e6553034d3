import { describe, expect, it } from 'vitest';
import { ariaSort, assetListParams, filterRecord, nextSort, normaliseLabelCode, parseAssetsSearch, searchFromSaved } from './asset-search.js';

describe('the inventory in the URL', () => {
  it('keeps valid filters, sort and page, and drops malformed ones', () => {
    expect(
      parseAssetsSearch({
        q: ' 住民票 ',
        departmentId: 12,
        classLevel: 'class-1',
        kind: 'paper',
        status: 'out',
        location: '書庫A',
        sort: 'reviewDue',
        order: 'desc',
        page: '3',
      }),
    ).toEqual({
      q: '住民票',
      departmentId: '12',
      classLevel: 'class-1',
      kind: 'paper',
      status: 'out',
      location: '書庫A',
      sort: 'reviewDue',
      order: 'desc',
      page: 3,
    });
    expect(parseAssetsSearch({ kind: 'spaceship', status: 'lost', sort: 'colour', order: 'sideways', page: '-2', classLevel: 'a b' })).toEqual({
      q: undefined,
      departmentId: undefined,
      classLevel: undefined,
      kind: undefined,
      status: undefined,
      location: undefined,
      sort: undefined,
      order: undefined,
      page: undefined,
    });
  });

  it("leaves the server's defaults out, so one view has one address", () => {
    expect(parseAssetsSearch({ sort: 'name', order: 'asc', page: 1 })).toMatchObject({ sort: undefined, order: undefined, page: undefined });
  });

  it('cuts texts longer than the server accepts instead of failing every request', () => {
    expect(parseAssetsSearch({ q: 'あ'.repeat(150) }).q).toHaveLength(100);
    expect(parseAssetsSearch({ location: 'x'.repeat(300) }).location).toHaveLength(200);
  });
});

describe('sorting by column header', () => {
  it('flips the order of the sorted column and starts others ascending, back on page 1', () => {
    expect(nextSort({ page: 4 }, 'name')).toEqual({ sort: undefined, order: 'desc', page: undefined });
    expect(nextSort({ sort: 'class', order: 'desc' }, 'class')).toEqual({ sort: 'class', order: undefined, page: undefined });
    expect(nextSort({ sort: 'class' }, 'reviewDue')).toEqual({ sort: 'reviewDue', order: undefined, page: undefined });
    // The most recently updated first: that is what people look for.
    expect(nextSort({}, 'updated')).toEqual({ sort: 'updated', order: 'desc', page: undefined });
  });

  it('marks only the sorted column with aria-sort', () => {
    expect(ariaSort({}, 'name')).toBe('ascending');
    expect(ariaSort({ sort: 'kind', order: 'desc' }, 'kind')).toBe('descending');
    expect(ariaSort({ sort: 'kind' }, 'name')).toBeUndefined();
  });
});

describe('saved filters and exports', () => {
  it('keeps the filters and order as plain strings, without the page', () => {
    expect(filterRecord({ q: '台帳', classLevel: 'class-1', sort: 'reviewDue', page: 5 })).toEqual({ q: '台帳', classLevel: 'class-1', sort: 'reviewDue' });
  });

  it('turns a saved filter back into its first page, ignoring what it does not know', () => {
    expect(searchFromSaved({ status: 'active', kind: 'paper', page: '9', colour: 'red' })).toEqual(
      expect.objectContaining({ status: 'active', kind: 'paper', page: undefined }),
    );
  });

  it('asks the API for the same view, without page size', () => {
    expect(assetListParams({ q: 'x', order: 'desc', page: 2 })).toEqual({
      q: 'x',
      departmentId: undefined,
      classLevel: undefined,
      kind: undefined,
      status: undefined,
      location: undefined,
      sort: undefined,
      order: 'desc',
    });
  });
});

describe('label codes as typed or scanned', () => {
  it('accepts lower case, full-width characters, spaces and missing or odd hyphens', () => {
    expect(normaliseLabelCode('7KQ2-M9XD')).toBe('7KQ2-M9XD');
    expect(normaliseLabelCode('7kq2m9xd')).toBe('7KQ2-M9XD');
    expect(normaliseLabelCode(' ７ＫＱ２－Ｍ９ＸＤ ')).toBe('7KQ2-M9XD');
    expect(normaliseLabelCode('7KQ2 M9XD')).toBe('7KQ2-M9XD');
    expect(normaliseLabelCode('7KQ2ーM9XD')).toBe('7KQ2-M9XD');
  });

  it('refuses what cannot be a label (letters the labels never use, wrong length)', () => {
    expect(normaliseLabelCode('7KQ2-M9XO')).toBeNull();
    expect(normaliseLabelCode('ILOU-1234')).toBeNull();
    expect(normaliseLabelCode('7KQ2-M9X')).toBeNull();
    expect(normaliseLabelCode('')).toBeNull();
  });
});
