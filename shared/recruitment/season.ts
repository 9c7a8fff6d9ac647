/**
 * Seasonal "operational time". A site open from month a enrols with intensity λ·w(t) where w is the weight of
 * the calendar month t falls in (July ≈ 0 in Sweden). Its expected count by t is λ·(G(t) − G(a)) with
 *
 *     G(t) = ∫₀ᵗ w(s) ds        (piecewise linear, with a kink at every calendar-month boundary)
 *
 * so in operational time u = G(t) every site enrols at its constant rate λ: a seasonal plan is a plan with
 * constant rates whose clock runs slowly in summer: a site's exposure from its opening a to month t is G(t) − G(a).
 * Past the horizon G grows with the average weight of a year.
 */

export interface SeasonClock {
  /** Operational months elapsed by month t of recruitment. */
  at(t: number): number;
  /** The earliest month t with G(t) ≥ u; +∞ if G never reaches u. */
  inverse(u: number): number;
  /** True when every month has the same weight (then G(t) = w·t). */
  uniform: boolean;
}

/**
 * @param weights twelve relative weights, January first, each ≥ 0
 * @param start calendar position of month 0 in months since 1 January (see calendarStart)
 * @param horizon months of recruitment covered exactly (beyond it, the yearly average weight is used)
 */
export function seasonClock(weights: readonly number[], start: number, horizon: number): SeasonClock {
  if (weights.length !== 12 || !weights.every((w) => Number.isFinite(w) && w >= 0)) {
    throw new RangeError('seasonal weights must be twelve numbers ≥ 0');
  }
  const mean = weights.reduce((a, b) => a + b, 0) / 12;
  const uniform = weights.every((w) => w === weights[0]);
  const offset = start - Math.floor(start);
  const firstMonth = Math.floor(start);
  const segments = Math.max(1, Math.ceil(horizon + offset));
  // Boundary k lies at t = k − offset (k ≥ 1); segment k runs from boundary k to k + 1 with weight slope[k].
  const bound = new Float64Array(segments + 1);
  const cumulative = new Float64Array(segments + 1);
  const slope = new Float64Array(segments);
  for (let k = 0; k < segments; k++) {
    bound[k + 1] = k + 1 - offset;
    slope[k] = weights[(firstMonth + k) % 12]!;
    cumulative[k + 1] = cumulative[k]! + slope[k]! * (bound[k + 1]! - bound[k]!);
  }
  const end = bound[segments]!;
  const total = cumulative[segments]!;

  const at = (t: number): number => {
    if (t <= 0) return 0;
    if (t >= end) return total + mean * (t - end);
    const k = Math.min(segments - 1, Math.floor(t + offset));
    return cumulative[k]! + slope[k]! * (t - bound[k]!);
  };

  const inverse = (u: number): number => {
    if (u <= 0) return 0;
    if (u > total) return mean > 0 ? end + (u - total) / mean : Number.POSITIVE_INFINITY;
    // Smallest j with cumulative[j] ≥ u; then u falls in segment j − 1, whose slope is > 0.
    let lo = 1;
    let hi = segments;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! >= u) hi = mid;
      else lo = mid + 1;
    }
    const k = lo - 1;
    return bound[k]! + (u - cumulative[k]!) / slope[k]!;
  };

  return { at, inverse, uniform };
}
