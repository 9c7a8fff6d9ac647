import { describe, expect, it } from 'vitest';
import { validateStudy } from '../../../shared/criteria/validate';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { makeStudy, predicateStep, proportionStep } from '../helpers';

const paths = (study: Parameters<typeof validateStudy>[0]) => validateStudy(study).map((i) => i.path);

describe('validateStudy', () => {
  it('accepts the demo study', () => {
    expect(validateStudy(DEMO_STUDY)).toEqual([]);
  });

  it('names each bad field', () => {
    const study = makeStudy([
      proportionStep('share', { low: 0.3, point: 0.2, high: 0.4 }),
      predicateStep('codes', { kind: 'codes', codes: ['C18', 'nonsense'] }),
      predicateStep('age', { kind: 'age', min: 80, max: 18 }),
      predicateStep('codes', { kind: 'sex', sex: 'female' }),
      predicateStep('atc', { kind: 'hierarchy', key: 'lakemedel', scheme: 'atc', codes: ['N6'] }),
    ]);
    study.recruitment.targetPatients = 0;
    study.recruitment.sites = [{ id: 's', name: 's', region: '01', activationMonth: -1, shareOfRegion: 1.5 }];
    study.verdictThresholds = { veryGood: 0.4, good: 0.6 };
    study.population.period = { kind: 'range', from: '2023', to: '2021' };
    study.ageShare.range = { low: 0.9, point: 0.8, high: 1 };
    expect(paths(study)).toEqual([
      'population.period',
      'ageShare.range',
      'steps[0].rule.share',
      'steps[1].rule.predicate',
      'steps[2].rule.predicate',
      'steps[3].id',
      'steps[4].rule.predicate',
      'recruitment.targetPatients',
      'recruitment.sites[0].shareOfRegion',
      'recruitment.sites[0].activationMonth',
      'verdictThresholds',
    ]);
    expect(validateStudy(study)[3]!.message).toContain('"nonsense"');
    expect(validateStudy(study)[6]!.message).toContain('"N6" is not an ATC code or level');
  });
});
