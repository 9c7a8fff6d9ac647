// The Early Feedback Form's one set of rules: the questions a request carries, one rule per suggestion (each case
// worked by hand below), accepting versus choosing, what counts as answered, and the sponsor's own questions.
import { describe, expect, it } from 'vitest';
import type { EstimateResult } from '../../../shared/estimate/types';
import { blankRequest } from '../../../shared/requests/create';
import {
  acceptSuggestion,
  answeredCount,
  chooseOption,
  customQuestion,
  mostLimitingStep,
  STANDARD_QUESTION_IDS,
  suggestFeedback,
  suggestionBasis,
  unansweredQuestions,
} from '../../../shared/requests/feedback-form';
import { makeStudy, predicateStep } from '../helpers';

const NOW = new Date('2026-03-02T09:00:00Z');

/** An estimate whose only interesting parts are the national interval and the attrition's most limiting step. */
function estimate(national: { low: number; point: number; high: number }, limiting: { label: string; lostShare: number } | null): EstimateResult {
  const attrition = limiting
    ? [{ stepId: 'age', label: limiting.label, type: 'inclusion' as const, enabled: true, total: national, perRegion: {}, remainingShare: 1 - limiting.lostShare, lostShare: limiting.lostShare }]
    : [];
  return { inputHash: 'h', regions: [], healthcareRegions: [], national, attrition, mostLimitingStepId: limiting ? 'age' : null, warnings: [] };
}

/** A study with one site (so question 2 has a forecast) and the funnel rates given (consent, screen failure, dropout). */
function study(funnel: { consent: number; screenFailure: number; dropout?: number }, sites = 1) {
  const s = makeStudy([predicateStep('age', { kind: 'age', min: 6, max: 17 })]);
  s.recruitment.consentRate = { low: funnel.consent, point: funnel.consent, high: funnel.consent };
  s.recruitment.screenFailureRate = { low: funnel.screenFailure, point: funnel.screenFailure, high: funnel.screenFailure };
  if (funnel.dropout !== undefined) s.recruitment.dropoutRate = { low: funnel.dropout, point: funnel.dropout, high: funnel.dropout };
  s.recruitment.sites = Array.from({ length: sites }, (_, i) => ({ id: `s${i}`, name: `Site ${i}`, region: '01' as const, activationMonth: 0, shareOfRegion: 0.5 }));
  return s;
}

const verdict = { verdict: 'good' as const, probability: 0.72 };

describe('the form on a request', () => {
  it('a new request carries the seven standard questions in the form’s order, none answered', () => {
    const r = blankRequest('r', 's', NOW);
    expect(r.questions.map((q) => q.id)).toEqual([...STANDARD_QUESTION_IDS]);
    expect(answeredCount(r)).toBe(0);
    expect(unansweredQuestions(r).map((u) => u.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('a choice question is answered by one of its own options, a text question by text that is not blank', () => {
    const r = blankRequest('r', 's', NOW);
    r.feedback = {
      'population-present': { choice: 'yes', comment: '' },
      'recruitment-chances': { choice: 'maybe', comment: 'not an option of the question' },
      'limiting-factors': { choice: '', comment: 'a comment alone does not answer a choice' },
      'care-setting': { choice: '', comment: '   ' },
      'relevant-clinics': { choice: '', comment: 'Barn- och ungdomspsykiatri' },
    };
    expect(unansweredQuestions(r).map((u) => u.number)).toEqual([2, 3, 4, 5, 6]);
    expect(answeredCount(r)).toBe(2);
  });

  it("the sponsor's own questions get fresh ids and must be answered too", () => {
    const r = blankRequest('r', 's', NOW);
    const q1 = customQuestion(r.questions, 'Hur många patienter behandlas per år?');
    const q2 = customQuestion([...r.questions, q1], 'Finns PET-CT?');
    expect([q1.id, q2.id]).toEqual(['custom-1', 'custom-2']);
    expect(q1).toMatchObject({ kind: 'text', standard: false });
    const unanswered = unansweredQuestions({ questions: [...r.questions, q1, q2], feedback: { 'custom-2': { choice: '', comment: 'Ja' } } });
    expect(unanswered.map((u) => [u.number, u.question.id])).toContainEqual([8, 'custom-1']);
    expect(unanswered.map((u) => u.number)).not.toContain(9);
  });
});

describe('question 1: is the population present?', () => {
  // The rule: yes when even the low end of the national interval is one patient or more, no when even the high
  // end is below one, otherwise unknown.
  it.each([
    [{ low: 40, point: 55, high: 70 }, 'yes', 'eligible-found'],
    [{ low: 1, point: 2, high: 3 }, 'yes', 'eligible-found'],
    [{ low: 0, point: 0.2, high: 0.9 }, 'no', 'none-eligible'],
    [{ low: 0, point: 0, high: 0 }, 'no', 'none-eligible'],
    [{ low: 0, point: 1, high: 6 }, 'unknown', 'uncertain'],
    [{ low: 0.5, point: 0.8, high: 1 }, 'unknown', 'uncertain'],
  ])('national %o → %s', (national, choice, reason) => {
    const [q1] = suggestFeedback({ national, verdict, limitingStep: null });
    expect(q1).toEqual({ questionId: 'population-present', choice, reason, national });
  });
});

describe('question 2: the chances of recruiting', () => {
  it('is the forecast’s verdict with its probability', () => {
    const s = suggestFeedback({ national: { low: 5, point: 6, high: 7 }, verdict: { verdict: 'very-good', probability: 0.91 }, limitingStep: null });
    expect(s.find((x) => x.questionId === 'recruitment-chances')).toEqual({ questionId: 'recruitment-chances', choice: 'very-good', reason: 'verdict', probability: 0.91 });
  });

  it('is not suggested without a recruiting site: there is no forecast to suggest from', () => {
    const noSites = study({ consent: 0.6, screenFailure: 0.2 }, 0);
    const basis = suggestionBasis(noSites, { estimate: estimate({ low: 5, point: 6, high: 7 }, null), verdict: { verdict: 'small', probability: 0 } });
    expect(basis.verdict).toBeNull();
    expect(suggestFeedback(basis).map((x) => x.questionId)).toEqual(['population-present', 'limiting-factors']);
  });
});

describe('question 3: what limits recruitment', () => {
  it('names the criterion when it loses more than consent, screen failure and dropout', () => {
    // Age loses 60 %; consent 0.6 loses 40 %, screen failure 20 %, no dropout.
    const step = mostLimitingStep(study({ consent: 0.6, screenFailure: 0.2 }), estimate({ low: 1, point: 2, high: 3 }, { label: 'Ålder 6–17', lostShare: 0.6 }));
    expect(step).toEqual({ kind: 'criterion', label: 'Ålder 6–17', lostShare: 0.6 });
    expect(suggestFeedback({ national: { low: 1, point: 2, high: 3 }, verdict, limitingStep: step }).at(-1)).toEqual({
      questionId: 'limiting-factors',
      choice: 'exclusion-criteria',
      reason: 'criterion',
      step,
    });
  });

  it('an age criterion inside a coarse band loses its share on the line after it: the two together are its loss', () => {
    // "Ålder 6–17" keeps the whole 0–19 band (0 % in its own row); the share line keeps 60 % (loses 40 %).
    // Consent 0.7 loses 30 %: the criterion's 40 % is larger, so it is named, with 40 %, not 0 %.
    const national = { low: 60, point: 60, high: 60 };
    const estimate: EstimateResult = {
      inputHash: 'h', regions: [], healthcareRegions: [], national, warnings: [], mostLimitingStepId: 'age',
      attrition: [
        { stepId: 'age', label: 'Ålder 6–17', type: 'inclusion', enabled: true, total: { low: 100, point: 100, high: 100 }, perRegion: {}, remainingShare: 1, lostShare: 0 },
        { stepId: 'age:age-share', label: '', type: 'assumption', enabled: true, total: national, perRegion: {}, remainingShare: 0.6, lostShare: 0.4 },
      ],
    } as EstimateResult;
    const step = mostLimitingStep(study({ consent: 0.7, screenFailure: 0.2 }), estimate);
    expect(step).toEqual({ kind: 'criterion', label: 'Ålder 6–17', lostShare: expect.closeTo(0.4, 12) });
  });

  it('names consent ("other") when refusals lose more than any criterion', () => {
    // Consent 0.1 loses 90 % > age's 60 %.
    const step = mostLimitingStep(study({ consent: 0.1, screenFailure: 0.2 }), estimate({ low: 1, point: 2, high: 3 }, { label: 'Ålder', lostShare: 0.6 }));
    expect(step).toEqual({ kind: 'consent', lostShare: 0.9 });
    expect(suggestFeedback({ national: { low: 1, point: 2, high: 3 }, verdict, limitingStep: step }).at(-1)).toMatchObject({ choice: 'other', reason: 'funnel' });
  });

  it('names screen failure or dropout when one of them loses most', () => {
    expect(mostLimitingStep(study({ consent: 0.9, screenFailure: 0.5, dropout: 0.2 }), estimate({ low: 1, point: 2, high: 3 }, { label: 'Ålder', lostShare: 0.3 }))).toEqual({ kind: 'screen-failure', lostShare: 0.5 });
    expect(mostLimitingStep(study({ consent: 0.9, screenFailure: 0.1, dropout: 0.35 }), estimate({ low: 1, point: 2, high: 3 }, { label: 'Ålder', lostShare: 0.3 }))).toEqual({ kind: 'dropout', lostShare: 0.35 });
  });

  it('a tie keeps the criterion (the earlier step of the funnel)', () => {
    expect(mostLimitingStep(study({ consent: 0.6, screenFailure: 0.1 }), estimate({ low: 1, point: 2, high: 3 }, { label: 'Ålder', lostShare: 0.4 }))).toMatchObject({ kind: 'criterion' });
  });

  it('suggests "no factors" when no step loses anything', () => {
    const step = mostLimitingStep(study({ consent: 1, screenFailure: 0 }), estimate({ low: 1, point: 2, high: 3 }, null));
    expect(step).toBeNull();
    expect(suggestFeedback({ national: { low: 1, point: 2, high: 3 }, verdict, limitingStep: null }).at(-1)).toEqual({ questionId: 'limiting-factors', choice: 'no-factors', reason: 'nothing-lost' });
  });
});

describe('answering', () => {
  const q2 = { questionId: 'recruitment-chances', choice: 'very-good', reason: 'verdict', probability: 0.9 } as const;

  it('accepting a suggestion takes its choice, keeps the comment, marks it accepted and counts as answered', () => {
    const feedback = acceptSuggestion({ 'recruitment-chances': { choice: 'small', comment: 'Konkurrerande studie i Skåne' } }, q2);
    expect(feedback['recruitment-chances']).toEqual({ choice: 'very-good', comment: 'Konkurrerande studie i Skåne', acceptedSuggestion: true });
    expect(answeredCount({ questions: blankRequest('r', 's', NOW).questions, feedback })).toBe(1);
  });

  it('choosing another option is the coordinator’s own answer, no longer the accepted suggestion', () => {
    const accepted = acceptSuggestion({}, q2);
    const own = chooseOption(accepted, 'recruitment-chances', 'good', q2);
    expect(own['recruitment-chances']).toEqual({ choice: 'good', comment: '' });
    // Choosing the suggested option by hand is an answer, but not an accepted suggestion.
    expect(chooseOption({}, 'recruitment-chances', 'very-good', q2)['recruitment-chances']).toEqual({ choice: 'very-good', comment: '' });
  });
});
