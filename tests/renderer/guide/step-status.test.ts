// The guided answer's step statuses: what is done, what is missing and why; the letter step is blocked by exactly
// the problems of the letter's readiness checklist.
import { describe, expect, it } from 'vitest';
import { letterReadiness, type ReadinessInput } from '../../../shared/letter/readiness';
import { type GuideFacts, letterBlockers, neighbours, stepStatuses } from '../../../renderer/src/guide/step-status';
import { makeStudy, predicateStep } from '../../shared/helpers';

interface Setup {
  title: string;
  datesValid: boolean;
  datasets: number;
  criteria: number;
  sites: number;
  answer: GuideFacts['answer'];
  effUnanswered: number;
  acknowledged: boolean;
  unitName: string;
  lettersExported: number;
}

const COMPLETE: Setup = { title: 'Fas III, kolorektalcancer', datesValid: true, datasets: 1, criteria: 2, sites: 1, answer: 'current', effUnanswered: 0, acknowledged: true, unitName: 'Prövningsenheten', lettersExported: 0 };
const NEW_REQUEST: Setup = { ...COMPLETE, title: '', datasets: 0, criteria: 0, sites: 0, answer: 'none', effUnanswered: 7, unitName: '' };

function facts(s: Setup): GuideFacts {
  const study = makeStudy(Array.from({ length: s.criteria }, (_, i) => predicateStep(`c${i}`, { kind: 'sex', sex: 'female' })));
  study.recruitment.sites = Array.from({ length: s.sites }, (_, i) => ({ id: `s${i}`, name: 'Site', region: '01' as const, activationMonth: 0, shareOfRegion: 0.5 }));
  const warning = { key: 'w', code: 'masked-cells', text: 'maskerade celler' };
  const input: ReadinessInput = {
    title: s.title,
    study,
    linkedDatasets: s.datasets,
    answer: s.answer === 'current' ? { state: 'current', datasetsUsed: s.datasets, blocking: [], warnings: [warning] } : { state: s.answer },
    acknowledgedKeys: s.acknowledged ? ['w'] : [],
    eff: { required: true, unanswered: Array.from({ length: s.effUnanswered }, (_, i) => ({ number: i + 1 })) },
    unit: { unitName: s.unitName, signatoryName: 'Åsa' },
  };
  return {
    title: s.title,
    datesValid: s.datesValid,
    datasetCount: s.datasets,
    enabledCriteria: s.criteria,
    siteCount: s.sites,
    answer: s.answer,
    effUnanswered: s.effUnanswered,
    readiness: letterReadiness(input),
    lettersExported: s.lettersExported,
  };
}

const byStep = (s: Setup) => Object.fromEntries(stepStatuses(facts(s)).map((x) => [x.step, { state: x.state, reasons: x.reasons }]));

describe('step statuses', () => {
  it('a new request: the title and the data are to do, everything that needs data waits for it', () => {
    expect(byStep(NEW_REQUEST)).toEqual({
      request: { state: 'todo', reasons: ['no-title'] },
      data: { state: 'todo', reasons: ['no-dataset'] },
      criteria: { state: 'blocked', reasons: ['no-dataset'] },
      forecast: { state: 'blocked', reasons: ['no-dataset'] },
      answer: { state: 'blocked', reasons: ['no-dataset'] },
      letter: { state: 'blocked', reasons: ['no-title', 'no-dataset', 'no-criteria', 'no-site', 'eff-unanswered', 'no-letterhead'] },
    });
  });

  it('the steps are listed in the guide order', () => {
    expect(stepStatuses(facts(COMPLETE)).map((s) => s.step)).toEqual(['request', 'data', 'criteria', 'forecast', 'answer', 'letter']);
  });

  it('with data linked, criteria, sites and the form become things to do rather than waits', () => {
    const s = byStep({ ...NEW_REQUEST, title: 'T', datasets: 1, answer: 'current', unitName: 'U' });
    expect(s.request).toEqual({ state: 'done', reasons: [] });
    expect(s.data).toEqual({ state: 'done', reasons: [] });
    expect(s.criteria).toEqual({ state: 'todo', reasons: ['no-criteria'] });
    expect(s.forecast).toEqual({ state: 'todo', reasons: ['no-site', 'eff-unanswered'] });
    expect(s.answer).toEqual({ state: 'done', reasons: [] });
    expect(s.letter).toEqual({ state: 'blocked', reasons: ['no-criteria', 'no-site', 'eff-unanswered'] });
  });

  it('an invalid date keeps the request step open, with the reason', () => {
    expect(byStep({ ...COMPLETE, datesValid: false }).request).toEqual({ state: 'todo', reasons: ['invalid-dates'] });
    expect(byStep({ ...COMPLETE, title: '  ', datesValid: false }).request).toEqual({ state: 'todo', reasons: ['no-title', 'invalid-dates'] });
  });

  it('only switched-on criteria count', () => {
    expect(byStep({ ...COMPLETE, criteria: 0 }).criteria).toEqual({ state: 'todo', reasons: ['no-criteria'] });
  });

  it('while the answer is recomputed or failed, the answer step says so and the letter is blocked', () => {
    expect(byStep({ ...COMPLETE, answer: 'computing' }).answer).toEqual({ state: 'todo', reasons: ['computing'] });
    expect(byStep({ ...COMPLETE, answer: 'computing' }).letter).toEqual({ state: 'blocked', reasons: ['computing'] });
    expect(byStep({ ...COMPLETE, answer: 'error' }).answer).toEqual({ state: 'todo', reasons: ['compute-error'] });
    expect(byStep({ ...COMPLETE, answer: 'error' }).letter).toEqual({ state: 'blocked', reasons: ['compute-error'] });
  });

  it('an unacknowledged warning or an empty unit profile blocks the letter and nothing else', () => {
    const s = byStep({ ...COMPLETE, acknowledged: false, unitName: '' });
    expect(s.letter).toEqual({ state: 'blocked', reasons: ['unacknowledged', 'no-letterhead'] });
    expect(s.answer).toEqual({ state: 'done', reasons: [] });
  });

  it('the letter is to do until it has been exported, then done', () => {
    expect(byStep(COMPLETE).letter).toEqual({ state: 'todo', reasons: ['not-exported'] });
    expect(byStep({ ...COMPLETE, lettersExported: 1 }).letter).toEqual({ state: 'done', reasons: [] });
    expect(letterBlockers(facts(COMPLETE))).toEqual([]);
  });

  it('an exported letter does not make the step done once something it needs is missing again', () => {
    expect(byStep({ ...COMPLETE, lettersExported: 2, sites: 0 }).letter).toEqual({ state: 'blocked', reasons: ['no-site'] });
  });
});

describe('neighbours', () => {
  it('gives the previous and next step, none beyond either end', () => {
    expect(neighbours('request')).toEqual({ previous: null, next: 'data' });
    expect(neighbours('forecast')).toEqual({ previous: 'criteria', next: 'answer' });
    expect(neighbours('letter')).toEqual({ previous: 'answer', next: null });
  });
});
