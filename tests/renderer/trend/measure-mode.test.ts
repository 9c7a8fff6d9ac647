// Counts ↔ rates: what a table cell, a chart's scale and a map legend show in each mode; rates never add up.
import { describe, expect, it } from 'vitest';
import { formatRate, measureCell, measureLegend, measureScaleMax, nationalCell, rateDecimals, ratesAvailable } from '../../../renderer/src/trend/measure-mode';
import { trendSv } from '../../../renderer/src/i18n/trend.sv';
import { trendEn } from '../../../renderer/src/i18n/trend.en';

/** A stand-in for i18next's t over the trend area's real tables. */
const translate = (table: typeof trendSv | typeof trendEn) => (key: string) => {
  const path = key.replace(/^trend\./, '').split('.');
  let node: unknown = table;
  for (const part of path) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node;
};
const sv = translate(trendSv);
const en = translate(trendEn);

// Stockholm 2020, methylphenidate 0–19: 13 417 patients of 571 226 inhabitants = 2 348,8 per 100 000.
const stockholm = { count: { low: 13417, point: 13417, high: 13417 }, rate: { low: 2348.8, point: 2348.81, high: 2348.82 } };

describe('a cell in each mode', () => {
  it('counts are whole patients with the locale’s grouping; rates per 100 000 with sensible decimals', () => {
    expect(measureCell('counts', stockholm, 'sv', sv)).toMatchObject({ text: '13\u00a0417', range: '13\u00a0417–13\u00a0417' });
    expect(measureCell('rates', stockholm, 'sv', sv)).toMatchObject({ text: '2\u00a0349', range: '2\u00a0348–2\u00a0349' });
    expect(measureCell('rates', stockholm, 'en', en)).toMatchObject({ text: '2,349', range: '2,348–2,349' });
    expect(formatRate(23.456, 'sv')).toBe('23,5');
    expect(formatRate(2.345, 'en')).toBe('2.35');
    expect([rateDecimals(2349), rateDecimals(23.4), rateDecimals(2.3)]).toEqual([0, 1, 2]);
  });

  it('a rate interval is rounded outwards, never narrower than computed', () => {
    expect(measureCell('rates', { count: stockholm.count, rate: { low: 12.34, point: 12.5, high: 12.61 } }, 'sv', sv).range).toBe('12,3–12,7');
  });

  it('a region without a population says so instead of showing 0', () => {
    const cell = measureCell('rates', { count: stockholm.count, rate: null }, 'sv', sv);
    expect(cell).toEqual({ value: null, text: 'ingen befolkning', range: '' });
    expect(measureCell('rates', { count: stockholm.count, rate: null }, 'en', en).text).toBe('no population');
  });
});

describe('legends, the national row and scales', () => {
  it('the legend says which measure is shown', () => {
    expect(measureLegend('counts', sv)).toBe('Antal patienter');
    expect(measureLegend('rates', sv)).toBe('Patienter per 100 000 invånare i kriteriernas ålder och kön');
    expect(measureLegend('rates', en)).toBe("Patients per 100,000 inhabitants of the criteria's age and sex");
  });

  it('in rate mode the national row is the nation’s own rate with a note; in count mode the sum, without one', () => {
    // Sweden 2020: 46 152 / 2 403 730 = 1 920,0 per 100 000 — not the sum (or mean) of the regions' rates.
    const national = { count: { low: 46152, point: 46152, high: 46152 }, rate: { low: 1920.02, point: 1920.02, high: 1920.02 } };
    expect(nationalCell('rates', national, 'sv', sv)).toMatchObject({ text: '1\u00a0920', note: 'Rikets värde per 100 000 räknas från rikets antal och befolkning, inte som en summa av regionernas.' });
    expect(nationalCell('counts', national, 'sv', sv)).toMatchObject({ text: '46\u00a0152', note: null });
  });

  it('a chart’s scale follows the mode; rates are offered only when some row has one', () => {
    const rows = [stockholm, { count: { low: 300, point: 367, high: 400 }, rate: null }];
    expect(measureScaleMax('counts', rows)).toBe(13417);
    expect(measureScaleMax('rates', rows)).toBe(2348.82);
    expect(measureScaleMax('rates', [{ count: stockholm.count, rate: null }])).toBe(1);
    expect(ratesAvailable(rows)).toBe(true);
    expect(ratesAvailable([{ rate: null }])).toBe(false);
  });
});
