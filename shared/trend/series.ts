/**
 * The eligible patients of a study, period by period, per region, for the nation as the sum of the regions, and
 * as the published national rows (when they answer the question exactly) — with the population of the criteria's
 * age, sex and region beside each value when a population is given.
 *
 * How: each dataset is cut into one dataset per finest period (totals such as a period "all" are never cut into
 * their parts), and the estimator answers the study's data criteria (study-parts.ts) on each cut. So every period
 * is read exactly as the answer reads the latest one: published totals are never added to their parts, an age band
 * that straddles an age limit contributes the same share, masked cells keep their interval. A masked cell's
 * range is carried as two more values per period, the point with every masked cell at the low and at the high end
 * of its range, so a trend can show what the masks leave open (the share assumptions are the same in every period
 * and cancel out of a change; the masks do not).
 *
 * Population: the same period's table if the population dataset has it, else its latest earlier period (SCB
 * counts the population on 31 December, so the previous year's table is the population at the start of the year —
 * the convention Socialstyrelsen's own rates use), else none. A population column that a file repeats for every
 * drug or code is read once per region, sex, age and period, from the drugs or codes the criteria include.
 */
import type { Dataset } from '../counts/dataset';
import type { Study } from '../criteria/study';
import { estimateEligible } from '../estimate/estimate';
import type { EstimateResult } from '../estimate/types';
import { COUNTY_CODES, DEFAULT_HALLAND_RULE, type CountyCode } from '../regions/regions';
import { populationReader, type PopulationIssue, type SeriesPopulation } from './population';
import { seriesStudy } from './study-parts';
import { periodSpan, type PeriodSpan } from './time';
import { cutsOf, maskVariant, presence, slice, type Cut } from './slice';
import type { Interval } from '../utils/interval';

export type { PopulationIssue, SeriesPopulation } from './population';

/** Which series: a region, the nation as the sum of the regions, or the file's published national rows. */
export type SeriesKey = CountyCode | 'national' | 'national-published';

export interface SeriesPoint {
  period: string;
  /** Null when the series has no data in this period (the region is absent from the file that year). */
  count: Interval | null;
  /** The point with every masked cell at the low / high end of its range (equal to the point without masks). */
  maskLow: number;
  maskHigh: number;
  maskedCells: number;
  /** Null without a population, or when the population has nothing for this period. */
  population: SeriesPopulation | null;
}

export interface Series {
  key: SeriesKey;
  points: SeriesPoint[];
}

export interface TrendData {
  /** The finest periods of the data, oldest first. */
  periods: PeriodSpan[];
  series: Series[];
  /** Regions with data in each period (by period label), for composition checks of the national sum. */
  regionsPresent: Record<string, CountyCode[]>;
  /** Datasets without a period column cannot form a series and are left out. */
  leftOut: string[];
  population: { datasetId: string; issues: PopulationIssue[] } | { datasetId: null; issues: PopulationIssue[] };
}

export interface TrendDataOptions {
  /** The study's population table for the shares of straddling age bands (the estimate's own option). */
  ageShares?: Dataset;
  /** Population for rates: a linked table (e.g. SCB BE0101N1) or the population column a file carries. */
  population?: Dataset;
}

const hasMasks = (datasets: readonly Dataset[]): boolean => datasets.some((d) => d.masked.some((m) => m === 1));

function regionPoint(result: EstimateResult, key: SeriesKey): Interval | undefined {
  if (key === 'national') return result.national;
  if (key === 'national-published') return result.nationalPublished;
  return result.regions.find((r) => r.region === key)?.eligible;
}

function maskedCellsOf(result: EstimateResult, key: SeriesKey): number {
  if (key === 'national-published') return 0;
  if (key === 'national') return result.regions.reduce((s, r) => s + r.maskedCells, 0);
  return result.regions.find((r) => r.region === key)?.maskedCells ?? 0;
}

/**
 * Every series of a study over the periods of its data. The study's datasets are the ones the answer uses; a
 * dataset without a period column is listed in `leftOut`.
 */
export function trendData(study: Study, datasets: readonly Dataset[], options: TrendDataOptions = {}): TrendData {
  const measured = seriesStudy(study);
  const estimateOptions = { hallandRule: DEFAULT_HALLAND_RULE, ...(options.ageShares ? { population: options.ageShares } : {}) };
  const cuts: Cut[] = [];
  const leftOut: string[] = [];
  for (const dataset of datasets) {
    const cut = cutsOf(dataset);
    if (cut && cut.periods.size > 0) cuts.push(cut);
    else leftOut.push(dataset.id);
  }
  const spans = new Map<string, PeriodSpan>();
  for (const cut of cuts) for (const label of cut.periods.keys()) spans.set(label, periodSpan(label)!);
  const periods = [...spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  const masks = hasMasks(cuts.map((c) => c.dataset));

  const reader = options.population ? populationReader(study, options.population, options.ageShares ? { ageShares: options.ageShares } : {}) : null;

  const keys: SeriesKey[] = [...COUNTY_CODES, 'national', 'national-published'];
  const points = new Map<SeriesKey, SeriesPoint[]>(keys.map((k) => [k, []]));
  const regionsPresent: Record<string, CountyCode[]> = {};
  for (const span of periods) {
    const slicesAsIs = cuts.filter((c) => c.periods.has(span.label)).map((c) => slice(c.dataset, c.periods.get(span.label)!, 'as-is'));
    const result = estimateEligible(measured, slicesAsIs, estimateOptions);
    const withMasks = masks && slicesAsIs.some((d) => d.masked.includes(1));
    const low = withMasks ? estimateEligible(measured, slicesAsIs.map((d) => maskVariant(d, 'low')), estimateOptions) : result;
    const high = withMasks ? estimateEligible(measured, slicesAsIs.map((d) => maskVariant(d, 'high')), estimateOptions) : result;
    const counties = new Set<CountyCode>();
    for (const s of slicesAsIs) presence(s).counties.forEach((c) => counties.add(c));
    regionsPresent[span.label] = COUNTY_CODES.filter((c) => counties.has(c));
    const pop = reader?.at(span.label) ?? null;
    for (const key of keys) {
      const present = key === 'national' ? counties.size > 0 : key === 'national-published' ? result.nationalPublished !== undefined : counties.has(key);
      const count = present ? (regionPoint(result, key) ?? null) : null;
      let population: SeriesPopulation | null = null;
      if (pop) {
        // The nation's population is the sum of its regions' only when every region counted has one.
        if (key === 'national') population = [...counties].every((c) => pop.regions[c]) ? pop.national : null;
        else if (key === 'national-published') population = pop.published;
        else population = pop.regions[key] ?? null;
      }
      points.get(key)!.push({
        period: span.label,
        count,
        maskLow: count ? (regionPoint(low, key)?.point ?? count.point) : 0,
        maskHigh: count ? (regionPoint(high, key)?.point ?? count.point) : 0,
        maskedCells: count ? maskedCellsOf(result, key) : 0,
        population,
      });
    }
  }
  const series = keys
    .map((key) => ({ key, points: points.get(key)! }))
    .filter((s) => s.key !== 'national-published' || s.points.some((p) => p.count !== null));
  return {
    periods,
    series,
    regionsPresent,
    leftOut,
    population: reader ? { datasetId: reader.datasetId, issues: reader.issues } : { datasetId: null, issues: [{ code: 'none-given' }] },
  };
}
