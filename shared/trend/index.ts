/**
 * Rates, trends and projections of a study's eligible patients (see each file for its method):
 *
 *   const trends = studyTrends(study, datasets, { population, ageShares });   // every series and its trend
 *   const outcomes = projectStudy(trends, recruitmentTarget(study.recruitment));
 *   const line = projectionLine(estimate.regions, outcomes);                  // "× 1,33 (1,15–1,55)"
 *   const rates = estimateRates(study, estimate, latestPeriod, population);   // per 100 000, beside the counts
 */
import type { Dataset } from '../counts/dataset';
import type { Study } from '../criteria/study';
import { dataBreaks, seriesBreaks, type DataBreaks, type DeclaredBreak } from './breaks';
import { projectTrend, type ProjectionOptions, type ProjectionOutcome, type ProjectionTarget } from './projection';
import { trendData, type SeriesKey, type TrendData, type TrendDataOptions } from './series';
import { DEFAULT_STEADINESS_RULE, DEFAULT_WINDOW_PERIODS, trendOf, type SteadinessRule, type Trend, type TrendWindow } from './trend';

export interface TrendOptions extends TrendDataOptions {
  /** Default: the last 5 periods. */
  window?: TrendWindow;
  declaredBreaks?: readonly DeclaredBreak[];
  steadiness?: SteadinessRule;
}

export interface StudyTrends {
  data: TrendData;
  breaks: DataBreaks;
  /** One trend per series: the 21 regions, 'national' (sum of regions) and, when present, 'national-published'. */
  trends: Trend[];
}

export function studyTrends(study: Study, datasets: readonly Dataset[], options: TrendOptions = {}): StudyTrends {
  const data = trendData(study, datasets, options);
  const breaks = dataBreaks(study, datasets, data, { ...options, ...(options.declaredBreaks ? { declared: options.declaredBreaks } : {}) });
  const window = options.window ?? { periods: DEFAULT_WINDOW_PERIODS };
  const rule = options.steadiness ?? DEFAULT_STEADINESS_RULE;
  const trends = data.series.map((series) => trendOf(series, seriesBreaks(series, breaks), window, rule));
  return { data, breaks, trends };
}

/** Every series projected to the target (each outcome a projection or a refusal with its reason). */
export function projectStudy(trends: StudyTrends, target: ProjectionTarget, options: ProjectionOptions = {}): Map<SeriesKey, ProjectionOutcome> {
  return new Map(trends.trends.map((trend) => [trend.key, projectTrend(trend, target, options)]));
}

export * from './breaks';
export * from './disclosed-rates';
export * from './fit';
export * from './line';
export * from './population';
export * from './projection';
export * from './rates';
export { trendData, type Series, type SeriesKey, type SeriesPoint, type TrendData, type TrendDataOptions } from './series';
export * from './texts';
export { dateYear, periodSpan, yearFraction, type PeriodSpan } from './time';
export * from './trend';
