// When the workspace answers an edit on the main thread instead of asking the worker: only for small data, only once
// a computation in idle time was measured within the budget, never for other inputs than those measured, and no
// longer after edits answered here turned out slow — until a later measurement finds them quick again. The clock is
// the test's: every duration below is set by hand.
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../../shared/demo/run-demo';
import type { Dataset } from '../../../shared/counts/dataset';
import { answerWithRates, type AnswerInputs } from '../../../renderer/src/study/answer-compute';
import {
  INLINE_BUDGET_MS,
  INLINE_MAX_CELLS,
  INLINE_RETRY_AFTER_MS,
  INLINE_SLOW_LIMIT,
  INLINE_SLOW_MS,
  INLINE_WARM_TRIES,
  createInlineAnswers,
  type ComputeAnswer,
} from '../../../renderer/src/study/inline-answer';

const demo = runDemo();
const inputs: AnswerInputs = { datasets: [demo.dataset], population: null, hallandRule: demo.hallandRule };
const TODAY = '2026-12-07';

/** The real computation on a clock that advances by the next of `durations` (ms) during each call. */
function timed(durations: number[]): { compute: ComputeAnswer; clock: () => number; calls: () => number; wait: (ms: number) => void } {
  let now = 0;
  let calls = 0;
  return {
    clock: () => now,
    calls: () => calls,
    wait: (ms) => void (now += ms),
    compute: (study, given, today) => {
      now += durations[Math.min(calls, durations.length - 1)]!;
      calls += 1;
      return answerWithRates(study, given, today);
    },
  };
}

describe('answering edits on the main thread', () => {
  it('answers with exactly what the worker computes, once a timed computation was within the budget', () => {
    const t = timed([120, INLINE_BUDGET_MS + 10, INLINE_BUDGET_MS - 1, 2]);
    const inline = createInlineAnswers(t.clock);
    expect(inline.warm(demo.study, inputs, TODAY)).toBe('again'); // no computation loaded yet
    expect(inline.answer(demo.study, inputs, TODAY)).toBeNull();
    inline.setCompute(t.compute);
    expect(inline.needsWarm(inputs)).toBe(true);
    // The first (the data's views built, 120 ms) is not timed; the second is over the budget; the third within it.
    expect(inline.warm(demo.study, inputs, TODAY)).toBe('again');
    expect(inline.answer(demo.study, inputs, TODAY)).toBeNull();
    expect(inline.warm(demo.study, inputs, TODAY)).toBe('again');
    expect(inline.warm(demo.study, inputs, TODAY)).toBe('quick');
    expect(inline.needsWarm(inputs)).toBe(false);
    const edited = { ...demo.study, recruitment: { ...demo.study.recruitment, targetPatients: demo.study.recruitment.targetPatients + 40 } };
    const result = inline.answer(edited, inputs, TODAY)!;
    expect(result.millis).toBe(2);
    // The worker's answer for the same edit (the worker module calls the same function on its copy of the data).
    const worker = answerWithRates(structuredClone(edited), structuredClone(inputs), TODAY);
    expect(result.answer).toEqual(worker.answer);
    expect(result.rates).toEqual(worker.rates);
    expect(result.answer.projection).not.toEqual(answerWithRates(demo.study, inputs, TODAY).answer.projection);
  });

  it('leaves other inputs to the worker until they are measured in turn', () => {
    const t = timed([50, 1]);
    const inline = createInlineAnswers(t.clock);
    inline.setCompute(t.compute);
    inline.warm(demo.study, inputs, TODAY);
    expect(inline.warm(demo.study, inputs, TODAY)).toBe('quick');
    const relinked: AnswerInputs = { ...inputs, datasets: [structuredClone(demo.dataset)] };
    expect(inline.needsWarm(relinked)).toBe(true);
    expect(inline.answer(demo.study, relinked, TODAY)).toBeNull();
    expect(inline.answer(demo.study, { ...inputs, hallandRule: { kind: 'all-to', healthcareRegion: 'vastra' } }, TODAY)).toBeNull();
    expect(inline.answer(demo.study, inputs, TODAY)).not.toBeNull();
  });

  it('never answers here for large data, and leaves slow data to the worker until measured again after a pause', () => {
    const big: Dataset = { ...demo.dataset, point: new Float64Array(INLINE_MAX_CELLS + 1) };
    const t = timed([1]);
    const inline = createInlineAnswers(t.clock);
    inline.setCompute(t.compute);
    expect(inline.needsWarm({ ...inputs, datasets: [big] })).toBe(false);
    expect(inline.warm(demo.study, { ...inputs, datasets: [big] }, TODAY)).toBe('no');
    expect(t.calls()).toBe(0);

    // A busy machine: every measurement over the budget, then (measured again after the pause) one within it.
    const slow = timed([...Array(INLINE_WARM_TRIES + 1).fill(INLINE_BUDGET_MS + 1), 3]);
    const tried = createInlineAnswers(slow.clock);
    tried.setCompute(slow.compute);
    const outcomes = Array.from({ length: INLINE_WARM_TRIES + 1 }, () => tried.warm(demo.study, inputs, TODAY));
    expect(outcomes.slice(0, -1).every((o) => o === 'again')).toBe(true);
    expect(outcomes.at(-1)).toBe('no');
    expect(slow.calls()).toBe(INLINE_WARM_TRIES + 1);
    expect(tried.needsWarm(inputs)).toBe(false);
    expect(tried.warm(demo.study, inputs, TODAY)).toBe('no');
    expect(slow.calls()).toBe(INLINE_WARM_TRIES + 1);
    expect(tried.answer(demo.study, inputs, TODAY)).toBeNull();
    slow.wait(INLINE_RETRY_AFTER_MS);
    expect(tried.needsWarm(inputs)).toBe(true);
    expect(tried.warm(demo.study, inputs, TODAY)).toBe('quick');
    expect(tried.answer(demo.study, inputs, TODAY)).not.toBeNull();
  });

  it('goes back to the worker after edits answered here were slow in a row, not after one slow one among quick ones', () => {
    const slowRun = Array(INLINE_SLOW_LIMIT - 1).fill(INLINE_SLOW_MS + 1);
    const t = timed([50, 1, ...slowRun, 2, ...slowRun, INLINE_SLOW_MS + 1]);
    const inline = createInlineAnswers(t.clock);
    inline.setCompute(t.compute);
    inline.warm(demo.study, inputs, TODAY);
    inline.warm(demo.study, inputs, TODAY);
    // Slow ones short of the limit, a quick one, then the limit's worth in a row.
    for (let i = 0; i < 2 * INLINE_SLOW_LIMIT; i++) expect(inline.answer(demo.study, inputs, TODAY)).not.toBeNull();
    expect(inline.answer(demo.study, inputs, TODAY)).toBeNull();
    expect(inline.needsWarm(inputs)).toBe(false);
    t.wait(INLINE_RETRY_AFTER_MS);
    expect(inline.needsWarm(inputs)).toBe(true);
  });

  it('leaves a study the computation refuses to the worker, which reports the error', () => {
    const inline = createInlineAnswers(() => 0);
    inline.setCompute(() => {
      throw new Error('refused');
    });
    expect(inline.warm(demo.study, inputs, TODAY)).toBe('no');
    expect(inline.answer(demo.study, inputs, TODAY)).toBeNull();
  });
});
