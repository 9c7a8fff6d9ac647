/**
 * Hand-computed cases for population-weighted shares of
 * straddling age bands, the annualisation divisor under period criteria, and data of different basis.
 * Every expected number is worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../shared/counts/builder';
import type { Dataset } from '../../../shared/counts/dataset';
import { estimateEligible } from '../../../shared/estimate/estimate';
import { InvalidPopulationTableError } from '../../../shared/estimate/population-weights';
import { buildDataset, exact, expectInterval, makeStudy, maskedX, predicateStep, type Row } from '../helpers';

const options = { hallandRule: { kind: 'all-to', healthcareRegion: 'vastra' } as const };
const age65plus = predicateStep('age', { kind: 'age', min: 65, max: null });

type PopulationRow = [region: string, sex: string, age: string, persons: number];

/** A population table as SCB publishes it: persons by region, sex and single year of age. */
function populationTable(rows: PopulationRow[], id = 'scb'): Dataset {
  const builder = new DatasetBuilder({
    id,
    name: 'Population',
    basis: { unit: 'persons', kind: 'prevalent', regionBasis: 'residence' },
    provenance: { publisher: 'SCB', synthetic: false, sha256: `sha-${id}`, periodFrom: '2023', periodTo: '2023', notes: [], maskTokens: {} },
    dimensions: [
      { key: 'region', role: 'region' },
      { key: 'sex', role: 'sex' },
      { key: 'age', role: 'age' },
    ],
  });
  for (const [region, sex, age, persons] of rows) builder.add([region, sex, age], exact(persons));
  return builder.build();
}

/** `persons` at every single year from..to. */
const years = (region: string, sex: string, from: number, to: number, persons: number): PopulationRow[] =>
  Array.from({ length: to - from + 1 }, (_, i): PopulationRow => [region, sex, String(from + i), persons]);

describe('straddling age bands, population-weighted', () => {
  // 100 women aged 60–69 in Stockholm per year, two years, a two-year window: scale 1.
  const rows: Row[] = [
    ['2021', '01', 'C20', 'female', '60-69', exact(100)],
    ['2022', '01', 'C20', 'female', '60-69', exact(100)],
  ];
  const dataset = buildDataset(rows);
  // Stockholm women: 100 a year at 60–64, 300 a year at 65–69, so 1500 of 2000 are 65 or older.
  const population = populationTable([...years('01', 'female', 0, 100, 100).filter(([, , a]) => Number(a) < 65), ...years('01', 'female', 65, 100, 300)]);

  it('without a population table: the uniform share, 5 of 10 years', () => {
    const result = estimateEligible(makeStudy([age65plus]), [dataset], options);
    expectInterval(result.national, [0, 100, 200]);
    expect(result.basis?.ageShares).toEqual({ kind: 'uniform' });
  });

  it('with one: the share of the band’s population at the ages inside, 1500/2000; the interval still spans 0..band', () => {
    const result = estimateEligible(makeStudy([age65plus]), [dataset], { ...options, population });
    expectInterval(result.national, [0, 150, 200]);
    expect(result.basis?.ageShares).toEqual({ kind: 'population', datasetId: 'scb' });
    expect(result.warnings).toContainEqual({ code: 'straddling-age-band', bands: ['60-69'], weighting: 'population' });
  });

  it('uses the cell’s own sex, and both sexes for sex "all"', () => {
    // Men in Stockholm: 100 a year at every age, share 1/2. Both sexes: (5·300 + 5·100) / (5·200 + 5·400) = 2/3.
    const both = populationTable([
      ...years('01', 'female', 60, 64, 100),
      ...years('01', 'female', 65, 69, 300),
      ...years('01', 'male', 60, 69, 100),
    ]);
    // Two datasets: in one, "all" beside "male" would be a total of it and left out.
    const stockholm = buildDataset([['2021', '01', 'C20', 'male', '60-69', exact(60)], ['2022', '01', 'C20', 'male', '60-69', exact(60)]], { id: 'sthlm' });
    const uppsala = buildDataset([['2021', '03', 'C20', 'all', '60-69', exact(30)], ['2022', '03', 'C20', 'all', '60-69', exact(30)]], { id: 'upps' });
    const result = estimateEligible(makeStudy([age65plus]), [stockholm, uppsala], { ...options, population: both });
    // Stockholm men: 120 × 1/2 = 60. Uppsala is not in the table: the country (only Stockholm here), both sexes: 60 × 2/3 = 40.
    expectInterval(result.regions.find((r) => r.region === '01')!.eligible, [0, 60, 120]);
    expectInterval(result.regions.find((r) => r.region === '03')!.eligible, [0, 40, 60]);
  });

  it('falls back to the uniform share for a band with no persons in the table', () => {
    const elsewhere = populationTable(years('01', 'female', 0, 30, 100));
    const result = estimateEligible(makeStudy([age65plus]), [dataset], { ...options, population: elsewhere });
    expectInterval(result.national, [0, 100, 200]);
  });

  it('masked cells keep their interval under the weighted share', () => {
    const masked = buildDataset([
      ['2021', '01', 'C20', 'female', '60-69', maskedX],
      ['2022', '01', 'C20', 'female', '60-69', exact(0)],
    ]);
    const result = estimateEligible(makeStudy([age65plus]), [masked], { ...options, population });
    // X = 1..3 (point 2): low 0 (the band may lie wholly below 65), point 2 × 0.75, high 3.
    expectInterval(result.national, [0, 1.5, 3]);
  });

  it('refuses a population table whose ages are bands', () => {
    const banded = populationTable([['01', 'female', '60-69', 1000]]);
    expect(() => estimateEligible(makeStudy([age65plus]), [dataset], { ...options, population: banded })).toThrow(InvalidPopulationTableError);
  });

  it('puts the population table in the input hash', () => {
    const a = estimateEligible(makeStudy([age65plus]), [dataset], options).inputHash;
    const b = estimateEligible(makeStudy([age65plus]), [dataset], { ...options, population }).inputHash;
    expect(b).not.toBe(a);
  });
});

describe('period criteria change the annualisation divisor', () => {
  // Incident counts for 2021 and 2022; a two-year window.
  const rows: Row[] = [
    ['2021', '01', 'C20', 'male', '70-74', exact(10)],
    ['2022', '01', 'C20', 'male', '70-74', exact(30)],
    ['2022', '03', 'C20', 'male', '70-74', maskedX],
  ];
  const dataset = buildDataset(rows);

  it('without one: the whole data, 2 years, × 2/2', () => {
    const result = estimateEligible(makeStudy([]), [dataset], options);
    expectInterval(result.national, [41, 42, 43]);
  });

  it('a period inclusion divides by the years it selects: 2022 only, × 2/1', () => {
    const result = estimateEligible(makeStudy([predicateStep('recent', { kind: 'period', from: '2022', to: '2022' })]), [dataset], options);
    // (30 + X) × 2 = 62..66, point 64. The base row keeps the whole data's divisor.
    expectInterval(result.national, [62, 64, 66]);
    expectInterval(result.attrition[0]!.total, [41, 42, 43]);
    expect(result.basis?.datasets[0]).toEqual({ id: 'hand', yearsCovered: 2, scale: 1, yearsUsed: 1, scaleUsed: 2 });
  });

  it('a period exclusion does the same: not 2021', () => {
    const result = estimateEligible(makeStudy([predicateStep('not-2021', { kind: 'period', from: '2021', to: '2021' }, 'exclusion')]), [dataset], options);
    expectInterval(result.national, [62, 64, 66]);
  });

  it('a later step keeps the divisor of the period step before it', () => {
    const steps = [predicateStep('recent', { kind: 'period', from: '2022', to: '2022' }), predicateStep('stockholm', { kind: 'region', regions: ['01'] })];
    const result = estimateEligible(makeStudy(steps), [dataset], options);
    expectInterval(result.national, [60, 60, 60]);
  });

  it('a criterion that selects no whole period leaves the divisor as it was', () => {
    // Months of 2022 on yearly data: every cell is only partly inside, so 0 in the point and whole in the high.
    const result = estimateEligible(makeStudy([predicateStep('h1', { kind: 'period', from: '2022-01', to: '2022-06' })]), [dataset], options);
    expectInterval(result.national, [0, 0, 33]);
    expect(result.basis?.datasets[0]?.yearsUsed).toBe(2);
  });

  it('prevalent counts are not annualised: the divisor does not apply', () => {
    const prevalent = buildDataset(rows, { basis: { kind: 'prevalent' } });
    const study = makeStudy([predicateStep('recent', { kind: 'period', from: '2022', to: '2022' })], { population: { kind: 'prevalent', windowYears: 1 } });
    expectInterval(estimateEligible(study, [prevalent], options).national, [31, 32, 33]);
  });
});

describe('data of different basis is never added silently', () => {
  const rows: Row[] = [['2021', '01', 'C20', 'male', '70-74', exact(10)], ['2022', '01', 'C20', 'male', '70-74', exact(10)]];
  const persons = buildDataset(rows, { id: 'persons' });
  const events = buildDataset(rows, { id: 'events', basis: { unit: 'events' } });
  const care = buildDataset(rows, { id: 'care', basis: { regionBasis: 'care' } });
  const prevalent = buildDataset(rows, { id: 'prevalent', basis: { kind: 'prevalent' } });
  const mismatches = (warnings: ReturnType<typeof estimateEligible>['warnings']) =>
    warnings.flatMap((w) => (w.code === 'basis-mismatch' ? [w.dataset] : []));

  it('persons and events: the persons are used, the events left out and named', () => {
    const result = estimateEligible(makeStudy([]), [events, persons], options);
    expectInterval(result.national, [20, 20, 20]);
    expect(mismatches(result.warnings)).toEqual(['events']);
    expect(result.basis).toMatchObject({ unit: 'persons', datasets: [{ id: 'persons' }] });
  });

  it('residence and care region: the first dataset’s basis is used, the other left out and named', () => {
    const result = estimateEligible(makeStudy([]), [persons, care], options);
    expectInterval(result.national, [20, 20, 20]);
    expect(mismatches(result.warnings)).toEqual(['care']);
    expect(result.basis?.regionBasis).toBe('residence');
  });

  it('incident and prevalent: only the study’s kind is used', () => {
    const result = estimateEligible(makeStudy([]), [prevalent, persons], options);
    expectInterval(result.national, [20, 20, 20]);
    expect(mismatches(result.warnings)).toEqual(['prevalent']);
  });

  it('events alone are used, with the warning that a patient may count more than once', () => {
    const result = estimateEligible(makeStudy([]), [events], options);
    expectInterval(result.national, [20, 20, 20]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'basis-mismatch', dataset: 'events', detail: expect.stringContaining('more than once') }));
  });

  it('nothing of the study’s kind: zero, with every dataset named', () => {
    const result = estimateEligible(makeStudy([]), [prevalent], options);
    expectInterval(result.national, [0, 0, 0]);
    expect(mismatches(result.warnings)).toEqual(['prevalent']);
  });
});
