// The user's answer to "can one person be under several values of this column?" over the default for the basis.
import { describe, expect, it } from 'vitest';
import { chosenOverlapping, overlapChoosable } from '../../../shared/counts/overlap';

const dims = [
  { key: 'year', role: 'period' as const },
  { key: 'lakemedel', role: 'extra' as const },
  { key: 'region', role: 'region' as const },
  { key: 'icd10', role: 'code' as const },
  { key: 'sex', role: 'sex' as const },
  { key: 'age', role: 'age' as const },
];
const prevalentPersons = { unit: 'persons', kind: 'prevalent' } as const;

describe('choosing overlapping dimensions', () => {
  it('asks only about regions, codes and extra columns (sexes, ages and periods never overlap)', () => {
    expect(overlapChoosable(dims).map((d) => d.key)).toEqual(['lakemedel', 'region', 'icd10']);
  });

  it('without answers: the default for the basis (drugs, regions and diagnoses of prevalent persons)', () => {
    expect(chosenOverlapping(dims, prevalentPersons, {})).toEqual(['lakemedel', 'region', 'icd10']);
    expect(chosenOverlapping(dims, { unit: 'persons', kind: 'incident' }, {})).toEqual(['lakemedel', 'icd10']);
    expect(chosenOverlapping(dims, { unit: 'events', kind: 'prevalent' }, {})).toEqual([]);
  });

  it("an answer wins over the default both ways, and a column that can never overlap can't be made to", () => {
    expect(chosenOverlapping(dims, prevalentPersons, { lakemedel: false })).toEqual(['region', 'icd10']);
    expect(chosenOverlapping(dims, { unit: 'events', kind: 'prevalent' }, { lakemedel: true })).toEqual(['lakemedel']);
    expect(chosenOverlapping(dims, prevalentPersons, { sex: true, age: true, year: true, region: false })).toEqual(['lakemedel', 'icd10']);
  });
});
