/**
 * What the workspace shows for a study on its data: the answer (estimate, forecast, verdict) and its rates per
 * 100 000. One function for both places an edit is answered — the estimate worker, and the main thread when it
 * answers an edit at once (inline-answer.ts) — so the two cannot disagree.
 */
import { computeAnswer, type ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import type { HallandRule } from '../../../shared/regions/regions';
import { computeRates, type RatesOutcome } from '../rates/compute-rates';

export interface AnswerInputs {
  datasets: readonly Dataset[];
  population: Dataset | null;
  hallandRule: HallandRule;
}

export function answerWithRates(study: Study, inputs: AnswerInputs, today: string): { answer: ComputedAnswer; rates: RatesOutcome } {
  const answer = computeAnswer(study, inputs.datasets, { hallandRule: inputs.hallandRule, today, population: inputs.population });
  return { answer, rates: computeRates(study, answer.estimate, inputs.population, inputs.hallandRule) };
}
