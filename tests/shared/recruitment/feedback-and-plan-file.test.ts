/**
 * Early Feedback Form questions 1 and 3 (suggested, then the coordinator's choice), and the new plan fields
 * in study files: optional, checked by the schema (Ajv agrees) and by validateStudy.
 */
// Ajv: a maintained JSON Schema validator, to check the study schema with something other than our own walker.
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { computeAnswer } from '../../../shared/answer/compute-answer';
import { STUDY_JSON_SCHEMA, checkStudyShape, parseStudyFile } from '../../../shared/criteria/study-schema';
import { validateStudy } from '../../../shared/criteria/validate';
import type { Study } from '../../../shared/criteria/study';
import { runDemo } from '../../../shared/demo/run-demo';
import { DEFAULT_HALLAND_RULE } from '../../../shared/regions/regions';
import { earlyFeedback, mostLimitingStep } from '../../../shared/recruitment/feedback';
import { makeStudy } from '../helpers';

const demo = runDemo();

describe('Early Feedback Form questions 1 and 3', () => {
  it('suggests "yes" and the criterion that loses most, and the answer carries the suggestion', () => {
    const answer = computeAnswer(demo.study, [demo.dataset], { hallandRule: DEFAULT_HALLAND_RULE });
    const limiting = demo.estimate.attrition.find((s) => s.stepId === demo.estimate.mostLimitingStepId)!;
    expect(answer.feedback.populationPresent).toEqual({ suggested: 'yes', value: 'yes', chosenByUser: false });
    // In the demo the most limiting criterion loses more than consent (40 %) or screen failure (25 %) does.
    expect(limiting.lostShare).toBeGreaterThan(0.4);
    expect(answer.feedback.limitingFactor).toMatchObject({ suggested: 'exclusion-criteria', value: 'exclusion-criteria', step: { kind: 'criterion', stepId: limiting.stepId } });
  });

  it('names consent when refusals lose more than any criterion, and competing studies when the coordinator says so', () => {
    const study: Study = structuredClone(demo.study);
    study.recruitment.consentRate = { low: 0.05, point: 0.1, high: 0.2 };
    expect(mostLimitingStep(study, demo.estimate)).toEqual({ kind: 'consent', lostShare: 0.9 });
    expect(earlyFeedback(study, demo.estimate).limitingFactor.suggested).toBe('other');
    study.earlyFeedback = { competingStudies: true };
    expect(earlyFeedback(study, demo.estimate).limitingFactor.suggested).toBe('competing-studies');
  });

  it('keeps the coordinator\'s own answers over the suggestions', () => {
    const study: Study = { ...structuredClone(demo.study), earlyFeedback: { populationPresent: 'unknown', limitingFactor: 'no-factors', comment: 'Discussed with PI' } };
    const feedback = earlyFeedback(study, demo.estimate);
    expect(feedback.populationPresent).toEqual({ suggested: 'yes', value: 'unknown', chosenByUser: true });
    expect(feedback.limitingFactor).toMatchObject({ suggested: 'exclusion-criteria', value: 'no-factors', chosenByUser: true });
    expect(feedback.comment).toBe('Discussed with PI');
  });

  it('suggests "no" when even the high end of the national estimate is below one patient', () => {
    const none = { ...demo.estimate, national: { low: 0, point: 0, high: 0.5 } };
    expect(earlyFeedback(demo.study, none).populationPresent.suggested).toBe('no');
    const unsure = { ...demo.estimate, national: { low: 0, point: 2, high: 6 } };
    expect(earlyFeedback(demo.study, unsure).populationPresent.suggested).toBe('unknown');
  });
});

describe('the forecast fields of a study file', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(STUDY_JSON_SCHEMA);

  const full = (): Study => {
    const study = makeStudy([]);
    study.recruitment = {
      ...study.recruitment,
      seasonalWeights: [1, 1, 1, 1, 1, 0.7, 0.05, 0.5, 1, 1, 1, 1],
      dropoutRate: { low: 0.05, point: 0.1, high: 0.15 },
      sitesGoalProbability: 0.9,
      sites: [{ id: 'ks', name: 'Karolinska', region: '01', activationMonth: 2, shareOfRegion: 0.4, ratePerMonth: 1.5, rateCertainty: 'medium' }],
    };
    study.earlyFeedback = { populationPresent: 'yes', limitingFactor: 'competing-studies', competingStudies: true, comment: '' };
    return study;
  };

  it('accepts every new field, and a study without them (stored before they existed)', () => {
    expect(validate(full())).toBe(true);
    expect(parseStudyFile(JSON.stringify(full()))).toEqual({ ok: true, study: full() });
    expect(validate(makeStudy([]))).toBe(true);
    expect(validateStudy(makeStudy([]))).toEqual([]);
  });

  it.each([
    ['eleven monthly weights', (s: Study) => (s.recruitment.seasonalWeights = Array<number>(11).fill(1)), 'recruitment.seasonalWeights'],
    ['a negative weight', (s: Study) => (s.recruitment.seasonalWeights![3] = -1), 'recruitment.seasonalWeights[3]'],
    ['a certainty that does not exist', (s: Study) => ((s.recruitment.sites[0] as { rateCertainty: string }).rateCertainty = 'sure'), 'recruitment.sites[0].rateCertainty'],
    ['a goal probability of 1', (s: Study) => (s.recruitment.sitesGoalProbability = 1), 'recruitment.sitesGoalProbability'],
    ['an unknown limiting factor', (s: Study) => ((s.earlyFeedback as { limitingFactor: string }).limitingFactor = 'weather'), 'earlyFeedback.limitingFactor'],
  ])('both the schema and Ajv reject %s', (_, breakIt, path) => {
    const study = full();
    breakIt(study);
    expect(validate(study)).toBe(false);
    expect(checkStudyShape(study).map((i) => i.path)).toContain(path);
  });

  it.each([
    ['all months at weight 0', (s: Study) => (s.recruitment.seasonalWeights = Array<number>(12).fill(0)), 'recruitment.seasonalWeights'],
    ['dropout low above point', (s: Study) => (s.recruitment.dropoutRate = { low: 0.3, point: 0.1, high: 0.4 }), 'recruitment.dropoutRate'],
    ['a start date that does not exist', (s: Study) => (s.recruitment.startDate = '2026-02-30'), 'recruitment.startDate'],
  ])('validateStudy rejects %s', (_, breakIt, path) => {
    const study = full();
    breakIt(study);
    expect(validateStudy(study).map((i) => i.path)).toContain(path);
  });
});
