/// <reference lib="webworker" />
/**
 * Recomputes the answer off the main thread, so typing in the criteria editor never stutters on a large
 * dataset. Only the newest request is computed: edits that arrive while one computation runs replace each
 * other, and the workspace marks the shown result stale until the newest revision comes back.
 */
import type { Dataset } from '../../../shared/counts/dataset';
import type { FromWorker, ToWorker } from './estimate-protocol';
import { answerWithRates } from './answer-compute';
import { type LastResult, resultMessage } from './answer-parts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let datasets: Dataset[] = [];
let population: Dataset | null = null;
let pending: Extract<ToWorker, { type: 'compute' }> | null = null;
let scheduled = false;
/** The last whole answer sent, which the workspace holds: an answer with the same estimate refers to it. */
let last: LastResult | null = null;
/** The first screen's warm-up: its reply is thrown away or delivered under another revision, so it is never referred to. */
const WARM_UP_REVISION = 0;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function runPending(): void {
  scheduled = false;
  const request = pending;
  pending = null;
  if (!request) return;
  const started = performance.now();
  try {
    const { answer, rates } = answerWithRates(request.study, { datasets, population, hallandRule: request.hallandRule }, request.today);
    if (request.full) last = null;
    const message = resultMessage(last, request.revision, answer, rates, performance.now() - started);
    if (!('sameAs' in message.answer.estimate) && request.revision !== WARM_UP_REVISION) last = { revision: request.revision, estimate: answer.estimate, rates };
    post(message);
  } catch (error) {
    post({ type: 'error', revision: request.revision, message: error instanceof Error ? error.message : String(error) });
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'datasets') {
    datasets = message.datasets;
    population = message.population;
    last = null;
    return;
  }
  pending = message;
  if (!scheduled) {
    scheduled = true;
    setTimeout(runPending, 0);
  }
};
