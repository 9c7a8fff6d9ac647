// The guided answer's step statuses and the letter's readiness checklist: what is done, what is missing and why.
import { describe, expect, it } from 'vitest';
import { type GuideFacts, letterBlockers, letterReadiness, neighbours, stepStatuses } from '../../../renderer/src/guide/step-status';

const NEW_REQUEST: GuideFacts = { title: '', datesValid: true, datasetCount: 0, enabledCriteria: 0, siteCount: 0, answer: 'none', lettersExported: 0 };
const COMPLETE: GuideFacts = { title: 'Fas III, kolorektalcancer', datesValid: true, datasetCount: 1, enabledCriteria: 2, siteCount: 1, answer: 'current', lettersExported: 0 };

const byStep = (facts: GuideFacts) => Object.fromEntries(stepStatuses(facts).map((s) => [s.step, { state: s.state, reasons: s.reasons }]));

describe('step statuses', () => {
  it('a new request: the title and the data are to do, everything that needs data waits for it', () => {
    expect(byStep(NEW_REQUEST)).toEqual({
      request: { state: 'todo', reasons: ['no-title'] },
      data: { state: 'todo', reasons: ['no-dataset'] },
      criteria: { state: 'blocked', reasons: ['no-dataset'] },
      forecast: { state: 'blocked', reasons: ['no-dataset'] },
      answer: { state: 'blocked', reasons: ['no-dataset'] },
      letter: { state: 'blocked', reasons: ['no-title', 'no-dataset', 'no-criteria', 'no-site'] },
    });
  });

  it('the steps are listed in the guide order', () => {
    expect(stepStatuses(COMPLETE).map((s) => s.step)).toEqual(['request', 'data', 'criteria', 'forecast', 'answer', 'letter']);
  });

  it('with data linked, criteria and sites become things to do rather than waits', () => {
    const s = byStep({ ...NEW_REQUEST, title: 'T', datasetCount: 1, answer: 'current' });
    expect(s.request).toEqual({ state: 'done', reasons: [] });
    expect(s.data).toEqual({ state: 'done', reasons: [] });
    expect(s.criteria).toEqual({ state: 'todo', reasons: ['no-criteria'] });
    expect(s.forecast).toEqual({ state: 'todo', reasons: ['no-site'] });
    expect(s.answer).toEqual({ state: 'done', reasons: [] });
    expect(s.letter).toEqual({ state: 'blocked', reasons: ['no-criteria', 'no-site'] });
  });

  it('an invalid date keeps the request step open, with the reason', () => {
    expect(byStep({ ...COMPLETE, datesValid: false }).request).toEqual({ state: 'todo', reasons: ['invalid-dates'] });
    expect(byStep({ ...COMPLETE, title: '  ', datesValid: false }).request).toEqual({ state: 'todo', reasons: ['no-title', 'invalid-dates'] });
  });

  it('only switched-on criteria count', () => {
    expect(byStep({ ...COMPLETE, enabledCriteria: 0 }).criteria).toEqual({ state: 'todo', reasons: ['no-criteria'] });
  });

  it('while the answer is recomputed or failed, the answer step says so and the letter is blocked', () => {
    expect(byStep({ ...COMPLETE, answer: 'computing' }).answer).toEqual({ state: 'todo', reasons: ['computing'] });
    expect(byStep({ ...COMPLETE, answer: 'computing' }).letter).toEqual({ state: 'blocked', reasons: ['computing'] });
    expect(byStep({ ...COMPLETE, answer: 'error' }).answer).toEqual({ state: 'todo', reasons: ['compute-error'] });
    expect(byStep({ ...COMPLETE, answer: 'error' }).letter).toEqual({ state: 'blocked', reasons: ['compute-error'] });
  });

  it('the letter is to do until it has been exported, then done', () => {
    expect(byStep(COMPLETE).letter).toEqual({ state: 'todo', reasons: ['not-exported'] });
    expect(byStep({ ...COMPLETE, lettersExported: 1 }).letter).toEqual({ state: 'done', reasons: [] });
  });

  it('an exported letter does not make the step done once something it needs is missing again', () => {
    expect(byStep({ ...COMPLETE, lettersExported: 2, siteCount: 0 }).letter).toEqual({ state: 'blocked', reasons: ['no-site'] });
  });
});

describe('letter readiness', () => {
  it('names every failed check and the step that fixes it', () => {
    expect(letterReadiness({ ...COMPLETE, title: '', siteCount: 0 })).toEqual([
      { check: 'title', ok: false, reason: 'no-title', fixedIn: 'request' },
      { check: 'dataset', ok: true, fixedIn: 'data' },
      { check: 'criteria', ok: true, fixedIn: 'criteria' },
      { check: 'site', ok: false, reason: 'no-site', fixedIn: 'forecast' },
      { check: 'answer', ok: true, fixedIn: 'answer' },
    ]);
  });

  it('a complete study has no blockers; without data the answer check fails for that reason', () => {
    expect(letterBlockers(COMPLETE)).toEqual([]);
    expect(letterReadiness({ ...COMPLETE, datasetCount: 0 }).find((i) => i.check === 'answer')).toEqual({ check: 'answer', ok: false, reason: 'no-dataset', fixedIn: 'answer' });
  });
});

describe('neighbours', () => {
  it('gives the previous and next step, none beyond either end', () => {
    expect(neighbours('request')).toEqual({ previous: null, next: 'data' });
    expect(neighbours('forecast')).toEqual({ previous: 'criteria', next: 'answer' });
    expect(neighbours('letter')).toEqual({ previous: 'answer', next: null });
  });
});
