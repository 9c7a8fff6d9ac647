// Counts ↔ rates for tables, charts and map legends: which value a row shows, how it is written, what the legend
// says, and the national row — which in rate mode is the nation's own rate (national count over national
// population), never a sum or an average of the regions' rates.
import { rateDecimals, type RateRow } from '../../../shared/trend/rate-math';
import { roundInterval, type Interval } from '../../../shared/utils/interval';
import { formatCount, formatDecimal } from '../format';
import type { Language } from '../../../shared/text/language';

export { rateDecimals };

export type MeasureMode = 'counts' | 'rates';
export const MEASURE_MODES: readonly MeasureMode[] = ['counts', 'rates'];

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface MeasureCell {
  /** The interval shown (patients, or patients per 100 000), or null when a rate has no population. */
  value: Interval | null;
  /** The point as written ("13 417", "2 348,8"), or the reason it is missing ("ingen befolkning"). */
  text: string;
  /** "low–high" as written, or '' when there is no value. */
  range: string;
}

export function formatRate(value: number, language: Language, decimals = rateDecimals(value)): string {
  return formatDecimal(value, language, decimals);
}

/** A rate interval rounded outwards at the point's decimals, so it never looks narrower than it is. */
function rateRange(rate: Interval, language: Language): string {
  const decimals = rateDecimals(rate.point);
  const factor = 10 ** decimals;
  const low = Math.floor(rate.low * factor + 1e-9) / factor;
  const high = Math.ceil(rate.high * factor - 1e-9) / factor;
  return `${formatRate(low, language, decimals)}–${formatRate(high, language, decimals)}`;
}

export function measureCell(mode: MeasureMode, row: Pick<RateRow, 'count' | 'rate'>, language: Language, t: Translate): MeasureCell {
  if (mode === 'counts') {
    const r = roundInterval(row.count);
    return { value: row.count, text: formatCount(row.count.point, language), range: `${formatCount(r.low, language)}–${formatCount(r.high, language)}` };
  }
  if (!row.rate) return { value: null, text: t('trend.measure.noPopulation'), range: '' };
  return { value: row.rate, text: formatRate(row.rate.point, language), range: rateRange(row.rate, language) };
}

/** The legend or column title: what the numbers are. */
export function measureLegend(mode: MeasureMode, t: Translate): string {
  return mode === 'counts' ? t('trend.measure.legendCounts') : t('trend.measure.legendRates');
}

/**
 * The national row in either mode: the sum of the regions as a count; the nation's own rate as a rate, with the
 * note that says so (rates never add up).
 */
export function nationalCell(mode: MeasureMode, national: Pick<RateRow, 'count' | 'rate'>, language: Language, t: Translate): MeasureCell & { note: string | null } {
  return { ...measureCell(mode, national, language, t), note: mode === 'rates' ? t('trend.measure.nationalRate') : null };
}

/** The largest high of the rows in the mode, for a chart's or map's scale (at least 1). */
export function measureScaleMax(mode: MeasureMode, rows: readonly Pick<RateRow, 'count' | 'rate'>[]): number {
  let max = 0;
  for (const row of rows) {
    const value = mode === 'counts' ? row.count : row.rate;
    if (value && value.high > max) max = value.high;
  }
  return max > 0 ? max : 1;
}

/** Whether rates can be offered at all: some row has one. */
export function ratesAvailable(rows: readonly Pick<RateRow, 'rate'>[]): boolean {
  return rows.some((r) => r.rate !== null);
}
