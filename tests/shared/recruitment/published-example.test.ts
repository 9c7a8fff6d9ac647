/**
 * A published worked example of the Poisson–gamma accrual model with its figures printed, reproduced with our
 * closed form.
 *
 * Source. Stephen D. Simon (co-author of Gajewski, Simon & Carlson, Statistics in Medicine 2008;27:2328–2340,
 * the Bayesian accrual model that is the Anisimov–Fedorov Poisson–gamma model with a single centre):
 *  - [A] "Case study of accrual in a clinical trial", StATS weblog, Children's Mercy Hospital, created 2007-09-11,
 *    http://www.pmean.com/07/CaseStudyOfAccrual.html — archived by the author in github.com/pmean/build-website,
 *    text/07/09/CaseStudyOfAccrual.md (commit 031119ba591ab5be743336126dab55e3248361c9).
 *  - [B] "Case study of accrual in a clinical trial, part 2", created 2007-10-09,
 *    http://www.pmean.com/07/CaseStudyOfAccrualPart2.html — same repository, text/07/10/CaseStudyOfAccrualPart2.md.
 *  - [C] "Why use informative priors?", 2017-04-03, github.com/pmean/simulating-clinical-trials, early_forecast.Rmd,
 *    which re-runs the same case with the authors' R code (k <- n*P+m; V <- T*P+tm; rate ~ Gamma(k, V)).
 *
 * The case as printed: "The trial started on August 28, 2007 and will continue until January 31, 2008, for a
 * total of 22 weeks. He thinks that he might be able to get 3 patients per week over a 22 week trial (66 total)"
 * and rated his confidence "5" of 10, so P = 0.5; [C]: "66 patients in 22 weeks and a prior strength of 0.5,
 * which corresponds to a gamma(33, 11)". Accrual [B]: "After one week, a single patient has entered the study. No
 * patients enter on weeks 2, 3, or 4. On week 5, three patients enter the study. On week 6, one more patient".
 *
 * In our terms: one site (n = 1) whose weekly rate is Gamma(α = 33, β = 11); after m patients in t weeks the
 * rate is Gamma(33 + m, 11 + t) and the patients still to come in the remaining 22 − t weeks are negative
 * binomial with shape 33 + m and mean (33 + m)/(11 + t) · (22 − t), computed by the forecast's own engine
 * (negative-binomial-sum.ts). The forecast itself is unit-free: "months" below are weeks.
 *
 * The printed figures come from a simulation ([A]: "According to this simulation"); the author's published R
 * functions (pmean.com/13/samplesize.html, [C]) draw B = 1000 runs by default, the posts do not state the number.
 * Where the exact figure differs from the printed one it must lie within the Monte Carlo error of 1000 runs,
 * and the same prior printed twice — [A] "41 and 96", [B] "42 to 95" — shows that error at work.
 */
import { describe, expect, it } from 'vitest';
import { countDistribution, probabilityAtLeast } from '../../../shared/recruitment/negative-binomial-sum';
import { projectRecruitment } from '../../../shared/recruitment/project';
import { FLAT, PLENTY, planStudy, site } from './plan-helpers';

const WEEKS = 22;
const PLANNED = 66;
/** "5" on a scale of 1–10. */
const CERTAINTY = 0.5;
/** The authors' prior: shape k = nP = 33, rate V = TP = 11 per week. */
const PRIOR = { alpha: PLANNED * CERTAINTY, beta: WEEKS * CERTAINTY };
/** Runs behind the printed figures (the author's default B). */
const PRINTED_RUNS = 1000;

interface Forecast {
  /** Patients by the end of week 22: already enrolled plus the negative binomial remainder. */
  quantile(q: number): number;
  /** P(total ≥ k), from P(the (k − m)-th further patient arrives within the remaining weeks). */
  atLeast(k: number): number;
  atMost(k: number): number;
  r: number;
  p: number;
  /** Expected further patients in the remaining weeks. */
  meanRemaining: number;
  remainingWeeks: number;
}

/** The forecast of the final sample size after `enrolled` patients in `weeks` weeks. */
function forecastAfter(enrolled: number, weeks: number): Forecast {
  const r = PRIOR.alpha + enrolled;
  const rate = PRIOR.beta + weeks;
  const remainingWeeks = WEEKS - weeks;
  const mean = (r / rate) * remainingWeeks;
  const remaining = [{ weight: 1, terms: [{ shape: r, mean }] }];
  const atLeast = (k: number): number => probabilityAtLeast(remaining, Math.max(0, k - enrolled));
  return {
    quantile: (q) => enrolled + countDistribution(remaining, 0, [q]).quantiles[0]!,
    atLeast,
    atMost: (k) => 1 - atLeast(k + 1),
    r,
    p: rate / (rate + remainingWeeks),
    meanRemaining: mean,
    remainingWeeks,
  };
}

/**
 * Whether a printed simulated q-quantile k is a q-quantile of the exact distribution up to the Monte Carlo error
 * of PRINTED_RUNS runs (two standard errors of a proportion): P(X ≤ k) ≥ q − e and P(X ≤ k − 1) ≤ q + e.
 */
function withinSimulationError(forecast: Forecast, printed: number, q: number): boolean {
  const e = 2 * Math.sqrt((q * (1 - q)) / PRINTED_RUNS);
  return forecast.atMost(printed) >= q - e && forecast.atMost(printed - 1) <= q + e;
}

describe('Simon (2007), case study of accrual: the prior forecast of the final sample size', () => {
  const prior = forecastAfter(0, 0);

  it('is NB(33, 1/3) with mean 66, "centered around 66" [B]', () => {
    expect(prior.r).toBe(33);
    expect(prior.p).toBeCloseTo(1 / 3, 12);
    expect(prior.meanRemaining).toBeCloseTo(66, 10);
  });

  it('has the printed median 65 and 2.5 and 97.5 percentiles "41 and 96 patients, respectively" [A], exactly', () => {
    expect(prior.quantile(0.5)).toBe(65);
    expect(prior.quantile(0.025)).toBe(41);
    expect(prior.quantile(0.975)).toBe(96);
  });

  it('and the second simulation of the same prior, "from 42 to 95" [B], lies within 1000-run error of it', () => {
    expect(withinSimulationError(prior, 42, 0.025)).toBe(true);
    expect(withinSimulationError(prior, 95, 0.975)).toBe(true);
    // The check discriminates: three patients off is not Monte Carlo error.
    expect(withinSimulationError(prior, 44, 0.025)).toBe(false);
    expect(withinSimulationError(prior, 92, 0.975)).toBe(false);
  });

  it('"a 96% probability that it will recruit at least 44 patients" [A], to the printed precision', () => {
    expect(Math.round(100 * prior.atLeast(44))).toBe(96);
  });

  it('"a 48% probability that the study will recruit 66 or more patients" [A]: exact 49.1 %, within 1000-run error', () => {
    const exact = prior.atLeast(66);
    expect(exact).toBeCloseTo(0.4905351135, 8);
    expect(Math.abs(exact - 0.48)).toBeLessThan(Math.sqrt((0.48 * 0.52) / PRINTED_RUNS));
  });

  it('"the coefficient of variation of the projected sample sizes is 21%" [A]', () => {
    const sd = Math.sqrt(prior.r * (1 - prior.p)) / prior.p;
    expect(Math.round((100 * sd) / prior.meanRemaining)).toBe(21);
  });

  it('the whole forecast of the same plan (one site at 3 a "month", shape 33, 22 "months") prints 65 (41–96) and P(≥ 66)', () => {
    const projection = projectRecruitment(planStudy({ targetPatients: PLANNED, months: WEEKS, rateShape: PRIOR.alpha, seasonalWeights: [...FLAT], sites: [site('simon', PRIOR.alpha / PRIOR.beta)] }), PLENTY);
    const end = projection.band.at(-1)!;
    expect(end.q50).toBe(65);
    expect(projection.expectedByDeadline95).toEqual({ low: 41, high: 96 });
    expect(projection.probability).toBeCloseTo(prior.atLeast(66), 12);
  });
});

describe('Simon (2007), case study of accrual: the forecast updated week by week', () => {
  it('after three weeks with one patient: "accrual at 2.4 patients per week" and a median of 46 [A]', () => {
    const week3 = forecastAfter(1, 3);
    expect(Math.round((10 * week3.meanRemaining) / week3.remainingWeeks) / 10).toBe(2.4);
    // Exact median 47, but P(total ≤ 46) = 0.499: a 1000-run median of 46 is as likely as not.
    expect(week3.quantile(0.5)).toBe(47);
    expect(week3.atMost(46)).toBeCloseTo(0.4990678803, 8);
    expect(withinSimulationError(week3, 46, 0.5)).toBe(true);
    expect(withinSimulationError(week3, 44, 0.5)).toBe(false);
  });

  it('"shrunk from 66 to 60" after week 1 and "falls all the way to 41" after week 4 [B], exactly', () => {
    expect(forecastAfter(1, 1).quantile(0.5)).toBe(60);
    expect(forecastAfter(1, 4).quantile(0.5)).toBe(41);
  });

  it('"the median predicted sample size slips to 52" after week 2 [B]: exact 53, P(total ≤ 52) = 0.496', () => {
    const week2 = forecastAfter(1, 2);
    expect(week2.quantile(0.5)).toBe(53);
    expect(week2.atMost(52)).toBeCloseTo(0.4955116698, 8);
    expect(withinSimulationError(week2, 52, 0.5)).toBe(true);
  });

  it('"the 95% probability limits had ... only 32 [width] after 6 weeks" [B] (five patients by week 6), exactly', () => {
    const week6 = forecastAfter(5, 6);
    expect(week6.quantile(0.025)).toBe(26);
    expect(week6.quantile(0.975)).toBe(58);
    expect(week6.quantile(0.975) - week6.quantile(0.025)).toBe(32);
  });
});
