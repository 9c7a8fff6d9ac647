/**
 * Reading printed texts as a reader who knows the published policy reads them. Written for the auditor alone —
 * it shares no code with the discloser, so a mistake in how figures are printed is not repeated in how they are
 * checked.
 */
import type { DisclosurePolicy } from '../disclosure/policy';
import type { AuditComponent } from './types';

export interface Interval {
  low: number;
  high: number;
}

const INF = Number.POSITIVE_INFINITY;

/** Digits with any locale grouping (space, no-break space, narrow no-break space, comma, point). */
function wholeNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f,.]/g, '');
  return /^\d+$/.test(compact) ? Number(compact) : null;
}

/** The values a policy shows as small: from 0 when it shows zeros as small, else from 1, up to k − 1. */
export function smallValues(policy: DisclosurePolicy): Interval {
  return { low: policy.zero === 'as-small' ? 0 : 1, high: policy.threshold - 1 };
}

/** The smallest value a policy prints as a number: k, or the value after the last band. */
function firstShown(policy: DisclosurePolicy): number {
  const bands = policy.small.kind === 'bands' ? policy.small.bands : [];
  return Math.max(policy.threshold, (bands[bands.length - 1]?.to ?? 0) + 1);
}

/**
 * The policy's rounding as published: to a multiple of b, the point to the nearest (halves up), a low end down
 * and a high end up, and never below the smallest printed value.
 */
function printsAs(v: number, component: AuditComponent, b: number, first: number): number {
  if (component === 'high') return Math.ceil(v / b) * b;
  if (component === 'low') return Math.max(first, Math.floor(v / b) * b);
  return Math.max(Math.ceil(first / b) * b, Math.floor(v / b + 0.5) * b);
}

/** Every whole value that the policy prints as the number n. */
function preimage(n: number, component: AuditComponent, policy: DisclosurePolicy): Interval | null {
  const b = policy.rounding;
  if (b <= 1) return { low: n, high: n };
  const first = firstShown(policy);
  let low = INF;
  let high = -INF;
  for (let v = Math.max(first, n - 2 * b); v <= n + 2 * b; v++) {
    if (printsAs(v, component, b, first) === n) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  return low <= high ? { low, high } : null;
}

export class UnreadableText extends Error {}

/**
 * The whole values a printed text allows. `withheld` ("…") and empty texts say nothing (null). Throws
 * UnreadableText for a text no policy prints.
 */
export function readPrintedText(text: string, component: AuditComponent, policy: DisclosurePolicy): Interval | null {
  const t = text.trim();
  if (t === '' || t === '…') return null;
  if (t === policy.secondaryText.trim()) return { low: 0, high: INF };
  const small = smallValues(policy);
  if (t.startsWith('<')) {
    const n = wholeNumber(t.slice(1));
    if (n !== null) return { low: small.low, high: n - 1 };
  }
  if (t.startsWith('≤')) {
    const n = wholeNumber(t.slice(1));
    if (n !== null) return { low: small.low, high: n };
  }
  if (t.startsWith('≥')) {
    const n = wholeNumber(t.slice(1));
    if (n !== null) return { low: n, high: INF };
  }
  const dash = t.search(/[–—]/);
  if (dash > 0) {
    const a = wholeNumber(t.slice(0, dash));
    const b = wholeNumber(t.slice(dash + 1));
    if (a !== null && b !== null && a <= b) return { low: a, high: b };
  }
  const n = wholeNumber(t);
  if (n === null) throw new UnreadableText(`cannot read the printed text "${text}"`);
  if (n === 0) return { low: 0, high: 0 };
  const values = preimage(n, component, policy);
  if (!values) throw new UnreadableText(`"${text}" is not a number ${policy.name} prints (rounding to ${policy.rounding})`);
  return values;
}

/** A printed number as the number it shows ("1 234" → 1234), or null for anything else. */
export function printedNumber(text: string): number | null {
  return wholeNumber(text.trim());
}

/** A printed percentage: its value as a share and half a unit of its last digit ("45,3 %" → 0.453 ± 0.0005). */
export function readPercent(text: string): { share: number; halfUnit: number; digits: number } | null {
  const match = /^\s*(\d+)(?:[.,](\d+))?\s*%\s*$/.exec(text.replace(/[\u00a0\u202f]/g, ' '));
  if (!match) return null;
  const digits = match[2]?.length ?? 0;
  const value = Number(`${match[1]}.${match[2] ?? '0'}`);
  return { share: value / 100, halfUnit: 0.5 * 10 ** -digits / 100, digits };
}

/**
 * The ranges no reader may narrow a hidden value into: each small band, or the whole small-value range when
 * small values print as one text. Bands at or above k coarsen printed values; they protect nothing.
 */
export function protectedRangesOf(policy: DisclosurePolicy): Interval[] {
  const small = smallValues(policy);
  if (policy.small.kind !== 'bands') return [small];
  return policy.small.bands
    .filter((b) => b.from < policy.threshold)
    .map((b, i) => ({ low: i === 0 ? small.low : b.from, high: b.to }));
}
