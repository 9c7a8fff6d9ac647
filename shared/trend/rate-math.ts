/**
 * The arithmetic of rates per 100 000 that needs no estimate: the rate of a count, the healthcare regions'
 * populations, the period an answer's rates are for and the decimals a rate is written with. Kept apart from the
 * population reader (rates.ts), which runs an estimate over the population table, so that the page can write rates
 * computed in the worker without loading the estimator.
 */
import type { EstimateResult } from '../estimate/types';
import { healthcareRegionShares } from '../regions/healthcare-shares';
import { COUNTY_CODES, HEALTHCARE_REGION_IDS, type CountyCode, type HallandRule, type HealthcareRegionId } from '../regions/regions';
import type { Interval } from '../utils/interval';
import type { PopulationIssue, SeriesPopulation } from './population';
import { periodSpan } from './time';

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
  /**
   * Each healthcare region's count over its own population: the populations of its regions, Halland's split by
   * the same rule as its patients (so Södra's rate counts the Halland inhabitants whose patients it counts).
   */
  healthcareRegions: Partial<Record<HealthcareRegionId, RateRow>>;
  /** Sum of the regions' counts over the sum of their populations (null unless every region with patients has a population). */
  national: RateRow;
  /** The published national count over the published national population, when the answer has the former. */
  published: RateRow | null;
  issues: PopulationIssue[];
}

/**
 * The population of each healthcare region: the sum of its regions' populations, Halland's shared by the Halland
 * rule. A healthcare region is left without a population (null) when one of its regions has none: a sum over
 * part of its regions would divide its whole count by part of its inhabitants and overstate the rate.
 */
export function healthcareRegionPopulations(regions: Partial<Record<CountyCode, SeriesPopulation | null>>, hallandRule: HallandRule): Record<HealthcareRegionId, SeriesPopulation | null> {
  const sums = new Map<HealthcareRegionId, SeriesPopulation | null>(HEALTHCARE_REGION_IDS.map((id) => [id, { persons: 0, period: '', exact: true, incomplete: false }]));
  for (const code of COUNTY_CODES) {
    const pop = regions[code] ?? null;
    for (const { id, share } of healthcareRegionShares(code, hallandRule)) {
      if (share === 0) continue;
      const sum = sums.get(id) ?? null;
      if (!sum) continue;
      if (!pop) {
        sums.set(id, null);
        continue;
      }
      sums.set(id, {
        persons: sum.persons + pop.persons * share,
        // The regions share one table period; the latest of them is the one to name.
        period: pop.period > sum.period ? pop.period : sum.period,
        // A split Halland is an estimate of the inhabitants of its municipalities, not the table's own figure.
        exact: sum.exact && pop.exact && share === 1,
        incomplete: sum.incomplete || pop.incomplete,
      });
    }
  }
  return Object.fromEntries(HEALTHCARE_REGION_IDS.map((id) => [id, sums.get(id) ?? null])) as Record<HealthcareRegionId, SeriesPopulation | null>;
}

/**
 * The data period an answer's rates are for: the latest period its counts were taken from (a prevalent answer over
 * several periods is their mean; its population is the latest one's, the same table year the trend's last point
 * uses). Null when the estimate names no period (a dataset without a period column): the population table's
 * own period, if it has one, is then used by the reader.
 */
export function ratePeriodOf(estimate: EstimateResult): string | null {
  let latest: { label: string; end: number } | null = null;
  for (const d of estimate.period?.datasets ?? []) {
    for (const label of d.periods) {
      const end = periodSpan(label)?.end;
      if (end !== undefined && (!latest || end > latest.end)) latest = { label, end };
    }
  }
  return latest?.label ?? null;
}

/**
 * Decimals a rate is written with: enough to tell regions apart without false precision (2 349 per 100 000,
 * 23,5, 2,35). Fewer decimals never reveal more than the count a rate is computed from.
 */
export function rateDecimals(value: number): number {
  const magnitude = Math.abs(value);
  return magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
}
