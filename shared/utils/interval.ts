/** A count or a share with its honest uncertainty: low ≤ point ≤ high. */
export interface Interval {
  low: number;
  point: number;
  high: number;
}

export const ZERO_INTERVAL: Readonly<Interval> = Object.freeze({ low: 0, point: 0, high: 0 });

export function addIntervals(a: Interval, b: Interval): Interval {
  return { low: a.low + b.low, point: a.point + b.point, high: a.high + b.high };
}

export function scaleInterval(a: Interval, factor: number): Interval {
  return { low: a.low * factor, point: a.point * factor, high: a.high * factor };
}

/** Componentwise product: low×low, point×point, high×high (valid because every factor is ≥ 0). */
export function multiplyIntervals(a: Interval, b: Interval): Interval {
  return { low: a.low * b.low, point: a.point * b.point, high: a.high * b.high };
}

/**
 * An interval's bounds rounded outwards (low down, high up), so a printed interval never claims more certainty
 * than the computed one; the point is rounded to nearest. The tolerance keeps a bound computed as 4.0000000001
 * from printing as 5. Every screen prints intervals through this one rule.
 */
export function roundInterval(interval: Interval): Interval {
  return { low: Math.floor(interval.low + 1e-9), point: Math.round(interval.point), high: Math.ceil(interval.high - 1e-9) };
}
