import { describe, expect, it } from 'vitest';
import { parsePeriodLabel } from '../../../shared/import/parse-period-label';
import { parseSex } from '../../../shared/import/parse-sex';
import { parseCodeValue } from '../../../shared/import/parse-code-value';
import { classifyMeasureHeader } from '../../../shared/import/measure-kind';
import { dimensionFromHeader } from '../../../shared/import/header-roles';

describe('label parsers', () => {
  it.each([
    ['2021', '2021'], ['2021M03', '2021-03'], ['2021-3', '2021-03'], ['mars 2021', '2021-03'], ['2021 Jan', '2021-01'],
    ['2021-W07', '2021-W07'], ['2021V07', '2021-W07'], ['Vecka 7 2021', '2021-W07'], ['2020 v53', '2020-W53'],
    ['2021K2', '2021-Q2'], ['2021 Q4', '2021-Q4'], ['2021-02-28', '2021-02-28'],
  ])('period "%s" → %s', (raw, expected) => {
    expect(parsePeriodLabel(raw)).toBe(expected);
  });

  it.each(['2021-13', '2021-W54', '2021 Foo', 'Skåne', '2021-02-30'])('period "%s" is not a period', (raw) => {
    expect(parsePeriodLabel(raw)).toBeNull();
  });

  it.each([
    ['Män', 'male'], ['Man', 'male'], ['M', 'male'], ['Male', 'male'], ['Kvinnor', 'female'], ['Kvinna', 'female'],
    ['K', 'female'], ['Kv', 'female'], ['Female', 'female'], ['Båda könen', 'all'], ['Both sexes', 'all'], ['Totalt', 'all'],
  ])('sex "%s" → %s', (raw, expected) => {
    expect(parseSex(raw)).toBe(expected);
  });

  it('tells ICD-10 codes from ATC codes', () => {
    expect(parseCodeValue('C18.7')).toEqual({ kind: 'icd10', code: 'C187', name: '' });
    expect(parseCodeValue('C18 Tjocktarmscancer')).toEqual({ kind: 'icd10', code: 'C18', name: 'Tjocktarmscancer' });
    expect(parseCodeValue('C00 – D48')).toEqual({ kind: 'icd10', code: 'C00-D48', name: '' });
    expect(parseCodeValue('C02AC02 Guanfacin')).toEqual({ kind: 'atc', code: 'C02AC02', name: 'Guanfacin' });
    expect(parseCodeValue('N06BA')).toMatchObject({ kind: 'atc', code: 'N06BA' });
    expect(parseCodeValue('Totalt')).toEqual({ kind: 'total' });
    expect(parseCodeValue('hello')).toBeNull();
  });

  it.each([
    ['Antal patienter', { kind: 'count', unit: 'persons' }],
    ['Number of patients', { kind: 'count', unit: 'persons' }],
    ['Antal expedieringar', { kind: 'count', unit: 'events' }],
    ['Vårdtillfällen', { kind: 'count', unit: 'events' }],
    ['Patienter/1000 invånare', { kind: 'rate', ratePer: 1000 }],
    ['Antal per 100 000 invånare', { kind: 'rate', ratePer: 100000 }],
    ['Befolkning', { kind: 'population' }],
    ['Population', { kind: 'population' }],
  ])('measure header "%s"', (raw, expected) => {
    expect(classifyMeasureHeader(raw)).toMatchObject(expected);
  });

  it.each([
    ['Län', 'region'], ['County', 'region'], ['Kön', 'sex'], ['Ålder', 'age'], ['Åldersgrupp', 'age'], ['År', 'period'],
    ['Månad', 'period'], ['Diagnos', 'code'], ['ICD-10', 'code'], ['Läkemedel', 'drug'], ['Antal', null],
  ])('dimension header "%s"', (raw, expected) => {
    expect(dimensionFromHeader(raw)).toBe(expected);
  });
});
