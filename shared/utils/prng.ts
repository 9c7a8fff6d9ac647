/**
 * Seeded pseudo-random numbers for deterministic simulation and synthetic data.
 *
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, passes gjrand/PractRand for the
 * sample sizes we draw (≤ a few million numbers per use). It is small, fast and identical on every
 * JavaScript engine because it only uses 32-bit integer operations (Math.imul, >>>). It is not suitable
 * for cryptography and is never used for anything secret.
 */

export type Random = () => number;

/** A generator of floats in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed from text (FNV-1a 32), so that simulations can be keyed on e.g. "study-id@version"
 * as the architecture requires ("random simulation uses a seeded generator keyed on the study version").
 */
export function seedFromString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
