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
import { COUNTY_CODES, DEFAULT_HALLAND_RULE, type CountyCode, type HallandRule, type HealthcareRegionId } from '../regions/regions';
import { populationReader, type SeriesPopulation } from './population';
import { healthcareRegionPopulations, ratePer100k, type EstimateRates, type RateRow } from './rate-math';

// What needs no estimate lives in rate-math.ts (the page writes rates without loading the estimator).
export { RATE_BASE, healthcareRegionPopulations, ratePer100k, ratePeriodOf, rateDecimals, type EstimateRates, type RateRow } from './rate-math';

/**
 * Rates beside an answer's counts. `period` is the data period the answer counted (its latest period);
 * `population` the linked table or the file's population column; `ageShares` the study's population table for
 * straddling age bands, as given to the estimate.
 */
export function estimateRates(study: Study, estimate: EstimateResult, period: string, population: Dataset, options: { ageShares?: Dataset; hallandRule?: HallandRule } = {}): EstimateRates {
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
  const hrPopulations = healthcareRegionPopulations(
    Object.fromEntries(Object.entries(regions).map(([code, row]) => [code, row.population])) as Partial<Record<CountyCode, SeriesPopulation | null>>,
    options.hallandRule ?? DEFAULT_HALLAND_RULE,
  );
  const healthcareRegions: Partial<Record<HealthcareRegionId, RateRow>> = {};
  for (const h of estimate.healthcareRegions) {
    const pop = hrPopulations[h.id] ?? null;
    healthcareRegions[h.id] = { count: h.eligible, population: pop, rate: ratePer100k(h.eligible, pop?.persons) };
  }
  return { period, regions, healthcareRegions, national, published, issues: reader.issues };
}
