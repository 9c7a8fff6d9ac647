/**
 * Answering an edit at once, on the main thread, when that is known to be quick.
 *
 * The estimate worker keeps a large dataset's computation off the main thread, but its answer always comes a frame
 * late: the browser draws the edit itself first (a checkbox ticked, a digit typed, with the answer marked "being
 * computed"), and only then handles the worker's reply and draws the answer in a second frame — two frames and the
 * threads' hand-over for every edit, even when the computation itself takes two milliseconds. When the study's data
 * are small and the answer has been measured to take a few milliseconds here, the edit is answered in its own event
 * instead, and the edit and its answer are drawn in one frame. Everything else (large data, the first answer, an
 * answer after the data changed, an answer that turned out slow) goes to the worker as before.
 *
 * The decision is made from measurements on this machine, not assumed: after an answer is on screen the inputs
 * are computed here in idle time, one computation per idle period (the first builds the estimator's views of the
 * data, the next ones let the JavaScript engine compile the code), and edits are answered here once one of them
 * was within the budget; if none of the first few was (the machine may have been busy), the worker answers, and
 * the inputs are measured again after a pause. An edit answered here that takes longer than a frame's share counts
 * against it; after a second one in a row (one alone may be a garbage collection) the worker answers again, until
 * a later measurement in idle time finds the answer quick again.
 */
import type { ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { Study } from '../../../shared/criteria/study';
import type { RatesOutcome } from '../rates/compute-rates';
import type { AnswerInputs } from './answer-compute';

/**
 * Cells in all the study's datasets above which edits always go to the worker (its memory is then worth keeping
 * single). Measured in Node on the estimate benchmark's synthetic data: at 200 000 cells the first computation (the
 * data's views built) takes 40–60 ms and later ones 5–8 ms, the views ≈ 20 MB beside the data.
 */
export const INLINE_MAX_CELLS = 200_000;
/** A warmed answer slower than this (ms) is left to the worker. */
export const INLINE_BUDGET_MS = 8;
/** An edit answered here slower than this (ms) counts against answering here. */
export const INLINE_SLOW_MS = 16;
/** Slow answers in a row after which the worker answers again for these inputs. */
export const INLINE_SLOW_LIMIT = 2;
/** Timed computations in idle time (after the untimed first) before the inputs are left to the worker for a while. */
export const INLINE_WARM_TRIES = 12;
/** After an answer settles, how long (ms) before the inputs are first measured here. */
export const INLINE_WARM_DELAY_MS = 1000;
/** The idle time left (ms) a measurement here waits for: the browser has nothing else to do. */
export const INLINE_IDLE_MS = 30;
/** How long (ms) inputs found slow are left to the worker before they are measured again. */
export const INLINE_RETRY_AFTER_MS = 2000;

export type ComputeAnswer = (study: Study, inputs: AnswerInputs, today: string) => { answer: ComputedAnswer; rates: RatesOutcome };

export interface InlineResult {
  answer: ComputedAnswer;
  rates: RatesOutcome;
  millis: number;
}

export interface InlineAnswers {
  /** Whether these inputs need `warm` before edits can be answered here (false when quick, too large, or lately found slow). */
  needsWarm(inputs: AnswerInputs): boolean;
  /** The computation, once its code is loaded (a chunk of its own, fetched after the first answer). */
  setCompute(compute: ComputeAnswer): void;
  /**
   * Computes the study once on these inputs (timed, but for the first time): 'quick' once one was within the budget
   * (edits are answered here from then on), 'again' to be called in the next idle period, 'no' when the worker is to
   * answer (for good when the data are too large, else until INLINE_RETRY_AFTER_MS have passed).
   */
  warm(study: Study, inputs: AnswerInputs, today: string): 'quick' | 'again' | 'no';
  /** The study's answer computed here, or null when the worker is to answer (not warmed, other inputs, too slow, a failure). */
  answer(study: Study, inputs: AnswerInputs, today: string): InlineResult | null;
}

const cellsOf = (inputs: AnswerInputs): number => inputs.datasets.reduce((n, d) => n + d.point.length, 0) + (inputs.population?.point.length ?? 0);

const sameInputs = (a: AnswerInputs, b: AnswerInputs): boolean =>
  a.datasets.length === b.datasets.length && a.datasets.every((d, i) => d === b.datasets[i]) && a.population === b.population && JSON.stringify(a.hallandRule) === JSON.stringify(b.hallandRule);

export function createInlineAnswers(clock: () => number = () => performance.now()): InlineAnswers {
  let compute: ComputeAnswer | null = null;
  /** The inputs last warmed (or refused), what was found, and the computations timed for them so far. */
  let known: { inputs: AnswerInputs; quick: boolean; slow: number; tries: number; done: boolean; retryAt: number } | null = null;
  /** Found slow: the worker answers; measured again from INLINE_RETRY_AFTER_MS on (the data's views are built by then). */
  const leaveToWorker = (state: NonNullable<typeof known>) => {
    state.quick = false;
    state.done = true;
    state.slow = 0;
    state.retryAt = clock() + INLINE_RETRY_AFTER_MS;
  };
  const retryDue = (state: NonNullable<typeof known>) => state.done && !state.quick && clock() >= state.retryAt;
  return {
    needsWarm(inputs) {
      if (cellsOf(inputs) > INLINE_MAX_CELLS) return false;
      return known === null || !sameInputs(known.inputs, inputs) || !known.done || retryDue(known);
    },
    setCompute(next) {
      compute = next;
    },
    warm(study, inputs, today) {
      if (!compute) return 'again';
      if (known === null || !sameInputs(known.inputs, inputs)) known = { inputs, quick: false, slow: 0, tries: -1, done: false, retryAt: Infinity };
      const state = known;
      if (cellsOf(inputs) > INLINE_MAX_CELLS) {
        state.done = true;
        state.retryAt = Infinity;
        return 'no';
      }
      if (retryDue(state)) {
        state.done = false;
        state.tries = 0;
      }
      if (state.done) return state.quick ? 'quick' : 'no';
      try {
        const started = clock();
        compute(study, inputs, today);
        const millis = clock() - started;
        // The first computation builds the data's views and is not timed.
        state.tries += 1;
        if (state.tries > 0 && millis <= INLINE_BUDGET_MS) state.quick = state.done = true;
        else if (state.tries >= INLINE_WARM_TRIES) leaveToWorker(state);
      } catch {
        // A study the computation refuses is the worker's to answer (it reports the error as for any edit).
        leaveToWorker(state);
      }
      return state.done ? (state.quick ? 'quick' : 'no') : 'again';
    },
    answer(study, inputs, today) {
      if (!compute || !known?.quick || !known.done || !sameInputs(known.inputs, inputs)) return null;
      const started = clock();
      let result: { answer: ComputedAnswer; rates: RatesOutcome };
      try {
        result = compute(study, inputs, today);
      } catch {
        return null;
      }
      const millis = clock() - started;
      if (millis <= INLINE_SLOW_MS) known.slow = 0;
      else if (++known.slow >= INLINE_SLOW_LIMIT) leaveToWorker(known);
      return { ...result, millis };
    },
  };
}
