/**
 * Samplers for the distributions the simulations and the synthetic data need, driven by a seeded
 * {@link Random} so that every draw is reproducible.
 */
import type { Random } from './prng';

/** Standard normal by the Box–Muller transform (one value per call; the second is discarded for simplicity). */
export function sampleStandardNormal(random: Random): number {
  // 1 - u keeps the argument of log in (0, 1]: random() can return 0 but never 1.
  const u1 = 1 - random();
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Gamma(shape, rate) by Marsaglia & Tsang (2000). For shape < 1 the boost Gamma(a) = Gamma(a + 1)·U^(1/a)
 * keeps the same algorithm valid.
 */
export function sampleGamma(random: Random, shape: number, rate: number): number {
  if (!(shape > 0) || !(rate > 0)) throw new RangeError(`Gamma needs shape > 0 and rate > 0 (got ${shape}, ${rate})`);
  if (shape < 1) {
    const boost = Math.pow(1 - random(), 1 / shape);
    return sampleGamma(random, shape + 1, rate) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleStandardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x * x * x * x) return (d * v) / rate;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

/**
 * Poisson(mean) by inversion: walk the cumulative distribution from 0 using the pmf recurrence
 * p(k) = p(k-1)·mean/k. Exact and simple. Means above POISSON_CHUNK are drawn as a sum of independent
 * Poisson(≤ POISSON_CHUNK) draws (a sum of Poissons is Poisson), which keeps exp(-mean) a normal double.
 */
const POISSON_CHUNK = 500;

export function samplePoisson(random: Random, mean: number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`Poisson mean must be finite and ≥ 0 (got ${mean})`);
  let total = 0;
  let rest = mean;
  while (rest > POISSON_CHUNK) {
    total += samplePoissonSmall(random, POISSON_CHUNK);
    rest -= POISSON_CHUNK;
  }
  return total + samplePoissonSmall(random, rest);
}

function samplePoissonSmall(random: Random, mean: number): number {
  if (mean === 0) return 0;
  const u = random();
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  // The guard stops a rounding-starved tail (cumulative stuck just below u) from looping forever.
  const limit = Math.ceil(mean + 40 * Math.sqrt(mean) + 40);
  while (u > cumulative && k < limit) {
    k++;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}
