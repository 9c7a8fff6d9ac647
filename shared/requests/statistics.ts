/**
 * Turnaround: days from received to answered, per year (of the answer) and request type, as the median and
 * the 90th percentile. Median: the middle value, or the mean of the two middle values. 90th percentile: the
 * nearest-rank definition (the smallest value with at least 90 % of the values at or below it), so it is
 * always a turnaround that actually happened.
 */
import type { FeasibilityRequest, RequestType } from './request';
import { daysBetween, isIsoDate } from './workflow';

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile, p in (0, 1]. */
export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must lie in (0, 1] (got ${p})`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1]!;
}

export interface TurnaroundRow {
  year: number;
  type: RequestType;
  count: number;
  medianDays: number;
  p90Days: number;
}

/** Days from received to answered for a request that has been answered, else null. */
export function turnaroundDays(request: Pick<FeasibilityRequest, 'receivedOn' | 'answeredOn'>): number | null {
  if (!request.answeredOn || !isIsoDate(request.answeredOn) || !isIsoDate(request.receivedOn)) return null;
  const days = daysBetween(request.receivedOn, request.answeredOn);
  return days >= 0 ? days : null;
}

/** One row per (year answered, type) that has answered requests; newest year first, country before site. */
export function turnaroundStatistics(requests: ReadonlyArray<Pick<FeasibilityRequest, 'type' | 'receivedOn' | 'answeredOn' | 'demo'>>): TurnaroundRow[] {
  const groups = new Map<string, { year: number; type: RequestType; days: number[] }>();
  for (const request of requests) {
    if (request.demo) continue;
    const days = turnaroundDays(request);
    if (days === null) continue;
    const year = Number(request.answeredOn!.slice(0, 4));
    const key = `${year}|${request.type}`;
    const group = groups.get(key) ?? { year, type: request.type, days: [] };
    group.days.push(days);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.year - a.year || a.type.localeCompare(b.type))
    .map((g) => ({ year: g.year, type: g.type, count: g.days.length, medianDays: median(g.days)!, p90Days: nearestRankPercentile(g.days, 0.9)! }));
}
