/**
 * The value picker's pure logic: the ATC hierarchy flattened parents first, a search that keeps a match in its
 * place, the first match made active, the criterion and the readable label a pick gives. Counts are hand sums of
 * the rows below (the latest year, 2020; finest cells only: the "all" sex and the national row are totals).
 */
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../shared/counts/builder';
import type { Dataset } from '../../../shared/counts/dataset';
import { valueCatalogue } from '../../../shared/answer/value-catalogue';
import { basisMatchesDefault } from '../../../renderer/src/study/BasisFields';
import { parseShareMultiple } from '../../../renderer/src/study/AgeShareFields';
import { firstMatch, moveActive, optionLabel, optionPredicate, selectedOptionId, valueOptions } from '../../../renderer/src/study/value-options';
import { exact } from '../../shared/helpers';
import { testProvenance } from '../../shared/study-builders';

function drugs(rows: [year: string, drug: string, region: string, sex: string, n: number][]): Dataset {
  const b = new DatasetBuilder({
    id: 'drugs',
    name: 'Drugs',
    basis: { unit: 'persons', kind: 'prevalent', regionBasis: 'residence' },
    provenance: testProvenance({ sha256: 'd', periodFrom: '2019', periodTo: '2020' }),
    dimensions: [
      { key: 'year', role: 'period' },
      { key: 'lakemedel', role: 'extra', label: 'Läkemedel' },
      { key: 'region', role: 'region' },
      { key: 'sex', role: 'sex' },
    ],
  });
  for (const [year, drug, region, sex, n] of rows) b.add([year, drug, region, sex], exact(n));
  return b.build();
}

const DATA = drugs([
  ['2019', 'N06BA04 Metylfenidat', '01', 'male', 500],
  ['2020', 'N06BA04 Metylfenidat', '01', 'male', 100],
  ['2020', 'N06BA04 Metylfenidat', '01', 'female', 40],
  ['2020', 'N06BA04 Metylfenidat', '01', 'all', 140],
  ['2020', 'N06BA04 Metylfenidat', 'national', 'male', 99],
  ['2020', 'N06BA12 Lisdexamfetamin', '12', 'male', 30],
  ['2020', 'C02AC02 Guanfacin', '12', 'female', 7],
]);
const [drug] = valueCatalogue([DATA]);

describe('value options', () => {
  it('lists the ATC hierarchy parents first with depth and hand-summed counts of the latest year', () => {
    const options = valueOptions(drug!, '');
    expect(options.map((o) => [o.code, o.level, o.count.point])).toEqual([
      ['C', 1, 7],
      ['C02', 2, 7],
      ['C02A', 3, 7],
      ['C02AC', 4, 7],
      ['C02AC02', 5, 7],
      ['N', 1, 170], // 100 + 40 + 30
      ['N06', 2, 170],
      ['N06B', 3, 170],
      ['N06BA', 4, 170],
      ['N06BA04', 5, 140], // 100 + 40 (not 2019's 500, not the "all" row, not the national row)
      ['N06BA12', 5, 30],
    ]);
    expect(options.find((o) => o.code === 'N06BA')!.group).toBe(true);
    expect(options.find((o) => o.code === 'N06BA04')!.name).toBe('Metylfenidat');
  });

  it('keeps a search match in its place (the levels above it shown, not matches) and makes the match active', () => {
    const options = valueOptions(drug!, 'metylfenidat');
    expect(options.map((o) => [o.code, o.match])).toEqual([
      ['N', false],
      ['N06', false],
      ['N06B', false],
      ['N06BA', false],
      ['N06BA04', true],
    ]);
    expect(firstMatch(options)).toBe(4);
    // A code prefix matches every level it starts: N06B and everything below it.
    expect(valueOptions(drug!, 'n06b').filter((o) => o.match).map((o) => o.code)).toEqual(['N06B', 'N06BA', 'N06BA04', 'N06BA12']);
    expect(valueOptions(drug!, 'insulin')).toEqual([]);
    expect(firstMatch([])).toBe(-1);
  });

  it('gives the core criterion and the readable label for a pick, and recognises it as chosen', () => {
    const leaf = valueOptions(drug!, 'N06BA04').find((o) => o.code === 'N06BA04')!;
    const predicate = optionPredicate(drug!, leaf);
    expect(predicate).toEqual({ kind: 'hierarchy', key: 'lakemedel', scheme: 'atc', codes: ['N06BA04'] });
    expect(optionLabel(drug!, leaf, 'sv')).toBe('Läkemedel: N06BA04 Metylfenidat');
    expect(optionLabel(drug!, leaf, 'en')).toBe('Läkemedel: N06BA04 Metylfenidat');
    expect(selectedOptionId(drug!, predicate)).toBe('N06BA04');
    expect(selectedOptionId(drug!, { kind: 'age', min: 6, max: 17 })).toBeNull();
  });

  it('moves the active option within the list and stops at its ends', () => {
    expect(moveActive(5, 0, 'ArrowDown')).toBe(1);
    expect(moveActive(5, 4, 'ArrowDown')).toBe(4);
    expect(moveActive(5, 0, 'ArrowUp')).toBe(0);
    expect(moveActive(5, 2, 'PageDown')).toBe(4);
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
  });
});

describe('basis and age-share inputs', () => {
  it('says whether the study counts like its data', () => {
    const prevalent = { kind: 'prevalent', unit: 'persons', regionBasis: 'residence' } as const;
    expect(basisMatchesDefault(prevalent, prevalent)).toBe(true);
    expect(basisMatchesDefault({ ...prevalent, kind: 'incident' }, prevalent)).toBe(false);
    expect(basisMatchesDefault(prevalent, null)).toBe(true);
  });

  it('reads a range multiple typed in per cent, above 100 % too, and refuses the rest', () => {
    expect(parseShareMultiple('75')).toBe(0.75);
    expect(parseShareMultiple('125,5 %')).toBe(1.255);
    expect(parseShareMultiple('600')).toBeNull();
    expect(parseShareMultiple('-5')).toBeNull();
    expect(parseShareMultiple('abc')).toBeNull();
  });
});
