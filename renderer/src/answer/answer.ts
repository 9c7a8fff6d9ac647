/**
 * A computed answer together with the inputs it was computed from: what the answer page, the letter and the
 * answer file show. Built by the study loader (study-inputs.ts) or from the workspace's state.
 */
import type { ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import type { HallandRule } from '../../../shared/regions/regions';
import type { RatesOutcome } from '../rates/compute-rates';

export interface Answer extends ComputedAnswer {
  study: Study;
  datasets: Dataset[];
  hallandRule: HallandRule;
  /** The study's population table (age shares, rates and the trend's population), when one is chosen. */
  population?: Dataset | null;
  /** The rates per 100 000 from that table, computed with the answer (absent: not computed, no rates shown). */
  rates?: RatesOutcome;
}
