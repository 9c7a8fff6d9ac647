// A unit's basis in words: the compilation page and `antal answer compile` print it from one table.
import { describe, expect, it } from 'vitest';
import { unitBasisText } from '../../../shared/answer-file';

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
