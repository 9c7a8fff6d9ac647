// The letter's readiness checklist (shared/letter/readiness.ts), on hand-written cases: each check blocks exactly
// when it should and says why; warnings are acknowledged by their content (a changed warning needs a new
// acknowledgement); a dataset the answer cannot use blocks with a Swedish sentence naming it and the mismatch.
import { describe, expect, it } from 'vitest';
import { warningKey } from '../../../shared/answer/warning-key';
import type { BlockingProblem, EstimateWarning } from '../../../shared/estimate/types';
import { estimateIssues, letterReadiness, unansweredEff, type ReadinessInput } from '../../../shared/letter/readiness';
import { readinessPassedText, readinessProblemText, readinessSummaryText } from '../../../shared/letter/readiness-texts';
import { makeStudy, predicateStep } from '../helpers';

const study = makeStudy([predicateStep('age', { kind: 'age', min: 6, max: 17 })]);
study.recruitment.sites = [{ id: 's1', name: 'BUP Stockholm', region: '01', activationMonth: 0, shareOfRegion: 0.1 }];

const masked = { key: 'k-masked', code: 'masked-cells', text: '12 celler var maskerade i källan.' };
const straddling = { key: 'k-age', code: 'straddling-age-band', text: 'Åldersgruppen 0-19 ligger delvis innanför åldersgränsen.' };

const READY: ReadinessInput = {
  title: 'ADHD fas III',
  study,
  linkedDatasets: 1,
  answer: { state: 'current', datasetsUsed: 1, blocking: [], warnings: [masked, straddling] },
  acknowledgedKeys: ['k-masked', 'k-age'],
  eff: { required: true, unanswered: [] },
  unit: { unitName: 'Prövningsenheten Syd', signatoryName: 'Åsa Öberg' },
};

const failing = (input: ReadinessInput) =>
  letterReadiness(input)
    .items.filter((i) => !i.ok)
    .map((i) => [i.check, i.problems.map((p) => p.code)]);

describe('the letter readiness checklist', () => {
  it('passes every check, in order, when everything is there', () => {
    const r = letterReadiness(READY);
    expect(r.ready).toBe(true);
    expect(r.items.map((i) => [i.check, i.ok])).toEqual([
      ['title', true],
      ['data', true],
      ['criteria', true],
      ['sites', true],
      ['answer', true],
      ['warnings', true],
      ['eff', true],
      ['letterhead', true],
      ['signature', true],
    ]);
  });

  it('an empty unit profile blocks: no letterhead and a blank signature (whitespace is blank)', () => {
    expect(failing({ ...READY, unit: { unitName: '  ', signatoryName: '' } })).toEqual([
      ['letterhead', ['no-letterhead']],
      ['signature', ['no-signatory']],
    ]);
  });

  it('an answer resting on no data blocks: nothing linked, or nothing the answer could use', () => {
    expect(failing({ ...READY, linkedDatasets: 0, answer: { state: 'none' } })).toEqual([['data', ['no-dataset']]]);
    const unusable = { key: 'k-ds', code: 'dataset-unused', text: 'Datasetet ”ADHD 2020” räknar prevalenta personer men studien frågar efter nya fall: det används inte i svaret.' };
    const r = letterReadiness({ ...READY, answer: { state: 'current', datasetsUsed: 0, blocking: [unusable], warnings: [] } });
    expect(r.items.find((i) => i.check === 'data')!.problems).toEqual([{ code: 'no-data-used' }, { code: 'answer-blocked', issue: unusable }]);
    // A blocking problem is never acknowledgeable: acknowledging its key changes nothing.
    expect(letterReadiness({ ...READY, acknowledgedKeys: ['k-ds'], answer: { state: 'current', datasetsUsed: 1, blocking: [unusable], warnings: [] } }).ready).toBe(false);
  });

  it('an unacknowledged warning blocks, and an acknowledgement of another content (a changed warning) does not count', () => {
    expect(failing({ ...READY, acknowledgedKeys: ['k-masked'] })).toEqual([['warnings', ['unacknowledged']]]);
    const changed = { ...masked, key: 'k-masked-14' };
    const r = letterReadiness({ ...READY, answer: { state: 'current', datasetsUsed: 1, blocking: [], warnings: [changed, straddling] } });
    expect(r.problems).toEqual([{ code: 'unacknowledged', issue: changed }]);
    expect(readinessProblemText(r.problems[0]!, 'sv')).toBe('Inte bekräftad: 12 celler var maskerade i källan.');
  });

  it('missing Early Feedback Form answers block a Country Feasibility letter, never a Site Feasibility one', () => {
    const r = letterReadiness({ ...READY, eff: { required: true, unanswered: [{ number: 1 }, { number: 4 }, { number: 8, question: 'Finns PET-CT?' }] } });
    expect(r.problems.map((p) => p.code)).toEqual(['eff-unanswered']);
    expect(readinessProblemText(r.problems[0]!, 'sv')).toBe('Early Feedback Form: frågorna 1, 4 och 8 är obesvarade.');
    expect(readinessProblemText({ code: 'eff-unanswered', questions: [{ number: 6 }] }, 'en')).toBe('Early Feedback Form: question 6 is unanswered.');
    expect(letterReadiness({ ...READY, eff: { required: false } }).ready).toBe(true);
    expect(readinessPassedText('eff', 'sv', false)).toBe('Early Feedback Form ingår inte i svar på klinikförfrågningar.');
  });

  it('no title, no criterion switched on and no site each block', () => {
    const off = makeStudy([predicateStep('age', { kind: 'age', min: 6, max: 17 }, 'inclusion', false)]);
    expect(failing({ ...READY, title: ' ', study: off })).toEqual([
      ['title', ['no-title']],
      ['criteria', ['no-criteria']],
      ['sites', ['no-site']],
    ]);
  });

  it('an answer being recomputed or failed blocks (its warnings are not judged until it is current)', () => {
    expect(failing({ ...READY, answer: { state: 'computing' } })).toEqual([['answer', ['computing']]]);
    expect(failing({ ...READY, answer: { state: 'error' } })).toEqual([['answer', ['compute-error']]]);
    // Data linked but no answer yet: it is on its way.
    expect(failing({ ...READY, answer: { state: 'none' } })).toEqual([['answer', ['computing']]]);
  });

  it('counts every problem in its summary', () => {
    const r = letterReadiness({ ...READY, acknowledgedKeys: [], unit: { unitName: '', signatoryName: 'Å' } });
    expect(r.problems).toHaveLength(3);
    expect(readinessSummaryText(r.problems.length, 'sv')).toBe('Brevet kan inte exporteras ännu: 3 saker saknas.');
    expect(readinessSummaryText(1, 'en')).toBe('The letter cannot be exported yet: 1 thing is missing.');
    expect(readinessSummaryText(0, 'sv')).toBe('Allt är klart: brevet kan förhandsgranskas och exporteras.');
  });
});

describe("the answer's issues", () => {
  const datasets = [
    { id: 'uuid-prevalent', name: 'ADHD-läkemedel 2020', basis: { unit: 'persons' as const, kind: 'prevalent' as const, regionBasis: 'residence' as const } },
    { id: 'uuid-incident', name: 'Nya diagnoser', basis: { unit: 'persons' as const, kind: 'incident' as const, regionBasis: 'residence' as const } },
  ];
  const basis = { kind: 'incident' as const, windowYears: 1, datasets: [{ id: 'uuid-incident', yearsCovered: 1, scale: 1 }], unit: 'persons' as const, regionBasis: 'residence' as const };
  // The study asks for new cases; the prevalent dataset cannot be used: a blocking problem of the estimate.
  const mismatch: BlockingProblem = {
    code: 'basis-mismatch',
    dataset: { id: 'uuid-prevalent', name: 'ADHD-läkemedel 2020' },
    mismatches: [{ field: 'kind', dataset: 'prevalent', study: 'incident' }],
    fixes: [{ kind: 'set-basis', basis: { kind: 'prevalent' } }, { kind: 'unlink-dataset', datasetId: 'uuid-prevalent' }],
  };

  it('a dataset left out blocks, named by its name and the mismatch in Swedish, never by its id or an English message', () => {
    const { blocking, warnings, datasetsUsed } = estimateIssues({ warnings: [{ code: 'masked-cells', count: 12 }], blocking: [mismatch], basis }, datasets, study, 'sv');
    expect(datasetsUsed).toBe(1);
    expect(blocking.map(({ code, text }) => ({ code, text }))).toEqual([
      {
        code: 'dataset-unused',
        text: 'Datasetet ”ADHD-läkemedel 2020” räknar patienter under en period (prevalens), men studien räknar nya fall. Det används inte, och svaret kan inte skickas förrän det är löst.',
      },
    ]);
    expect(blocking[0]!.text).not.toContain('uuid');
    expect(warnings.map((w) => w.text)).toEqual(['12 celler var maskerade i källan (t.ex. "X" = 1–3) och ingår som intervall.']);
  });

  it('data of events is a warning (patients may be counted twice), not a block', () => {
    const events: EstimateWarning = { code: 'events-not-persons' };
    const eventData = [{ ...datasets[1]!, basis: { ...datasets[1]!.basis, unit: 'events' as const } }];
    const { blocking, warnings } = estimateIssues({ warnings: [events], blocking: [], basis: { ...basis, unit: 'events' } }, eventData, study, 'en');
    expect(blocking).toEqual([]);
    expect(warnings[0]!.text).toBe('The answer counts care events, not persons: a patient may be counted more than once.');
  });

  it('a warning’s key follows its content: the same content in any key order gives the same key, another count another key', () => {
    expect(warningKey({ code: 'masked-cells', count: 12 })).toBe(warningKey({ count: 12, code: 'masked-cells' }));
    expect(warningKey({ code: 'masked-cells', count: 12 })).not.toBe(warningKey({ code: 'masked-cells', count: 14 }));
    expect(warningKey({ code: 'masked-cells', count: 12 })).toMatch(/^[0-9a-f]{16}$/);
  });

  it('one masked cell is a singular sentence', () => {
    expect(estimateIssues({ warnings: [{ code: 'masked-cells', count: 1 }], basis }, datasets, study, 'en').warnings[0]!.text).toBe(
      '1 cell was masked in the source (e.g. "X" = 1–3) and is included as an interval.',
    );
  });
});

describe('the Early Feedback Form answers of a letter made from files (antal letter)', () => {
  it('names every question the answers leave open, the sponsor’s own ones by their number', () => {
    expect(unansweredEff(undefined).map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(
      unansweredEff({
        populationPresent: { answer: 'yes' },
        recruitmentChances: { answer: 'good' },
        limitingFactors: { factors: ['competing-studies'] },
        discouragingFactors: { answer: 'no' },
        standardOfCare: { answer: 'yes' },
        careSetting: 'Barn- och ungdomspsykiatri',
        relevantClinics: ' ',
        further: [
          { question: 'Finns PET-CT?', answer: 'Ja' },
          { question: 'Antal prövare?', answer: '' },
        ],
      }),
    ).toEqual([{ number: 7 }, { number: 9, question: 'Antal prövare?' }]);
  });
});
