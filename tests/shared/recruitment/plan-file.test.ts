/**
 * The plan fields in study files: optional, checked by the schema (Ajv agrees) and by validateStudy; a study file
 * of an older version with Early Feedback Form answers on the study still reads (they move to the request).
 */
// Ajv: a maintained JSON Schema validator, to check the study schema with something other than our own walker.
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { STUDY_JSON_SCHEMA, checkStudyShape, parseStudyFile } from '../../../shared/criteria/study-schema';
import { validateStudy } from '../../../shared/criteria/validate';
import type { Study } from '../../../shared/criteria/study';
import { makeStudy } from '../helpers';

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
