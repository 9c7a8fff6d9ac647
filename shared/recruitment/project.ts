/**
 * projectRecruitment: will the study reach its target in time, given the estimate and the site plan?
 *
 * All sites open at month 0 → the closed form of the Poisson–gamma model with pooled rates (poisson-gamma.ts);
 * otherwise a seeded simulation of the same model (simulate.ts), keyed on the study id and version so the
 * same study version always gives the same numbers. The probability is computed at the point rates, and
 * again at the low and high rates to show how much it depends on the estimate's uncertainty.
 */
import type { Study } from '../criteria/study';
import type { EstimateResult, Interval } from '../estimate/types';
import { seedFromString } from '../utils/prng';
import { negativeBinomialQuantile } from './negative-binomial';
import { enrolledByDeadline, medianMonthsToTarget, pooledBeta, probabilityToReachTarget } from './poisson-gamma';
import { simulateRecruitment } from './simulate';
import { siteRates, type SiteRate } from './site-rates';

/** Runs of the simulation path: Monte Carlo error of the probability ≤ 0.5/√20 000 ≈ 0.0035. */
export const SIMULATION_RUNS = 20_000;

export interface RecruitmentProjection {
  method: 'closed-form' | 'simulation';
  target: number;
  months: number;
  /** Gamma shape α of the site rates (the plan's rateShape). */
  alpha: number;
  /** Pooled gamma rate β (closed form only; null when simulated or when no site enrols). */
  beta: number | null;
  sites: SiteRate[];
  /** Sum of the sites' rates per month once all are open. */
  totalRatePerMonth: Interval;
  /** P(target reached within `months`) at the point rates. */
  probability: number;
  /** The same probability at the low and at the high rates. */
  probabilityRange: { low: number; high: number };
  /** Patients enrolled by the deadline: 10th percentile, mean, 90th percentile (80 % interval). */
  expectedByDeadline: Interval;
  /** Median months to reach the target; null if no site enrols (or, simulated, fewer than half the runs reach it). */
  medianMonthsToTarget: number | null;
  /** Seed and runs, when simulated. */
  simulation?: { seed: number; runs: number };
}

interface Outcome {
  probability: number;
  enrolled: Interval;
  medianMonths: number | null;
  beta: number | null;
}

function closedForm(target: number, months: number, alpha: number, rates: number[]): Outcome {
  const total = rates.reduce((a, b) => a + b, 0);
  const enrolling = rates.filter((r) => r > 0).length;
  if (!(total > 0)) return { probability: 0, enrolled: { low: 0, point: 0, high: 0 }, medianMonths: null, beta: null };
  const params = { target, sites: enrolling, alpha, beta: pooledBeta(alpha, enrolling, total) };
  const count = enrolledByDeadline({ ...params, months });
  return {
    probability: probabilityToReachTarget({ ...params, months }),
    enrolled: { low: negativeBinomialQuantile(count.r, count.p, 0.1), point: count.mean, high: negativeBinomialQuantile(count.r, count.p, 0.9) },
    medianMonths: medianMonthsToTarget(params),
    beta: params.beta,
  };
}

export function projectRecruitment(study: Study, estimate: EstimateResult): RecruitmentProjection {
  const plan = study.recruitment;
  const sites = siteRates(study, estimate);
  const alpha = plan.rateShape;
  const staggered = sites.some((s) => s.activationMonth > 0);
  const seed = seedFromString(`${study.id}@${study.version}`);

  const outcomeAt = (pick: (rate: Interval) => number): Outcome => {
    if (!staggered) return closedForm(plan.targetPatients, plan.months, alpha, sites.map((s) => pick(s.ratePerMonth)));
    const simulated = simulateRecruitment({
      target: plan.targetPatients,
      months: plan.months,
      alpha,
      sites: sites.map((s) => ({ ratePerMonth: pick(s.ratePerMonth), activationMonth: s.activationMonth })),
      runs: SIMULATION_RUNS,
      seed,
    });
    return { probability: simulated.probability, enrolled: simulated.enrolled, medianMonths: simulated.medianMonths, beta: null };
  };

  const central = outcomeAt((r) => r.point);
  const pessimistic = outcomeAt((r) => r.low);
  const optimistic = outcomeAt((r) => r.high);
  const totalRatePerMonth = sites.reduce<Interval>(
    (sum, s) => ({ low: sum.low + s.ratePerMonth.low, point: sum.point + s.ratePerMonth.point, high: sum.high + s.ratePerMonth.high }),
    { low: 0, point: 0, high: 0 },
  );

  const projection: RecruitmentProjection = {
    method: staggered ? 'simulation' : 'closed-form',
    target: plan.targetPatients,
    months: plan.months,
    alpha,
    beta: central.beta,
    sites,
    totalRatePerMonth,
    probability: central.probability,
    probabilityRange: { low: pessimistic.probability, high: optimistic.probability },
    expectedByDeadline: central.enrolled,
    medianMonthsToTarget: central.medianMonths,
  };
  if (staggered) projection.simulation = { seed, runs: SIMULATION_RUNS };
  return projection;
}
