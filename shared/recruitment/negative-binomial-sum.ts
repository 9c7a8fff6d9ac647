/**
 * The exact distribution of a sum of independent negative binomial counts, term by term.
 *
 * A site whose rate λ ~ Gamma(shape α, rate β) recruits a Poisson(λE) number of patients over an exposure E; mixed
 * over λ that count is negative binomial with r = α and "failure" probability q = μ/(α + μ), where μ = E·α/β is the
 * expected count (pmf(k) = Γ(r+k)/(k! Γ(r)) · p^r q^k, p = 1 − q). Sites are independent, so the total is the
 * convolution of the sites' negative binomials. Its probability generating function is
 *
 *     P(z) = Π_i (p_i / (1 − q_i z))^{r_i},   so   P'(z) = P(z) · Σ_i r_i q_i / (1 − q_i z),
 *
 * and comparing coefficients gives, with h_i(j) = Σ_{k=0..j} q_i^{k+1} f_{j−k} = q_i (f_j + h_i(j−1)):
 *
 *     f_0 = Π_i p_i^{r_i},      (j + 1) f_{j+1} = Σ_i r_i h_i(j).
 *
 * Each further term costs one multiply-add per site, so the distribution up to k patients costs O(sites · k),
 * every term is a sum of positive numbers (no cancellation), and the result is exact up to rounding. f_0 can
 * underflow for large expected counts, so the terms are carried with a separate logarithmic scale.
 */

/** One site's count: negative binomial with shape r > 0 and expected count mean ≥ 0. */
export interface NegativeBinomialTerm {
  shape: number;
  mean: number;
}

/** Above this the scaled terms are brought down (headroom to the largest double is kept for h_i). */
const RESCALE_ABOVE = 1e150;
const RESCALE_LOG = Math.log(RESCALE_ABOVE);

/** A hard stop against plans that would need millions of terms (an expected count in the millions). */
export const MAX_TERMS = 20_000_000;

/**
 * The pmf of Σ NB(r_i, q_i), one term per call of `next()`: pmf(0), pmf(1), … Terms with mean 0 (a site not open
 * yet, or with no rate) contribute nothing and are left out.
 *
 * The terms are carried as `scaled · exp(logScale)`, with scaled kept below 1e150 by moving powers into logScale.
 * A term is then scaled × factor with factor = exp(logScale) computed once per change of scale, not per term. When
 * factor underflows (logScale < −745) every term of that stretch is below 1e150 · 1e−324 and adds nothing a
 * probability could show.
 */
export class NegativeBinomialSum {
  readonly mean: number;
  private readonly shape: Float64Array;
  private readonly q: Float64Array;
  private readonly h: Float64Array;
  private index = 0;
  /** f_index × exp(−logScale). */
  private scaled = 1;
  private logScale: number;
  private factor: number;

  constructor(terms: readonly NegativeBinomialTerm[]) {
    const used = terms.filter((t) => {
      if (!(t.shape > 0) || !(t.mean >= 0) || !Number.isFinite(t.mean)) throw new RangeError(`negative binomial term needs shape > 0 and a finite mean ≥ 0 (got ${t.shape}, ${t.mean})`);
      return t.mean > 0;
    });
    this.shape = Float64Array.from(used, (t) => t.shape);
    this.q = Float64Array.from(used, (t) => t.mean / (t.shape + t.mean));
    this.h = new Float64Array(used.length);
    this.mean = used.reduce((sum, t) => sum + t.mean, 0);
    // log p_i = log(r / (r + μ)), taken as −log1p(μ/r) so that a small μ keeps its precision.
    this.logScale = used.reduce((sum, t) => sum - t.shape * Math.log1p(t.mean / t.shape), 0);
    this.factor = Math.exp(this.logScale);
  }

  /** The next term of the pmf (pmf(0) on the first call). */
  next(): number {
    const value = this.scaled * this.factor;
    const { shape, q, h } = this;
    const current = this.scaled;
    let sum = 0;
    for (let i = 0; i < q.length; i++) {
      const hi = q[i]! * (current + h[i]!);
      h[i] = hi;
      sum += shape[i]! * hi;
    }
    this.index += 1;
    if (this.index > MAX_TERMS) throw new RangeError(`the recruitment distribution needs more than ${MAX_TERMS} terms (expected count ${Math.round(this.mean)})`);
    this.scaled = sum / this.index;
    if (this.scaled > RESCALE_ABOVE) {
      this.scaled /= RESCALE_ABOVE;
      for (let i = 0; i < h.length; i++) h[i] = h[i]! / RESCALE_ABOVE;
      this.logScale += RESCALE_LOG;
      this.factor = Math.exp(this.logScale);
    }
    return value;
  }
}

/** A cumulative probability this close to 1 leaves a tail no probability Antal shows can see. */
const NEGLIGIBLE_TAIL = 1 - 1e-14;

/** A finite mixture of such sums: with probability `weight` the count is the sum of `terms`. */
export interface MixtureComponent {
  weight: number;
  terms: readonly NegativeBinomialTerm[];
}

export interface CountDistribution {
  mean: number;
  /** P(N ≥ atLeast), for the `atLeast` asked for. */
  probabilityAtLeast: number;
  /** For each asked probability q, the smallest k with P(N ≤ k) ≥ q. */
  quantiles: number[];
}

/**
 * P(N ≥ atLeast) and quantiles of a mixture of negative binomial sums, from one pass over the pmf: every component
 * advances in step, and the pass ends once both the target and the highest quantile are reached.
 */
export function countDistribution(components: readonly MixtureComponent[], atLeast: number, quantiles: readonly number[], options: { negligible?: number } = {}): CountDistribution {
  // Once the quantiles are found and less than this is left above k, P(N ≥ atLeast) is reported as 0.
  const negligibleTail = 1 - (options.negligible ?? 1e-14);
  if (!(atLeast >= 0 && Number.isInteger(atLeast))) throw new RangeError(`atLeast must be a whole number ≥ 0 (got ${atLeast})`);
  for (const q of quantiles) if (!(q > 0 && q < 1)) throw new RangeError(`quantiles must lie strictly within 0..1 (got ${q})`);
  const sums = components.map((c) => new NegativeBinomialSum(c.terms));
  const weights = components.map((c) => c.weight);
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(Math.abs(total - 1) < 1e-9)) throw new RangeError(`mixture weights must add up to 1 (got ${total})`);
  const order = [...quantiles.keys()].sort((a, b) => quantiles[a]! - quantiles[b]!);
  const found = new Array<number>(quantiles.length).fill(0);
  const highest = quantiles.length > 0 ? quantiles[order[order.length - 1]!]! : 0;
  let next = 0;
  let cumulative = 0;
  let belowTarget = 0;
  for (let k = 0; ; k++) {
    let pmf = 0;
    for (let c = 0; c < sums.length; c++) pmf += weights[c]! * sums[c]!.next();
    cumulative += pmf;
    if (k < atLeast) belowTarget = cumulative;
    // Rounding can leave the cumulative a hair under q forever when q is within 1e-13 of 1; not for q ≤ 0.999.
    while (next < order.length && cumulative >= quantiles[order[next]!]! - 1e-13) {
      found[order[next]!] = k;
      next += 1;
    }
    if (k + 1 >= atLeast && (next >= order.length || cumulative >= highest)) break;
    // Everything left above k is negligible: the target is out of reach.
    if (next >= order.length && cumulative >= negligibleTail) {
      belowTarget = 1;
      break;
    }
  }
  return {
    mean: components.reduce((sum, c, i) => sum + c.weight * sums[i]!.mean, 0),
    probabilityAtLeast: atLeast === 0 ? 1 : Math.min(1, Math.max(0, 1 - belowTarget)),
    quantiles: found,
  };
}

/** P(N ≥ atLeast) alone: the pmf is needed only below `atLeast`. */
export function probabilityAtLeast(components: readonly MixtureComponent[], atLeast: number): number {
  if (atLeast <= 0) return 1;
  let below = 0;
  for (const component of components) {
    const sum = new NegativeBinomialSum(component.terms);
    let cdf = 0;
    for (let k = 0; k < atLeast && cdf < NEGLIGIBLE_TAIL; k++) cdf += sum.next();
    below += component.weight * cdf;
  }
  return Math.min(1, Math.max(0, 1 - below));
}
