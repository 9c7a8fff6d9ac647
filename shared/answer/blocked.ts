/**
 * An answer with blocking problems has no figures to send: a letter or an answer file made from it would carry
 * zeros or the figures of only part of the data. Every place that freezes an answer for sending checks this.
 */
import type { BlockingProblem, EstimateResult } from '../estimate/types';

export class AnswerBlockedError extends Error {
  constructor(readonly problems: readonly BlockingProblem[]) {
    // The words for a reader come from problemMessage (describe.ts); this message is for logs.
    super(`The answer cannot be sent: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'AnswerBlockedError';
  }
}

/** Throws AnswerBlockedError when the estimate has blocking problems. */
export function assertSendable(estimate: Pick<EstimateResult, 'blocking'>): void {
  if (estimate.blocking && estimate.blocking.length > 0) throw new AnswerBlockedError(estimate.blocking);
}
