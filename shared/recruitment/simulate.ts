/**
 * The Poisson–gamma model by seeded simulation, for plans the closed form does not cover (sites opening at
 * different months, seasonal weights, sites with different certainty). Each run draws every site's rate
 * λ_i = m_i·X_i with X_i ~ Gamma(α_i, α_i) (mean 1, so λ_i ~ Gamma(α_i, α_i/m_i) with mean m_i), then the time
 * at which the cumulative intensity μ(t) = Σ λ_i·(G(t) − G(a_i))⁺ reaches S ~ Gamma(N, 1): that is when the
 * N-th patient arrives in a Poisson process with that intensity (G is the seasonal clock, season.ts; without
 * seasons G(t) = t). The target is reached by the deadline D exactly when μ(D) ≥ S. The count month by month,
 * for the prediction band, is drawn as Poisson increments of μ from a second generator.
 *
 * Determinism and common random numbers: one seeded generator hands every run its own seed, and a run draws
 * S first and then X_i for every site in the order given (also for sites whose mean is 0). The same plan
 * therefore always gives the same numbers, and plans that differ in rates, activation months or seasons —
 * the sensitivity analysis — reuse the same draws (RunDraws), so their differences are not Monte Carlo noise.
 */
import { mulberry32 } from '../utils/prng';
import { sampleGamma, samplePoisson } from '../utils/distributions';
import { seasonClock } from './season';

export interface SimulatedSite {
  /** Mean enrolment rate per month once open (in a month of weight 1). */
  ratePerMonth: number;
  activationMonth: number;
  /** Gamma shape α of this site's rate; default: the input's alpha. */
  shape?: number;
}

export interface Season {
  /** Twelve relative weights, January first. */
  weights: readonly number[];
  /** Calendar position of month 0, in months since 1 January (see calendarStart in plan.ts). */
  start: number;
}

export interface SimulationInput {
  target: number;
  months: number;
  /** Gamma shape α of the sites' rates (unless a site has its own). */
  alpha: number;
  sites: SimulatedSite[];
  runs: number;
  seed: number;
  /** Seasonal weights; none = constant rates. */
  season?: Season;
}

export interface BandPoint {
  month: number;
  mean: number;
  /** Quantiles of the cumulative enrolment: 2.5 %, 10 %, 50 %, 90 %, 97.5 %. */
  q025: number;
  q10: number;
  q50: number;
  q90: number;
  q975: number;
}

export interface SimulationResult {
  probability: number;
  /** 10th percentile, mean and 90th percentile of patients enrolled by the deadline. */
  enrolled: { low: number; point: number; high: number };
  /** 2.5th and 97.5th percentiles of patients enrolled by the deadline (95 % prediction interval). */
  enrolled95: { low: number; high: number };
  /** Median months to the target; null if fewer than half the runs ever reach it. */
  medianMonths: number | null;
  /** 10th and 90th percentiles of the months to the target (null where runs never reach it). */
  months80: { low: number | null; high: number | null };
  /** Cumulative enrolment at months 0, 1, 2, … and at the deadline. */
  band: BandPoint[];
}

/** The random part of a simulation: per run the level S and each site's unit rate X_i. */
export interface RunDraws {
  runs: number;
  sites: number;
  level: Float64Array;
  /** X_i of run r at index r·sites + i. */
  unit: Float64Array;
  seed: number;
}

const quantileOfSorted = (sorted: Float64Array, q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
/**
 * Runs whose month-by-month path draws the band before the deadline (the chart); the count at the deadline,
 * which the text reports, uses every run. Quantile error of the band at 2.5 %: about ±0.3 percentage points.
 */
export const BAND_RUNS = 2_500;
/** A different stream for the Poisson counts of the band, so that drawing them never shifts S or the rates. */
const COUNT_STREAM = 0x9e3779b9;

export function drawRuns(target: number, shapes: readonly number[], runs: number, seed: number): RunDraws {
  const master = mulberry32(seed);
  const n = shapes.length;
  const level = new Float64Array(runs);
  const unit = new Float64Array(runs * n);
  for (let run = 0; run < runs; run++) {
    const random = mulberry32((master() * 4294967296) >>> 0);
    level[run] = sampleGamma(random, target, 1);
    for (let i = 0; i < n; i++) unit[run * n + i] = sampleGamma(random, shapes[i]!, shapes[i]!);
  }
  return { runs, sites: n, level, unit, seed };
}

/** The seasonal clock G of a plan (identity without seasons). */
export function clockOf(season: Season | undefined, horizon: number): (t: number) => number {
  if (!season) return (t) => Math.max(0, t);
  const clock = seasonClock(season.weights, season.start, horizon + 240);
  return (t) => clock.at(t);
}

/** P(μ(D) ≥ S) for sites with these mean rates and exposures E_i = (G(D) − G(a_i))⁺, over the stored runs. */
export function probabilityOfDraws(draws: RunDraws, means: readonly number[], exposures: readonly number[]): number {
  const n = draws.sites;
  const weight = Float64Array.from(means, (m, i) => m * exposures[i]!);
  let reached = 0;
  for (let run = 0; run < draws.runs; run++) {
    let intensity = 0;
    for (let i = 0; i < n; i++) intensity += weight[i]! * draws.unit[run * n + i]!;
    if (intensity >= draws.level[run]!) reached++;
  }
  return reached / draws.runs;
}

/** Time (operational) at which Σ λ_i (u − u_i)⁺ reaches `level`; sites sorted by their start u_i. */
function timeToIntensity(level: number, rates: Float64Array, starts: Float64Array): number {
  let slope = 0;
  let intensity = 0;
  let u = 0;
  for (let i = 0; i < rates.length; i++) {
    const next = starts[i]!;
    if (slope > 0 && intensity + slope * (next - u) >= level) return u + (level - intensity) / slope;
    intensity += slope * (next - u);
    u = next;
    slope += rates[i]!;
  }
  return slope > 0 ? u + (level - intensity) / slope : Number.POSITIVE_INFINITY;
}

/** Month grid of the band: 0, 1, 2, … and the deadline itself. */
export function bandGrid(months: number): number[] {
  const grid: number[] = [];
  for (let m = 0; m < months; m++) grid.push(m);
  grid.push(months);
  return grid;
}

/** The full outcome of a plan from stored draws (which must have one unit rate per site of the input). */
export function simulateFromDraws(input: SimulationInput, draws: RunDraws): SimulationResult {
  const horizon = Math.max(input.months, ...input.sites.map((s) => s.activationMonth));
  const clock = input.season ? seasonClock(input.season.weights, input.season.start, horizon + 240) : null;
  const G = (t: number): number => (clock ? clock.at(t) : Math.max(0, t));
  const Ginv = (u: number): number => (clock ? clock.inverse(u) : u);

  const n = input.sites.length;
  const means = Float64Array.from(input.sites, (s) => s.ratePerMonth);
  const opStart = Float64Array.from(input.sites, (s) => G(s.activationMonth));
  const order = [...input.sites.keys()].sort((a, b) => opStart[a]! - opStart[b]!);
  const sortedStarts = Float64Array.from(order, (i) => opStart[i]!);
  const rates = new Float64Array(n);
  const sortedRates = new Float64Array(n);
  const grid = bandGrid(input.months);
  const opGrid = grid.map(G);
  const last = grid.length - 1;
  const bandRuns = Math.min(draws.runs, BAND_RUNS);
  const paths = grid.map((_, g) => new Float64Array(g === last ? draws.runs : bandRuns));
  const meanPath = new Float64Array(grid.length);
  const times = new Float64Array(draws.runs);
  const counter = mulberry32((draws.seed ^ COUNT_STREAM) >>> 0);
  let reached = 0;

  for (let run = 0; run < draws.runs; run++) {
    for (let i = 0; i < n; i++) rates[i] = means[i]! * draws.unit[run * n + i]!;
    for (let j = 0; j < n; j++) sortedRates[j] = rates[order[j]!]!;
    const time = Ginv(timeToIntensity(draws.level[run]!, sortedRates, sortedStarts));
    times[run] = time;
    if (time <= input.months) reached++;
    // Every run gives the count by the deadline; the first BAND_RUNS also their path month by month.
    const pathMonths = run < bandRuns ? grid.length : 0;
    let previous = 0;
    let count = 0;
    for (let g = 0; g < grid.length; g++) {
      let intensity = 0;
      for (let i = 0; i < n; i++) intensity += rates[i]! * Math.max(0, opGrid[g]! - opStart[i]!);
      meanPath[g] = meanPath[g]! + intensity * (g === last ? 1 / draws.runs : run < bandRuns ? 1 / bandRuns : 0);
      if (g < pathMonths) {
        count += samplePoisson(counter, Math.max(0, intensity - previous));
        previous = intensity;
        paths[g]![run] = count;
      } else if (g === last) paths[g]![run] = samplePoisson(counter, intensity);
    }
  }

  times.sort();
  const band: BandPoint[] = paths.map((column, g) => {
    column.sort();
    return {
      month: grid[g]!,
      // The mean uses the runs' intensities (their conditional means), which is less noisy than averaging counts.
      mean: meanPath[g]!,
      q025: quantileOfSorted(column, 0.025),
      q10: quantileOfSorted(column, 0.1),
      q50: quantileOfSorted(column, 0.5),
      q90: quantileOfSorted(column, 0.9),
      q975: quantileOfSorted(column, 0.975),
    };
  });
  const end = band[last]!;
  return {
    probability: reached / draws.runs,
    enrolled: { low: end.q10, point: end.mean, high: end.q90 },
    enrolled95: { low: end.q025, high: end.q975 },
    medianMonths: finiteOrNull(quantileOfSorted(times, 0.5)),
    months80: { low: finiteOrNull(quantileOfSorted(times, 0.1)), high: finiteOrNull(quantileOfSorted(times, 0.9)) },
    band,
  };
}

export function simulateRecruitment(input: SimulationInput): SimulationResult {
  const draws = drawRuns(input.target, input.sites.map((s) => s.shape ?? input.alpha), input.runs, input.seed);
  return simulateFromDraws(input, draws);
}

export interface ExtraSite {
  ratePerMonth: number;
  activationMonth: number;
  shape: number;
}

/**
 * P(target reached by the deadline) with 0, 1, …, max extra sites appended to the plan, from one pass over
 * the stored draws: a run reaches the target exactly when μ(D) ≥ S, so each run needs the fewest extra sites
 * whose intensity closes its gap. The extra sites' rates come from a third stream, drawn only as needed;
 * adding a site can only raise μ(D), so the probability rises with the count.
 */
export function probabilityWithExtraSites(draws: RunDraws, means: readonly number[], exposures: readonly number[], extra: ExtraSite & { exposure: number }, max: number): number[] {
  const n = draws.sites;
  const weight = Float64Array.from(means, (m, i) => m * exposures[i]!);
  const extraRandom = mulberry32((draws.seed ^ (COUNT_STREAM >>> 1)) >>> 0);
  const canAdd = extra.ratePerMonth > 0 && extra.exposure > 0;
  const needed = new Float64Array(max + 2);
  for (let run = 0; run < draws.runs; run++) {
    let intensity = 0;
    for (let i = 0; i < n; i++) intensity += weight[i]! * draws.unit[run * n + i]!;
    const level = draws.level[run]!;
    let k = 0;
    while (canAdd && intensity < level && k < max) {
      intensity += sampleGamma(extraRandom, extra.shape, extra.shape / extra.ratePerMonth) * extra.exposure;
      k++;
    }
    needed[intensity >= level ? k : max + 1]!++;
  }
  const probabilities: number[] = [];
  let cumulative = 0;
  for (let k = 0; k <= max; k++) {
    cumulative += needed[k]!;
    probabilities.push(cumulative / draws.runs);
  }
  return probabilities;
}
