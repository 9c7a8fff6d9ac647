/**
 * A series' trend over a window of its latest periods, and whether it is steady enough to extrapolate.
 *
 * - The window: the last N periods of the data (default 5), or every period from a chosen one on. It always ends
 *   with the latest period, because a projection starts from the period the answer is computed from.
 * - Yearly changes: each period's count over the previous one's, per year (for yearly data simply "+9,5 %").
 * - The average yearly change: exp(b) − 1 of the log-linear fit over the window (fit.ts), which uses every period
 *   of the window rather than only its first and last.
 * - Steady, in words a coordinator can check in the table: every yearly change of the window lies within 5
 *   percentage points of the average yearly change, and none goes against the trend's direction by more than 2
 *   percentage points. Otherwise the change is not steady, and the reason names the year that breaks it. An
 *   unsteady trend can still be projected, but the answer says that the projection assumes a steadiness the data
 *   does not show.
 * - Refused, with the reason: fewer than 3 periods with data in the window; a break inside the window (a period
 *   not comparable with the one before it, breaks.ts); a count of 0 (a proportional change from 0 is not defined).
 */
import type { SeriesBreak } from './breaks';
import { fitLogLinear, type LogLinearFit } from './fit';
import type { Series, SeriesKey, SeriesPoint } from './series';
import { periodSpan, type PeriodSpan } from './time';

// The window's rules live apart from the fit (window.ts), so that choosing a window loads no statistics.
export { DEFAULT_WINDOW_PERIODS, MIN_TREND_PERIODS, type TrendWindow } from './window';
import { DEFAULT_WINDOW_PERIODS, MIN_TREND_PERIODS, type TrendWindow } from './window';

export interface SteadinessRule {
  /** Largest distance of a yearly change from the average yearly change, as a fraction (0.05 = 5 percentage points). */
  maxDeviation: number;
  /** Largest change against the trend's direction, as a fraction (0.02 = 2 percentage points). */
  maxReversal: number;
}

export const DEFAULT_STEADINESS_RULE: SteadinessRule = { maxDeviation: 0.05, maxReversal: 0.02 };

export interface YearlyChange {
  from: string;
  to: string;
  /** Change per year as a fraction (0.095 = +9,5 % a year). */
  change: number;
  /** True when a masked cell is in either period's count. */
  masked: boolean;
}

export type SteadinessReason =
  | { code: 'far-from-average'; from: string; to: string; change: number; average: number }
  | { code: 'reversal'; from: string; to: string; change: number; average: number };

export interface Steadiness {
  steady: boolean;
  rule: SteadinessRule;
  /** Every yearly change that breaks the rule (empty when steady). */
  reasons: SteadinessReason[];
}

export type TrendRefusal =
  | { code: 'no-data' }
  | { code: 'unknown-period'; period: string }
  | { code: 'too-few-periods'; available: number; required: number }
  | { code: 'zero-count'; period: string; masked: boolean }
  /** `startFrom`: the earliest period a window could start at to leave this break out. */
  | { code: 'break'; break: SeriesBreak; startFrom: string };

export interface TrendWindowInfo {
  /** Periods of the window, oldest first (with or without data). */
  periods: string[];
  from: string;
  to: string;
  /** From the start of the first period to the end of the last, in years. */
  years: number;
}

export type TrendOutcome =
  | { ok: true; fit: LogLinearFit; averageYearlyChange: number; steadiness: Steadiness; times: number[]; used: SeriesPoint[] }
  | { ok: false; refusal: TrendRefusal };

export interface Trend {
  key: SeriesKey;
  window: TrendWindowInfo;
  /** The series' points in the window. */
  points: SeriesPoint[];
  changes: YearlyChange[];
  /** Every break of the series (inside the window or not), for the table. */
  breaks: SeriesBreak[];
  outcome: TrendOutcome;
}

/** The window's periods among the series' periods (which are ordered oldest first). */
export function windowPeriods(periods: readonly string[], window: TrendWindow): string[] | { unknown: string } {
  if ('from' in window) {
    const start = periods.indexOf(window.from);
    return start < 0 ? { unknown: window.from } : periods.slice(start);
  }
  const n = Math.max(1, Math.floor(window.periods));
  return periods.slice(Math.max(0, periods.length - n));
}

function spanOf(label: string): PeriodSpan {
  const span = periodSpan(label);
  if (!span) throw new Error(`trend: "${label}" is not a period`);
  return span;
}

/** The yearly changes between consecutive periods with data. */
export function yearlyChanges(points: readonly SeriesPoint[]): YearlyChange[] {
  const out: YearlyChange[] = [];
  let previous: SeriesPoint | null = null;
  for (const p of points) {
    if (!p.count) continue;
    if (previous && previous.count!.point > 0 && p.count.point > 0) {
      const years = spanOf(p.period).time - spanOf(previous.period).time;
      out.push({ from: previous.period, to: p.period, change: (p.count.point / previous.count!.point) ** (1 / years) - 1, masked: previous.maskedCells > 0 || p.maskedCells > 0 });
    }
    previous = p;
  }
  return out;
}

export function steadinessOf(changes: readonly YearlyChange[], average: number, rule: SteadinessRule = DEFAULT_STEADINESS_RULE): Steadiness {
  const reasons: SteadinessReason[] = [];
  const tolerance = 1e-12;
  for (const c of changes) {
    const against = average >= 0 ? -c.change : c.change;
    if (against > rule.maxReversal + tolerance) reasons.push({ code: 'reversal', from: c.from, to: c.to, change: c.change, average });
    else if (Math.abs(c.change - average) > rule.maxDeviation + tolerance) reasons.push({ code: 'far-from-average', from: c.from, to: c.to, change: c.change, average });
  }
  return { steady: reasons.length === 0, rule, reasons };
}

/** Where a window must start to leave a break out: the break's own period, or the one after a zero population. */
function startAfter(b: SeriesBreak, periods: readonly string[]): string {
  if (b.kind !== 'zero-population') return b.period;
  const i = periods.indexOf(b.period);
  return periods[Math.min(periods.length - 1, i + 1)]!;
}

/** Is the break inside the window: between two of its periods, or (a zero population) on one of them? */
function inside(b: SeriesBreak, window: readonly string[]): boolean {
  const i = window.indexOf(b.period);
  return b.kind === 'zero-population' ? i >= 0 : i > 0;
}

export function trendOf(series: Series, breaks: readonly SeriesBreak[], window: TrendWindow = { periods: DEFAULT_WINDOW_PERIODS }, rule: SteadinessRule = DEFAULT_STEADINESS_RULE): Trend {
  const allPeriods = series.points.map((p) => p.period);
  const chosen = windowPeriods(allPeriods, window);
  const refuse = (info: TrendWindowInfo, points: SeriesPoint[], refusal: TrendRefusal): Trend => ({ key: series.key, window: info, points, changes: yearlyChanges(points), breaks: [...breaks], outcome: { ok: false, refusal } });
  if (!Array.isArray(chosen)) {
    return refuse({ periods: [], from: chosen.unknown, to: allPeriods[allPeriods.length - 1] ?? chosen.unknown, years: 0 }, [], { code: 'unknown-period', period: chosen.unknown });
  }
  const points = series.points.filter((p) => chosen.includes(p.period));
  const first = chosen.length > 0 ? spanOf(chosen[0]!) : null;
  const last = chosen.length > 0 ? spanOf(chosen[chosen.length - 1]!) : null;
  const info: TrendWindowInfo = { periods: chosen, from: chosen[0] ?? '', to: chosen[chosen.length - 1] ?? '', years: first && last ? last.end - first.start : 0 };
  if (!points.some((p) => p.count)) return refuse(info, points, { code: 'no-data' });
  // The latest break inside the window decides where a usable window could start.
  const within = breaks.filter((b) => inside(b, chosen)).sort((a, b) => allPeriods.indexOf(b.period) - allPeriods.indexOf(a.period));
  if (within.length > 0) return refuse(info, points, { code: 'break', break: within[0]!, startFrom: startAfter(within[0]!, allPeriods) });
  const used = points.filter((p) => p.count);
  if (used.length < MIN_TREND_PERIODS) return refuse(info, points, { code: 'too-few-periods', available: used.length, required: MIN_TREND_PERIODS });
  const zero = used.find((p) => !(p.count!.point > 0));
  if (zero) return refuse(info, points, { code: 'zero-count', period: zero.period, masked: false });
  const times = used.map((p) => spanOf(p.period).time);
  const fit = fitLogLinear(times, used.map((p) => p.count!.point));
  const averageYearlyChange = Math.exp(fit.slope) - 1;
  const changes = yearlyChanges(points);
  return {
    key: series.key,
    window: info,
    points,
    changes,
    breaks: [...breaks],
    outcome: { ok: true, fit, averageYearlyChange, steadiness: steadinessOf(changes, averageYearlyChange, rule), times, used },
  };
}
