import type { Interval } from '../utils/interval';
/**
 * How an input given as a range (low, point, high) enters the forecast: as a distribution, integrated by
 * quadrature, so the probability and the prediction intervals carry the range's uncertainty.
 *
 * The distribution stated for every range is the two-piece triangular one: the point is the most likely value
 * and the median, half of the probability lies on each side of it, and on each side the density falls linearly
 * to zero at the low (or high) end. The ends are the extremes the coordinator named, so nothing beyond them is
 * possible, and a lopsided range ("10 %, 5–30 %") keeps its point as the middle value instead of being pulled
 * towards the long side. A side of zero width (low = point) puts its half on the other side.
 *
 * Each side is integrated with Gauss–Legendre nodes (the linear density is part of the integrand, so a side of g
 * nodes is exact for integrands that are polynomials of degree 2g − 2 in the value).
 */

export interface QuadratureNode {
  value: number;
  weight: number;
}

/** Gauss–Legendre nodes and weights on [−1, 1], by Newton's method on the Legendre polynomial (n ≤ 64). */
export function gaussLegendre(n: number): { x: number[]; w: number[] } {
  if (!(Number.isInteger(n) && n >= 1 && n <= 64)) throw new RangeError(`gaussLegendre needs 1 ≤ n ≤ 64 (got ${n})`);
  const x: number[] = new Array<number>(n);
  const w: number[] = new Array<number>(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = 0;
      for (let k = 1; k <= n; k++) {
        const p2 = p1;
        p1 = p0;
        p0 = ((2 * k - 1) * z * p1 - (k - 1) * p2) / k;
      }
      derivative = (n * (z * p0 - p1)) / (z * z - 1);
      const step = p0 / derivative;
      z -= step;
      if (Math.abs(step) < 1e-15) break;
    }
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = 2 / ((1 - z * z) * derivative * derivative);
    w[n - 1 - i] = w[i]!;
  }
  if (n % 2 === 1) x[(n - 1) / 2] = 0;
  return { x, w };
}

/**
 * Nodes of the two-piece triangular distribution of a position v ∈ [−1, 1] (−1 = low end, 0 = point, 1 = high
 * end), `perSide` nodes on each side. `lowSide`/`highSide` false: that side has zero width, its half goes to
 * the other side.
 */
export function positionNodes(perSide: number, lowSide = true, highSide = true): QuadratureNode[] {
  if (!lowSide && !highSide) return [{ value: 0, weight: 1 }];
  const { x, w } = gaussLegendre(perSide);
  const sides = (lowSide ? 1 : 0) + (highSide ? 1 : 0);
  const nodes: QuadratureNode[] = [];
  // On one side the distance from the point is u ∈ [0, 1] with density 2(1 − u); GL on [0, 1] has nodes
  // (1 + x)/2 and weights w/2.
  for (const direction of [-1, 1] as const) {
    if ((direction === -1 && !lowSide) || (direction === 1 && !highSide)) continue;
    for (let j = 0; j < perSide; j++) {
      const u = (1 + x[j]!) / 2;
      nodes.push({ value: direction * u, weight: ((w[j]! / 2) * 2 * (1 - u)) / sides });
    }
  }
  return nodes.sort((a, b) => a.value - b.value);
}

/** The value at position v of a range: the point moved towards the low (v < 0) or high (v > 0) end. */
export function valueAtPosition(range: Interval, v: number): number {
  return v < 0 ? range.point + v * (range.point - range.low) : range.point + v * (range.high - range.point);
}

/** Quadrature nodes of one range's two-piece triangular distribution (a single node when low = high). */
export function rangeNodes(range: Interval, perSide: number): QuadratureNode[] {
  return positionNodes(perSide, range.low < range.point, range.point < range.high).map((n) => ({ value: valueAtPosition(range, n.value), weight: n.weight }));
}

/** The mean of the two-piece triangular distribution of a range. */
export function rangeMean(range: Interval): number {
  const lowSide = range.low < range.point;
  const highSide = range.point < range.high;
  if (lowSide && highSide) return range.point + (range.high - range.point) / 6 - (range.point - range.low) / 6;
  if (highSide) return range.point + (range.high - range.point) / 3;
  if (lowSide) return range.point - (range.point - range.low) / 3;
  return range.point;
}
