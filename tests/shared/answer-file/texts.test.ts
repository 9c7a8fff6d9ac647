// A unit's basis in words: the compilation page and `antal answer compile` print it from one table.
import { describe, expect, it } from 'vitest';
import { compileWarningText, unitBasisText } from '../../../shared/answer-file';

describe('unitBasisText', () => {
  it('names unit, kind and region basis in the reader\'s language', () => {
    expect(unitBasisText({ unit: 'persons', kind: 'incident', regionBasis: 'residence' }, 'sv')).toBe('personer, nya fall, region efter folkbokföring');
    expect(unitBasisText({ unit: 'events', kind: 'prevalent', regionBasis: 'care' }, 'sv')).toBe('händelser, prevalenta, region efter vårdregion');
    expect(unitBasisText({ unit: 'persons', kind: 'incident', regionBasis: 'residence' }, 'en')).toBe('persons, incident, region by residence');
  });

  it('prints a word this version does not know as the file wrote it, never a missing text', () => {
    expect(unitBasisText({ unit: 'persons', kind: 'toString', regionBasis: 'clinic' }, 'sv')).toBe('personer, toString, region efter clinic');
  });
});

describe('compileWarningText', () => {
  it('says each compile warning in the reader\'s language, with region names and the unit\'s basis in words', () => {
    expect(compileWarningText({ code: 'duplicate-region', params: { region: '12', units: ['Forum Söder', 'Gothia Forum'] } }, 'sv')).toBe(
      'Skåne besvaras av Forum Söder och Gothia Forum. Alla svar visas; regionen räknas en gång, från det lägsta till det högsta svaret.',
    );
    expect(compileWarningText({ code: 'missing-regions', params: { regions: ['01', '03'] } }, 'en')).toBe('No answer for Stockholm, Uppsala. The totals cover the answered regions only.');
    expect(
      compileWarningText({ code: 'basis-conflict', params: { unit: 'Forum Norr', basis: { unit: 'events', kind: 'prevalent', regionBasis: 'care' }, expected: { unit: 'persons', kind: 'incident', regionBasis: 'residence' } } }, 'sv'),
    ).toBe('Forum Norr räknar händelser, prevalenta, region efter vårdregion, de andra personer, nya fall, region efter folkbokföring: svaret räknas inte, eftersom olika baser aldrig summeras.');
  });
});
