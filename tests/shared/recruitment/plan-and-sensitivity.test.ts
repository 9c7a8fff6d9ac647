/**
 * The recruitment plan around the exact forecast: defaults, the seasonal clock, the month-by-month band, the time
 * to target (a published example), how many more sites, and the sensitivity analysis.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, calendarStart, DEFAULT_SEASONAL_WEIGHTS, resolvePlan, shapeOfCertainty } from '../../../shared/recruitment/plan';
import { projectRecruitment } from '../../../shared/recruitment/project';
import { seasonClock } from '../../../shared/recruitment/season';
import { makeStudy } from '../helpers';
import { probabilityToReachTarget, quantileMonthsToTarget } from './closed-form';
import { estimateWith, FLAT, PLENTY, planStudy, site } from './plan-helpers';

describe('the plan and its defaults', () => {
  it('fills in the Swedish summer, no dropout and a goal of 0.8 when a stored study has none', () => {
    const plan = resolvePlan(makeStudy([]).recruitment);
    expect(plan.seasonalWeights).toEqual([...DEFAULT_SEASONAL_WEIGHTS]);
    expect(plan.seasonalWeights[6]).toBeLessThanOrEqual(0.1);
    expect(plan.seasonalWeights[5]).toBeLessThan(1);
    expect(plan.seasonalWeights[7]).toBeLessThan(1);
    expect(plan.dropoutRate).toEqual({ low: 0, point: 0, high: 0 });
    expect(plan.sitesGoalProbability).toBe(0.8);
  });

  it('maps "how certain" to the gamma shape α = 1/CV²', () => {
    expect(shapeOfCertainty('low')).toBe(1);
    expect(shapeOfCertainty('medium')).toBe(4);
    expect(shapeOfCertainty('high')).toBe(16);
  });

  it('places the start in the calendar and adds months to dates', () => {
    expect(calendarStart('2026-09-01')).toBe(8);
    expect(calendarStart('2026-09-16')).toBe(8.5);
    expect(addMonths('2026-09-01', 24)).toBe('2028-09-01');
    expect(addMonths('2026-11-01', 3)).toBe('2027-02-01');
  });
});

describe('the seasonal clock', () => {
  it('counts July at its weight: a year from 1 January at the default weights is 9 + 0.8 + 0.1 + 0.6 months', () => {
    const clock = seasonClock(DEFAULT_SEASONAL_WEIGHTS, 0, 24);
    expect(clock.at(12)).toBeCloseTo(10.5, 12);
    expect(clock.at(6.5)).toBeCloseTo(5 + 0.8 + 0.05, 12);
    expect(clock.inverse(clock.at(6.5))).toBeCloseTo(6.5, 12);
  });
});

describe('the band, month by month', () => {
  const plan = { targetPatients: 150, rateShape: 2, sites: [site('a', 4.5), site('b', 4.5), site('c', 4.5), site('d', 4.5)] };

  it('starts at 0, ends at the deadline and keeps its quantiles in order', () => {
    const projection = projectRecruitment(planStudy(plan), PLENTY);
    expect(projection.band).toHaveLength(13);
    expect(projection.band[0]).toMatchObject({ month: 0, mean: 0, q975: 0 });
    expect(projection.band.at(-1)!.month).toBe(12);
    for (const p of projection.band) expect(p.q025 <= p.q10 && p.q10 <= p.q50 && p.q50 <= p.q90 && p.q90 <= p.q975).toBe(true);
    // Four sites of 4.5 a month, 6 months in: 108 expected.
    expect(projection.band[6]!.mean).toBeCloseTo(108, 9);
    expect(projection.deadlineDate).toBe('2028-01-01');
  });

  it('a closed July costs exactly one month of every open site\'s rate in expected enrolment', () => {
    const open = projectRecruitment(planStudy({ ...plan, seasonalWeights: [...FLAT] }), PLENTY);
    const closed = projectRecruitment(planStudy({ ...plan, seasonalWeights: FLAT.map((w, i) => (i === 6 ? 0 : w)) }), PLENTY);
    expect(open.expectedByDeadline.point - closed.expectedByDeadline.point).toBeCloseTo(18, 9);
    expect(closed.probability).toBeLessThan(open.probability);
  });

  it('a later opening lowers the probability and the band', () => {
    const early = projectRecruitment(planStudy(plan), PLENTY);
    const late = projectRecruitment(planStudy({ ...plan, sites: [site('a', 4.5, 6), ...plan.sites.slice(1)] }), PLENTY);
    expect(late.probability).toBeLessThan(early.probability);
    expect(late.expectedByDeadline.point).toBeCloseTo(early.expectedByDeadline.point - 27, 9);
  });

  it('no site that can recruit: probability 0, no time to target, nothing to add', () => {
    const projection = projectRecruitment(planStudy({ targetPatients: 10, sites: [{ id: 'x', name: 'x', region: '25', activationMonth: 0 }] }), PLENTY);
    expect(projection.probability).toBe(0);
    expect(projection.medianMonthsToTarget).toBeNull();
    expect(projection.expectedByDeadline).toEqual({ low: 0, point: 0, high: 0 });
    expect(projection.additionalSites).toMatchObject({ count: null, probability: null });
    expect(projection.warnings).toEqual([{ code: 'missing-rate', siteId: 'x' }]);
  });
});

describe('the time to target: a published worked example', () => {
  /**
   * Gajewski BJ, Simon SD, Carlson SE. Predicting accrual in clinical trials with Bayesian posterior predictive
   * distributions. Statistics in Medicine 2008;27(13):2328–2340 — the Poisson–gamma model with one "site" (the
   * whole trial). After 239 of 1095 days with 41 of 350 patients the rate is Gamma(216, 786.5) per day and the time
   * to the remaining 309 patients is 786.5 · BetaPrime(309, 216) days; the authors' R code (S. Simon,
   * pmean.com/12/PoissonBugs.html) gives its quantiles as c3·qbeta(p, c1, c2)/(1 − qbeta(…)) with c1 = 309,
   * c2 = 216, c3 = 786.5, evaluated here with SciPy 1.17 (scipy.stats.beta.ppf). In months of 30 days: one site at
   * 216/786.5 · 30 patients a month with shape 216, flat seasons.
   */
  const days = (months: number) => months * 30;
  const study = (deadlineDays: number) =>
    planStudy({ targetPatients: 309, months: deadlineDays / 30, rateShape: 216, seasonalWeights: [...FLAT], sites: [site('trial', (216 / 786.5) * 30)] });

  it('the median of the remaining accrual time is 1125.7 days, and the 80 % interval agrees with the incomplete beta', () => {
    const projection = projectRecruitment(study(856), PLENTY);
    expect(days(projection.medianMonthsToTarget!)).toBeCloseTo(1125.655057957535, 2);
    const params = { target: 309, sites: 1, alpha: 216, beta: 786.5 };
    expect(days(projection.monthsToTarget80.low!)).toBeCloseTo(quantileMonthsToTarget(params, 0.1), 2);
    expect(days(projection.monthsToTarget80.high!)).toBeCloseTo(quantileMonthsToTarget(params, 0.9), 2);
  });

  it('and the probability of finishing within the 856 days the plan had left (0.095 %)', () => {
    expect(projectRecruitment(study(856), PLENTY).probability).toBeCloseTo(0.0009464732034996265, 12);
  });
});

describe('how many more sites', () => {
  it('the fewest typical sites with P ≥ goal, checked against the closed form for equal sites', () => {
    const projection = projectRecruitment(planStudy({ targetPatients: 250, rateShape: 2, sites: [site('a', 4.5), site('b', 4.5), site('c', 4.5), site('d', 4.5)] }), PLENTY);
    const more = projection.additionalSites;
    expect(projection.probability).toBeLessThan(0.8);
    expect(more.ratePerMonth).toBeCloseTo(4.5, 12);
    const p = (k: number) => probabilityToReachTarget({ target: 250, sites: 4 + k, alpha: 2, beta: 2 / 4.5, months: 12 });
    expect(more.count).not.toBeNull();
    expect(p(more.count!)).toBeGreaterThanOrEqual(0.8);
    expect(p(more.count! - 1)).toBeLessThan(0.8);
    expect(more.probability).toBeCloseTo(p(more.count!), 10);
  });

  it('none when the goal is already met, more for a stricter goal, and null when out of reach', () => {
    const plan = { targetPatients: 180, rateShape: 2, sites: [site('a', 4.5), site('b', 4.5), site('c', 4.5), site('d', 4.5, 3)] };
    expect(projectRecruitment(planStudy({ ...plan, targetPatients: 60 }), PLENTY).additionalSites.count).toBe(0);
    const a = projectRecruitment(planStudy({ ...plan, sitesGoalProbability: 0.8 }), PLENTY).additionalSites;
    const b = projectRecruitment(planStudy({ ...plan, sitesGoalProbability: 0.95 }), PLENTY).additionalSites;
    expect(a.count).toBeGreaterThan(0);
    expect(b.count!).toBeGreaterThan(a.count!);
    expect(b.probability!).toBeGreaterThanOrEqual(0.95);
    expect(projectRecruitment(planStudy({ ...plan, targetPatients: 5000 }), PLENTY).additionalSites).toMatchObject({ count: null, probability: null });
  });
});

describe('sensitivity', () => {
  it('sites with their own rates: the rates, July, a late start and the certainty — not consent, which is in the rates', () => {
    const projection = projectRecruitment(planStudy({ targetPatients: 100, startDate: '2027-03-01', seasonalWeights: [...DEFAULT_SEASONAL_WEIGHTS], sites: [site('a', 5), site('b', 4, 2)] }), PLENTY);
    const names = projection.sensitivity.map((b) => b.assumption).sort();
    expect(names).toEqual(['activation-delay', 'july-weight', 'rate-certainty', 'site-rates']);
    const bar = (name: string) => projection.sensitivity.find((b) => b.assumption === name)!;
    expect(bar('site-rates')).toMatchObject({ lowValue: 0.5, highValue: 1.5 });
    expect(bar('site-rates').probabilityAtLow).toBeLessThan(projection.probability);
    expect(bar('site-rates').probabilityAtHigh).toBeGreaterThan(projection.probability);
    expect(bar('july-weight').probabilityAtLow).toBeLessThan(bar('july-weight').probabilityAtHigh);
    expect(bar('activation-delay').probabilityAtLow).toBeCloseTo(projection.probability, 12);
    expect(bar('activation-delay').probabilityAtHigh).toBeLessThan(projection.probability);
    const widths = projection.sensitivity.map((b) => Math.abs(b.probabilityAtHigh - b.probabilityAtLow));
    expect(widths).toEqual([...widths].sort((x, y) => y - x));
    expect(projection.mixture).toEqual({ ranges: [], components: 1 });
  });

  it('sites given as a share of their region: eligible, consent and screen failure, each bracketing the forecast', () => {
    const study = planStudy({
      targetPatients: 60,
      consentRate: { low: 0.5, point: 0.6, high: 0.7 },
      screenFailureRate: { low: 0.15, point: 0.25, high: 0.35 },
      rateShape: 2,
      sites: [{ id: 'a', name: 'a', region: '01', activationMonth: 0, shareOfRegion: 0.5 }],
    });
    const projection = projectRecruitment(study, estimateWith({ '01': { low: 240, point: 480, high: 960 } }));
    const bar = (name: string) => projection.sensitivity.find((b) => b.assumption === name)!;
    expect(bar('consent')).toMatchObject({ lowValue: 0.5, highValue: 0.7 });
    expect(bar('consent').probabilityAtLow).toBeLessThan(projection.probability);
    expect(bar('consent').probabilityAtHigh).toBeGreaterThan(projection.probability);
    expect(bar('screen-failure').probabilityAtLow).toBeGreaterThan(bar('screen-failure').probabilityAtHigh);
    // Eligible per month at each end (others at their points): 240/12 · 0.5 · 0.6 · 0.75 = 4.5 and 18.
    expect(bar('eligible').lowValue).toBeCloseTo(4.5, 12);
    expect(bar('eligible').highValue).toBeCloseTo(18, 12);
    // Everything at once is wider than any single range.
    expect(projection.probabilityRange.low).toBeLessThanOrEqual(bar('eligible').probabilityAtLow);
    expect(projection.probabilityRange.high).toBeGreaterThanOrEqual(bar('eligible').probabilityAtHigh);
  });
});
