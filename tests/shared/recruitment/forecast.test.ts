/**
 * The recruitment forecast (issue 5): seasons, staggered starts, prediction intervals, the site search, the
 * sensitivity analysis and a published worked example of the Poisson–gamma model.
 */
// @stdlib betainc: an independent evaluation of I_x(a, b) to check the closed form against.
import betainc from '@stdlib/math-base-special-betainc';
import { describe, expect, it } from 'vitest';
import type { Site, Study } from '../../../shared/criteria/study';
import type { EstimateResult } from '../../../shared/estimate/types';
import { COUNTY_CODES } from '../../../shared/regions/regions';
import { addMonths, calendarStart, DEFAULT_SEASONAL_WEIGHTS, resolvePlan, shapeOfCertainty } from '../../../shared/recruitment/plan';
import { probabilityToReachTarget, quantileMonthsToTarget } from '../../../shared/recruitment/poisson-gamma';
import { projectRecruitment, SIMULATION_RUNS } from '../../../shared/recruitment/project';
import { seasonClock } from '../../../shared/recruitment/season';
import { simulateRecruitment } from '../../../shared/recruitment/simulate';
import { siteRates } from '../../../shared/recruitment/site-rates';
import { makeStudy } from '../helpers';

const FLAT = Array<number>(12).fill(1);

function estimateWith(eligiblePoint: Record<string, number>): EstimateResult {
  const regions = COUNTY_CODES.map((code) => {
    const point = eligiblePoint[code] ?? 0;
    return { region: code, eligible: { low: point / 2, point, high: point * 2 }, cells: 1, maskedCells: 0, jointCount: false };
  });
  const total = regions.reduce((n, r) => n + r.eligible.point, 0);
  return { inputHash: 'x', regions, healthcareRegions: [], national: { low: total / 2, point: total, high: total * 2 }, attrition: [], mostLimitingStepId: null, warnings: [] };
}

const site = (id: string, region: Site['region'], activationMonth = 0, extra: Partial<Site> = {}): Site => ({ id, name: id, region, shareOfRegion: 0.5, activationMonth, ...extra });

/** Four sites in four regions, each 480 eligible over 2 years → 20 a month × 0.5 × 0.6 × 0.75 = 4.5 a month. */
function fourSiteStudy(change: Partial<Study['recruitment']> = {}): { study: Study; estimate: EstimateResult } {
  const study = makeStudy([]);
  study.recruitment = {
    ...study.recruitment,
    targetPatients: 150,
    months: 12,
    startDate: '2026-01-01',
    sites: [site('a', '01'), site('b', '03'), site('c', '12'), site('d', '14')],
    ...change,
  };
  return { study, estimate: estimateWith({ '01': 480, '03': 480, '12': 480, '14': 480 }) };
}

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
    expect(clock.uniform).toBe(false);
  });

  it('never finishes in a month of weight 0: the inverse jumps over it', () => {
    const weights = [...FLAT];
    weights[6] = 0;
    const clock = seasonClock(weights, 0, 24);
    // Six months of work end on 1 July; the next instant of work is 1 August.
    expect(clock.inverse(6)).toBeCloseTo(6, 12);
    expect(clock.inverse(6 + 1e-9)).toBeGreaterThan(7 - 1e-6);
  });
});

describe('rates from the estimate', () => {
  it('uses a site\'s own rate in place of the derived one, with its certainty as the gamma shape, and applies dropout', () => {
    const { study, estimate } = fourSiteStudy({ dropoutRate: { low: 0.1, point: 0.2, high: 0.3 } });
    study.recruitment.sites[1] = site('b', '03', 0, { ratePerMonth: 3, rateCertainty: 'high' });
    const [a, b] = siteRates(study, estimate);
    expect(a!.ratePerMonth.point).toBeCloseTo(4.5 * 0.8, 12);
    expect(a!.overridden).toBe(false);
    expect(b!.overridden).toBe(true);
    expect(b!.derivedRatePerMonth.point).toBeCloseTo(4.5 * 0.8, 12);
    expect(b!.ratePerMonth).toEqual({ low: 3 * 0.7, point: 3 * 0.8, high: 3 * 0.9 });
    expect(b!.shape).toBe(16);
  });
});

describe('closed form and simulation', () => {
  it('agree within Monte Carlo error where both apply (all sites open at month 0, constant rates)', () => {
    for (const [target, alpha] of [[150, 2], [40, 1], [200, 6]] as const) {
      const sites = Array.from({ length: 4 }, () => ({ ratePerMonth: 4.5, activationMonth: 0 }));
      const simulated = simulateRecruitment({ target, months: 12, alpha, sites, runs: SIMULATION_RUNS, seed: 99, season: { weights: FLAT, start: 0 } });
      const params = { target, sites: 4, alpha, beta: (4 * alpha) / 18 };
      const closed = probabilityToReachTarget({ ...params, months: 12 });
      const standardError = Math.sqrt(Math.max(closed * (1 - closed), 1e-4) / SIMULATION_RUNS);
      expect(Math.abs(simulated.probability - closed)).toBeLessThan(4 * standardError);
      expect(Math.abs(simulated.medianMonths! / quantileMonthsToTarget(params, 0.5) - 1)).toBeLessThan(0.02);
      expect(Math.abs(simulated.months80.high! / quantileMonthsToTarget(params, 0.9) - 1)).toBeLessThan(0.03);
    }
  });

  it('the projection picks the closed form for a flat plan and agrees with its own simulation of a nearly flat one', () => {
    const flat = fourSiteStudy({ seasonalWeights: FLAT });
    const closed = projectRecruitment(flat.study, flat.estimate);
    expect(closed.method).toBe('closed-form');
    expect(closed.probability).toBeCloseTo(betainc(12 / (12 + 8 / 18), 150, 8), 12);
    // One month a hair below 1: the model is the same to 1e-9, but only the simulation can answer it.
    const nearly = fourSiteStudy({ seasonalWeights: [...FLAT.slice(0, 11), 1 - 1e-9] });
    const simulated = projectRecruitment(nearly.study, nearly.estimate);
    expect(simulated.method).toBe('simulation');
    const se = Math.sqrt((closed.probability * (1 - closed.probability)) / SIMULATION_RUNS);
    expect(Math.abs(simulated.probability - closed.probability)).toBeLessThan(4 * se);
    expect(Math.abs(simulated.expectedByDeadline.point - closed.expectedByDeadline.point) / closed.expectedByDeadline.point).toBeLessThan(0.02);
    // 80 % and 95 % prediction intervals of the count by the deadline: within a few patients of the negative binomial's.
    expect(Math.abs(simulated.expectedByDeadline.low - closed.expectedByDeadline.low)).toBeLessThanOrEqual(4);
    expect(Math.abs(simulated.expectedByDeadline95.high - closed.expectedByDeadline95.high)).toBeLessThanOrEqual(5);
  });
});

describe('a published worked example', () => {
  /**
   * Gajewski BJ, Simon SD, Carlson SE. Predicting accrual in clinical trials with Bayesian posterior predictive
   * distributions. Statistics in Medicine 2008;27(13):2328–2340 — the Poisson–gamma model with one "site" (the
   * whole trial). Their example: n = 350 patients planned over T = 1095 days with prior weight P = 0.5; after
   * 239 days m = 41 were accrued. The posterior rate is Gamma(m + nP, tm + TP) = Gamma(216, 786.5) per day and
   * the time to the remaining 309 patients is 786.5 · BetaPrime(309, 216) days. The authors' own R code
   * (S. Simon, pmean.com/12/PoissonBugs.html) computes its quantiles as c3·qbeta(p, c1, c2)/(1 − qbeta(…))
   * with c1 = 309, c2 = 216, c3 = 786.5. The figures below are those quantiles, evaluated with SciPy 1.17
   * (scipy.stats.beta.ppf, cross-checked by the F-distribution form c3·c1/c2·qf(p, 2c1, 2c2) from the same code).
   * The printed figures of the paper itself could not be consulted offline; the inputs are the paper's. The
   * co-author prints the same inputs in github.com/pmean/simulating-clinical-trials, 3-gamma-poisson.Rmd (2017):
   * "a target goal of 350 patients in 3 years (1095 days) ... a gamma(175, 547.5)" and "After 239 days, you have
   * only gotten 41 patients". A worked example of the model with its outputs printed (Simon 2007) is reproduced
   * in published-example.test.ts.
   */
  const params = { target: 309, sites: 1, alpha: 216, beta: 786.5 };

  it('reproduces the median and 95 % interval of the remaining accrual time (946.7, 1125.7, 1340.8 days)', () => {
    expect(quantileMonthsToTarget(params, 0.025)).toBeCloseTo(946.7040669866377, 6);
    expect(quantileMonthsToTarget(params, 0.5)).toBeCloseTo(1125.655057957535, 6);
    expect(quantileMonthsToTarget(params, 0.975)).toBeCloseTo(1340.8285156314091, 6);
  });

  it('and the probability of finishing within the 856 days the plan had left (0.095 %)', () => {
    expect(probabilityToReachTarget({ ...params, months: 856 })).toBeCloseTo(0.0009464732034996265, 12);
  });
});

describe('seasons and staggered starts', () => {
  it('a closed July costs exactly a month of the July sites\' rate in expected enrolment', () => {
    const open = fourSiteStudy({ seasonalWeights: [...FLAT.slice(0, 6), 0.999999, ...FLAT.slice(7)] });
    const closedJuly = fourSiteStudy({ seasonalWeights: [...FLAT.slice(0, 6), 0, ...FLAT.slice(7)] });
    const a = projectRecruitment(open.study, open.estimate);
    const b = projectRecruitment(closedJuly.study, closedJuly.estimate);
    // 4 sites × 4.5 a month = 18 a month; the same runs (common random numbers) leave only the runs' mean rate
    // as noise (Gamma(2) rates over 10 000 runs: standard error 0.4 %).
    expect(Math.abs((a.expectedByDeadline.point - b.expectedByDeadline.point) / 18 - 1)).toBeLessThan(0.015);
    expect(b.probability).toBeLessThan(a.probability);
  });

  it('a later activation lowers the probability and the band, and the band ends at the deadline', () => {
    const early = fourSiteStudy();
    const late = fourSiteStudy();
    late.study.recruitment.sites[0] = site('a', '01', 6);
    const a = projectRecruitment(early.study, early.estimate);
    const b = projectRecruitment(late.study, late.estimate);
    expect(b.probability).toBeLessThan(a.probability);
    expect(a.band).toHaveLength(13);
    expect(a.band[0]).toMatchObject({ month: 0, mean: 0, q975: 0 });
    expect(a.band.at(-1)!.month).toBe(12);
    expect(b.band.at(-1)!.mean).toBeLessThan(a.band.at(-1)!.mean);
    for (const p of a.band) expect(p.q025 <= p.q10 && p.q10 <= p.q50 && p.q50 <= p.q90 && p.q90 <= p.q975).toBe(true);
    expect(a.deadlineDate).toBe('2027-01-01');
  });

  it('gives the same numbers on every run (seeded on the study id and version)', () => {
    const { study, estimate } = fourSiteStudy();
    study.recruitment.sites[2] = site('c', '12', 3);
    const first = projectRecruitment(study, estimate);
    const second = projectRecruitment(structuredClone(study), estimate);
    expect(second).toEqual(first);
    expect(first.simulation).toEqual({ seed: expect.any(Number), runs: SIMULATION_RUNS });
    // Pinned: mulberry32 uses 32-bit integer arithmetic only, so these are the numbers on any engine.
    expect(first.probability).toBe(0.6236);
    expect(first.medianMonthsToTarget).toBeCloseTo(10.9066, 3);
  });
});

describe('how many more sites', () => {
  it('closed form: the fewest typical sites with P ≥ goal, checked against the incomplete beta', () => {
    const { study, estimate } = fourSiteStudy({ seasonalWeights: FLAT, targetPatients: 250 });
    const { additionalSites: more, probability } = projectRecruitment(study, estimate);
    expect(probability).toBeLessThan(0.8);
    expect(more.ratePerMonth).toBeCloseTo(4.5, 12);
    const p = (k: number) => betainc(12 / (12 + (2 * (4 + k)) / (4.5 * (4 + k))), 250, 2 * (4 + k));
    expect(more.count).not.toBeNull();
    expect(p(more.count!)).toBeGreaterThanOrEqual(0.8);
    expect(p(more.count! - 1)).toBeLessThan(0.8);
    expect(more.probability).toBeCloseTo(p(more.count!), 12);
  });

  it('simulation: none when the goal is already met, more for a stricter goal, and null when out of reach', () => {
    const easy = fourSiteStudy({ targetPatients: 60 });
    expect(projectRecruitment(easy.study, easy.estimate).additionalSites.count).toBe(0);
    const strict = fourSiteStudy({ targetPatients: 180, sitesGoalProbability: 0.8 });
    const stricter = fourSiteStudy({ targetPatients: 180, sitesGoalProbability: 0.95 });
    const a = projectRecruitment(strict.study, strict.estimate).additionalSites;
    const b = projectRecruitment(stricter.study, stricter.estimate).additionalSites;
    expect(a.count).toBeGreaterThan(0);
    expect(b.count!).toBeGreaterThan(a.count!);
    expect(b.probability!).toBeGreaterThanOrEqual(0.95);
    const impossible = fourSiteStudy({ targetPatients: 5000 });
    expect(projectRecruitment(impossible.study, impossible.estimate).additionalSites).toMatchObject({ count: null, probability: null });
  });
});

describe('sensitivity', () => {
  it('moves one assumption at a time, in the direction that assumption helps, largest effect first', () => {
    const { study, estimate } = fourSiteStudy();
    const projection = projectRecruitment(study, estimate);
    const bar = (name: string) => projection.sensitivity.find((b) => b.assumption === name)!;
    expect(bar('consent')).toMatchObject({ lowValue: 0.5, highValue: 0.7 });
    expect(bar('consent').probabilityAtLow).toBeLessThan(bar('consent').probabilityAtHigh);
    expect(bar('screen-failure').probabilityAtLow).toBeGreaterThan(bar('screen-failure').probabilityAtHigh);
    expect(bar('july-weight').probabilityAtLow).toBeLessThan(bar('july-weight').probabilityAtHigh);
    expect(bar('activation-delay').probabilityAtLow).toBeGreaterThan(bar('activation-delay').probabilityAtHigh);
    expect(projection.sensitivity.some((b) => b.assumption === 'dropout')).toBe(false);
    const widths = projection.sensitivity.map((b) => Math.abs(b.probabilityAtHigh - b.probabilityAtLow));
    expect(widths).toEqual([...widths].sort((x, y) => y - x));
    // The central probability lies within the eligible-rate bar, and the range of everything at once is wider.
    expect(projection.probabilityRange.low).toBeLessThanOrEqual(bar('eligible').probabilityAtLow);
    expect(projection.probabilityRange.high).toBeGreaterThanOrEqual(bar('eligible').probabilityAtHigh);
  });
});
