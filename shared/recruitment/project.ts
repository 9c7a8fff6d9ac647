/**
 * projectRecruitment: will the study reach its target in time, given the estimate and the site plan?
 *
 * Every site open at month 0 with constant rates (all seasonal weights equal) and one common certainty → the
 * closed form of the Poisson–gamma model with pooled rates (poisson-gamma.ts); otherwise a seeded simulation
 * of the same model (simulate.ts), keyed on the study id and version so the same study version always gives
 * the same numbers. Around the central answer: the probability at the pessimistic and optimistic ends of
 * every range at once, a sensitivity ("tornado") analysis that moves one assumption at a time, and how many
 * more sites of a typical rate would reach the goal probability.
 */
import type { Study } from '../criteria/study';
import type { EstimateResult, Interval } from '../estimate/types';
import { seedFromString } from '../utils/prng';
import { negativeBinomialQuantile } from './negative-binomial';
import { addMonths, calendarStart, resolvePlan } from './plan';
import { pooledBeta, probabilityToReachTarget, quantileMonthsToTarget } from './poisson-gamma';
import { clockOf, drawRuns, probabilityOfDraws, probabilityWithExtraSites, simulateFromDraws, type BandPoint, type RunDraws, type SimulatedSite } from './simulate';
import { outlookOf, siteRates, siteRatesAt, type RateOutlook, type SiteRate } from './site-rates';

export type { BandPoint } from './simulate';

/**
 * Runs of the simulation: Monte Carlo error of the probability ≤ 0.5/√10 000 = 0.005. The sensitivity and
 * site-search scenarios reuse the same runs (common random numbers), so their differences are smooth.
 */
export const SIMULATION_RUNS = 10_000;
/** The site search stops here: "more than this many" is answered as null. */
export const MAX_EXTRA_SITES = 40;
/** The sensitivity analysis delays every site's opening by this many months. */
export const ACTIVATION_DELAY_MONTHS = 3;

export type Assumption = 'eligible' | 'consent' | 'screen-failure' | 'dropout' | 'july-weight' | 'activation-delay' | 'rate-certainty';

/** One bar of the tornado chart: the probability when one assumption is at the low and at the high end of its range. */
export interface SensitivityBar {
  assumption: Assumption;
  /** The assumption's value at each end: a share (consent, screen failure, dropout), a weight (July), months (delay), a total rate per month (eligible) or a factor on the gamma shape (certainty). */
  lowValue: number;
  highValue: number;
  probabilityAtLow: number;
  probabilityAtHigh: number;
}

export interface AdditionalSites {
  /** The probability aimed for. */
  goal: number;
  /** The typical site added: the median rate of the planned sites, opening at their median activation month. */
  ratePerMonth: number;
  activationMonth: number;
  /** Sites to add (0 = the plan already reaches the goal); null = not reached even with MAX_EXTRA_SITES more. */
  count: number | null;
  /** The probability with `count` more sites. */
  probability: number | null;
}

export interface RecruitmentProjection {
  method: 'closed-form' | 'simulation';
  target: number;
  months: number;
  /** ISO dates of the recruitment start and of the deadline (start + months). */
  startDate: string;
  deadlineDate: string;
  /** Gamma shape α of the site rates (the plan's rateShape; sites may have their own, see sites[].shape). */
  alpha: number;
  /** Pooled gamma rate β (closed form only; null when simulated or when no site enrols). */
  beta: number | null;
  /** The seasonal weights used (twelve, January first). */
  seasonalWeights: number[];
  sites: SiteRate[];
  /** Sum of the sites' rates per month once all are open (in a month of weight 1). */
  totalRatePerMonth: Interval;
  /** P(target reached within `months`) at the point rates. */
  probability: number;
  /** The same probability with every range at its pessimistic and at its optimistic end. */
  probabilityRange: { low: number; high: number };
  /** Patients enrolled by the deadline: 10th percentile, mean, 90th percentile (80 % prediction interval). */
  expectedByDeadline: Interval;
  /** 2.5th and 97.5th percentiles of patients enrolled by the deadline (95 % prediction interval). */
  expectedByDeadline95: { low: number; high: number };
  /** Median months to reach the target; null if no site enrols (or fewer than half the runs reach it). */
  medianMonthsToTarget: number | null;
  /** 10th and 90th percentiles of the months to reach the target (80 % interval); null where not reached. */
  monthsToTarget80: { low: number | null; high: number | null };
  /** Cumulative enrolment month by month with its 80 % and 95 % prediction bands. */
  band: BandPoint[];
  /** Assumptions ordered by how much they move the probability, largest first. */
  sensitivity: SensitivityBar[];
  additionalSites: AdditionalSites;
  /** Seed and runs, when simulated. */
  simulation?: { seed: number; runs: number };
}

interface Scenario {
  target: number;
  months: number;
  sites: Required<SimulatedSite>[];
  weights: readonly number[];
  start: number;
}

interface Outcome {
  method: 'closed-form' | 'simulation';
  probability: number;
  enrolled: Interval;
  enrolled95: { low: number; high: number };
  medianMonths: number | null;
  months80: { low: number | null; high: number | null };
  band: BandPoint[];
  beta: number | null;
}

const EMPTY_OUTCOME: Omit<Outcome, 'method' | 'band'> = {
  probability: 0,
  enrolled: { low: 0, point: 0, high: 0 },
  enrolled95: { low: 0, high: 0 },
  medianMonths: null,
  months80: { low: null, high: null },
  beta: null,
};

function closedFormApplies(s: Scenario): boolean {
  const enrolling = s.sites.filter((x) => x.ratePerMonth > 0);
  return s.weights.every((w) => w === s.weights[0]) && s.sites.every((x) => x.activationMonth === 0) && enrolling.every((x) => x.shape === enrolling[0]!.shape);
}

function closedForm(s: Scenario, detail: boolean): Outcome {
  const weight = s.weights[0] ?? 1;
  const enrolling = s.sites.filter((x) => x.ratePerMonth > 0);
  const total = enrolling.reduce((sum, x) => sum + x.ratePerMonth * weight, 0);
  const grid = detail ? [...Array.from({ length: Math.ceil(s.months) }, (_, m) => m), s.months] : [s.months];
  if (!(total > 0)) {
    return { ...EMPTY_OUTCOME, method: 'closed-form', band: detail ? grid.map((month) => ({ month, mean: 0, q025: 0, q10: 0, q50: 0, q90: 0, q975: 0 })) : [] };
  }
  const alpha = enrolling[0]!.shape;
  const params = { target: s.target, sites: enrolling.length, alpha, beta: pooledBeta(alpha, enrolling.length, total) };
  const r = params.sites * alpha;
  // The count by t is negative binomial NB(nα, β/(β + t)) with mean Λt.
  const point = (month: number): BandPoint => {
    const p = params.beta / (params.beta + month);
    const q = (level: number): number => negativeBinomialQuantile(r, p, level);
    return { month, mean: total * month, q025: q(0.025), q10: q(0.1), q50: q(0.5), q90: q(0.9), q975: q(0.975) };
  };
  const band = grid.map(point);
  const last = band[band.length - 1]!;
  return {
    method: 'closed-form',
    probability: probabilityToReachTarget({ ...params, months: s.months }),
    enrolled: { low: last.q10, point: last.mean, high: last.q90 },
    enrolled95: { low: last.q025, high: last.q975 },
    medianMonths: quantileMonthsToTarget(params, 0.5),
    months80: { low: quantileMonthsToTarget(params, 0.1), high: quantileMonthsToTarget(params, 0.9) },
    band: detail ? band : [],
    beta: params.beta,
  };
}

/**
 * Draws kept between projections. A set of draws is a pure function of (seed, target, shapes, runs), so reusing
 * one cannot change a number; it only spares the recomputation when an edit leaves those alone (an activation
 * month, a seasonal weight, consent…), which is most edits in the app's worker. A few sets are kept, oldest
 * dropped first.
 */
const DRAW_CACHE = new Map<string, RunDraws>();
const DRAW_CACHE_SIZE = 6;

/** Simulation of scenarios over shared draws: one set of runs per combination of gamma shapes. */
class Simulator {
  constructor(private readonly seed: number) {}

  drawsFor(s: Scenario): RunDraws {
    const shapes = s.sites.map((x) => x.shape);
    const key = `${this.seed}|${s.target}|${SIMULATION_RUNS}|${shapes.join(',')}`;
    let draws = DRAW_CACHE.get(key);
    if (!draws) {
      draws = drawRuns(s.target, shapes, SIMULATION_RUNS, this.seed);
      DRAW_CACHE.set(key, draws);
      if (DRAW_CACHE.size > DRAW_CACHE_SIZE) DRAW_CACHE.delete(DRAW_CACHE.keys().next().value!);
    }
    return draws;
  }

  /** (G(D) − G(a_i))⁺ for every site: its exposure to the seasonal clock up to the deadline. */
  exposures(s: Scenario, activationMonths = s.sites.map((x) => x.activationMonth)): number[] {
    const G = clockOf({ weights: s.weights, start: s.start }, Math.max(s.months, ...activationMonths));
    const deadline = G(s.months);
    return activationMonths.map((a) => Math.max(0, deadline - G(a)));
  }

  outcome(s: Scenario): Outcome {
    if (closedFormApplies(s)) return closedForm(s, true);
    const result = simulateFromDraws({ target: s.target, months: s.months, alpha: 1, sites: s.sites, runs: SIMULATION_RUNS, seed: this.seed, season: { weights: s.weights, start: s.start } }, this.drawsFor(s));
    return { method: 'simulation', ...result, beta: null };
  }

  probability(s: Scenario): number {
    if (closedFormApplies(s)) return closedForm(s, false).probability;
    return probabilityOfDraws(this.drawsFor(s), s.sites.map((x) => x.ratePerMonth), this.exposures(s));
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The fewest typical sites to append so that P ≥ goal: the median rate, shape and activation of the planned sites. */
function searchAdditionalSites(base: Scenario, goal: number, simulator: Simulator): AdditionalSites {
  const enrolling = base.sites.filter((s) => s.ratePerMonth > 0);
  const extra = {
    ratePerMonth: enrolling.length > 0 ? median(enrolling.map((s) => s.ratePerMonth)) : 0,
    activationMonth: base.sites.length > 0 ? median(base.sites.map((s) => s.activationMonth)) : 0,
    shape: enrolling.length > 0 ? median(enrolling.map((s) => s.shape)) : 1,
  };
  const withExtra = (k: number): Scenario => ({ ...base, sites: [...base.sites, ...Array.from({ length: k }, () => extra)] });
  // Closed form: one betainc per count; otherwise one pass over the runs answers every count at once.
  const curve = closedFormApplies(withExtra(1))
    ? Array.from({ length: MAX_EXTRA_SITES + 1 }, (_, k) => closedForm(withExtra(k), false).probability)
    : probabilityWithExtraSites(
        simulator.drawsFor(base),
        base.sites.map((s) => s.ratePerMonth),
        simulator.exposures(base),
        { ...extra, exposure: simulator.exposures(base, [extra.activationMonth])[0]! },
        MAX_EXTRA_SITES,
      );
  const count = curve.findIndex((p) => p >= goal);
  return { goal, ratePerMonth: extra.ratePerMonth, activationMonth: extra.activationMonth, count: count >= 0 ? count : null, probability: count >= 0 ? curve[count]! : null };
}

export function projectRecruitment(study: Study, estimate: EstimateResult): RecruitmentProjection {
  const plan = resolvePlan(study.recruitment);
  const sites = siteRates(study, estimate);
  const seed = seedFromString(`${study.id}@${study.version}`);
  const start = calendarStart(plan.startDate);

  const scenario = (outlook: RateOutlook, change: Partial<Scenario> = {}): Scenario => {
    const rates = siteRatesAt(study, estimate, outlook);
    return {
      target: plan.targetPatients,
      months: plan.months,
      weights: plan.seasonalWeights,
      start,
      sites: sites.map((s, i) => ({ ratePerMonth: rates[i]!, activationMonth: s.activationMonth, shape: s.shape })),
      ...change,
    };
  };
  const pointScenario = scenario(outlookOf('point'));
  const simulator = new Simulator(seed);
  const central = simulator.outcome(pointScenario);
  const probabilityOf = (s: Scenario): number => simulator.probability(s);

  const totalRatePerMonth = sites.reduce<Interval>(
    (sum, s) => ({ low: sum.low + s.ratePerMonth.low, point: sum.point + s.ratePerMonth.point, high: sum.high + s.ratePerMonth.high }),
    { low: 0, point: 0, high: 0 },
  );

  const projection: RecruitmentProjection = {
    method: central.method,
    target: plan.targetPatients,
    months: plan.months,
    startDate: plan.startDate,
    deadlineDate: addMonths(plan.startDate, plan.months),
    alpha: plan.rateShape,
    beta: central.beta,
    seasonalWeights: plan.seasonalWeights,
    sites,
    totalRatePerMonth,
    probability: central.probability,
    probabilityRange: { low: probabilityOf(scenario(outlookOf('pessimistic'))), high: probabilityOf(scenario(outlookOf('optimistic'))) },
    expectedByDeadline: central.enrolled,
    expectedByDeadline95: central.enrolled95,
    medianMonthsToTarget: central.medianMonths,
    monthsToTarget80: central.months80,
    band: central.band,
    sensitivity: sensitivity(study, plan.seasonalWeights, pointScenario, scenario, probabilityOf, totalRatePerMonth),
    additionalSites: searchAdditionalSites(pointScenario, plan.sitesGoalProbability, simulator),
  };
  if (central.method === 'simulation') projection.simulation = { seed, runs: SIMULATION_RUNS };
  return projection;
}

/** One assumption at a time at each end of its range, everything else at its point value. */
function sensitivity(
  study: Study,
  weights: number[],
  base: Scenario,
  scenario: (outlook: RateOutlook, change?: Partial<Scenario>) => Scenario,
  probabilityOf: (s: Scenario) => number,
  total: Interval,
): SensitivityBar[] {
  const plan = resolvePlan(study.recruitment);
  const point = outlookOf('point');
  const bars: SensitivityBar[] = [];
  const bar = (assumption: Assumption, lowValue: number, highValue: number, atLow: Scenario, atHigh: Scenario): void => {
    bars.push({ assumption, lowValue, highValue, probabilityAtLow: probabilityOf(atLow), probabilityAtHigh: probabilityOf(atHigh) });
  };
  if (base.sites.length === 0) return bars;
  bar('eligible', total.low, total.high, scenario({ ...point, eligible: 'pessimistic' }), scenario({ ...point, eligible: 'optimistic' }));
  bar('consent', plan.consentRate.low, plan.consentRate.high, scenario({ ...point, consent: 'pessimistic' }), scenario({ ...point, consent: 'optimistic' }));
  bar('screen-failure', plan.screenFailureRate.low, plan.screenFailureRate.high, scenario({ ...point, screenFailure: 'optimistic' }), scenario({ ...point, screenFailure: 'pessimistic' }));
  if (plan.dropoutRate.high > 0) {
    bar('dropout', plan.dropoutRate.low, plan.dropoutRate.high, scenario({ ...point, dropout: 'optimistic' }), scenario({ ...point, dropout: 'pessimistic' }));
  }
  // July: from a closed clinic (0) to half a normal month (or the planned weight, if outside that).
  const july = weights[6]!;
  const julyLow = Math.min(0, july);
  const julyHigh = Math.max(0.5, july);
  const withJuly = (w: number): Scenario => ({ ...base, weights: weights.map((x, i) => (i === 6 ? w : x)) });
  bar('july-weight', julyLow, julyHigh, withJuly(julyLow), withJuly(julyHigh));
  const delayed = (months: number): Scenario => ({ ...base, sites: base.sites.map((s) => ({ ...s, activationMonth: s.activationMonth + months })) });
  bar('activation-delay', 0, ACTIVATION_DELAY_MONTHS, base, delayed(ACTIVATION_DELAY_MONTHS));
  const shaped = (factor: number): Scenario => ({ ...base, sites: base.sites.map((s) => ({ ...s, shape: s.shape * factor })) });
  bar('rate-certainty', 0.5, 2, shaped(0.5), shaped(2));
  return bars.sort((a, b) => Math.abs(b.probabilityAtHigh - b.probabilityAtLow) - Math.abs(a.probabilityAtHigh - a.probabilityAtLow));
}
