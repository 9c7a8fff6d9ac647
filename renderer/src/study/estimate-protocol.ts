// Messages between the study workspace and its estimate worker.
import type { ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import type { HallandRule } from '../../../shared/regions/regions';

export type ToWorker =
  /** The study's datasets, and its population table for age shares (null: uniform). */
  | { type: 'datasets'; datasets: Dataset[]; population: Dataset | null }
  | { type: 'compute'; revision: number; study: Study; hallandRule: HallandRule };

export type FromWorker =
  | { type: 'result'; revision: number; answer: ComputedAnswer; millis: number }
  | { type: 'error'; revision: number; message: string };
