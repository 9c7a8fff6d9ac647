/**
 * estimateEligible on a tiny hand-made dataset, with every expected number worked out by hand in the
 * comments. Two years of incident counts and a two-year window, so the annualisation factor is 1.
 */
import { describe, expect, it } from 'vitest';
import { estimateEligible } from '../../../shared/estimate/estimate';
import type { CriterionStep } from '../../../shared/criteria/study';
import { DEFAULT_HALLAND_RULE } from '../../../shared/regions/regions';
import { buildDataset, exact, expectInterval, makeStudy, maskedX, predicateStep, proportionStep, type Row } from '../helpers';

const ROWS: Row[] = [
  // Stockholm (01)
  ['2021', '01', 'C180', 'male', '70-74', exact(10)],
  ['2021', '01', 'C187', 'female', '75-79', exact(20)],
  ['2022', '01', 'C20', 'male', '75-79', maskedX],
  ['2022', '01', 'C50', 'female', '70-74', exact(100)],
  // Published totals that must never be added to their parts: the C18 category and sex "all".
  ['2021', '01', 'C18', 'male', '70-74', exact(10)],
  ['2021', '01', 'C180', 'all', '70-74', exact(10)],
  // Uppsala (03)
  ['2021', '03', 'C20', 'female', '60-64', exact(5)],
  ['2022', '03', 'C187', 'male', '15-19', exact(4)],
  // Halland (13)
  ['2022', '13', 'C20', 'male', '65-69', exact(6)],
  // Published national rows: 144 in all, 3 fewer than the sum of the regions (147).
  ['2021', 'national', 'C180', 'male', '70-74', exact(9)],
  ['2021', 'national', 'C187', 'female', '75-79', exact(19)],
  ['2022', 'national', 'C20', 'male', '75-79', exact(2)],
  ['2021', 'national', 'C20', 'female', '60-64', exact(5)],
  ['2022', 'national', 'C187', 'male', '15-19', exact(4)],
  ['2022', 'national', 'C20', 'male', '65-69', exact(6)],
  ['2022', 'national', 'C50', 'female', '70-74', exact(99)],
];

const dataset = buildDataset(ROWS);
const diagnosis = predicateStep('diagnosis', { kind: 'codes', codes: ['C18-C20'] });
const age = predicateStep('age', { kind: 'age', min: 18, max: 75 });
const disabled = proportionStep('disabled', { low: 0.5, point: 0.5, high: 0.5 }, 'inclusion', false);
const metastatic = proportionStep('metastatic', { low: 0.2, point: 0.25, high: 0.3 });
const prior = proportionStep('prior', { low: 0.05, point: 0.1, high: 0.15 }, 'exclusion');
const joint: CriterionStep = {
  id: 'joint-uppsala',
  type: 'inclusion',
  enabled: true,
  protocolText: 'Uppsala counted its own patients meeting all criteria',
  label: 'joint',
  rule: { kind: 'joint-count', region: '03', count: { low: 0.5, point: 1, high: 1.5 }, source: 'Region Uppsala' },
};
const options = { hallandRule: { kind: 'population-split', sodraShare: 0.25 } as const };

describe('estimateEligible, hand-computed', () => {
  const result = estimateEligible(makeStudy([diagnosis, age, disabled, metastatic, prior, joint]), [dataset], options);
  const row = (id: string) => result.attrition.find((a) => a.stepId === id)!;
  const region = (code: string) => result.regions.find((r) => r.region === code)!;

  it('base: finest cells only, masked cell as 1–3, totals left out', () => {
    // Stockholm 10 + 20 + X(1..3) + 100 = 131..133; Uppsala 9; Halland 6.
    expectInterval(row('base').total, [146, 147, 148]);
    expectInterval(row('base').perRegion['01'], [131, 132, 133]);
    // The published national rows: 9 + 19 + 2 + 5 + 4 + 6 + 99.
    expectInterval(row('base').totalPublished, [144, 144, 144]);
  });

  it('diagnosis: C18–C20 keeps the C18 leaves and C20, drops C50', () => {
    expectInterval(row('diagnosis').total, [46, 47, 48]);
    expectInterval(row('diagnosis').totalPublished, [45, 45, 45]);
    expect(row('diagnosis').lostShare).toBeCloseTo(1 - 47 / 147, 12);
  });

  it('age 18–75: on its own line a straddling band stays whole; nothing is lost there', () => {
    // Every band overlaps 18–75 (70-74, 75-79, 60-64, 15-19, 65-69): the line equals the diagnosis line.
    expectInterval(row('age').perRegion['01'], [31, 32, 33]);
    expectInterval(row('age').total, [46, 47, 48]);
    // The national rows are still whole cells, so they still answer the question exactly.
    expectInterval(row('age').totalPublished, [45, 45, 45]);
  });

  it('the age-share assumption line: the uniform share × the range 0.75–1.25', () => {
    const share = row('age:age-share');
    expect(share.type).toBe('assumption');
    // Stockholm: 70-74 whole (10); 75-79 one year of five (0.2 → 0.15 / 0.2 / 0.25): 20 → 3 / 4 / 5 and X (1..3,
    // point 2) → 0.15 / 0.4 / 0.75. 10 + 3 + 0.15 = 13.15, 10 + 4 + 0.4 = 14.4, 10 + 5 + 0.75 = 15.75.
    expectInterval(share.perRegion['01'], [13.15, 14.4, 15.75]);
    // Uppsala: 60-64 whole (5); 15-19 two years of five (0.4 → 0.3 / 0.4 / 0.5) of 4 → 1.2 / 1.6 / 2.
    expectInterval(share.perRegion['03'], [6.2, 6.6, 7]);
    // Halland 65-69 is whole: 6.
    expectInterval(share.total, [25.35, 27, 28.75]);
    // No region's low is 0 any more, and the line never exceeds the line before it.
    expect(share.lostShare).toBeCloseTo(1 - 27 / 47, 12);
    expect(share.totalPublished).toBeUndefined();
    expect(share.assumption).toMatchObject({
      kind: 'age-share',
      stepId: 'age',
      source: { kind: 'uniform' },
      range: { low: 0.75, point: 1, high: 1.25 },
      ages: { min: 18, max: 75 },
    });
    expect(share.assumption!.bands.map((b) => b.band)).toEqual(['15-19', '75-79']);
    expectInterval(share.assumption!.bands[0]!.share!, [0.3, 0.4, 0.5]);
    expectInterval(share.assumption!.bands[1]!.share!, [0.15, 0.2, 0.25]);
  });

  it('a disabled step is listed and changes nothing', () => {
    expect(row('disabled').enabled).toBe(false);
    expectInterval(row('disabled').total, [25.35, 27, 28.75]);
    expect(row('disabled').lostShare).toBe(0);
  });

  it('an inclusion proportion multiplies low×low, point×point, high×high', () => {
    // Stockholm 13.15×0.2, 14.4×0.25, 15.75×0.3; Uppsala 6.2×0.2, 6.6×0.25, 7×0.3; Halland 6×0.2, 6×0.25, 6×0.3.
    expectInterval(row('metastatic').total, [5.07, 6.75, 8.625]);
    expect(row('metastatic').lostShare).toBeCloseTo(0.75, 12);
  });

  it('an exclusion proportion keeps 1 − share, with low and high swapped', () => {
    // Kept: low × 0.85, point × 0.9, high × 0.95. Stockholm 2.63 × 0.85, 3.6 × 0.9, 4.725 × 0.95.
    expectInterval(row('prior').perRegion['01'], [2.2355, 3.24, 4.48875]);
    expectInterval(row('prior').total, [4.3095, 6.075, 8.19375]);
    expect(row('prior').lostShare).toBeCloseTo(0.1, 12);
  });

  it('a joint count replaces its region from its step on', () => {
    expectInterval(region('03').eligible, [0.5, 1, 1.5]);
    expect(region('03').jointCount).toBe(true);
    expect(region('01').jointCount).toBe(false);
    // Stockholm 2.2355 / 3.24 / 4.48875, Uppsala 0.5 / 1 / 1.5, Halland 6 × 0.2 × 0.85 … = 1.02 / 1.35 / 1.71.
    expectInterval(result.national, [3.7555, 5.59, 7.69875]);
    expectInterval(row('joint-uppsala').total, [3.7555, 5.59, 7.69875]);
  });

  it('a joint count above the figure before its step is capped there, with a warning (criteria only remove)', () => {
    const high: CriterionStep = { ...joint, id: 'joint-high', rule: { kind: 'joint-count', region: '03', count: { low: 2, point: 3, high: 4 }, source: 'Region Uppsala' } };
    const capped = estimateEligible(makeStudy([diagnosis, age, disabled, metastatic, prior, high]), [dataset], options);
    // Uppsala before the step: 6.2 × 0.2 × 0.85, 6.6 × 0.25 × 0.9, 7 × 0.3 × 0.95.
    expectInterval(capped.regions.find((r) => r.region === '03')!.eligible, [1.054, 1.485, 1.995]);
    expect(capped.warnings).toContainEqual({ code: 'joint-count-capped', stepId: 'joint-high', region: '03' });
  });

  it('regions without data are zero, and every region is listed once', () => {
    expect(result.regions).toHaveLength(21);
    expectInterval(region('25').eligible, [0, 0, 0]);
    expect(region('25').cells).toBe(0);
  });

  it('counts contributing cells and masked cells per region', () => {
    expect(region('01')).toMatchObject({ cells: 3, maskedCells: 1 });
    expect(region('03')).toMatchObject({ cells: 2, maskedCells: 0 });
  });

  it('healthcare regions roll up with the Halland rule', () => {
    const hr = (id: string) => result.healthcareRegions.find((h) => h.id === id)!.eligible;
    expectInterval(hr('stockholm-gotland'), [2.2355, 3.24, 4.48875]);
    expectInterval(hr('mellansverige'), [0.5, 1, 1.5]);
    // Halland 1.02 / 1.35 / 1.71: a quarter to Södra, three quarters to Västra.
    expectInterval(hr('sodra'), [0.255, 0.3375, 0.4275]);
    expectInterval(hr('vastra'), [0.765, 1.0125, 1.2825]);
    expectInterval(hr('norra'), [0, 0, 0]);
  });

  it('attrition: base row, one row per step (the age step with its assumption line), remaining share vs base, most limiting step', () => {
    expect(result.attrition.map((a) => a.stepId)).toEqual(['base', 'diagnosis', 'age', 'age:age-share', 'disabled', 'metastatic', 'prior', 'joint-uppsala']);
    expect(row('prior').remainingShare).toBeCloseTo(6.075 / 147, 12);
    expect(result.mostLimitingStepId).toBe('metastatic');
  });

  it('warns about masked cells, straddling bands and independence, and nothing else', () => {
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings).toContainEqual({ code: 'masked-cells', count: 1 });
    expect(result.warnings).toContainEqual({ code: 'independence', steps: ['metastatic', 'prior'] });
    const straddling = result.warnings.find((w) => w.code === 'straddling-age-band');
    expect(straddling && straddling.code === 'straddling-age-band' ? [...straddling.bands].sort() : null).toEqual(['15-19', '75-79']);
  });

  it('reports the basis it used', () => {
    expect(result.basis).toEqual({
      kind: 'incident',
      windowYears: 2,
      unit: 'persons',
      regionBasis: 'residence',
      ageShares: { kind: 'uniform' },
      datasets: [{ id: 'hand', yearsCovered: 2, scale: 1, yearsUsed: 2, scaleUsed: 1 }],
    });
  });
});

describe('estimateEligible, further cases', () => {
  it('reports the published national total beside the sum when it answers exactly', () => {
    const result = estimateEligible(makeStudy([diagnosis]), [dataset], options);
    expectInterval(result.national, [46, 47, 48]);
    expectInterval(result.nationalPublished, [45, 45, 45]);
  });

  it('annualises incident counts: window / years covered', () => {
    const result = estimateEligible(makeStudy([diagnosis], { population: { kind: 'incident', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'all' } } }), [dataset], options);
    expectInterval(result.national, [23, 23.5, 24]);
    expect(result.basis?.datasets[0]?.scale).toBe(0.5);
  });

  it('uses only the latest period for prevalent counts', () => {
    const prevalent = buildDataset(ROWS, { basis: { kind: 'prevalent' } });
    const result = estimateEligible(makeStudy([diagnosis], { population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } } }), [prevalent], options);
    // 2022: Stockholm X (1..3), Uppsala 4, Halland 6.
    expectInterval(result.national, [11, 12, 13]);
  });

  it('combines limits on the same dimension exactly, across steps', () => {
    const rows: Row[] = [['2021', '01', 'C20', 'male', '65-69', exact(10)], ['2022', '01', 'C20', 'male', '65-69', exact(10)]];
    const steps = [predicateStep('a', { kind: 'age', min: 66, max: null }), predicateStep('b', { kind: 'age', min: null, max: 68 })];
    const result = estimateEligible(makeStudy(steps), [buildDataset(rows)], options);
    // Ages 66, 67, 68 of 65..69: 3/5 of 20 = 12, not (4/5)² of it; × the range 0.75–1.25: 9..15.
    expectInterval(result.national, [9, 12, 15]);
    // Each age step keeps the band as the line before it left it; its assumption line takes the share so far.
    expect(result.attrition.map((a) => [a.stepId, a.total.point])).toEqual([['base', 20], ['a', 20], ['a:age-share', 16], ['b', 16], ['b:age-share', 12]]);
  });

  it('an exclusion predicate removes what it matches', () => {
    const result = estimateEligible(makeStudy([diagnosis, predicateStep('no-rectum', { kind: 'codes', codes: ['C20'] }, 'exclusion')]), [dataset], options);
    // Left: Stockholm C180 10 + C187 20, Uppsala C187 4.
    expectInterval(result.national, [34, 34, 34]);
  });

  it('counts data coarser than a criterion only in the high, and says so', () => {
    const rows: Row[] = [['2021', '01', 'C15-C26', 'male', '70-74', exact(8)], ['2022', '01', 'C15-C26', 'male', '70-74', exact(8)]];
    const result = estimateEligible(makeStudy([predicateStep('colon', { kind: 'codes', codes: ['C18'] })]), [buildDataset(rows)], options);
    expectInterval(result.national, [0, 0, 16]);
    expect(result.warnings).toContainEqual({ code: 'unresolved-criterion', dimensions: ['icd10'] });
  });

  it('leaves out a dataset of another basis, and blocks the answer naming it', () => {
    const prevalent = buildDataset(ROWS, { id: 'prev', basis: { kind: 'prevalent' } });
    const result = estimateEligible(makeStudy([diagnosis]), [dataset, prevalent], options);
    expectInterval(result.national, [46, 47, 48]);
    expect(result.blocking).toEqual([expect.objectContaining({ code: 'basis-mismatch', dataset: { id: 'prev', name: 'Hand-made test dataset' } })]);
  });

  it('adds disjoint datasets and names synthetic ones', () => {
    const stockholm = buildDataset(ROWS.filter((r) => r[1] === '01'), { id: 'sthlm', synthetic: true });
    const others = buildDataset(ROWS.filter((r) => r[1] === '03' || r[1] === '13'), { id: 'rest' });
    const result = estimateEligible(makeStudy([diagnosis]), [stockholm, others], options);
    expectInterval(result.national, [46, 47, 48]);
    expect(result.warnings).toContainEqual({ code: 'synthetic-data', dataset: 'sthlm' });
  });

  it('keeps patients with an unknown region out of the regions and reports them apart', () => {
    const rows: Row[] = [...ROWS, ['2021', 'unknown', 'C20', 'male', '70-74', exact(4)]];
    const result = estimateEligible(makeStudy([diagnosis]), [buildDataset(rows)], options);
    expectInterval(result.national, [46, 47, 48]);
    expectInterval(result.unknownRegion, [4, 4, 4]);
  });

  it('hashes its inputs: a new study version changes the hash, the same inputs do not', () => {
    const a = estimateEligible(makeStudy([diagnosis]), [dataset], options).inputHash;
    const b = estimateEligible(makeStudy([diagnosis]), [dataset], options).inputHash;
    const c = estimateEligible(makeStudy([diagnosis], { version: 2 }), [dataset], options).inputHash;
    const d = estimateEligible(makeStudy([diagnosis]), [dataset], { hallandRule: DEFAULT_HALLAND_RULE }).inputHash;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(d).not.toBe(a);
  });

  it('refuses an invalid study', () => {
    const bad = proportionStep('bad', { low: 0.4, point: 0.3, high: 0.5 });
    expect(() => estimateEligible(makeStudy([bad]), [dataset], options)).toThrow(/low ≤ point ≤ high/);
  });
});
