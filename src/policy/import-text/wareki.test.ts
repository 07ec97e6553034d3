import { describe, expect, it } from 'vitest';
import { findJapaneseDate } from './wareki.js';

describe('findJapaneseDate', () => {
  it.each([
    ['平成15年4月1日', '2003-04-01'],
    ['明治元年10月23日', '1868-10-23'],
    ['大正元年8月1日', '1912-08-01'],
    ['昭和59年3月31日', '1984-03-31'],
    ['昭和64年1月7日', '1989-01-07'],
    ['平成元年1月8日', '1989-01-08'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和６年１２月２５日', '2024-12-25'],
    ['平成十五年八月二十五日', '2003-08-25'],
    ['令和 2 年 4 月 1 日', '2020-04-01'],
    ['2016年1月1日', '2016-01-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(findJapaneseDate(`この基準は、${text}から施行する。`)).toMatchObject({ iso, index: 6, length: text.length });
  });

  it('flags a date outside its era: 平成31年5月1日 was 令和元年5月1日', () => {
    expect(findJapaneseDate('平成31年5月1日')).toEqual({ iso: '2019-05-01', index: 0, length: 9, outsideEra: true });
    expect(findJapaneseDate('令和元年4月30日')?.outsideEra).toBe(true);
    expect(findJapaneseDate('平成31年4月30日')?.outsideEra).toBeUndefined();
  });

  it('finds no date where there is none or the day does not exist', () => {
    expect(findJapaneseDate('公布の日から施行する。')).toBeNull();
    expect(findJapaneseDate('平成27年2月29日')).toBeNull();
    expect(findJapaneseDate('平成28年2月29日')?.iso).toBe('2016-02-29');
    expect(findJapaneseDate('令和0年1月1日')).toBeNull();
  });

  it('returns the first date in the text', () => {
    expect(findJapaneseDate('平成17年3月30日16新企情第1029号 (2005年4月1日)')?.iso).toBe('2005-03-30');
  });
});
