/**
 * The recruitment plan with every optional field filled in: the one place where defaults are applied, so
 * studies stored before a field existed, the demo study and hand-written study files all mean the same thing.
 *
 * How "how certain" maps to the gamma prior of a site's rate. A site's rate λ ~ Gamma(α, β) with mean m, so
 * β = α / m, and the coefficient of variation of λ is 1/√α. The planner's certainty is a coefficient of
 * variation, hence α = 1 / CV²:
 *
 *     low    — "could easily be half or double":   CV 100 %  →  α = 1   (β = 1/m)
 *     medium — "within about ±50 %":                CV  50 %  →  α = 4   (β = 4/m)
 *     high   — "within about ±25 %":                CV  25 %  →  α = 16  (β = 16/m)
 *
 * A site without its own certainty uses the plan's rateShape (α) directly.
 */
import type { RateCertainty, RecruitmentPlan, Site } from '../criteria/study';
import type { Interval } from '../utils/interval';

/** Relative activity per calendar month (January first): July near zero, June and August reduced. */
export const DEFAULT_SEASONAL_WEIGHTS: readonly number[] = [1, 1, 1, 1, 1, 0.8, 0.1, 0.6, 1, 1, 1, 1];

/** The probability the "how many more sites" answer aims for by default. */
export const DEFAULT_SITES_GOAL_PROBABILITY = 0.8;

/** The site search stops here: "more than this many" is answered as null. */
export const MAX_EXTRA_SITES = 40;

export const NO_DROPOUT: Interval = { low: 0, point: 0, high: 0 };

/** Coefficient of variation of a site's rate for each certainty level (see the comment at the top). */
export const CERTAINTY_CV: Record<RateCertainty, number> = { low: 1, medium: 0.5, high: 0.25 };

/** Gamma shape α for a certainty level: α = 1 / CV². */
export function shapeOfCertainty(certainty: RateCertainty): number {
  const cv = CERTAINTY_CV[certainty];
  return 1 / (cv * cv);
}

/** The gamma shape α a site's rate is drawn with. */
export function siteShape(site: Site, plan: RecruitmentPlan): number {
  return site.rateCertainty ? shapeOfCertainty(site.rateCertainty) : plan.rateShape;
}

export interface ResolvedPlan extends RecruitmentPlan {
  seasonalWeights: number[];
  dropoutRate: Interval;
  sitesGoalProbability: number;
}

export function resolvePlan(plan: RecruitmentPlan): ResolvedPlan {
  return {
    ...plan,
    seasonalWeights: plan.seasonalWeights ? [...plan.seasonalWeights] : [...DEFAULT_SEASONAL_WEIGHTS],
    dropoutRate: plan.dropoutRate ?? NO_DROPOUT,
    sitesGoalProbability: plan.sitesGoalProbability ?? DEFAULT_SITES_GOAL_PROBABILITY,
  };
}

/**
 * Where recruitment starts in the calendar, in months since 1 January of the start year: "2026-09-01" → 8,
 * "2026-09-16" → 8.5. Month m of recruitment then falls in calendar month floor(start + m) mod 12.
 */
export function calendarStart(startDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
  if (!match) throw new RangeError(`recruitment start date must look like YYYY-MM-DD (got "${startDate}")`);
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return month + (day - 1) / daysInMonth;
}

/** The ISO date `months` (may be fractional) after `startDate`, counting whole months then days. */
export function addMonths(startDate: string, months: number): string {
  const start = calendarStart(startDate);
  const year = Number(startDate.slice(0, 4));
  const position = start + months;
  const whole = Math.floor(position);
  const y = year + Math.floor(whole / 12);
  const m = ((whole % 12) + 12) % 12;
  const daysInMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(daysInMonth, 1 + Math.round((position - whole) * daysInMonth));
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
