/**
 * The test oracle of the recruitment forecast: the Poisson–gamma model by plain seeded Monte Carlo, written
 * without any of the forecast's code (no negative binomials, no seasonal clock, no quadrature). Each run draws the
 * ranged inputs from their stated distribution, every site's rate λ_i = m_i · Gamma(α_i, 1)/α_i (mean m_i), and
 * the count by month t as one Poisson draw with mean Σ λ_i · exposure_i(t), the exposure being the seasonal
 * weights integrated month by month from the site's opening.
 */
import { mulberry32, type Random } from '../../../shared/utils/prng';
import { sampleGamma, samplePoisson } from '../../../shared/utils/distributions';

export interface OracleSite {
  /** Mean patients per month once open, in a month of weight 1 (for one draw of the ranged inputs). */
  mean: number;
  shape: number;
  /** Months after the start when the site opens. */
  opens: number;
}

export interface OraclePlan {
  target: number;
  /** The deadline, in months after the start. */
  months: number;
  /** Twelve monthly weights, January first. */
  weights: readonly number[];
  /** The start as calendar month (0 = January) and the fraction of that month already gone. */
  startMonth: number;
  startFraction?: number;
  /** The sites of one run: fixed, or drawn per run (ranged inputs) from the run's generator. */
  sites: readonly OracleSite[] | ((random: Random) => readonly OracleSite[]);
}

/** ∫ w over [from, to] months after the start, summed calendar month by calendar month. */
export function exposure(plan: Pick<OraclePlan, 'weights' | 'startMonth' | 'startFraction'>, from: number, to: number): number {
  const fraction = plan.startFraction ?? 0;
  let total = 0;
  // Calendar month j (0 = the start's month) covers [j − fraction, j + 1 − fraction] in months after the start.
  for (let j = 0; j - fraction < to; j++) {
    const lo = Math.max(from, j - fraction);
    const hi = Math.min(to, j + 1 - fraction);
    if (hi > lo) total += plan.weights[(plan.startMonth + j) % 12]! * (hi - lo);
  }
  return total;
}

/** One draw of the two-piece triangular distribution of a range: half on each side, density falling to the ends. */
export function drawTwoPieceTriangular(random: Random, low: number, point: number, high: number): number {
  const lowSide = low < point;
  const highSide = point < high;
  if (!lowSide && !highSide) return point;
  const upper = !lowSide ? true : !highSide ? false : random() >= 0.5;
  // The distance from the point, as a fraction of the side: density 2(1 − d), so d = 1 − √(1 − v).
  const d = 1 - Math.sqrt(1 - random());
  return upper ? point + d * (high - point) : point - d * (point - low);
}

export interface OracleResult {
  runs: number;
  /** Share of runs with at least `target` patients by the deadline. */
  probability: number;
  /** Empirical quantile: the smallest k with (runs with count ≤ k) ≥ q · runs. */
  quantile(q: number): number;
  mean: number;
}

/** Counts by month `at` (default: the deadline) over `runs` seeded runs. */
export function simulateCounts(plan: OraclePlan, runs: number, seed: number, at = plan.months): OracleResult {
  const random = mulberry32(seed);
  const counts = new Int32Array(runs);
  let reached = 0;
  let sum = 0;
  const fixedExposures = typeof plan.sites === 'function' ? null : plan.sites.map((s) => exposure(plan, s.opens, at));
  for (let run = 0; run < runs; run++) {
    const sites = typeof plan.sites === 'function' ? plan.sites(random) : plan.sites;
    let intensity = 0;
    for (let i = 0; i < sites.length; i++) {
      const site = sites[i]!;
      if (!(site.mean > 0)) continue;
      const e = fixedExposures ? fixedExposures[i]! : exposure(plan, site.opens, at);
      intensity += ((site.mean * sampleGamma(random, site.shape, 1)) / site.shape) * e;
    }
    const count = samplePoisson(random, intensity);
    counts[run] = count;
    sum += count;
    if (count >= plan.target) reached++;
  }
  counts.sort();
  return {
    runs,
    probability: reached / runs,
    quantile: (q) => counts[Math.max(0, Math.ceil(q * runs) - 1)]!,
    mean: sum / runs,
  };
}
