/**
 * Rates as they may leave the unit: computed from the printed figures only, never from the counts behind them.
 *
 * A population is public (an SCB table, the population column of a published file), so a rate printed beside it
 * is as good as a count: rate × population / 100 000 gives the count back, to within the rate's rounding. A rate
 * computed from the true count would therefore undo whatever the policy did to that count — the exact 12 behind a
 * count printed as "<5" or rounded to "10", or a count hidden by secondary suppression. So each printed component
 * (low, point, high) gives its rate from what is printed:
 *
 * - a number (shown or zero): the printed number over the population, the point rounded to the nearest, the low
 *   down and the high up at the rate's decimals — the printed count is what a reader already has, so the rate adds
 *   nothing to it, and rounding it (to fewer digits than the count has) only takes away;
 * - a small value or a band: the range of counts the print allows, over the population, rounded outwards
 *   ("≤ 0,17", "41–80"), so the rate's range is never narrower than the count's;
 * - a hidden value: hidden, with the policy's text.
 *
 * Without a population there is no rate (null). The result has the shape of a disclosed count, so tables, charts
 * and the map draw it as they draw counts (a small rate hatched over its range, a hidden one hatched).
 */
import type { DisclosedFigure } from '../disclosure/types';
import type { DisclosedValue } from '../disclosure/values';
import { formatNumber } from '../text/format';
import type { Language } from '../text/language';
import { RATE_BASE, rateDecimals } from './rate-math';

const roundAt = (value: number, decimals: number, how: 'down' | 'nearest' | 'up'): number => {
  const factor = 10 ** decimals;
  // The epsilon keeps an exact value (0,5 written as 0.49999…) from moving a step.
  const scaled = value * factor;
  const whole = how === 'down' ? Math.floor(scaled + 1e-9) : how === 'up' ? Math.ceil(scaled - 1e-9) : Math.round(scaled);
  return whole / factor;
};

/** The disclosed figure of a count as a rate per 100 000 of `persons`, or null when there is no population. */
export function discloseRate(figure: DisclosedFigure, persons: number | null | undefined, language: Language, hiddenText: string): DisclosedFigure | null {
  if (!(typeof persons === 'number' && persons > 0 && Number.isFinite(persons))) return null;
  const per = RATE_BASE / persons;
  // One number of decimals for the whole figure, from the largest count its print allows for the point.
  const pointScale = figure.point.kind === 'shown' || figure.point.kind === 'zero' ? (figure.point.value ?? 0) : Number.isFinite(figure.point.display.high) ? figure.point.display.high : figure.high.display.high;
  const decimals = rateDecimals(Number.isFinite(pointScale) ? pointScale * per : 0);
  const format = (n: number) => formatNumber(n, language, decimals);

  const rate = (v: DisclosedValue, component: 'low' | 'point' | 'high'): { value: DisclosedValue; text: string } => {
    const outwards = component === 'low' ? 'down' : component === 'high' ? 'up' : 'nearest';
    switch (v.kind) {
      case 'shown':
      case 'zero': {
        const value = roundAt((v.value ?? 0) * per, decimals, outwards);
        return { value: { ...v, value, display: { low: roundAt(v.display.low * per, decimals, 'down'), high: roundAt(v.display.high * per, decimals, 'up') } }, text: format(value) };
      }
      case 'small':
      case 'band': {
        const low = roundAt(v.display.low * per, decimals, 'down');
        const high = roundAt(v.display.high * per, decimals, 'up');
        // A small value whose range starts at 0 or 1 reads best as its upper bound, like "<5" for counts.
        const text = v.kind === 'small' && v.display.low <= 1 ? `≤${format(high)}` : `${format(low)}–${format(high)}`;
        return { value: { ...v, value: null, display: { low, high } }, text };
      }
      case 'hidden':
        return { value: { ...v, value: null, display: { low: 0, high: Infinity } }, text: hiddenText };
    }
  };
  const low = rate(figure.low, 'low');
  const point = rate(figure.point, 'point');
  const high = rate(figure.high, 'high');
  return {
    id: `${figure.id}:per-100000`,
    low: low.value,
    point: point.value,
    high: high.value,
    texts: { low: low.text, point: point.text, high: high.text },
    text: point.text,
    intervalText: `${low.text}–${high.text}`,
    suppressed: figure.suppressed,
  };
}
