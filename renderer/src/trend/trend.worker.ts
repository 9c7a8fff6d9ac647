/// <reference lib="webworker" />
/**
 * Computes a study's trends (every period of its data, per region and nationally) off the main thread: on a
 * large dataset it takes seconds, and the answer stays usable meanwhile. One request per worker: the trend section
 * starts a new worker for new inputs and terminates the old one, which is also how a computation is cancelled.
 */
import { studyTrends } from '../../../shared/trend';
import type { TrendRequest, TrendResponse } from './trend-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<TrendRequest>) => {
  const { study, datasets, population, window, declaredBreaks } = event.data;
  const started = performance.now();
  try {
    const trends = studyTrends(study, datasets, { ...(population ? { ageShares: population, population } : {}), window, declaredBreaks });
    scope.postMessage({ type: 'result', trends, millis: performance.now() - started } satisfies TrendResponse);
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies TrendResponse);
  }
};
