// The sum of negative binomials, term by term, against closed forms and a direct convolution.
import { describe, expect, it } from 'vitest';
import { countDistribution, NegativeBinomialSum, probabilityAtLeast } from '../../../shared/recruitment/negative-binomial-sum';

/** NB(r, mean) pmf by its own recurrence, and the convolution of two pmfs: O(k²), the textbook way. */
function pmf(r: number, mean: number, length: number): number[] {
  const q = mean / (r + mean);
  const out = [Math.pow(1 - q, r)];
  for (let k = 1; k < length; k++) out.push((out[k - 1]! * (r + k - 1) * q) / k);
  return out;
}
const convolve = (a: number[], b: number[]) => a.map((_, n) => a.slice(0, n + 1).reduce((s, x, i) => s + x * b[n - i]!, 0));

describe('NegativeBinomialSum', () => {
  it('one term of shape 1 is geometric: pmf(k) = p qᵏ', () => {
    const sum = new NegativeBinomialSum([{ shape: 1, mean: 4 }]);
    for (let k = 0; k < 30; k++) expect(sum.next()).toBeCloseTo(0.2 * 0.8 ** k, 15);
  });

  it('three unequal terms equal the direct convolution of their pmfs', () => {
    const terms = [
      { shape: 1, mean: 20 },
      { shape: 4, mean: 3 },
      { shape: 16, mean: 0.5 },
    ];
    const direct = convolve(convolve(pmf(1, 20, 200), pmf(4, 3, 200)), pmf(16, 0.5, 200));
    const sum = new NegativeBinomialSum(terms);
    for (let k = 0; k < 200; k++) expect(Math.abs(sum.next() - direct[k]!)).toBeLessThan(1e-15);
  });

  it('a sum with an expected count of 50 000 (f₀ far below the smallest double) keeps its median and spread', () => {
    const distribution = countDistribution([{ weight: 1, terms: [{ shape: 5000, mean: 25000 }, { shape: 5000, mean: 25000 }] }], 50_000, [0.5, 0.999]);
    // Equal q, so the sum is NB(10 000, q = 5/6): sd = √(r q)/p = 547.7, skewness γ = (1 + q)/√(r q) = 0.0201, and
    // the median is mean − γ·sd/6 = 49 998.2 to within a patient (Cornish–Fisher).
    expect(Math.abs(distribution.quantiles[0]! - (50_000 - (0.020083 * 547.72) / 6))).toBeLessThanOrEqual(1);
    expect(distribution.quantiles[1]).toBeGreaterThan(50_000 + 3 * 548);
    expect(distribution.probabilityAtLeast).toBeGreaterThan(0.48);
    expect(distribution.probabilityAtLeast).toBeLessThan(0.52);
  });

  it('terms with nothing to recruit are left out; P(N ≥ 0) = 1; a mixture is the weighted average', () => {
    expect(probabilityAtLeast([{ weight: 1, terms: [{ shape: 2, mean: 0 }] }], 1)).toBe(0);
    expect(probabilityAtLeast([{ weight: 1, terms: [{ shape: 2, mean: 3 }] }], 0)).toBe(1);
    const a = probabilityAtLeast([{ weight: 1, terms: [{ shape: 1, mean: 4 }] }], 5);
    const b = probabilityAtLeast([{ weight: 1, terms: [{ shape: 1, mean: 9 }] }], 5);
    expect(a).toBeCloseTo(0.8 ** 5, 14);
    expect(probabilityAtLeast([{ weight: 0.25, terms: [{ shape: 1, mean: 4 }] }, { weight: 0.75, terms: [{ shape: 1, mean: 9 }] }], 5)).toBeCloseTo(0.25 * a + 0.75 * b, 14);
  });

  it('refuses impossible input with a specific message', () => {
    expect(() => new NegativeBinomialSum([{ shape: 0, mean: 1 }])).toThrow(/shape > 0/);
    expect(() => new NegativeBinomialSum([{ shape: 1, mean: Number.NaN }])).toThrow(/finite mean/);
    expect(() => countDistribution([{ weight: 0.5, terms: [] }], 1, [0.5])).toThrow(/add up to 1/);
    expect(() => countDistribution([{ weight: 1, terms: [] }], 1, [1])).toThrow(/strictly within/);
  });
});
