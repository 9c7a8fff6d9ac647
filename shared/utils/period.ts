/**
 * Period labels of count dimensions ("2021", "2021-Q2", "2021-03", "2021-W07", "2021-03-15") as day ranges,
 * so that periods of different granularity can be compared (is a month inside a year?) and so that an
 * incident count can be annualised by how many years its periods cover.
 */

export interface PeriodRange {
  /** Days since 1970-01-01 (UTC), inclusive. */
  startDay: number;
  endDay: number;
  /** Length in years by convention: a year 1, a quarter 1/4, a month 1/12, a week 7/365.25, a day 1/365.25. */
  years: number;
}

const DAY_MS = 86_400_000;
const dayOf = (year: number, monthIndex: number, day: number): number => Date.UTC(year, monthIndex, day) / DAY_MS;

export function parsePeriod(raw: string): PeriodRange | null {
  const text = raw.trim();
  let m = /^(\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    return { startDay: dayOf(y, 0, 1), endDay: dayOf(y + 1, 0, 1) - 1, years: 1 };
  }
  m = /^(\d{4})-?Q([1-4])$/i.exec(text);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]) - 1;
    return { startDay: dayOf(y, q * 3, 1), endDay: dayOf(y, q * 3 + 3, 1) - 1, years: 1 / 4 };
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { startDay: dayOf(y, month - 1, 1), endDay: dayOf(y, month, 1) - 1, years: 1 / 12 };
  }
  m = /^(\d{4})-?W(\d{2})$/i.exec(text);
  if (m) {
    const y = Number(m[1]);
    const week = Number(m[2]);
    const monday = isoWeekMonday(y, week);
    if (monday === null) return null;
    return { startDay: monday, endDay: monday + 6, years: 7 / 365.25 };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const month = Number(m[2]);
    const d = Number(m[3]);
    const day = dayOf(y, month - 1, d);
    // Date.UTC rolls 2021-02-30 over into March; a rolled date is not a real date.
    if (new Date(day * DAY_MS).getUTCDate() !== d || month < 1 || month > 12) return null;
    return { startDay: day, endDay: day, years: 1 / 365.25 };
  }
  return null;
}

/** Monday of ISO week `week` of ISO year `year`, or null if the year has no such week. */
function isoWeekMonday(year: number, week: number): number | null {
  // ISO week 1 contains 4 January.
  const jan4 = dayOf(year, 0, 4);
  const jan4Weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  const week1Monday = jan4 - jan4Weekday;
  const monday = week1Monday + (week - 1) * 7;
  if (week < 1) return null;
  const nextYearWeek1 = dayOf(year + 1, 0, 4) - ((new Date(dayOf(year + 1, 0, 4) * DAY_MS).getUTCDay() + 6) % 7);
  return monday < nextYearWeek1 ? monday : null;
}

/**
 * A span of periods as a reader writes it: "2021" when it is one period, "2016–2020" otherwise, and one end alone
 * when the other is unknown ("" when both are).
 */
export function periodSpan(from: string, to: string): string {
  if (from === '' || to === '' || from === to) return from || to;
  return `${from}–${to}`;
}
