// The trend windows a select offers and how they are encoded ("last:5"): no statistics, so the criteria form can
// offer them on the first screen.
import { DEFAULT_WINDOW_PERIODS, MIN_TREND_PERIODS, type TrendWindow } from '../../../shared/trend/window';

export interface WindowChoice {
  value: string;
  window: TrendWindow;
  n: number;
  from: string;
  to: string;
}

/**
 * The windows offered: the last 3, 4, … periods up to all of them (the default, the last 5, among them). Encoded
 * as "last:5" so a select can carry them.
 */
export function windowChoices(periods: readonly string[]): WindowChoice[] {
  const out: WindowChoice[] = [];
  const to = periods[periods.length - 1] ?? '';
  for (let n = Math.min(MIN_TREND_PERIODS, periods.length); n <= periods.length; n++) {
    out.push({ value: `last:${n}`, window: { periods: n }, n, from: periods[periods.length - n]!, to });
  }
  return out;
}

export function windowValue(window: TrendWindow, periods: readonly string[]): string {
  if ('periods' in window) return `last:${Math.min(window.periods, periods.length)}`;
  const i = periods.indexOf(window.from);
  return i < 0 ? `last:${Math.min(DEFAULT_WINDOW_PERIODS, periods.length)}` : `last:${periods.length - i}`;
}

export function parseWindowValue(value: string): TrendWindow | null {
  const m = /^last:(\d+)$/.exec(value);
  return m ? { periods: Number(m[1]) } : null;
}
