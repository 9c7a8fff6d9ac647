/**
 * Eligible patients per 100 000 inhabitants of the criteria's age, sex and region.
 *
 * A rate is a region's count over its own population; rates never add up, so the nation's rate is the national
 * count over the national population (the sum of the regions' counts over the sum of their populations, and the
 * published national count over the published national population), never a sum or an average of the regions'
 * rates. The count's interval divides by the population's point: the population is a fact of the table (or, for
 * an age band straddling the criteria's limits, the same shared estimate the count uses), while the interval
 * carries the count's own uncertainty.
 */
import type { Dataset } from '../counts/dataset';
import type { Study } from '../criteria/study';
import type { EstimateResult } from '../estimate/types';
import { COUNTY_CODES, type CountyCode } from '../regions/regions';
import { populationReader, type PopulationIssue, type SeriesPopulation } from './population';
import type { Interval } from '../utils/interval';

export const RATE_BASE = 100_000;

/** Count per 100 000 of a population, or null when there is no population (0 or absent). */
export function ratePer100k(count: Interval, population: number | null | undefined): Interval | null {
  if (!(typeof population === 'number' && population > 0 && Number.isFinite(population))) return null;
  const per = RATE_BASE / population;
  return { low: count.low * per, point: count.point * per, high: count.high * per };
}

export interface RateRow {
  count: Interval;
  population: SeriesPopulation | null;
  rate: Interval | null;
}

export interface EstimateRates {
  /** The data period the counts are from (the answer's latest period). */
  period: string;
  regions: Partial<Record<CountyCode, RateRow>>;
  /** Sum of the regions' counts over the sum of their populations (null unless every region with patients has a population). */
  national: RateRow;
  /** The published national count over the published national population, when the answer has the former. */
  published: RateRow | null;
  issues: PopulationIssue[];
}

/**
 * Rates beside an answer's counts. `period` is the data period the answer counted (its latest period);
 * `population` the linked table or the file's population column; `ageShares` the study's population table for
 * straddling age bands, as given to the estimate.
 */
export function estimateRates(study: Study, estimate: EstimateResult, period: string, population: Dataset, options: { ageShares?: Dataset } = {}): EstimateRates {
  const reader = populationReader(study, population, options);
  const at = reader.at(period);
  const regions: Partial<Record<CountyCode, RateRow>> = {};
  let everyRegion = true;
  for (const r of estimate.regions) {
    if (!COUNTY_CODES.includes(r.region)) continue;
    const pop = at?.regions[r.region] ?? null;
    // A region with patients but no population would leave the nation's rate without part of its denominator.
    if (!pop && r.eligible.high > 0) everyRegion = false;
    regions[r.region] = { count: r.eligible, population: pop, rate: ratePer100k(r.eligible, pop?.persons) };
  }
  const nationalPopulation = everyRegion ? (at?.national ?? null) : null;
  const national: RateRow = { count: estimate.national, population: nationalPopulation, rate: ratePer100k(estimate.national, nationalPopulation?.persons) };
  const published: RateRow | null = estimate.nationalPublished
    ? { count: estimate.nationalPublished, population: at?.published ?? null, rate: ratePer100k(estimate.nationalPublished, at?.published?.persons) }
    : null;
  return { period, regions, national, published, issues: reader.issues };
}
