/**
 * The exact forecast against independent references: a 10⁶-run seeded simulation of the model (oracle.ts: no
 * negative binomials, no seasonal clock, no quadrature), the closed form for equal sites (the incomplete beta
 * function of @stdlib, closed-form.ts), a direct O(k²) convolution of the sites' negative binomials, and hand
 * arithmetic on the plan.
 *
 * Tolerances: a probability from 10⁶ runs has a standard error ≤ 0.0005, so 0.003 is six of them; an empirical
 * quantile of 10⁶ runs is within a fraction of a patient of the true one, so "within one patient".
 */
import { describe, expect, it } from 'vitest';
import type { Study } from '../../../shared/criteria/study';
import type { EstimateResult } from '../../../shared/estimate/types';
import { DEFAULT_SEASONAL_WEIGHTS } from '../../../shared/recruitment/plan';
import { projectRecruitment, type RecruitmentProjection } from '../../../shared/recruitment/project';
import { verdictFromProbability } from '../../../shared/recruitment/verdict';
import { probabilityToReachTarget, quantileMonthsToTarget } from './closed-form';
import { drawTwoPieceTriangular, simulateCounts, type OraclePlan, type OracleSite } from './oracle';
import { estimateWith, FLAT, PLENTY, planStudy, site } from './plan-helpers';

const RUNS = 1_000_000;
const QUANTILES = [0.025, 0.1, 0.5, 0.9, 0.975] as const;

function quantilesOf(p: RecruitmentProjection): number[] {
  const end = p.band.at(-1)!;
  return [end.q025, end.q10, end.q50, end.q90, end.q975];
}

/** Probability within 0.003 and every quantile of the count within one patient of a 10⁶-run simulation. */
function expectAgreement(study: Study, estimate: EstimateResult, oracle: OraclePlan, seed: number): RecruitmentProjection {
  const exact = projectRecruitment(study, estimate);
  const simulated = simulateCounts(oracle, RUNS, seed);
  expect(Math.abs(exact.probability - simulated.probability)).toBeLessThan(0.003);
  const ours = quantilesOf(exact);
  QUANTILES.forEach((q, i) => expect(Math.abs(ours[i]! - simulated.quantile(q)), `quantile ${q}`).toBeLessThanOrEqual(1));
  // The mean: the simulated count's standard error is below 0.1 patients for these plans.
  expect(Math.abs(exact.expectedByDeadline.point - simulated.mean)).toBeLessThan(0.5);
  return exact;
}

describe('the exact forecast against a 10⁶-run simulation', () => {
  it('equal sites, all open at once (and against the closed form of the incomplete beta)', () => {
    const study = planStudy({ targetPatients: 90, rateShape: 2, sites: [site('a', 2), site('b', 2), site('c', 2), site('d', 2)] });
    const oracle: OraclePlan = { target: 90, months: 12, weights: FLAT, startMonth: 0, sites: Array.from({ length: 4 }, (): OracleSite => ({ mean: 2, shape: 2, opens: 0 })) };
    const exact = expectAgreement(study, PLENTY, oracle, 101);
    // Closed form: four sites of Gamma(2, β) with mean 2 a month → β = 1, P(T ≤ 12) = I_{12/13}(90, 8).
    const params = { target: 90, sites: 4, alpha: 2, beta: 1 };
    expect(exact.probability).toBeCloseTo(probabilityToReachTarget({ ...params, months: 12 }), 10);
    expect(exact.medianMonthsToTarget!).toBeCloseTo(quantileMonthsToTarget(params, 0.5), 3);
    expect(exact.monthsToTarget80.low!).toBeCloseTo(quantileMonthsToTarget(params, 0.1), 3);
    expect(exact.monthsToTarget80.high!).toBeCloseTo(quantileMonthsToTarget(params, 0.9), 3);
  });

  it('unequal sites: one fast site and four slow ones, 5/month + 4 × 0.1/month, α = 1, 60 in 12 months → P ≈ 0.40, 80 % 11–144', () => {
    const study = planStudy({ targetPatients: 60, sites: [site('a', 5), site('b', 0.1), site('c', 0.1), site('d', 0.1), site('e', 0.1)] });
    const oracle: OraclePlan = { target: 60, months: 12, weights: FLAT, startMonth: 0, sites: [5, 0.1, 0.1, 0.1, 0.1].map((mean): OracleSite => ({ mean, shape: 1, opens: 0 })) };
    const exact = expectAgreement(study, PLENTY, oracle, 202);
    expect(exact.probability).toBeCloseTo(0.40214, 4);
    expect(exact.expectedByDeadline).toEqual({ low: 11, point: expect.closeTo(64.8, 9), high: 144 });
    // Pooling the five rates into one common rate — the shortcut this replaces — gives 0.51 and 30–105.
    expect(verdictFromProbability(exact.probability, study.verdictThresholds).verdict).toBe('small');
  });

  it('staggered openings, in fractions of a month', () => {
    const study = planStudy({ targetPatients: 70, rateShape: 3, sites: [site('a', 3, 0), site('b', 2, 2.5), site('c', 4, 6.25)] });
    const oracle: OraclePlan = { target: 70, months: 12, weights: FLAT, startMonth: 0, sites: [[3, 0], [2, 2.5], [4, 6.25]].map(([mean, opens]): OracleSite => ({ mean: mean!, shape: 3, opens: opens! })) };
    expectAgreement(study, PLENTY, oracle, 303);
  });

  it('seasonal: the scenario\'s plan, 4 sites at 3 a month from 1 March 2027, openings 0/0/2/6 months, July at 10 %', () => {
    const weights = FLAT.map((w, i) => (i === 6 ? 0.1 : w));
    const study = planStudy({ targetPatients: 120, startDate: '2027-03-01', seasonalWeights: weights, sites: [site('sthlm', 3, 0), site('skane', 3, 0), site('vgr', 3, 2), site('upps', 3, 6)] });
    const oracle: OraclePlan = { target: 120, months: 12, weights, startMonth: 2, sites: [0, 0, 2, 6].map((opens): OracleSite => ({ mean: 3, shape: 1, opens })) };
    const exact = expectAgreement(study, PLENTY, oracle, 404);
    // By hand: March–February with July at 0.1 is 11.1 normal months for Stockholm and Skåne, May–February 9.1 for
    // Västra Götaland, September–February 6 for Uppsala: 3 × (11.1 + 11.1 + 9.1 + 6) = 111.9 expected patients.
    expect(exact.expectedByDeadline.point).toBeCloseTo(111.9, 9);
    expect(exact.deadlineDate).toBe('2028-03-01');
    // A plan that expects a little less than its target: not a certainty, not hopeless.
    expect(exact.probability).toBeGreaterThan(0.3);
    expect(exact.probability).toBeLessThan(0.45);
  });

  it('mixed certainty with the default Swedish summer, a mid-month start and a dropout range (a mixture)', () => {
    const dropout = { low: 0.05, point: 0.1, high: 0.3 };
    const study = planStudy({
      targetPatients: 100,
      startDate: '2027-05-16',
      seasonalWeights: [...DEFAULT_SEASONAL_WEIGHTS],
      dropoutRate: dropout,
      sites: [site('a', 4, 0, { rateCertainty: 'low' }), site('b', 3, 1.5, { rateCertainty: 'medium' }), site('c', 2, 3.25, { rateCertainty: 'high' })],
    });
    const oracle: OraclePlan = {
      target: 100,
      months: 12,
      weights: DEFAULT_SEASONAL_WEIGHTS,
      startMonth: 4,
      startFraction: 15 / 31,
      sites: (random) => {
        const stay = 1 - drawTwoPieceTriangular(random, dropout.low, dropout.point, dropout.high);
        return [
          { mean: 4 * stay, shape: 1, opens: 0 },
          { mean: 3 * stay, shape: 4, opens: 1.5 },
          { mean: 2 * stay, shape: 16, opens: 3.25 },
        ];
      },
    };
    const exact = expectAgreement(study, PLENTY, oracle, 505);
    expect(exact.mixture.ranges).toEqual(['dropout']);
    // The range is in the distribution: the mixture differs from the forecast at the point dropout alone.
    const atPoint = projectRecruitment(planStudy({ ...study.recruitment, dropoutRate: { low: 0.1, point: 0.1, high: 0.1 } }), PLENTY);
    expect(Math.abs(atPoint.probability - exact.probability)).toBeGreaterThan(0.003);
    expect(exact.probabilityRange.low).toBeLessThan(exact.probability);
    expect(exact.probabilityRange.high).toBeGreaterThan(exact.probability);
  });

  it('sites of a version 1 study (a share of their region): eligible, consent, screen failure and dropout ranges in the mixture', () => {
    const eligible = { '01': { low: 200, point: 300, high: 500 }, '12': { low: 100, point: 120, high: 130 } } as const;
    const consent = { low: 0.4, point: 0.6, high: 0.7 };
    const screenFailure = { low: 0.1, point: 0.2, high: 0.4 };
    const dropout = { low: 0.05, point: 0.1, high: 0.3 };
    const study = planStudy({
      targetPatients: 80,
      consentRate: consent,
      screenFailureRate: screenFailure,
      dropoutRate: dropout,
      rateShape: 4,
      sites: [
        { id: 'a', name: 'a', region: '01', activationMonth: 0, shareOfRegion: 0.3 },
        { id: 'b', name: 'b', region: '12', activationMonth: 2, shareOfRegion: 0.5 },
      ],
    });
    const draw = (random: () => number, r: { low: number; point: number; high: number }) => drawTwoPieceTriangular(random, r.low, r.point, r.high);
    const oracle: OraclePlan = {
      target: 80,
      months: 12,
      weights: FLAT,
      startMonth: 0,
      sites: (random) => {
        // The regions' eligible counts move together: one position in every region's range (−1 low, 0 point, 1 high).
        const position = draw(random, { low: -1, point: 0, high: 1 });
        const at = (r: { low: number; point: number; high: number }) => (position < 0 ? r.point + position * (r.point - r.low) : r.point + position * (r.high - r.point));
        // Incident counts over a one-year window: eligible per month = count / 12.
        const factor = (draw(random, consent) * (1 - draw(random, screenFailure)) * (1 - draw(random, dropout))) / 12;
        return [
          { mean: at(eligible['01']) * 0.3 * factor, shape: 4, opens: 0 },
          { mean: at(eligible['12']) * 0.5 * factor, shape: 4, opens: 2 },
        ];
      },
    };
    const exact = expectAgreement(study, estimateWith(eligible), oracle, 606);
    expect(exact.mixture.ranges).toEqual(['eligible', 'consent', 'screen-failure', 'dropout']);
  });
});

describe('exact, so continuous', () => {
  it('opening one site 0.001 months later moves the probability by less than 0.001 (and in the right direction)', () => {
    const plan = { targetPatients: 60, sites: [site('a', 5), site('b', 0.1), site('c', 0.1), site('d', 0.1), site('e', 0.1)] };
    const before = projectRecruitment(planStudy(plan), PLENTY).probability;
    for (const which of [0, 1]) {
      const later = projectRecruitment(planStudy({ ...plan, sites: plan.sites.map((s, i) => (i === which ? { ...s, activationMonth: 0.001 } : s)) }), PLENTY).probability;
      expect(later).toBeLessThan(before);
      expect(before - later).toBeLessThan(0.001);
    }
  });

  it('a close call is not decided by noise: a true 0.799 is 0.799, so a goal of 0.8 needs another site', () => {
    // Four equal sites (α = 2) and 100 patients in 12 months; the rate that gives exactly P = 0.799 by the closed
    // form (bisection on the incomplete beta, independent of the forecast).
    const p = (rate: number) => probabilityToReachTarget({ target: 100, sites: 4, alpha: 2, beta: 2 / rate, months: 12 });
    let lo = 1;
    let hi = 5;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (p(mid) < 0.799) lo = mid;
      else hi = mid;
    }
    const rate = (lo + hi) / 2;
    const projection = projectRecruitment(planStudy({ targetPatients: 100, rateShape: 2, sites: [0, 1, 2, 3].map((i) => site(`s${i}`, rate)) }), PLENTY);
    expect(projection.probability).toBeCloseTo(0.799, 9);
    expect(projection.additionalSites.count).toBe(1);
    // With one more site like the others: the closed form for five sites.
    expect(projection.additionalSites.probability!).toBeCloseTo(probabilityToReachTarget({ target: 100, sites: 5, alpha: 2, beta: 2 / rate, months: 12 }), 9);
  });
});

describe('recruitment starts no earlier than today', () => {
  const plan = {
    targetPatients: 120,
    startDate: '2027-03-01',
    seasonalWeights: FLAT.map((w, i) => (i === 6 ? 0.1 : w)),
    sites: [site('sthlm', 3, 0), site('skane', 3, 0), site('vgr', 3, 2), site('upps', 3, 6)],
  };

  it('a start in the future is kept', () => {
    const projection = projectRecruitment(planStudy(plan), PLENTY, { today: '2026-12-06' });
    expect(projection.startNotice).toBeNull();
    expect(projection.startDate).toBe('2027-03-01');
    expect(projection.months).toBe(12);
  });

  it('a start that has passed moves to today, the deadline stays, and the projection says so', () => {
    const projection = projectRecruitment(planStudy(plan), PLENTY, { today: '2027-04-16' });
    expect(projection.startNotice).toEqual({ kind: 'moved-to-today', plannedStartDate: '2027-03-01', today: '2027-04-16' });
    expect(projection.startDate).toBe('2027-04-16');
    expect(projection.deadlineDate).toBe('2028-03-01');
    // 16 April is 1.5 months after 1 March (15 of April's 30 days gone).
    expect(projection.months).toBeCloseTo(10.5, 12);
    // By hand: Stockholm and Skåne have half of April and May–February (9.1 with July at 0.1) = 9.6 months each,
    // Västra Götaland May–February 9.1, Uppsala September–February 6: 3 × (9.6 + 9.6 + 9.1 + 6) = 102.9.
    expect(projection.expectedByDeadline.point).toBeCloseTo(102.9, 9);
  });

  it('a recruitment period that has ended gives no forecast, and says so', () => {
    const projection = projectRecruitment(planStudy(plan), PLENTY, { today: '2028-03-02' });
    expect(projection.startNotice).toEqual({ kind: 'deadline-passed', plannedStartDate: '2027-03-01', deadlineDate: '2028-03-01', today: '2028-03-02' });
    expect(projection.probability).toBe(0);
    expect(projection.band).toEqual([]);
  });
});

describe('the same inputs give the same numbers', () => {
  it('twice, and from a copy of the study', () => {
    const study = planStudy({ targetPatients: 50, dropoutRate: { low: 0, point: 0.1, high: 0.2 }, sites: [site('a', 2, 0), site('b', 3, 1.5, { rateCertainty: 'high' })] });
    expect(projectRecruitment(structuredClone(study), PLENTY)).toEqual(projectRecruitment(study, PLENTY));
  });
});
