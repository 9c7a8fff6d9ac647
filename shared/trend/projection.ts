/**
 * The eligible population projected from the last data period to the recruitment period, as a factor with a
 * prediction interval: "framskrivning 2020 → 2027: × 1,33 (1,05–1,69)".
 *
 * Method (the source of the method text):
 * - The factor is the trend line's value at the target over the count of the last period:
 *   F = exp(ŷ(t*)) / y_last, where ŷ is the log-linear fit over the window (fit.ts) and t* the target's middle
 *   (the middle of the recruitment period, or of a chosen year). Its interval is the fit's prediction interval at
 *   t* (Student's t, n − 2 degrees of freedom, 80 % unless chosen), over the same y_last, so it widens with the
 *   distance from the data and with how much the years scatter around the trend.
 * - Masked counts: the interval covers what the masks leave open. Each end is also computed with every masked
 *   count at the end of its range that pushes the projection furthest that way (ŷ is a weighted sum of the logs,
 *   so the weight's sign decides which end), and the wider of the two ends is kept.
 * - It multiplies the eligible interval: low × low factor, point × factor, high × high factor. Proportions and
 *   shares are the same in every period, so they cancel out of the trend and stay as they were.
 * - Refused, with the reason: every refusal of the trend (fewer than 3 periods, a break, a count of 0); a target
 *   not after the last period; a target more than 3 × the window's length (in years) after the last period.
 */
import type { RecruitmentPlan } from '../criteria/study';
import { fitLogLinear, predictLog, predictionWeights } from './fit';
import type { Steadiness, Trend, TrendRefusal } from './trend';
import { addMonths, dateYear, periodSpan } from './time';
import type { Interval } from '../utils/interval';

export const DEFAULT_PREDICTION_LEVEL = 0.8;
/** The furthest a projection may reach, in multiples of the window's length. */
export const MAX_HORIZON_RATIO = 3;

export interface ProjectionTarget {
  /** What the line shows: a year ("2027"). */
  label: string;
  /** The target's middle on the time axis (fractional years). */
  time: number;
}

/** The middle of a calendar year. */
export function targetYear(year: number): ProjectionTarget {
  if (!Number.isInteger(year)) throw new RangeError(`targetYear: ${year} is not a whole year`);
  return { label: String(year), time: year + 0.5 };
}

/** The middle of the recruitment period (start date + months); labelled by the year that middle falls in. */
export function recruitmentTarget(plan: Pick<RecruitmentPlan, 'startDate' | 'months'>): ProjectionTarget {
  const start = dateYear(plan.startDate);
  const end = dateYear(addMonths(plan.startDate, plan.months));
  if (start === null || end === null) throw new RangeError(`recruitmentTarget: "${plan.startDate}" is not a date`);
  const time = (start + end) / 2;
  return { label: String(Math.floor(time)), time };
}

export type ProjectionRefusal =
  | TrendRefusal
  | { code: 'target-not-after-data'; target: string; last: string }
  | { code: 'beyond-horizon'; target: string; last: string; horizonYears: number; maxYears: number; windowYears: number }
  | { code: 'no-last-value'; period: string };

export interface Projection {
  /** The last data period and the target's label. */
  from: string;
  to: string;
  horizonYears: number;
  level: number;
  /** The factor that multiplies the last period's eligible patients (low, point, high). */
  factor: Interval;
  /** True when masked counts widened the interval. */
  masked: boolean;
  /** The trend's steadiness (an unsteady trend is projected, with that said). */
  steadiness: Steadiness;
  averageYearlyChange: number;
  windowFrom: string;
  windowYears: number;
}

export type ProjectionOutcome = { ok: true; projection: Projection } | { ok: false; refusal: ProjectionRefusal };

export interface ProjectionOptions {
  level?: number;
  maxHorizonRatio?: number;
}

export function projectTrend(trend: Trend, target: ProjectionTarget, options: ProjectionOptions = {}): ProjectionOutcome {
  const level = options.level ?? DEFAULT_PREDICTION_LEVEL;
  const ratio = options.maxHorizonRatio ?? MAX_HORIZON_RATIO;
  if (!trend.outcome.ok) return { ok: false, refusal: trend.outcome.refusal };
  const { fit, times, used, steadiness, averageYearlyChange } = trend.outcome;
  const lastPeriod = trend.window.to;
  const lastPoint = trend.points[trend.points.length - 1]!;
  if (!lastPoint.count || lastPoint.period !== lastPeriod) return { ok: false, refusal: { code: 'no-last-value', period: lastPeriod } };
  const lastTime = periodSpan(lastPeriod)!.time;
  const horizonYears = target.time - lastTime;
  if (!(horizonYears > 0)) return { ok: false, refusal: { code: 'target-not-after-data', target: target.label, last: lastPeriod } };
  const maxYears = ratio * trend.window.years;
  if (horizonYears > maxYears + 1e-9) {
    return { ok: false, refusal: { code: 'beyond-horizon', target: target.label, last: lastPeriod, horizonYears, maxYears, windowYears: trend.window.years } };
  }

  const lastLog = Math.log(lastPoint.count.point);
  const predicted = predictLog(fit, target.time, level);
  let low = Math.exp(predicted.low - lastLog);
  let high = Math.exp(predicted.high - lastLog);
  const point = Math.exp(predicted.point - lastLog);

  const masked = used.some((p) => p.maskLow !== p.maskHigh);
  if (masked) {
    // ŷ(t*) − ln y_last is Σ wᵢ ln yᵢ − ln y_last: the last point's weight is wₙ − 1.
    const weights = predictionWeights(times, target.time);
    weights[weights.length - 1]! -= 1;
    for (const direction of ['up', 'down'] as const) {
      const values = used.map((p, i) => ((weights[i]! >= 0) === (direction === 'up') ? p.maskHigh : p.maskLow));
      const zero = values.findIndex((v) => !(v > 0));
      if (zero >= 0) return { ok: false, refusal: { code: 'zero-count', period: used[zero]!.period, masked: true } };
      const corner = predictLog(fitLogLinear(times, values), target.time, level);
      const lastCorner = Math.log(values[values.length - 1]!);
      if (direction === 'up') high = Math.max(high, Math.exp(corner.high - lastCorner));
      else low = Math.min(low, Math.exp(corner.low - lastCorner));
    }
  }
  return {
    ok: true,
    projection: {
      from: lastPeriod,
      to: target.label,
      horizonYears,
      level,
      factor: { low, point, high },
      masked,
      steadiness,
      averageYearlyChange,
      windowFrom: trend.window.from,
      windowYears: trend.window.years,
    },
  };
}

/** The eligible interval times the factor (every factor and count is ≥ 0, so ends multiply ends). */
export function applyFactor(eligible: Interval, factor: Interval): Interval {
  return { low: eligible.low * factor.low, point: eligible.point * factor.point, high: eligible.high * factor.high };
}
