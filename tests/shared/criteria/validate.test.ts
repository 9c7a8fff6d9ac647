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
      predicateStep('period', { kind: 'period', from: '2023', to: '2021' }),
    ]);
    study.recruitment.targetPatients = 0;
    study.recruitment.sites = [{ id: 's', name: 's', region: '01', activationMonth: -1, shareOfRegion: 1.5 }];
    study.verdictThresholds = { veryGood: 0.4, good: 0.6 };
    expect(paths(study)).toEqual([
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
    expect(validateStudy(study)[1]!.message).toContain('"nonsense"');
  });
});
