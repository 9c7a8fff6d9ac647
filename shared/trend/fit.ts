/**
 * The log-linear trend: ln(count) = a + b·t fitted by ordinary least squares over the periods of a window, t in
 * years. exp(b) − 1 is the average yearly change; the prediction interval of ln(count) at a later time t* is the
 * textbook one for a new observation,
 *
 *   ŷ(t*) ± q · s · √(1 + 1/n + (t* − t̄)² / Sxx),   q = Student's t quantile with n − 2 degrees of freedom,
 *
 * where s² = Σ residual² / (n − 2). It widens with the distance from the window's centre (the last term) and
 * never falls below one year's scatter around the line (the 1). A log scale, because counts of treated patients
 * grow and shrink by proportions, and a proportion applies the same way to a region of 60 000 and one of
 * 2 million inhabitants.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

export interface LogLinearFit {
  /** Number of points. */
  n: number;
  /** Mean time (t̄) and Σ (t − t̄)². */
  meanTime: number;
  sxx: number;
  /** ln(count) at t̄, and the slope per year. */
  meanLog: number;
  slope: number;
  /** Standard error of the slope, and the residual standard deviation s (both on the log scale). */
  slopeStandardError: number;
  residualSd: number;
  /** Coefficient of determination of the log fit (1 for a perfectly steady exponential). */
  rSquared: number;
}

/**
 * Fits ln(values) on times. Needs at least 3 points with distinct times and values > 0 (the callers refuse
 * anything else with a reason before fitting; here it is a programming error).
 */
export function fitLogLinear(times: readonly number[], values: readonly number[]): LogLinearFit {
  const n = times.length;
  if (n !== values.length) throw new Error(`fitLogLinear: ${n} times but ${values.length} values`);
  if (n < 3) throw new Error(`fitLogLinear: needs at least 3 points, got ${n}`);
  if (!values.every((v) => Number.isFinite(v) && v > 0)) throw new Error('fitLogLinear: every value must be a finite number > 0');
  const logs = values.map((v) => Math.log(v));
  const meanTime = times.reduce((s, t) => s + t, 0) / n;
  const meanLog = logs.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dt = times[i]! - meanTime;
    const dy = logs[i]! - meanLog;
    sxx += dt * dt;
    sxy += dt * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) throw new Error('fitLogLinear: the times must not all be equal');
  const slope = sxy / sxx;
  // Σ residual² = Syy − b·Sxy; clamped at 0 against rounding on a perfect fit.
  const sse = Math.max(0, syy - slope * sxy);
  const residualSd = Math.sqrt(sse / (n - 2));
  return {
    n,
    meanTime,
    sxx,
    meanLog,
    slope,
    slopeStandardError: residualSd / Math.sqrt(sxx),
    residualSd,
    rSquared: syy > 0 ? 1 - sse / syy : 1,
  };
}

/** The fitted ln(count) at time t. */
export function fittedLog(fit: LogLinearFit, t: number): number {
  return fit.meanLog + fit.slope * (t - fit.meanTime);
}

/** The two-sided prediction interval of ln(count) at time t, at `level` (e.g. 0.8 for 80 %). */
export function predictLog(fit: LogLinearFit, t: number, level: number): { low: number; point: number; high: number; halfWidth: number; quantile: number } {
  if (!(level > 0 && level < 1)) throw new RangeError(`predictLog: level ${level} must lie strictly between 0 and 1`);
  const point = fittedLog(fit, t);
  const quantile = tQuantile((1 + level) / 2, fit.n - 2);
  const dt = t - fit.meanTime;
  const halfWidth = quantile * fit.residualSd * Math.sqrt(1 + 1 / fit.n + (dt * dt) / fit.sxx);
  return { low: point - halfWidth, point, high: point + halfWidth, halfWidth, quantile };
}

/**
 * The weight of each point's ln(value) in ŷ(t) (ŷ is linear in the logs): 1/n + (t − t̄)(tᵢ − t̄)/Sxx. Used to
 * find which end of a masked count's range pushes a projection furthest up or down.
 */
export function predictionWeights(times: readonly number[], t: number): number[] {
  const n = times.length;
  const meanTime = times.reduce((s, x) => s + x, 0) / n;
  const sxx = times.reduce((s, x) => s + (x - meanTime) ** 2, 0);
  return times.map((ti) => 1 / n + ((t - meanTime) * (ti - meanTime)) / sxx);
}
