/**
 * Hand-computed cases for population-weighted shares of
 * straddling age bands, the annualisation divisor under period criteria, and data of different basis.
 * Every expected number is worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../shared/counts/builder';
import type { Dataset } from '../../../shared/counts/dataset';
import { estimateEligible } from '../../../shared/estimate/estimate';
import { buildDataset, exact, expectInterval, makeStudy, maskedX, predicateStep, type Row } from '../helpers';
import type { EstimatePeriod } from '../../../shared/criteria/study';
import { applyProblemFix } from '../../../shared/answer/describe';
import { AnswerBlockedError, assertSendable } from '../../../shared/answer/blocked';
import { testProvenance } from '../study-builders';

const options = { hallandRule: { kind: 'all-to', healthcareRegion: 'vastra' } as const };
const age65plus = predicateStep('age', { kind: 'age', min: 65, max: null });

type PopulationRow = [region: string, sex: string, age: string, persons: number];

/** A population table as SCB publishes it: persons by region, sex and single year of age. */
function populationTable(rows: PopulationRow[], id = 'scb'): Dataset {
  const builder = new DatasetBuilder({
    id,
    name: 'Population',
    basis: { unit: 'persons', kind: 'prevalent', regionBasis: 'residence' },
    provenance: testProvenance({ publisher: 'SCB', sha256: `sha-${id}`, periodFrom: '2023', periodTo: '2023' }),
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

  it('without a population table: the uniform share, 5 of 10 years, × the range 0.75–1.25', () => {
    const result = estimateEligible(makeStudy([age65plus]), [dataset], options);
    // 200 × 0.5 × 0.75, × 0.5, × 0.5 × 1.25.
    expectInterval(result.national, [75, 100, 125]);
    expect(result.basis?.ageShares).toEqual({ kind: 'uniform' });
  });

  it('with one: the share of the band’s population at the ages inside, 1500/2000, × the range', () => {
    const result = estimateEligible(makeStudy([age65plus]), [dataset], { ...options, population });
    // 200 × 0.75 × 0.75 = 112.5, 200 × 0.75 = 150, 200 × 0.9375 = 187.5.
    expectInterval(result.national, [112.5, 150, 187.5]);
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
    // Stockholm men: 120 × 1/2 = 60 (45..75). Uppsala is not in the table: the country (only Stockholm here), both
    // sexes: 60 × 2/3 = 40; × 0.75 = 30, × 2/3 × 1.25 = 50.
    expectInterval(result.regions.find((r) => r.region === '01')!.eligible, [45, 60, 75]);
    expectInterval(result.regions.find((r) => r.region === '03')!.eligible, [30, 40, 50]);
  });

  it('falls back to the uniform share for a band with no persons in the table', () => {
    const elsewhere = populationTable(years('01', 'female', 0, 30, 100));
    const result = estimateEligible(makeStudy([age65plus]), [dataset], { ...options, population: elsewhere });
    expectInterval(result.national, [75, 100, 125]);
  });

  it('masked cells keep their interval under the weighted share', () => {
    const masked = buildDataset([
      ['2021', '01', 'C20', 'female', '60-69', maskedX],
      ['2022', '01', 'C20', 'female', '60-69', exact(0)],
    ]);
    const result = estimateEligible(makeStudy([age65plus]), [masked], { ...options, population });
    // X = 1..3 (point 2), share 0.75: low 1 × 0.5625, point 2 × 0.75, high 3 × 0.9375.
    expectInterval(result.national, [0.5625, 1.5, 2.8125]);
  });

  it('a finer table by age bands is spread evenly over each band’s years', () => {
    // 60–64: 500 (100 a year), 65–69: 1500 (300 a year): the same 3/4 as the single-year table.
    const banded = populationTable([['01', 'female', '60-64', 500], ['01', 'female', '65-69', 1500]]);
    expectInterval(estimateEligible(makeStudy([age65plus]), [dataset], { ...options, population: banded }).national, [112.5, 150, 187.5]);
  });

  it('a finer table of the same measure is filtered by the study’s other criteria on its own dimensions', () => {
    // National patients by 5-year age for two diagnoses: C20 mostly old (60–64: 10, 65–69: 30), C50 young (60–64: 30, 65–69: 10).
    const finer = buildDataset(
      [
        ['2022', 'national', 'C20', 'female', '60-64', exact(10)],
        ['2022', 'national', 'C20', 'female', '65-69', exact(30)],
        ['2022', 'national', 'C50', 'female', '60-64', exact(30)],
        ['2022', 'national', 'C50', 'female', '65-69', exact(10)],
      ],
      { id: 'finer' },
    );
    const steps = [predicateStep('rectum', { kind: 'codes', codes: ['C20'] }), age65plus];
    const result = estimateEligible(makeStudy(steps), [dataset], { ...options, population: finer });
    // Only the C20 rows weigh: 30 / 40 = 0.75 of the band (not 40/80 = 0.5 over both diagnoses).
    expectInterval(result.national, [112.5, 150, 187.5]);
  });

  it('a table that cannot give age shares blocks the answer, offering uniform shares', () => {
    const noAge = buildDataset([['2022', '01', 'C20', 'female', 'all', exact(10)]], { id: 'no-age' });
    const result = estimateEligible(makeStudy([age65plus]), [dataset], { ...options, population: { ...noAge, dimensions: noAge.dimensions.filter((d) => d.role !== 'age'), columns: noAge.columns.filter((_, d) => noAge.dimensions[d]!.role !== 'age') } });
    expect(result.blocking).toEqual([{ code: 'age-share-table-unusable', dataset: { id: 'no-age', name: 'Hand-made test dataset' }, reason: 'no-age', fixes: [{ kind: 'set-age-share-source', source: { kind: 'uniform' } }] }]);
  });

  it('a study whose age shares come from a table that is not given blocks the answer', () => {
    const study = makeStudy([age65plus], { ageShare: { source: { kind: 'table', datasetId: 'deleted' }, range: { low: 0.75, point: 1, high: 1.25 }, note: '' } });
    expect(estimateEligible(study, [dataset], options).blocking).toEqual([{ code: 'age-share-table-missing', datasetId: 'deleted', fixes: [{ kind: 'set-age-share-source', source: { kind: 'uniform' } }] }]);
  });

  it('puts the population table in the input hash', () => {
    const a = estimateEligible(makeStudy([age65plus]), [dataset], options).inputHash;
    const b = estimateEligible(makeStudy([age65plus]), [dataset], { ...options, population }).inputHash;
    expect(b).not.toBe(a);
  });
});

describe("the estimate's period chooses the years the rate is taken from (a property, not a criterion)", () => {
  // Incident counts for 2021 and 2022; a two-year window.
  const rows: Row[] = [
    ['2021', '01', 'C20', 'male', '70-74', exact(10)],
    ['2022', '01', 'C20', 'male', '70-74', exact(30)],
    ['2022', '03', 'C20', 'male', '70-74', maskedX],
  ];
  const dataset = buildDataset(rows);
  const withPeriod = (period: EstimatePeriod, kind: 'incident' | 'prevalent' = 'incident') =>
    makeStudy([], { population: { kind, windowYears: 2, unit: 'persons', regionBasis: 'residence', period } });

  it('every period: the whole data, 2 years, × 2/2', () => {
    const result = estimateEligible(withPeriod({ kind: 'all' }), [dataset], options);
    expectInterval(result.national, [41, 42, 43]);
    expect(result.period).toMatchObject({ kind: 'incident', windowYears: 2, datasets: [{ id: 'hand', periods: ['2021', '2022'], years: 2, scale: 1 }] });
  });

  it('a range divides by the years it selects, in the base too: 2022 only, × 2/1', () => {
    const result = estimateEligible(withPeriod({ kind: 'range', from: '2022', to: '2022' }), [dataset], options);
    // (30 + X) × 2 = 62..66, point 64. The base row is the same: the period is not a step.
    expectInterval(result.national, [62, 64, 66]);
    expectInterval(result.attrition[0]!.total, [62, 64, 66]);
    expect(result.attrition).toHaveLength(1);
    expect(result.period?.datasets[0]).toEqual({ id: 'hand', periods: ['2022'], from: '2022', to: '2022', years: 1, scale: 2 });
  });

  it('an excluded span does the same: every period but 2021', () => {
    const result = estimateEligible(withPeriod({ kind: 'all', exclude: [{ from: '2021', to: '2021' }] }), [dataset], options);
    expectInterval(result.national, [62, 64, 66]);
  });

  it('the latest period, for incident counts, is one year × 2/1', () => {
    expectInterval(estimateEligible(withPeriod({ kind: 'latest' }), [dataset], options).national, [62, 64, 66]);
  });

  it('a period that selects none of the data’s periods blocks the answer, with the fixes as data', () => {
    // Months of 2022 on yearly data: no year lies wholly inside.
    const result = estimateEligible(withPeriod({ kind: 'range', from: '2022-01', to: '2022-06' }), [dataset], options);
    expect(result.blocking).toEqual([
      {
        code: 'no-period',
        dataset: { id: 'hand', name: 'Hand-made test dataset' },
        period: { kind: 'range', from: '2022-01', to: '2022-06' },
        dataPeriod: { from: '2021', to: '2022' },
        fixes: [{ kind: 'set-period', period: { kind: 'latest' } }, { kind: 'set-period', period: { kind: 'all' } }],
      },
    ]);
    expectInterval(result.national, [0, 0, 0]);
  });

  it('prevalent counts are not annualised: the latest period, or the mean of the periods chosen', () => {
    const prevalent = buildDataset(rows, { basis: { kind: 'prevalent' } });
    expectInterval(estimateEligible(withPeriod({ kind: 'latest' }, 'prevalent'), [prevalent], options).national, [31, 32, 33]);
    // (10 + 30 + X) / 2 periods = (41..43) / 2.
    expectInterval(estimateEligible(withPeriod({ kind: 'all' }, 'prevalent'), [prevalent], options).national, [20.5, 21, 21.5]);
  });
});

describe('data of another basis than the study’s blocks the answer, never adds or drops silently', () => {
  const rows: Row[] = [['2021', '01', 'C20', 'male', '70-74', exact(10)], ['2022', '01', 'C20', 'male', '70-74', exact(10)]];
  const persons = buildDataset(rows, { id: 'persons' });
  const events = buildDataset(rows, { id: 'events', basis: { unit: 'events' } });
  const care = buildDataset(rows, { id: 'care', basis: { regionBasis: 'care' } });
  const prevalent = buildDataset(rows, { id: 'prevalent', basis: { kind: 'prevalent' } });
  const blocked = (result: ReturnType<typeof estimateEligible>) => (result.blocking ?? []).flatMap((p) => (p.code === 'basis-mismatch' ? [p.dataset.id] : []));

  it('a persons study with events data: the events are named, with the mismatching field and both fixes', () => {
    const result = estimateEligible(makeStudy([]), [events, persons], options);
    // Only the persons count (10 + 10 over two years × 2/2).
    expectInterval(result.national, [20, 20, 20]);
    expect(result.blocking).toEqual([
      {
        code: 'basis-mismatch',
        dataset: { id: 'events', name: 'Hand-made test dataset' },
        mismatches: [{ field: 'unit', dataset: 'events', study: 'persons' }],
        fixes: [{ kind: 'set-basis', basis: { unit: 'events' } }, { kind: 'unlink-dataset', datasetId: 'events' }],
      },
    ]);
  });

  it('residence and care region: the care data blocks the answer', () => {
    const result = estimateEligible(makeStudy([]), [persons, care], options);
    expect(blocked(result)).toEqual(['care']);
    expect(result.basis?.regionBasis).toBe('residence');
  });

  it('incident and prevalent: the prevalent data blocks an incident study, with the kind named', () => {
    const result = estimateEligible(makeStudy([]), [prevalent, persons], options);
    expect(blocked(result)).toEqual(['prevalent']);
    expect(result.blocking?.[0]).toMatchObject({ mismatches: [{ field: 'kind', dataset: 'prevalent', study: 'incident' }] });
  });

  it('a study counting events uses events data, with the warning that a patient may count more than once', () => {
    const study = makeStudy([], { population: { kind: 'incident', windowYears: 2, unit: 'events', regionBasis: 'residence', period: { kind: 'all' } } });
    const result = estimateEligible(study, [events], options);
    expectInterval(result.national, [20, 20, 20]);
    expect(result.blocking).toEqual([]);
    expect(result.warnings).toContainEqual({ code: 'events-not-persons' });
  });

  it('nothing of the study’s basis: blocked, every dataset named, and no figure to send', () => {
    const result = estimateEligible(makeStudy([]), [prevalent], options);
    expect(blocked(result)).toEqual(['prevalent']);
    expect(() => assertSendable(result)).toThrow(AnswerBlockedError);
  });

  it('applying the offered fix makes the study count the data’s basis, and the answer can be sent', () => {
    const result = estimateEligible(makeStudy([]), [prevalent], options);
    const { study } = applyProblemFix(makeStudy([]), result.blocking![0]!.fixes[0]!);
    // Prevalent now, the latest period (2022: 10); the period followed the kind's default.
    expect(study.population).toMatchObject({ kind: 'prevalent', period: { kind: 'latest' } });
    const fixed = estimateEligible(study, [prevalent], options);
    expect(fixed.blocking).toEqual([]);
    expectInterval(fixed.national, [10, 10, 10]);
  });
});
