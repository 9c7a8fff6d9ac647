/**
 * projectRecruitment: will the study reach its target in time, given the site plan and the estimate?
 *
 * The Poisson–gamma model (Anisimov & Fedorov 2007), computed exactly for every plan Antal supports. Site i opens
 * at month a_i and recruits as a Poisson process with rate λ_i·w(t), where w is the seasonal weight of the
 * calendar month and λ_i ~ Gamma(α_i, α_i/m_i) (mean m_i, the site's patients per month). By month t the site has
 * recruited a Poisson number over its exposure E_i(t) = ∫_{a_i}^{t} w(s) ds (the seasonal clock, season.ts),
 * which mixed over λ_i is negative binomial; sites are independent, so the total N(t) is the convolution of the
 * sites' negative binomials (negative-binomial-sum.ts). From it:
 *
 * - P(target reached by the deadline) = P(N(D) ≥ n);
 * - the 80 % and 95 % prediction intervals of N(D), and the same month by month (the band);
 * - the time T to the target, from P(T ≤ t) = P(N(t) ≥ n) (solved for t);
 * - how many more typical sites reach a goal probability, and a sensitivity analysis, each from the same.
 *
 * Ranged inputs (dropout; for sites given as a share of their region, also the region's eligible patients, consent
 * and screen failure) enter as distributions: the answer is a finite mixture over quadrature nodes of each
 * range's two-piece triangular distribution (range-quadrature.ts). The extreme case (every range at its
 * pessimistic or optimistic end at once) is still computed, as a bracket around the mixture.
 *
 * Recruitment cannot start in the past: given `today`, a planned start before it is moved to today (the deadline
 * stays), and the projection says so.
 */
import type { Study } from '../criteria/study';
import type { EstimateResult } from '../estimate/types';
import { countDistribution, probabilityAtLeast, type MixtureComponent } from './negative-binomial-sum';
import { addMonths, calendarStart, MAX_EXTRA_SITES, resolvePlan, type ResolvedPlan } from './plan';
import { positionNodes, rangeNodes, type QuadratureNode } from './range-quadrature';
import { seasonClock } from './season';
import {
  OPTIMISTIC_VALUES,
  PESSIMISTIC_VALUES,
  POINT_VALUES,
  siteMeansAt,
  siteRates,
  siteWarnings,
  type FactorValues,
  type SiteRate,
  type SiteWarning,
} from './site-rates';
import type { Interval } from '../utils/interval';

// The site search's limit lives with the plan's other constants, so a screen that only names it need not load the
// projection; re-exported here for callers of the projection.
export { MAX_EXTRA_SITES };
/** The sensitivity analysis delays every site's opening by this many months. */
export const ACTIVATION_DELAY_MONTHS = 3;
/**
 * The sensitivity analysis scales the sites' own rates by these factors: half, because sites commonly deliver
 * half or less of what they promise (Lasagna's law), and one and a half for the other side.
 */
export const SITE_RATE_FACTORS = { low: 0.5, high: 1.5 } as const;
/** The time to the target is searched up to this many months after the start; beyond it, "not reached". */
export const TIME_HORIZON_MONTHS = 240;
/** Mixture components kept: a finer tensor grid is merged into this many groups of equal probability. */
export const MAX_MIXTURE_COMPONENTS = 64;
/**
 * Quadrature nodes on each side of a range's point, by the number of ranges that enter the mixture. Measured
 * against 32/16/10/8 nodes per side on demanding plans (certain sites, α = 16; wide ranges): the probability moves
 * by < 10⁻⁶ with one range at 4 per side and by < 10⁻⁴ with three or four ranges at 3 per side (after merging
 * into MAX_MIXTURE_COMPONENTS), and no quantile moves.
 */
const NODES_PER_SIDE: readonly number[] = [0, 4, 4, 3, 3];

export type RangedInput = 'eligible' | 'consent' | 'screen-failure' | 'dropout';
export type Assumption = RangedInput | 'site-rates' | 'july-weight' | 'activation-delay' | 'rate-certainty';

export interface BandPoint {
  /** Months since the (effective) start. */
  month: number;
  /** Expected cumulative patients. */
  mean: number;
  /** Quantiles of the cumulative count: 2.5 %, 10 %, 50 %, 90 %, 97.5 % (whole patients). */
  q025: number;
  q10: number;
  q50: number;
  q90: number;
  q975: number;
}

/** One bar of the tornado chart: the probability with one assumption at each end, the others as in the forecast. */
export interface SensitivityBar {
  assumption: Assumption;
  /** The assumption's value at each end: a share (consent, screen failure, dropout), a weight (July), months (delay), a total rate per month (eligible) or a factor (site rates, certainty). */
  lowValue: number;
  highValue: number;
  probabilityAtLow: number;
  probabilityAtHigh: number;
}

export interface AdditionalSites {
  /** The probability aimed for. */
  goal: number;
  /** The typical site added: the median rate, certainty and opening of the planned sites that recruit. */
  ratePerMonth: number;
  activationMonth: number;
  /** Sites to add (0 = the plan already reaches the goal); null = not reached even with MAX_EXTRA_SITES more. */
  count: number | null;
  /** The probability with `count` more sites. */
  probability: number | null;
}

export type StartNotice =
  /** The planned start has passed: the forecast starts today; the deadline stays. */
  | { kind: 'moved-to-today'; plannedStartDate: string; today: string }
  /** The whole recruitment period has passed. */
  | { kind: 'deadline-passed'; plannedStartDate: string; deadlineDate: string; today: string };

export interface MixtureSummary {
  /** The ranged inputs that enter the forecast as distributions (empty: the forecast has no ranged input). */
  ranges: RangedInput[];
  /** Mixture components the forecast is computed over (1 when no range enters). */
  components: number;
}

export interface RecruitmentProjection {
  method: 'exact';
  target: number;
  /** Months from the (effective) start to the deadline. */
  months: number;
  /** ISO date the forecast starts from: the planned start, or today if that has passed. */
  startDate: string;
  /** The plan's own start date. */
  plannedStartDate: string;
  /** ISO date of the deadline: the planned start + the plan's months. */
  deadlineDate: string;
  startNotice: StartNotice | null;
  /** The plan's gamma shape α (sites may have their own, see sites[].shape). */
  alpha: number;
  /** The seasonal weights used (twelve, January first). */
  seasonalWeights: number[];
  /** Every site, with activationMonth counted from the plan's own start. */
  sites: SiteRate[];
  warnings: SiteWarning[];
  /** Sum of the sites' rates per month once all are open (in a month of weight 1), at the ends and the point. */
  totalRatePerMonth: Interval;
  /** P(target reached by the deadline). */
  probability: number;
  /** The same probability with every range at its pessimistic and at its optimistic end at once. */
  probabilityRange: { low: number; high: number };
  /** Patients enrolled by the deadline: 10th percentile, mean, 90th percentile (80 % prediction interval). */
  expectedByDeadline: Interval;
  /** 2.5th and 97.5th percentiles of patients enrolled by the deadline (95 % prediction interval). */
  expectedByDeadline95: { low: number; high: number };
  /** Median months from the (effective) start to the target; null if not reached within TIME_HORIZON_MONTHS. */
  medianMonthsToTarget: number | null;
  /** 10th and 90th percentiles of the months to the target (80 % interval); null where not reached in the horizon. */
  monthsToTarget80: { low: number | null; high: number | null };
  /** Cumulative enrolment month by month (and at the deadline) with its 80 % and 95 % prediction bands. */
  band: BandPoint[];
  /** Assumptions ordered by how much they move the probability, largest first. */
  sensitivity: SensitivityBar[];
  additionalSites: AdditionalSites;
  mixture: MixtureSummary;
}

/** The plan as the computation sees it: months counted from the effective start. */
interface Model {
  target: number;
  months: number;
  weights: readonly number[];
  /** Calendar position of the effective start, in months since 1 January. */
  start: number;
  activation: readonly number[];
  shapes: readonly number[];
  components: ReadonlyArray<{ weight: number; means: readonly number[] }>;
}

type Clock = (t: number) => number;

function clockOf(model: Model): Clock {
  const horizon = Math.max(model.months, ...model.activation, 0) + TIME_HORIZON_MONTHS + 12;
  const clock = seasonClock(model.weights, model.start, horizon);
  return (t) => clock.at(t);
}

/** The mixture's components at month t: each site's negative binomial over its exposure (G(t) − G(a_i))⁺. */
function componentsAt(model: Model, clock: Clock, t: number): MixtureComponent[] {
  const now = clock(t);
  const exposure = model.activation.map((a) => Math.max(0, now - clock(a)));
  return model.components.map((c) => ({ weight: c.weight, terms: c.means.map((m, i) => ({ shape: model.shapes[i]!, mean: m * exposure[i]! })) }));
}

function probabilityBy(model: Model, clock: Clock, t: number): number {
  return probabilityAtLeast(componentsAt(model, clock, t), model.target);
}

const BAND_QUANTILES = [0.025, 0.1, 0.5, 0.9, 0.975] as const;
/** The time to target is given as its median and 80 % interval. */
const TIME_QUANTILES = [0.1, 0.5, 0.9] as const;

/** Months 0, 1, 2, … and the deadline itself. */
function bandGrid(months: number): number[] {
  const grid: number[] = [];
  for (let m = 0; m < months; m++) grid.push(m);
  grid.push(months);
  return grid;
}

/** The smallest t with P(T ≤ t) ≥ q, given P at the grid months; null beyond the horizon. */
function timeQuantile(model: Model, clock: Clock, grid: readonly number[], atGrid: readonly number[], q: number): number | null {
  let lo = 0;
  let atLo = 0;
  let hi = Number.NaN;
  let atHi = Number.NaN;
  for (let g = 0; g < grid.length; g++) {
    if (atGrid[g]! >= q) {
      hi = grid[g]!;
      atHi = atGrid[g]!;
      break;
    }
    lo = grid[g]!;
    atLo = atGrid[g]!;
  }
  // Beyond the deadline: a year at a time until the probability reaches q or the horizon is passed.
  while (Number.isNaN(hi)) {
    const next = Math.min(lo + 12, TIME_HORIZON_MONTHS);
    const atNext = probabilityBy(model, clock, next);
    if (atNext >= q) {
      hi = next;
      atHi = atNext;
    } else if (next >= TIME_HORIZON_MONTHS) return null;
    else {
      lo = next;
      atLo = atNext;
    }
  }
  if (atHi === q || hi === 0) return hi;
  // P(T ≤ t) is continuous and increasing in t: regula falsi with the Illinois modification (the end that stays
  // has its value halved, so the bracket closes from both sides), until the bracket is 0.005 months (three hours)
  // or P is within 10⁻⁶ of q; then the root is interpolated in the last bracket. The time is shown to a tenth of
  // a month. (A grid month's P below TIME_QUANTILES[0] / 2 is known only to be below it, so it is not interpolated from.)
  let fLo = atLo - q;
  let fHi = atHi - q;
  let trueLo = atLo >= TIME_QUANTILES[0] / 2 || lo === 0 ? fLo : Number.NaN;
  let trueHi = fHi;
  let kept = 0;
  for (let i = 0; i < 100 && hi - lo > 5e-3; i++) {
    let t = hi - (fHi * (hi - lo)) / (fHi - fLo);
    if (!(t > lo && t < hi)) t = (lo + hi) / 2;
    const f = probabilityBy(model, clock, t) - q;
    if (f >= 0) {
      hi = t;
      fHi = trueHi = f;
      if (kept === 1) fLo /= 2;
      kept = 1;
      if (f < 1e-6) return hi;
    } else {
      lo = t;
      fLo = trueLo = f;
      if (kept === -1) fHi /= 2;
      kept = -1;
    }
  }
  return Number.isFinite(trueLo) && trueHi > trueLo ? lo - (trueLo * (hi - lo)) / (trueHi - trueLo) : hi;
}

interface Central {
  probability: number;
  band: BandPoint[];
  medianMonths: number | null;
  months80: { low: number | null; high: number | null };
}

function central(model: Model): Central {
  const clock = clockOf(model);
  const grid = bandGrid(model.months);
  const atGrid: number[] = [];
  const band = grid.map((month, g): BandPoint => {
    // Before the deadline P(N(t) ≥ n) only brackets the time to target, whose smallest quantile is 0.1: below
    // TIME_QUANTILES[0] / 2 it may as well be 0 (the bracket is the same). At the deadline it is the answer.
    const last = g === grid.length - 1;
    const distribution = countDistribution(componentsAt(model, clock, month), model.target, BAND_QUANTILES, last ? {} : { negligible: TIME_QUANTILES[0] / 2 });
    atGrid.push(distribution.probabilityAtLeast);
    const [q025, q10, q50, q90, q975] = distribution.quantiles as [number, number, number, number, number];
    return { month, mean: distribution.mean, q025, q10, q50, q90, q975 };
  });
  const reaches = model.components.some((c) => c.means.some((m) => m > 0));
  const [low, median, high] = TIME_QUANTILES.map((q) => (reaches ? timeQuantile(model, clock, grid, atGrid, q) : null));
  return { probability: atGrid[atGrid.length - 1]!, band, medianMonths: median!, months80: { low: low!, high: high! } };
}

function probabilityAtDeadline(model: Model): number {
  return probabilityBy(model, clockOf(model), model.months);
}

// ---------------------------------------------------------------------------------------------------------
// The mixture over the ranged inputs.

interface RangeFactor {
  input: RangedInput;
  nodes: (perSide: number) => QuadratureNode[];
}

/** The ranges that move some site's rate, as quadrature factors; `fixed` ones are left at their given value. */
function rangeFactors(study: Study, estimate: EstimateResult, plan: ResolvedPlan, fixed: Partial<FactorValues>): RangeFactor[] {
  const shareSites = plan.sites.filter((s) => s.ratePerMonth === undefined && s.shareOfRegion !== undefined && s.shareOfRegion > 0);
  const ownSites = plan.sites.filter((s) => s.ratePerMonth !== undefined && s.ratePerMonth > 0);
  const factors: RangeFactor[] = [];
  const spread = (r: Interval) => r.low < r.high;
  if (shareSites.length > 0 && fixed.eligible === undefined) {
    const regions = shareSites.map((s) => estimate.regions.find((r) => r.region === s.region)?.eligible);
    const lowSide = regions.some((r) => r !== undefined && r.low < r.point);
    const highSide = regions.some((r) => r !== undefined && r.point < r.high);
    if (lowSide || highSide) factors.push({ input: 'eligible', nodes: (g) => positionNodes(g, lowSide, highSide) });
  }
  if (shareSites.length > 0 && fixed.consent === undefined && spread(plan.consentRate)) factors.push({ input: 'consent', nodes: (g) => rangeNodes(plan.consentRate, g) });
  if (shareSites.length > 0 && fixed.screenFailure === undefined && spread(plan.screenFailureRate)) {
    factors.push({ input: 'screen-failure', nodes: (g) => rangeNodes(plan.screenFailureRate, g) });
  }
  if (shareSites.length + ownSites.length > 0 && fixed.dropout === undefined && spread(plan.dropoutRate)) factors.push({ input: 'dropout', nodes: (g) => rangeNodes(plan.dropoutRate, g) });
  return factors;
}

const KEY: Record<RangedInput, keyof FactorValues> = { eligible: 'eligible', consent: 'consent', 'screen-failure': 'screenFailure', dropout: 'dropout' };

interface Mixture {
  ranges: RangedInput[];
  components: Array<{ weight: number; means: number[] }>;
}

/**
 * The tensor product of the factors' quadrature nodes; each node gives every site's mean rate. More than
 * MAX_MIXTURE_COMPONENTS nodes are sorted by their total rate and merged into that many groups of equal
 * probability (weights added, site rates averaged with the weights), which keeps the mean rate of every site
 * exactly and the spread of the total closely.
 */
function mixtureOf(study: Study, estimate: EstimateResult, plan: ResolvedPlan, fixed: Partial<FactorValues> = {}): Mixture {
  const base = { ...POINT_VALUES(plan), ...fixed };
  const factors = rangeFactors(study, estimate, plan, fixed);
  const perSide = NODES_PER_SIDE[factors.length] ?? 3;
  let atoms: Array<{ weight: number; values: FactorValues }> = [{ weight: 1, values: base }];
  for (const factor of factors) {
    const nodes = factor.nodes(perSide);
    atoms = atoms.flatMap((atom) => nodes.map((node) => ({ weight: atom.weight * node.weight, values: { ...atom.values, [KEY[factor.input]]: node.value } })));
  }
  let components = atoms.map((atom) => ({ weight: atom.weight, means: siteMeansAt(study, estimate, atom.values) }));
  if (components.length > MAX_MIXTURE_COMPONENTS) components = mergeComponents(components, MAX_MIXTURE_COMPONENTS);
  const total = components.reduce((sum, c) => sum + c.weight, 0);
  return { ranges: factors.map((f) => f.input), components: components.map((c) => ({ weight: c.weight / total, means: c.means })) };
}

function mergeComponents(components: Array<{ weight: number; means: number[] }>, groups: number): Array<{ weight: number; means: number[] }> {
  const totalOf = (c: { means: number[] }) => c.means.reduce((a, b) => a + b, 0);
  const sorted = [...components].sort((a, b) => totalOf(a) - totalOf(b));
  const merged = Array.from({ length: groups }, () => ({ weight: 0, means: new Array<number>(sorted[0]!.means.length).fill(0) }));
  let cumulative = 0;
  for (const c of sorted) {
    // The group of a node is where the middle of its probability mass falls.
    const group = Math.min(groups - 1, Math.floor((cumulative + c.weight / 2) * groups));
    cumulative += c.weight;
    const target = merged[group]!;
    target.weight += c.weight;
    c.means.forEach((m, i) => (target.means[i] = target.means[i]! + c.weight * m));
  }
  return merged.filter((g) => g.weight > 0).map((g) => ({ weight: g.weight, means: g.means.map((m) => m / g.weight) }));
}

// ---------------------------------------------------------------------------------------------------------
// Dates: the effective start.

/** Calendar months from one ISO date to another (fractions are days of the month), e.g. 2027-03-01 → 2027-05-01 = 2. */
export function monthsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return years * 12 + calendarStart(to) - calendarStart(from);
}

export interface ProjectionOptions {
  /** Today's date (YYYY-MM-DD, the user's calendar): recruitment cannot start before it. Absent: as planned. */
  today?: string;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const sumOf = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export function projectRecruitment(study: Study, estimate: EstimateResult, options: ProjectionOptions = {}): RecruitmentProjection {
  const plan = resolvePlan(study.recruitment);
  const sites = siteRates(study, estimate);
  const warnings = siteWarnings(sites);
  const deadlineDate = addMonths(plan.startDate, plan.months);
  const offset = options.today !== undefined ? Math.max(0, monthsBetween(plan.startDate, options.today)) : 0;
  const startDate = offset > 0 ? options.today! : plan.startDate;
  const months = plan.months - offset;
  const totalRatePerMonth: Interval = {
    low: sumOf(sites.map((s) => s.ratePerMonth.low)),
    point: sumOf(sites.map((s) => s.ratePerMonth.point)),
    high: sumOf(sites.map((s) => s.ratePerMonth.high)),
  };
  const common = {
    method: 'exact' as const,
    target: plan.targetPatients,
    plannedStartDate: plan.startDate,
    deadlineDate,
    alpha: plan.rateShape,
    seasonalWeights: plan.seasonalWeights,
    sites,
    warnings,
    totalRatePerMonth,
  };

  if (months <= 0) {
    return {
      ...common,
      months: 0,
      startDate,
      startNotice: { kind: 'deadline-passed', plannedStartDate: plan.startDate, deadlineDate, today: options.today! },
      probability: 0,
      probabilityRange: { low: 0, high: 0 },
      expectedByDeadline: { low: 0, point: 0, high: 0 },
      expectedByDeadline95: { low: 0, high: 0 },
      medianMonthsToTarget: null,
      monthsToTarget80: { low: null, high: null },
      band: [],
      sensitivity: [],
      additionalSites: { goal: plan.sitesGoalProbability, ratePerMonth: 0, activationMonth: 0, count: null, probability: null },
      mixture: { ranges: [], components: 1 },
    };
  }

  const mixture = mixtureOf(study, estimate, plan);
  const model: Model = {
    target: plan.targetPatients,
    months,
    weights: plan.seasonalWeights,
    start: calendarStart(startDate),
    activation: plan.sites.map((s) => Math.max(0, s.activationMonth - offset)),
    shapes: sites.map((s) => s.shape),
    components: mixture.components,
  };
  const result = central(model);
  const atEnds = (values: FactorValues): Model => ({ ...model, components: [{ weight: 1, means: siteMeansAt(study, estimate, values) }] });
  const deadline = result.band[result.band.length - 1]!;

  return {
    ...common,
    months,
    startDate,
    startNotice: offset > 0 ? { kind: 'moved-to-today', plannedStartDate: plan.startDate, today: options.today! } : null,
    probability: result.probability,
    probabilityRange: { low: probabilityAtDeadline(atEnds(PESSIMISTIC_VALUES(plan))), high: probabilityAtDeadline(atEnds(OPTIMISTIC_VALUES(plan))) },
    expectedByDeadline: { low: deadline.q10, point: deadline.mean, high: deadline.q90 },
    expectedByDeadline95: { low: deadline.q025, high: deadline.q975 },
    medianMonthsToTarget: result.medianMonths,
    monthsToTarget80: result.months80,
    band: result.band,
    sensitivity: sensitivity(study, estimate, plan, model),
    additionalSites: additionalSites(model, plan.sitesGoalProbability, result.probability),
    mixture: { ranges: mixture.ranges, components: mixture.components.length },
  };
}

/** One assumption at a time at each end of its range; the other ranges stay distributions, as in the forecast. */
function sensitivity(study: Study, estimate: EstimateResult, plan: ResolvedPlan, model: Model): SensitivityBar[] {
  const bars: SensitivityBar[] = [];
  const enrolling = model.components.some((c) => c.means.some((m) => m > 0));
  if (!enrolling) return bars;
  const withFixed = (fixed: Partial<FactorValues>): Model => ({ ...model, components: mixtureOf(study, estimate, plan, fixed).components });
  const bar = (assumption: Assumption, lowValue: number, highValue: number, atLow: Model, atHigh: Model): void => {
    bars.push({ assumption, lowValue, highValue, probabilityAtLow: probabilityAtDeadline(atLow), probabilityAtHigh: probabilityAtDeadline(atHigh) });
  };
  const point = POINT_VALUES(plan);
  const totalAt = (values: Partial<FactorValues>): number => sumOf(siteMeansAt(study, estimate, { ...point, ...values }));
  const shareSites = plan.sites.some((s) => s.ratePerMonth === undefined && s.shareOfRegion !== undefined);
  if (shareSites) {
    bar('eligible', totalAt({ eligible: -1 }), totalAt({ eligible: 1 }), withFixed({ eligible: -1 }), withFixed({ eligible: 1 }));
    bar('consent', plan.consentRate.low, plan.consentRate.high, withFixed({ consent: plan.consentRate.low }), withFixed({ consent: plan.consentRate.high }));
    bar('screen-failure', plan.screenFailureRate.low, plan.screenFailureRate.high, withFixed({ screenFailure: plan.screenFailureRate.low }), withFixed({ screenFailure: plan.screenFailureRate.high }));
  }
  if (plan.dropoutRate.high > 0) {
    bar('dropout', plan.dropoutRate.low, plan.dropoutRate.high, withFixed({ dropout: plan.dropoutRate.low }), withFixed({ dropout: plan.dropoutRate.high }));
  }
  const own = plan.sites.map((s) => s.ratePerMonth !== undefined);
  if (own.some(Boolean)) {
    const scaled = (factor: number): Model => ({ ...model, components: model.components.map((c) => ({ weight: c.weight, means: c.means.map((m, i) => (own[i] ? m * factor : m)) })) });
    bar('site-rates', SITE_RATE_FACTORS.low, SITE_RATE_FACTORS.high, scaled(SITE_RATE_FACTORS.low), scaled(SITE_RATE_FACTORS.high));
  }
  // July: from a closed clinic (0) to half a normal month (or the planned weight, if outside that).
  const july = model.weights[6]!;
  const julyLow = Math.min(0, july);
  const julyHigh = Math.max(0.5, july);
  const withJuly = (w: number): Model => ({ ...model, weights: model.weights.map((x, i) => (i === 6 ? w : x)) });
  bar('july-weight', julyLow, julyHigh, withJuly(julyLow), withJuly(julyHigh));
  bar('activation-delay', 0, ACTIVATION_DELAY_MONTHS, model, { ...model, activation: model.activation.map((a) => a + ACTIVATION_DELAY_MONTHS) });
  const shaped = (factor: number): Model => ({ ...model, shapes: model.shapes.map((s) => s * factor) });
  bar('rate-certainty', 0.5, 2, shaped(0.5), shaped(2));
  return bars.sort((a, b) => Math.abs(b.probabilityAtHigh - b.probabilityAtLow) - Math.abs(a.probabilityAtHigh - a.probabilityAtLow));
}

/** The fewest typical sites to append so that P ≥ goal: the median rate, shape and opening of the sites that recruit. */
function additionalSites(model: Model, goal: number, planned: number): AdditionalSites {
  const pointMeans = model.components.reduce<number[]>((sum, c) => c.means.map((m, i) => (sum[i] ?? 0) + c.weight * m), []);
  const enrolling = [...model.shapes.keys()].filter((i) => (pointMeans[i] ?? 0) > 0);
  if (enrolling.length === 0) return { goal, ratePerMonth: 0, activationMonth: 0, count: null, probability: null };
  const shape = median(enrolling.map((i) => model.shapes[i]!));
  const activationMonth = median(enrolling.map((i) => model.activation[i]!));
  const ratePerMonth = median(enrolling.map((i) => pointMeans[i]!));
  const withExtra = (k: number): Model => ({
    ...model,
    activation: [...model.activation, ...new Array<number>(k).fill(activationMonth)],
    shapes: [...model.shapes, ...new Array<number>(k).fill(shape)],
    // In each mixture component the added sites recruit like that component's median planned site.
    components: model.components.map((c) => ({ weight: c.weight, means: [...c.means, ...new Array<number>(k).fill(median(enrolling.map((i) => c.means[i]!)))] })),
  });
  const probabilityWith = (k: number): number => probabilityAtDeadline(withExtra(k));
  if (planned >= goal) return { goal, ratePerMonth, activationMonth, count: 0, probability: planned };
  // The probability rises with every added site: doubling until the goal is reached, then bisection for the
  // smallest count that reaches it.
  let lo = 0;
  let hi = 1;
  let atHi = probabilityWith(1);
  while (atHi < goal) {
    if (hi >= MAX_EXTRA_SITES) return { goal, ratePerMonth, activationMonth, count: null, probability: null };
    lo = hi;
    hi = Math.min(MAX_EXTRA_SITES, hi * 2);
    atHi = probabilityWith(hi);
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const p = probabilityWith(mid);
    if (p >= goal) {
      hi = mid;
      atHi = p;
    } else lo = mid;
  }
  return { goal, ratePerMonth, activationMonth, count: hi, probability: atHi };
}
