/**
 * The answer's rates per 100 000, computed where the answer is: in the estimate worker, beside the estimate. Reading
 * the population table is one more estimate over its cells, so it must neither run on the page's thread at every
 * answer nor bring the estimator into the first screen's code.
 */
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import type { EstimateResult } from '../../../shared/estimate/types';
import type { HallandRule } from '../../../shared/regions/regions';
import { estimateRates } from '../../../shared/trend/rates';
import { ratePeriodOf, type EstimateRates } from '../../../shared/trend/rate-math';

/** The rates of one answer, or why a linked population table gives none (its message). */
export interface RatesOutcome {
  rates: EstimateRates | null;
  error: string | null;
}

export function answerRates(study: Study, estimate: EstimateResult, population: Dataset | null | undefined, hallandRule: HallandRule): EstimateRates | null {
  if (!population) return null;
  const period = ratePeriodOf(estimate) ?? population.provenance.periodTo;
  if (!period) return null;
  return estimateRates(study, estimate, period, population, { ageShares: population, hallandRule });
}

/** As {@link answerRates}, with a population table the reader cannot answer for these criteria as its message. */
export function computeRates(study: Study, estimate: EstimateResult, population: Dataset | null | undefined, hallandRule: HallandRule): RatesOutcome {
  try {
    return { rates: answerRates(study, estimate, population, hallandRule), error: null };
  } catch (e) {
    return { rates: null, error: e instanceof Error ? e.message : String(e) };
  }
}
