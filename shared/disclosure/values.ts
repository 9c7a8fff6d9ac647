/**
 * How one count is printed under a policy, and what a reader who knows the policy can infer from the print.
 *
 * Interval ends follow the same rule as the point, each by itself: a low or high end below k is printed as the
 * small-value text ("<5" – a bound can reveal a small count as well as the point can), and rounding goes outward
 * (low down, high up, never below the smallest printable value), so a printed interval is never narrower than the
 * computed one. Rounding of shown values (policy.rounding = b): the point to the nearest multiple of b (halves
 * up), the low end down and the high end up; a low end that would fall below the smallest printable value T
 * (k, or above the last band) is printed as T, which is still ≤ the true low.
 */
import { smallValueRange, smallValueText, type CountBand, type DisclosurePolicy } from './policy';

/** Which part of an interval a value is: rounding differs (point: nearest, low: down, high: up). */
export type Component = 'low' | 'point' | 'high';

export type ValueKind =
  /** Printed as itself (or rounded). */
  | 'shown'
  /** A zero printed as "0" (the policy does not protect zeros). */
  | 'zero'
  /** Below k: printed as "<k", "≤k−1" or its band (primary suppression). */
  | 'small'
  /** At or above k but printed as a coarsening band (e.g. "10–19"); not a suppression. */
  | 'band'
  /** Hidden to protect another figure (secondary suppression): printed as policy.secondaryText. */
  | 'hidden';

export interface DisclosedValue {
  kind: ValueKind;
  /** The number printed, when one is (shown values after rounding, zero); null otherwise. */
  value: number | null;
  /**
   * What a reader who knows the policy infers from the print: the integers the true value can be. `high` is
   * Infinity for a value hidden by secondary suppression.
   */
  display: { low: number; high: number };
  /** Why the value is not printed as itself: 'primary' (it is small) or 'secondary' (it would reveal one). */
  suppressed: 'primary' | 'secondary' | null;
}

/** The smallest value printed as a number: k, or the value right after the last band when bands reach higher. */
export function firstPrintedValue(policy: DisclosurePolicy): number {
  const k = policy.threshold;
  if (policy.small.kind !== 'bands') return k;
  const last = policy.small.bands[policy.small.bands.length - 1];
  return Math.max(k, (last?.to ?? 0) + 1);
}

function bandOf(policy: DisclosurePolicy, value: number): CountBand | null {
  if (policy.small.kind !== 'bands') return null;
  return policy.small.bands.find((b) => value >= b.from && value <= b.to) ?? null;
}

/** The value class printed for a small value (or a zero printed as small): its band, or 1..k−1 / 0..k−1. */
function smallRange(policy: DisclosurePolicy, value: number): CountBand {
  const small = smallValueRange(policy);
  const band = bandOf(policy, Math.max(1, value));
  if (band) return { from: band.from === 1 ? small.from : band.from, to: band.to };
  return small;
}

/** Rounds a whole value ≥ the first printed value T as its component is rounded (see the file comment). */
function roundShown(value: number, component: Component, b: number, first: number): { value: number; low: number; high: number } {
  if (b <= 1) return { value, low: value, high: value };
  if (component === 'high') {
    const r = Math.ceil(value / b) * b;
    return { value: r, low: Math.max(first, r - b + 1), high: r };
  }
  if (component === 'low') {
    const r = Math.max(first, Math.floor(value / b) * b);
    return r === first ? { value: r, low: first, high: Math.floor(first / b) * b + b - 1 } : { value: r, low: r, high: r + b - 1 };
  }
  const smallestMultiple = Math.ceil(first / b) * b;
  const r = Math.max(smallestMultiple, Math.round(value / b) * b);
  return { value: r, low: r === smallestMultiple ? first : r - Math.floor(b / 2), high: r + Math.ceil(b / 2) - 1 };
}

/**
 * Primary disclosure of one whole, non-negative count (round fractional estimates first: low down, point to
 * nearest, high up). Secondary suppression is decided over a whole answer by discloseAnswer.
 */
export function discloseValue(value: number, component: Component, policy: DisclosurePolicy): DisclosedValue {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`discloseValue needs a whole count ≥ 0 (got ${value})`);
  if (value === 0 && policy.zero === 'zero') return { kind: 'zero', value: 0, display: { low: 0, high: 0 }, suppressed: null };
  if (value < policy.threshold) {
    const range = smallRange(policy, value);
    return { kind: 'small', value: null, display: { low: range.from, high: range.to }, suppressed: 'primary' };
  }
  const band = bandOf(policy, value);
  if (band) return { kind: 'band', value: null, display: { low: band.from, high: band.to }, suppressed: null };
  const rounded = roundShown(value, component, policy.rounding, firstPrintedValue(policy));
  return { kind: 'shown', value: rounded.value, display: { low: rounded.low, high: rounded.high }, suppressed: null };
}

/**
 * A value hidden by secondary suppression: nothing about it is printed. Any value may be hidden so (a large
 * one, a small one or a zero), so a reader knows only that it is ≥ 0.
 */
export function hiddenValue(_policy: DisclosurePolicy): DisclosedValue {
  return { kind: 'hidden', value: null, display: { low: 0, high: Number.POSITIVE_INFINITY }, suppressed: 'secondary' };
}

/**
 * The printed text of a value. `formatNumber` formats a whole number for the reader's locale (default: plain
 * digits); small values read "<5" / "≤10" / "1–4", hidden ones the policy's secondary text (e.g. "..").
 */
export function formatDisclosedValue(v: DisclosedValue, policy: DisclosurePolicy, formatNumber: (n: number) => string = String): string {
  switch (v.kind) {
    case 'shown':
    case 'zero':
      return formatNumber(v.value ?? 0);
    case 'hidden':
      return policy.secondaryText;
    case 'band':
      return `${formatNumber(v.display.low)}–${formatNumber(v.display.high)}`;
    case 'small':
      return smallValueText(policy, formatNumber) ?? `${formatNumber(v.display.low)}–${formatNumber(v.display.high)}`;
  }
}
