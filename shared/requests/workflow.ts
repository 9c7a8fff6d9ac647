/**
 * Deadlines and the slow season: days left to the reply deadline, and whether the reply period or the
 * recruitment period touches June–August (when Swedish healthcare runs on holiday staffing).
 * Dates are ISO calendar dates; "today" is passed in.
 */
import { addDays } from './create';
import type { FeasibilityRequest, RequestStatus } from './request';

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Adds whole months to an ISO date, clamping to the month's last day (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** True when the inclusive period [from, to] contains any day from 1 June to 31 August of any year. */
export function touchesSummer(from: string, to: string): boolean {
  if (!isIsoDate(from) || !isIsoDate(to) || to < from) return false;
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year += 1) {
    if (from <= `${year}-08-31` && to >= `${year}-06-01`) return true;
  }
  return false;
}

export type SummerPeriod = 'reply' | 'recruitment';

/** Which of the request's periods touch June–August: the reply period (received → deadline) and recruitment. */
export function summerWarnings(request: Pick<FeasibilityRequest, 'receivedOn' | 'replyDeadline' | 'plannedStart' | 'recruitmentMonths'>): SummerPeriod[] {
  const out: SummerPeriod[] = [];
  if (touchesSummer(request.receivedOn, request.replyDeadline)) out.push('reply');
  if (isIsoDate(request.plannedStart) && request.recruitmentMonths !== null && request.recruitmentMonths > 0) {
    const end = addDays(addMonths(request.plannedStart, request.recruitmentMonths), -1);
    if (touchesSummer(request.plannedStart, end)) out.push('recruitment');
  }
  return out;
}

export function isOpen(status: RequestStatus): boolean {
  return status === 'received' || status === 'in-progress';
}

export interface DeadlineState {
  daysLeft: number;
  overdue: boolean;
}

export function deadlineState(replyDeadline: string, today: string): DeadlineState | null {
  if (!isIsoDate(replyDeadline)) return null;
  const daysLeft = daysBetween(today, replyDeadline);
  return { daysLeft, overdue: daysLeft < 0 };
}

/** Open requests, nearest deadline first (so overdue ones come first); requests without a valid deadline last. */
export function openByDeadline<T extends Pick<FeasibilityRequest, 'status' | 'replyDeadline' | 'title' | 'id'>>(requests: readonly T[]): T[] {
  const key = (r: T) => (isIsoDate(r.replyDeadline) ? r.replyDeadline : '9999-12-31');
  return requests
    .filter((r) => isOpen(r.status))
    .sort((a, b) => key(a).localeCompare(key(b)) || a.title.localeCompare(b.title, 'sv') || a.id.localeCompare(b.id));
}

/**
 * The status change and what it implies: marking answered records the answer date (the first time only);
 * reopening keeps the earlier answer date out of the statistics until it is answered again.
 */
export function withStatus(request: FeasibilityRequest, status: RequestStatus, today: string, nowIso: string): FeasibilityRequest {
  const answeredOn = status === 'answered' ? (request.status === 'answered' && request.answeredOn ? request.answeredOn : today) : status === 'archived' ? request.answeredOn : undefined;
  return { ...request, status, answeredOn, updatedAt: nowIso };
}
