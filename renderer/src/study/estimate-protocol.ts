// Messages between the study workspace and its estimate worker.
import type { ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import type { HallandRule } from '../../../shared/regions/regions';
import type { RatesOutcome } from '../rates/compute-rates';

export type ToWorker =
  /** The study's datasets, and its population table for age shares (null: uniform). */
  | { type: 'datasets'; datasets: Dataset[]; population: Dataset | null }
  /** `today`: the user's calendar date (YYYY-MM-DD); the forecast never starts recruitment before it. */
  | { type: 'compute'; revision: number; study: Study; hallandRule: HallandRule; today: string };

export type FromWorker =
  /** `rates`: the answer's rates per 100 000 from the population table, computed beside it. */
  | { type: 'result'; revision: number; answer: ComputedAnswer; rates: RatesOutcome; millis: number }
  | { type: 'error'; revision: number; message: string };
