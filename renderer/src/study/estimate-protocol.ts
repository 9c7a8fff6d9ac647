// Messages between the study workspace and its estimate worker.
import type { ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import type { HallandRule } from '../../../shared/regions/regions';
import type { RatesOutcome } from '../rates/compute-rates';

export type ToWorker =
  /** The study's datasets, and its population table for age shares (null: uniform). */
  | { type: 'datasets'; datasets: Dataset[]; population: Dataset | null }
  /**
   * `today`: the user's calendar date (YYYY-MM-DD); the forecast never starts recruitment before it. `full`: send
   * the whole answer even if its estimate equals the previous one (the workspace lost track of that one).
   */
  | { type: 'compute'; revision: number; study: Study; hallandRule: HallandRule; today: string; full?: boolean };

/**
 * An estimate (or rates) equal to those of the result of `revision`, sent before this one: the workspace reuses that
 * one's parts. `inputHash` is this answer's own (it covers the whole study, the recruitment plan included), so what
 * is sent from the answer names the inputs it was made from.
 */
export interface SameAs {
  sameAs: number;
}

export type FromWorker =
  /** `rates`: the answer's rates per 100 000 from the population table, computed beside it. */
  | { type: 'result'; revision: number; answer: ComputedAnswer; rates: RatesOutcome; millis: number }
  /**
   * A recruitment-plan edit (or any edit that leaves the eligible patients as they were): the estimate equals that of
   * an earlier result but for its input hash, and perhaps the rates too. Only the forecast and verdict are new.
   */
  | {
      type: 'result';
      revision: number;
      answer: Omit<ComputedAnswer, 'estimate'> & { estimate: SameAs & { inputHash: string } };
      rates: RatesOutcome | SameAs;
      millis: number;
    }
  | { type: 'error'; revision: number; message: string };
