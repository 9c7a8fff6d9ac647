/**
 * An edit of the recruitment plan (a site's rate, the target, the months) leaves the eligible patients as they
 * were: only the forecast and the verdict change. The worker then sends the estimate as "equal to the one of result
 * N" (with its own input hash, which covers the whole study), and the workspace rebuilds it from that one's parts.
 * The parts keep their identity, so the figures, tables, charts and map drawn from them are not drawn again, and
 * less is copied between the threads. Pure functions, used on both sides of the worker's messages.
 */
import equal from 'fast-deep-equal/es6';
import type { ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { EstimateResult } from '../../../shared/estimate/types';
import type { RatesOutcome } from '../rates/compute-rates';
import type { FromWorker } from './estimate-protocol';

/** The last full result sent (by the worker) or received (by the workspace). */
export interface LastResult {
  revision: number;
  estimate: EstimateResult;
  rates: RatesOutcome;
}

type ResultMessage = Extract<FromWorker, { type: 'result' }>;

const withoutHash = ({ inputHash: _hash, ...rest }: EstimateResult) => rest;

/** The message for a computed answer, given the last full result the other side holds (null: none). */
export function resultMessage(last: LastResult | null, revision: number, answer: ComputedAnswer, rates: RatesOutcome, millis: number): ResultMessage {
  if (last === null || !equal(withoutHash(last.estimate), withoutHash(answer.estimate))) return { type: 'result', revision, answer, rates, millis };
  return {
    type: 'result',
    revision,
    answer: { ...answer, estimate: { sameAs: last.revision, inputHash: answer.estimate.inputHash } },
    rates: equal(last.rates, rates) ? { sameAs: last.revision } : rates,
    millis,
  };
}

/**
 * The whole answer of a result message, from the last full result received; null when the message refers to a
 * result that is not the one held (the worker must then be asked for the whole answer).
 */
export function fullResult(last: LastResult | null, message: ResultMessage): { answer: ComputedAnswer; rates: RatesOutcome } | null {
  const { estimate } = message.answer;
  if (!('sameAs' in estimate)) return { answer: message.answer as ComputedAnswer, rates: message.rates as RatesOutcome };
  if (last === null || last.revision !== estimate.sameAs) return null;
  // Every part but the hash is the held estimate's own object; the hash is this answer's.
  const rates = 'sameAs' in message.rates ? (message.rates.sameAs === last.revision ? last.rates : null) : message.rates;
  if (rates === null) return null;
  const rebuilt: EstimateResult = { ...last.estimate, inputHash: estimate.inputHash };
  partsOf.set(rebuilt, partsOf.get(last.estimate) ?? last.estimate);
  return { answer: { ...message.answer, estimate: rebuilt }, rates };
}

/** A rebuilt estimate → the held estimate whose parts it shares. */
const partsOf = new WeakMap<EstimateResult, EstimateResult>();

/**
 * For what is drawn from an estimate's figures but not its input hash: the held estimate a rebuilt one shares every
 * other part with (the same object for every plan edit after it), else the estimate itself.
 */
export function estimateParts(estimate: EstimateResult): EstimateResult {
  return partsOf.get(estimate) ?? estimate;
}

/**
 * An answer computed on the main thread (inline-answer.ts), given the one on screen: when its estimate equals the
 * shown one's but for the input hash (a plan edit), it is rebuilt from the shown one's parts and rates, as
 * `fullResult` rebuilds a worker's "same as" answer, so that nothing drawn from them is drawn again.
 */
export function withShownParts(shown: { estimate: EstimateResult; rates?: RatesOutcome } | null, answer: ComputedAnswer, rates: RatesOutcome): { answer: ComputedAnswer; rates: RatesOutcome } {
  if (shown === null) return { answer, rates };
  const parts = estimateParts(shown.estimate);
  if (!equal(withoutHash(parts), withoutHash(answer.estimate))) return { answer, rates };
  const rebuilt: EstimateResult = { ...parts, inputHash: answer.estimate.inputHash };
  partsOf.set(rebuilt, parts);
  return { answer: { ...answer, estimate: rebuilt }, rates: shown.rates !== undefined && equal(shown.rates, rates) ? shown.rates : rates };
}
