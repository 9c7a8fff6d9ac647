/**
 * The Poisson–gamma recruitment model (Anisimov & Fedorov, Statistics in Medicine 2007), closed form.
 *
 * Each of n sites enrols as a Poisson process whose rate λ_i is drawn from Gamma(α, β) (shape α, rate β;
 * mean α/β per month). With every site active from t = 0 the total rate Λ = Σλ_i ~ Gamma(nα, β), the count
 * by time t is negative binomial, and the time T to enrol N patients satisfies T/β ~ BetaPrime(N, nα):
 *
 *     P(T ≤ t) = I_{t/(t+β)}(N, nα)          (regularised incomplete beta)
 *
 * Sites with different mean rates m_i: the closed form needs a common β, so we keep the common shape α
 * (the planner's certainty) and pool the rates: β = nα / Σm_i, i.e. every site gets the mean rate Σm_i/n.
 * The expected total rate Σm_i is then exact; what is approximated is the spread, which is slightly larger
 * for unequal sites than for n equal ones. Staggered starts need simulation (see simulate.ts).
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

/** β for n sites with common shape α whose mean rates sum to `totalRatePerMonth`. */
export function pooledBeta(alpha: number, sites: number, totalRatePerMonth: number): number {
  if (!(totalRatePerMonth > 0)) throw new RangeError('pooledBeta needs a total rate > 0');
  return (sites * alpha) / totalRatePerMonth;
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

/** Median of T in months. */
export function medianMonthsToTarget(params: PoissonGammaParams): number {
  return quantileMonthsToTarget(params, 0.5);
}

/** Enrolled by `months`: negative binomial with r = nα and success probability β/(β + t). */
export function enrolledByDeadline(params: PoissonGammaParams & { months: number }): { r: number; p: number; mean: number } {
  checkParams(params);
  const r = params.sites * params.alpha;
  const p = params.beta / (params.beta + params.months);
  return { r, p, mean: (r * params.months) / params.beta };
}
