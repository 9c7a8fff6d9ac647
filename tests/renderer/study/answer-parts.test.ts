// The worker sends an estimate that only a plan edit changed as "the same as result N"; the workspace rebuilds it.
// Checked against the whole answer computed afresh (the path every other edit takes): what the page, the answer
// file and the letter's snapshot get from the rebuilt answer must be exactly that answer, input hash included.
import { describe, expect, it } from 'vitest';
import { computeAnswer } from '../../../shared/answer/compute-answer';
import { createSnapshot } from '../../../shared/answer/snapshot';
import type { Study } from '../../../shared/criteria/study';
import { runDemo } from '../../../shared/demo/run-demo';
import { DEFAULT_DISCLOSURE_POLICY, DISCLOSURE_PRESETS } from '../../../shared/disclosure';
import { answerFileFromApp } from '../../../renderer/src/compile/export-answer';
import { computeRates } from '../../../renderer/src/rates/compute-rates';
import { estimateParts, fullResult, resultMessage, withShownParts, type LastResult } from '../../../renderer/src/study/answer-parts';

const demo = runDemo();
const options = { hallandRule: demo.hallandRule, today: '2026-12-07' };
const NOW = new Date('2026-12-07T10:00:00.000Z');

function computed(study: Study) {
  const answer = computeAnswer(study, [demo.dataset], options);
  return { answer, rates: computeRates(study, answer.estimate, null, demo.hallandRule) };
}

/** The first site's rate per month changed: the recruitment plan only. */
function withSiteRate(study: Study, rate: number): Study {
  const [first, ...rest] = study.recruitment.sites;
  return { ...study, recruitment: { ...study.recruitment, sites: [{ ...first!, ratePerMonth: rate }, ...rest] } };
}

describe('an answer whose estimate an edit left as it was', () => {
  const first = computed(demo.study);
  const last: LastResult = { revision: 3, estimate: first.answer.estimate, rates: first.rates };
  const edited = withSiteRate(demo.study, 7.5);
  const fresh = computed(edited);

  it('is sent without the estimate for a site-rate edit, and rebuilt as the fresh answer with its own input hash', () => {
    const message = resultMessage(last, 4, fresh.answer, fresh.rates, 1);
    expect(message.answer.estimate).toEqual({ sameAs: 3, inputHash: fresh.answer.estimate.inputHash });
    expect(message.rates).toEqual({ sameAs: 3 });
    // Posted between threads, the message is a structured clone.
    const whole = fullResult(last, structuredClone(message))!;
    expect(whole.answer).toEqual(fresh.answer);
    expect(whole.rates).toEqual(fresh.rates);
    // The plan is part of what the hash proves: a letter of the edited study must not carry the old one.
    expect(whole.answer.estimate.inputHash).not.toBe(first.answer.estimate.inputHash);
    // The figures are the held estimate's own objects, so nothing drawn from them is drawn again.
    expect(whole.answer.estimate.regions).toBe(first.answer.estimate.regions);
    expect(whole.answer.estimate.attrition).toBe(first.answer.estimate.attrition);
    expect(estimateParts(whole.answer.estimate)).toBe(first.answer.estimate);
    expect(estimateParts(fresh.answer.estimate)).toBe(fresh.answer.estimate);
  });

  it('gives the same answer file and letter snapshot as the fresh answer', async () => {
    const whole = fullResult(last, structuredClone(resultMessage(last, 4, fresh.answer, fresh.rates, 1)))!;
    const file = (answer: typeof whole.answer) =>
      answerFileFromApp({ answer: { ...answer, study: edited, datasets: [demo.dataset], hallandRule: demo.hallandRule }, unitName: 'Forum Söder', regions: ['07', '12'], policy: DISCLOSURE_PRESETS.ohdsi, now: NOW });
    const [rebuiltFile, freshFile] = [await file(whole.answer), await file(fresh.answer)];
    expect(rebuiltFile).toEqual(freshFile);
    const snapshot = (answer: typeof whole.answer) =>
      createSnapshot({
        language: 'sv',
        createdAt: NOW.toISOString(),
        study: edited,
        answer,
        datasets: [demo.dataset],
        hallandRule: demo.hallandRule,
        disclosurePolicy: DEFAULT_DISCLOSURE_POLICY,
        unit: { unitName: 'Forum Söder', address: '', signatoryName: '', signatoryTitle: '', logo: null },
      });
    const [rebuiltSnapshot, freshSnapshot] = [snapshot(whole.answer), snapshot(fresh.answer)];
    expect(rebuiltSnapshot.contentHash).toBe(freshSnapshot.contentHash);
    expect(rebuiltSnapshot.answer.estimate.inputHash).toBe(fresh.answer.estimate.inputHash);
  });

  it('is sent whole when the criteria changed the estimate, or when there is no earlier answer', () => {
    const firstStep = demo.study.steps.find((s) => s.enabled)!;
    const toggled: Study = { ...demo.study, steps: demo.study.steps.map((s) => (s === firstStep ? { ...s, enabled: false } : s)) };
    const criteria = computed(toggled);
    const message = resultMessage(last, 4, criteria.answer, criteria.rates, 1);
    expect(message.answer.estimate).toBe(criteria.answer.estimate);
    expect(fullResult(last, message)!.answer.estimate).toBe(criteria.answer.estimate);
    expect(resultMessage(null, 4, fresh.answer, fresh.rates, 1).answer.estimate).toBe(fresh.answer.estimate);
  });

  it('cannot be rebuilt from an answer other than the one it names (the workspace then asks for the whole answer)', () => {
    const message = resultMessage(last, 4, fresh.answer, fresh.rates, 1);
    expect(fullResult({ ...last, revision: 2 }, message)).toBeNull();
    expect(fullResult(null, message)).toBeNull();
  });
});

describe('an answer computed on the main thread beside the one on screen', () => {
  const shown = computed(demo.study);
  const onScreen = { ...shown.answer, rates: shown.rates };

  it('keeps the shown figures\' objects for a plan edit, with its own input hash, and equals the fresh answer', () => {
    const edited = computed(withSiteRate(demo.study, 7.5));
    const whole = withShownParts(onScreen, edited.answer, edited.rates);
    expect(whole.answer).toEqual(edited.answer);
    expect(whole.answer.estimate.inputHash).toBe(edited.answer.estimate.inputHash);
    expect(whole.answer.estimate.inputHash).not.toBe(shown.answer.estimate.inputHash);
    expect(whole.answer.estimate.regions).toBe(shown.answer.estimate.regions);
    expect(whole.rates).toBe(shown.rates);
    expect(estimateParts(whole.answer.estimate)).toBe(shown.answer.estimate);
    // A second plan edit after it still shares the first estimate's parts (not a copy of a copy).
    const again = computed(withSiteRate(demo.study, 3));
    const next = withShownParts({ ...whole.answer, rates: whole.rates }, again.answer, again.rates);
    expect(estimateParts(next.answer.estimate)).toBe(shown.answer.estimate);
    expect(next.answer).toEqual(again.answer);
  });

  it('is taken as computed when the criteria changed the estimate, or when nothing is on screen', () => {
    const firstStep = demo.study.steps.find((s) => s.enabled)!;
    const toggled = computed({ ...demo.study, steps: demo.study.steps.map((s) => (s === firstStep ? { ...s, enabled: false } : s)) });
    expect(withShownParts(onScreen, toggled.answer, toggled.rates).answer.estimate).toBe(toggled.answer.estimate);
    expect(withShownParts(null, toggled.answer, toggled.rates).answer).toBe(toggled.answer);
  });
});
