/// <reference lib="webworker" />
/**
 * Recomputes the answer off the main thread, so typing in the criteria editor never stutters on a large
 * dataset. Only the newest request is computed: edits that arrive while one computation runs replace each
 * other, and the workspace marks the shown result stale until the newest revision comes back.
 */
import { computeAnswer } from '../../../shared/answer/compute-answer';
import type { Dataset } from '../../../shared/counts/dataset';
import type { FromWorker, ToWorker } from './estimate-protocol';
import { computeRates } from '../rates/compute-rates';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let datasets: Dataset[] = [];
let population: Dataset | null = null;
let pending: Extract<ToWorker, { type: 'compute' }> | null = null;
let scheduled = false;

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
    const answer = computeAnswer(request.study, datasets, { hallandRule: request.hallandRule, today: request.today, population });
    const rates = computeRates(request.study, answer.estimate, population, request.hallandRule);
    post({ type: 'result', revision: request.revision, answer, rates, millis: performance.now() - started });
  } catch (error) {
    post({ type: 'error', revision: request.revision, message: error instanceof Error ? error.message : String(error) });
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'datasets') {
    datasets = message.datasets;
    population = message.population;
    return;
  }
  pending = message;
  if (!scheduled) {
    scheduled = true;
    setTimeout(runPending, 0);
  }
};
