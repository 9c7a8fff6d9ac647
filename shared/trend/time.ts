/**
 * Periods on a time axis in calendar years: a day is placed at its year plus the fraction of that year gone, so
 * the year 2020 runs from 2020.0 to 2021.0 and its middle is 2020.5 exactly (leap years do not shift whole years
 * off the integers, which keeps a yearly series' arithmetic the same as a coordinator's by hand).
 */
import { parsePeriod } from '../utils/period';

const DAY_MS = 86_400_000;

/** Fractional calendar year of the start of a day (days since 1970-01-01 UTC). */
export function yearFraction(day: number): number {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const start = Date.UTC(year, 0, 1) / DAY_MS;
  const next = Date.UTC(year + 1, 0, 1) / DAY_MS;
  return year + (day - start) / (next - start);
}

export interface PeriodSpan {
  label: string;
  /** Fractional years: the first day's start and the day after the last day's start. */
  start: number;
  end: number;
  /** The middle, where the period's count sits on the time axis. */
  time: number;
  /** Length in years (end − start). */
  years: number;
  /** Length by convention, whatever the days: a year 1, a quarter 1/4, a month 1/12, a week 7/365.25, a day 1/365.25. */
  nominalYears: number;
}

/** A period label ("2020", "2020-Q2", "2020-03", "2020-W07", "2020-03-15") on the time axis, or null. */
export function periodSpan(label: string): PeriodSpan | null {
  const range = parsePeriod(label);
  if (!range) return null;
  const start = yearFraction(range.startDay);
  const end = yearFraction(range.endDay + 1);
  return { label, start, end, time: (start + end) / 2, years: end - start, nominalYears: range.years };
}

/** An ISO date ("2027-03-01") as a fractional year, or null when it is not a calendar date. */
export function dateYear(iso: string): number | null {
  const span = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? periodSpan(iso) : null;
  return span ? span.start : null;
}

/** Whole calendar months added to an ISO date (day clamped to the month's length), as ISO. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
