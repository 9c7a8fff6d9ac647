/**
 * Test oracle: the Poisson–gamma recruitment model's closed form for equal sites (Anisimov & Fedorov, Statistics
 * in Medicine 2007), through the regularised incomplete beta function of @stdlib — a different method from the
 * forecast's convolution of negative binomials, valid only where every site opens at once with the same rate.
 *
 * Each of n sites enrols as a Poisson process whose rate λ_i is drawn from Gamma(α, β) (shape α, rate β;
 * mean α/β per month). With every site active from t = 0 the total rate Λ = Σλ_i ~ Gamma(nα, β), the count
 * by time t is negative binomial, and the time T to enrol N patients satisfies T/β ~ BetaPrime(N, nα):
 *
 *     P(T ≤ t) = I_{t/(t+β)}(N, nα)          (regularised incomplete beta)
 *
 * Only for n equal sites (a common β): pooling unequal rates into one β keeps the mean but shrinks the spread.
 */
// @stdlib betainc: the regularised incomplete beta function I_x(a, b) that the closed form needs.
import betainc from '@stdlib/math-base-special-betainc';

export interface PoissonGammaParams {
  /** Patients to enrol, N. */
  target: number;
  /** Number of sites, n. */
  sites: number;
  /** Gamma shape α of each site's rate. */
  alpha: number;
  /** Gamma rate β (per month) of each site's rate. */
  beta: number;
}

function checkParams({ target, sites, alpha, beta }: PoissonGammaParams): void {
  if (!(target > 0 && sites > 0 && alpha > 0 && beta > 0)) {
    throw new RangeError(`Poisson–gamma model needs target, sites, alpha and beta > 0 (got ${target}, ${sites}, ${alpha}, ${beta})`);
  }
}

/** P(T ≤ months): the probability of reaching the target within `months`. */
export function probabilityToReachTarget(params: PoissonGammaParams & { months: number }): number {
  checkParams(params);
  const t = params.months;
  if (!(t > 0)) return 0;
  return betainc(t / (t + params.beta), params.target, params.sites * params.alpha);
}

/** The q-quantile of T in months: solves I_x(N, nα) = q by bisection on x, then t = β·x/(1 − x). */
export function quantileMonthsToTarget(params: PoissonGammaParams, q: number): number {
  checkParams(params);
  if (!(q > 0 && q < 1)) throw new RangeError(`quantile must lie strictly within 0..1 (got ${q})`);
  const a = params.target;
  const b = params.sites * params.alpha;
  let lo = 0;
  let hi = 1;
  // 200 halvings reach the resolution of a double on (0, 1); the loop ends earlier when it stops moving.
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (betainc(mid, a, b) < q) lo = mid;
    else hi = mid;
  }
  const x = (lo + hi) / 2;
  return (params.beta * x) / (1 - x);
}
