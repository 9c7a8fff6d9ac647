/**
 * Period filters of a query: single periods and ranges, as days. The expected days are worked out by hand from
 * the calendar (ISO week 1 holds 4 January; 2020 has 53 ISO weeks, week 53 running 28 Dec 2020 – 3 Jan 2021).
 */
import { describe, expect, it } from 'vitest';
import { FilterError, periodTarget } from '../../../shared/import/query-filters';
import { parsePeriodLabel } from '../../../shared/import/parse-period-label';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('period filters', () => {
  it('a range of years, months or ISO weeks covers its first period\'s first day to its last period\'s last', () => {
    expect(periodTarget('2010-2017')).toEqual({ value: null, extent: { lo: day('2010-01-01'), hi: day('2017-12-31') }, label: '2010..2017' });
    expect(periodTarget('2020-01..2020-06').extent).toEqual({ lo: day('2020-01-01'), hi: day('2020-06-30') });
    // Week 10 of 2020 starts Monday 2 March; week 20 ends Sunday 17 May.
    expect(periodTarget('2020-W10..2020-W20').extent).toEqual({ lo: day('2020-03-02'), hi: day('2020-05-17') });
    expect(periodTarget('2020-W53..2021-W02').extent).toEqual({ lo: day('2020-12-28'), hi: day('2021-01-17') });
    expect(periodTarget('2019–2021').extent).toEqual({ lo: day('2019-01-01'), hi: day('2021-12-31') });
  });

  it('a single period names its value; "all" is everything', () => {
    expect(periodTarget('vecka 10 2020')).toMatchObject({ value: '2020-W10', extent: { lo: day('2020-03-02'), hi: day('2020-03-08') } });
    expect(periodTarget('2021-03').value).toBe('2021-03');
    expect(periodTarget('Totalt')).toEqual({ value: 'all', extent: null, label: 'all' });
  });

  it('a range that ends before it starts, or a text that is no period, is refused with the reason', () => {
    expect(() => periodTarget('2020-06..2020-01')).toThrow(FilterError);
    expect(() => periodTarget('2020-06..2020-01')).toThrow(expect.objectContaining({ what: expect.objectContaining({ key: 'qPeriodBackwards' }) }));
    expect(() => periodTarget('våren 2020')).toThrow(expect.objectContaining({ what: expect.objectContaining({ key: 'qBadPeriod' }) }));
  });

  it('week and quarter labels as weekly tables write them', () => {
    expect(['vecka 10 2020', 'v. 10 2020', 'V10 2020', 'Vecka 10, 2020', '2020 v. 10', '2020, vecka 10'].map(parsePeriodLabel)).toEqual(Array(6).fill('2020-W10'));
    expect(['Q1 2020', 'kvartal 1 2020', 'kv. 1 2020', '2020K1'].map(parsePeriodLabel)).toEqual(Array(4).fill('2020-Q1'));
    // 2020 has a week 53; 2021 does not.
    expect(parsePeriodLabel('v 53 2020')).toBe('2020-W53');
    expect(parsePeriodLabel('v 53 2021')).toBeNull();
  });
});
