import { describe, expect, it } from 'vitest';
import betainc from '@stdlib/math-base-special-betainc';
import { enrolledByDeadline, medianMonthsToTarget, pooledBeta, probabilityToReachTarget } from '../../../shared/recruitment/poisson-gamma';
import { negativeBinomialQuantile } from '../../../shared/recruitment/negative-binomial';
import { simulateRecruitment } from '../../../shared/recruitment/simulate';
import { siteRates } from '../../../shared/recruitment/site-rates';
import { projectRecruitment } from '../../../shared/recruitment/project';
import { verdictFromProbability } from '../../../shared/recruitment/verdict';
import { mulberry32 } from '../../../shared/utils/prng';
import { sampleGamma, samplePoisson } from '../../../shared/utils/distributions';
import { COUNTY_CODES } from '../../../shared/regions/regions';
import type { EstimateResult } from '../../../shared/estimate/types';
import type { Site } from '../../../shared/criteria/study';
import { makeStudy } from '../helpers';

/** Monte Carlo of the model itself: n gamma rates with common β, then the time of the N-th arrival. */
function simulateTimes(target: number, sites: number, alpha: number, beta: number, runs: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  const times = new Float64Array(runs);
  for (let run = 0; run < runs; run++) {
    let total = 0;
    for (let i = 0; i < sites; i++) total += sampleGamma(random, alpha, beta);
    times[run] = sampleGamma(random, target, 1) / total;
  }
  return times;
}

const RUNS = 20_000;

describe('Poisson–gamma closed form', () => {
  it.each([
    { target: 120, sites: 8, alpha: 2, beta: 2.5, months: 24 },
    { target: 30, sites: 3, alpha: 1.2, beta: 4, months: 36 },
    { target: 5, sites: 1, alpha: 0.8, beta: 1, months: 6 },
    { target: 200, sites: 20, alpha: 5, beta: 8, months: 12 },
  ])('P(T ≤ t) agrees with a seeded simulation of $target patients at $sites sites', (params) => {
    const times = simulateTimes(params.target, params.sites, params.alpha, params.beta, RUNS, 20240601);
    const simulated = times.filter((t) => t <= params.months).length / RUNS;
    const closed = probabilityToReachTarget(params);
    const standardError = Math.sqrt(Math.max(closed * (1 - closed), 1e-4) / RUNS);
    expect(Math.abs(simulated - closed)).toBeLessThan(4 * standardError);
  });

  it('its median satisfies P(T ≤ median) = 1/2 and matches the simulated median', () => {
    const params = { target: 120, sites: 8, alpha: 2, beta: 2.5 };
    const median = medianMonthsToTarget(params);
    expect(probabilityToReachTarget({ ...params, months: median })).toBeCloseTo(0.5, 9);
    const times = simulateTimes(params.target, params.sites, params.alpha, params.beta, RUNS, 7).sort();
    expect(Math.abs(times[RUNS / 2]! - median) / median).toBeLessThan(0.02);
  });

  it('is the regularised incomplete beta I_{t/(t+β)}(N, nα)', () => {
    expect(probabilityToReachTarget({ target: 10, sites: 4, alpha: 2, beta: 3, months: 9 })).toBe(betainc(9 / 12, 10, 8));
    expect(probabilityToReachTarget({ target: 10, sites: 4, alpha: 2, beta: 3, months: 0 })).toBe(0);
  });

  it('pools unequal site rates into a common β that keeps the total rate', () => {
    const beta = pooledBeta(2, 3, 6);
    // Mean total rate nα/β must equal the sum of the site rates.
    expect((3 * 2) / beta).toBeCloseTo(6, 12);
  });

  it('the count by the deadline is negative binomial with mean Λt and the simulated spread', () => {
    const params = { target: 120, sites: 8, alpha: 2, beta: 2.5, months: 24 };
    const { r, p, mean } = enrolledByDeadline(params);
    expect(mean).toBeCloseTo((8 * 2 * 24) / 2.5, 9);
    const random = mulberry32(11);
    const counts = Array.from({ length: RUNS }, () => {
      let total = 0;
      for (let i = 0; i < params.sites; i++) total += sampleGamma(random, params.alpha, params.beta);
      return samplePoisson(random, total * params.months);
    }).sort((a, b) => a - b);
    const q10 = negativeBinomialQuantile(r, p, 0.1);
    const q90 = negativeBinomialQuantile(r, p, 0.9);
    // Empirical quantiles of 20 000 draws are within a few patients of the exact ones.
    expect(Math.abs(counts[RUNS * 0.1]! - q10)).toBeLessThanOrEqual(4);
    expect(Math.abs(counts[RUNS * 0.9]! - q90)).toBeLessThanOrEqual(4);
  });
});

describe('negativeBinomialQuantile', () => {
  it('equals the geometric quantile for r = 1', () => {
    for (const p of [0.05, 0.3, 0.9]) {
      for (const q of [0.1, 0.5, 0.9, 0.99]) {
        // P(K ≤ k) = 1 − (1−p)^(k+1) ≥ q.
        const expected = Math.max(0, Math.ceil(Math.log(1 - q) / Math.log(1 - p) - 1 - 1e-12));
        expect(negativeBinomialQuantile(1, p, q)).toBe(expected);
      }
    }
  });

  it('handles large r without underflow and is monotone in q', () => {
    const a = negativeBinomialQuantile(5000, 0.5, 0.1);
    const b = negativeBinomialQuantile(5000, 0.5, 0.5);
    const c = negativeBinomialQuantile(5000, 0.5, 0.9);
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
    // Mean 5000, sd 100: the median is within a patient of the mean.
    expect(Math.abs(b - 5000)).toBeLessThanOrEqual(1);
  });

  it('rejects impossible parameters', () => {
    expect(() => negativeBinomialQuantile(0, 0.5, 0.5)).toThrow(RangeError);
    expect(() => negativeBinomialQuantile(1, 0.5, 1)).toThrow(RangeError);
  });
});

function estimateWith(eligiblePoint: Record<string, number>): EstimateResult {
  const regions = COUNTY_CODES.map((code) => {
    const point = eligiblePoint[code] ?? 0;
    return { region: code, eligible: { low: point / 2, point, high: point * 2 }, cells: 1, maskedCells: 0, jointCount: false };
  });
  return { inputHash: 'x', regions, healthcareRegions: [], national: { low: 0, point: 0, high: 0 }, attrition: [], mostLimitingStepId: null, warnings: [] };
}

const site = (id: string, region: Site['region'], shareOfRegion: number, activationMonth = 0): Site => ({ id, name: id, region, shareOfRegion, activationMonth });
/** No seasons: every month recruits alike (the default has the Swedish summer dip). */
const FLAT = Array<number>(12).fill(1);

describe('siteRates', () => {
  it('rate = region eligible per month × share × consent × (1 − screen failure), low and high from the ends', () => {
    const study = makeStudy([]);
    study.recruitment.sites = [site('a', '01', 0.5)];
    // 480 eligible over a 2-year window = 20 a month; × 0.5 × 0.6 × 0.75 = 4.5.
    const [rate] = siteRates(study, estimateWith({ '01': 480 }));
    expect(rate!.regionEligiblePerMonth.point).toBeCloseTo(20, 12);
    expect(rate!.ratePerMonth.point).toBeCloseTo(4.5, 12);
    // Low: 10 × 0.5 × 0.5 × 0.65; high: 40 × 0.5 × 0.7 × 0.85.
    expect(rate!.ratePerMonth.low).toBeCloseTo(1.625, 12);
    expect(rate!.ratePerMonth.high).toBeCloseTo(11.9, 12);
  });
});

describe('projectRecruitment', () => {
  it('uses the closed form when every site opens at month 0', () => {
    const study = makeStudy([]);
    study.recruitment = { ...study.recruitment, targetPatients: 50, months: 12, seasonalWeights: FLAT, sites: [site('a', '01', 0.5), site('b', '12', 0.5)] };
    const projection = projectRecruitment(study, estimateWith({ '01': 480, '12': 240 }));
    // Rates 4.5 and 2.25 → Λ = 6.75, β = nα/Λ = 4/6.75.
    expect(projection.method).toBe('closed-form');
    expect(projection.totalRatePerMonth.point).toBeCloseTo(6.75, 12);
    expect(projection.beta).toBeCloseTo(4 / 6.75, 12);
    expect(projection.probability).toBeCloseTo(betainc(12 / (12 + 4 / 6.75), 50, 4), 12);
    expect(projection.expectedByDeadline.point).toBeCloseTo(6.75 * 12, 9);
    expect(projection.probabilityRange.low).toBeLessThan(projection.probability);
    expect(projection.probabilityRange.high).toBeGreaterThan(projection.probability);
  });

  it('simulates, deterministically, when sites open later, and agrees with the closed form when they do not', () => {
    const study = makeStudy([]);
    study.recruitment = { ...study.recruitment, targetPatients: 60, months: 18, rateShape: 3, seasonalWeights: FLAT, sites: [site('a', '01', 0.5, 0), site('b', '12', 0.5, 6)] };
    const estimate = estimateWith({ '01': 480, '12': 480 });
    const staggered = projectRecruitment(study, estimate);
    expect(staggered.method).toBe('simulation');
    expect(projectRecruitment(study, estimate)).toEqual(staggered);
    // Site b enrols 12 months instead of 18: expected 4.5 × 18 + 4.5 × 12 = 135.
    expect(Math.abs(staggered.expectedByDeadline.point - 135) / 135).toBeLessThan(0.02);

    const simultaneous = simulateRecruitment({ target: 60, months: 18, alpha: 3, sites: [{ ratePerMonth: 4.5, activationMonth: 0 }, { ratePerMonth: 4.5, activationMonth: 0 }], runs: 20_000, seed: 5 });
    const closed = probabilityToReachTarget({ target: 60, sites: 2, alpha: 3, beta: 3 / 4.5, months: 18 });
    expect(Math.abs(simultaneous.probability - closed)).toBeLessThan(4 * Math.sqrt((closed * (1 - closed)) / 20_000) + 1e-3);
    expect(simultaneous.medianMonths! / medianMonthsToTarget({ target: 60, sites: 2, alpha: 3, beta: 3 / 4.5 })).toBeCloseTo(1, 1);
  });

  it('answers probability 0 and no median when no site can enrol', () => {
    const study = makeStudy([]);
    study.recruitment.sites = [site('a', '25', 0.5)];
    const projection = projectRecruitment(study, estimateWith({}));
    expect(projection.probability).toBe(0);
    expect(projection.medianMonthsToTarget).toBeNull();
    expect(projection.expectedByDeadline).toEqual({ low: 0, point: 0, high: 0 });
  });
});

describe('verdictFromProbability', () => {
  const thresholds = { veryGood: 0.8, good: 0.5 };
  it.each([
    [0.95, 'very-good'],
    [0.8, 'very-good'],
    [0.7999, 'good'],
    [0.5, 'good'],
    [0.4999, 'small'],
    [0, 'small'],
  ])('P = %d → %s', (p, verdict) => {
    expect(verdictFromProbability(p, thresholds)).toEqual({ verdict, probability: p, thresholds });
  });

  it('rejects a probability outside 0..1', () => {
    expect(() => verdictFromProbability(1.2, thresholds)).toThrow(RangeError);
  });
});
