import type { Interval } from './types';

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
