/**
 * Properties of estimateEligible that must hold for any data and any criteria, with and without a population
 * table, and whatever periods the estimate is taken from (a property of the estimate, not a criterion: see
 * the period property below). That no line of the attrition increases any figure is in
 * tests/shared/estimate/monotone-attrition.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../../shared/counts/dataset';
import { estimateEligible, type EstimateOptions } from '../../../shared/estimate/estimate';
import type { CriterionStep, Predicate } from '../../../shared/criteria/study';
import type { EstimateResult } from '../../../shared/estimate/types';
import { DEFAULT_HALLAND_RULE } from '../../../shared/regions/regions';
import { buildDataset, exact, makeStudy, maskedX, predicateStep, proportionStep, type Row } from '../helpers';
import { allIntervals, populationTable, predicateArb, sortedTriple } from './arbitraries';
import type { Interval } from '../../../shared/utils/interval';

const REGIONS = ['01', '03', '09', '13', '25', 'national'];
const CODES = ['C18', 'C180', 'C187', 'C19', 'C20', 'C50', 'C15-C26'];
const SEXES = ['male', 'female', 'all'];
const AGES = ['0-17', '18-39', '40-64', '65-69', '70-74', '75-79', '80+'];

const rowArb: fc.Arbitrary<Row> = fc.tuple(
  fc.constantFrom('2021', '2022'),
  fc.constantFrom(...REGIONS),
  fc.constantFrom(...CODES),
  fc.constantFrom(...SEXES),
  fc.constantFrom(...AGES),
  fc.oneof(fc.integer({ min: 0, max: 50 }).map(exact), fc.constant(maskedX)),
);


const shareArb = sortedTriple(1);


const stepArbOf = (predicates: fc.Arbitrary<Predicate>) => (id: string): fc.Arbitrary<CriterionStep> =>
  fc.oneof(
    fc.tuple(predicates, fc.constantFrom('inclusion' as const, 'exclusion' as const)).map(([p, type]) => predicateStep(id, p, type)),
    fc.tuple(shareArb, fc.constantFrom('inclusion' as const, 'exclusion' as const)).map(([s, type]) => proportionStep(id, s, type)),
  );
const stepArb = stepArbOf(predicateArb);
const anyStepArb = stepArb;

const stepsOf = (arb: (id: string) => fc.Arbitrary<CriterionStep>) =>
  fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arb(`s${i}`))));
const stepsArb = stepsOf(stepArb);
const anyStepsArb = stepsOf(anyStepArb);
const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 40 });
const TOLERANCE = 1e-9;

/** A population table with single years 0..100 for some regions and sexes, or none (uniform shares). */
const populationArb: fc.Arbitrary<Dataset | undefined> = fc.option(
  fc
    .array(fc.tuple(fc.constantFrom('01', '03', '13', 'national'), fc.constantFrom('male', 'female'), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 5000 })), {
      minLength: 1,
      maxLength: 60,
    })
    // A non-empty table (the estimator refuses one without persons), each cell once.
    .map((rows) => populationTable([['01', 'female', 70, 1], ...rows])),
  { nil: undefined },
);

const optionsWith = (population: Dataset | undefined): EstimateOptions => (population ? { hallandRule: DEFAULT_HALLAND_RULE, population } : { hallandRule: DEFAULT_HALLAND_RULE });
const options = optionsWith(undefined);


/** Every final number of `smaller` is at most the matching number of `larger`. */
function expectNoLarger(smaller: EstimateResult, larger: EstimateResult): void {
  const pairs: [Interval, Interval][] = [
    [smaller.national, larger.national],
    ...smaller.regions.map((r, i): [Interval, Interval] => [r.eligible, larger.regions[i]!.eligible]),
    ...smaller.healthcareRegions.map((h, i): [Interval, Interval] => [h.eligible, larger.healthcareRegions[i]!.eligible]),
  ];
  for (const [s, l] of pairs) {
    expect(s.low).toBeLessThanOrEqual(l.low + TOLERANCE * (1 + l.low));
    expect(s.point).toBeLessThanOrEqual(l.point + TOLERANCE * (1 + l.point));
    expect(s.high).toBeLessThanOrEqual(l.high + TOLERANCE * (1 + l.high));
  }
}

describe('estimateEligible properties', () => {
  it('every interval satisfies 0 ≤ low ≤ point ≤ high', () => {
    fc.assert(
      fc.property(rowsArb, anyStepsArb, populationArb, (rows, steps, population) => {
        const result = estimateEligible(makeStudy(steps), [buildDataset(rows)], optionsWith(population));
        for (const i of allIntervals(result)) {
          expect(i.low).toBeGreaterThanOrEqual(-TOLERANCE);
          expect(i.low).toBeLessThanOrEqual(i.point + TOLERANCE * (1 + i.point));
          expect(i.point).toBeLessThanOrEqual(i.high + TOLERANCE * (1 + i.high));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adding a step anywhere never increases any number', () => {
    fc.assert(
      fc.property(rowsArb, stepsArb, stepArb('added'), fc.nat(), populationArb, (rows, steps, added, at, population) => {
        const dataset = buildDataset(rows);
        const position = steps.length === 0 ? 0 : at % (steps.length + 1);
        const withStep = [...steps.slice(0, position), added, ...steps.slice(position)];
        const o = optionsWith(population);
        expectNoLarger(estimateEligible(makeStudy(withStep), [dataset], o), estimateEligible(makeStudy(steps), [dataset], o));
      }),
      { numRuns: 300 },
    );
  });

  it('disabling a step never decreases any number', () => {
    fc.assert(
      fc.property(rowsArb, stepsArb.filter((s) => s.length > 0), fc.nat(), populationArb, (rows, steps, which, population) => {
        const dataset = buildDataset(rows);
        const index = which % steps.length;
        const disabled = steps.map((s, i) => (i === index ? { ...s, enabled: false } : s));
        const o = optionsWith(population);
        expectNoLarger(estimateEligible(makeStudy(steps), [dataset], o), estimateEligible(makeStudy(disabled), [dataset], o));
      }),
      { numRuns: 300 },
    );
  });

  it('the national figure is the sum of the regions and of the healthcare regions, low, point and high', () => {
    fc.assert(
      fc.property(rowsArb, anyStepsArb, populationArb, (rows, steps, population) => {
        const result = estimateEligible(makeStudy(steps), [buildDataset(rows)], optionsWith(population));
        for (const field of ['low', 'point', 'high'] as const) {
          const sum = (xs: Interval[]) => xs.reduce((a, b) => a + b[field], 0);
          expect(sum(result.regions.map((r) => r.eligible))).toBeCloseTo(result.national[field], 6);
          expect(sum(result.healthcareRegions.map((h) => h.eligible))).toBeCloseTo(result.national[field], 6);
          // The attrition's last row is the final figure; the published national row is reported apart, never added.
          expect(result.attrition.at(-1)!.total[field]).toBeCloseTo(result.national[field], 6);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the published national total, when shown, is what the national rows alone give for the same question', () => {
    fc.assert(
      fc.property(rowsArb, anyStepsArb, (rows, steps) => {
        const national = rows.filter((r) => r[1] === 'national');
        fc.pre(national.length > 0);
        const study = makeStudy(steps);
        const published = estimateEligible(study, [buildDataset(national)], options).nationalPublished;
        if (published === undefined) return;
        // The same rows as if they were one county's: that county's figure must be the published one.
        const asCounty = estimateEligible(study, [buildDataset(national.map((r): Row => [r[0], '09', r[2], r[3], r[4], r[5]]))], options);
        const county = asCounty.regions.find((r) => r.region === '09')!.eligible;
        expect(published.low).toBeCloseTo(county.low, 9);
        expect(published.point).toBeCloseTo(county.point, 9);
        expect(published.high).toBeCloseTo(county.high, 9);
      }),
      { numRuns: 200 },
    );
  });

  it("the estimate's period in an incident study takes the rate from the years it selects: Σ selected cells × window / years selected", () => {
    // Finest values only, so no cell is a total and the expected sum is a plain sum.
    const finestRow: fc.Arbitrary<Row> = fc.tuple(
      fc.constantFrom('2020', '2021', '2022'),
      fc.constantFrom('01', '03', '25'),
      fc.constantFrom('C180', 'C19', 'C50'),
      fc.constantFrom('male', 'female'),
      fc.constantFrom('0-17', '18-64', '65+'),
      fc.oneof(fc.integer({ min: 0, max: 50 }).map(exact), fc.constant(maskedX)),
    );
    fc.assert(
      fc.property(fc.array(finestRow, { minLength: 1, maxLength: 30 }), fc.constantFrom(['2021', '2021'], ['2021', '2022'], ['2020', '2022']), (rows, [from, to]) => {
        const distinct = new Map(rows.map((r) => [r.slice(0, 5).join('|'), r]));
        const unique = [...distinct.values()];
        const study = makeStudy([], { population: { kind: 'incident', windowYears: 2, unit: 'persons', regionBasis: 'residence', period: { kind: 'range', from: from!, to: to! } } });
        const result = estimateEligible(study, [buildDataset(unique)], options);
        // Years of the data inside the range (not only those with rows of these values: the dataset's periods).
        const yearsInData = new Set(unique.map((r) => r[0]));
        const years = [...yearsInData].filter((y) => y >= from! && y <= to!).length;
        const selected = unique.filter((r) => r[0] >= from! && r[0] <= to!);
        if (years === 0) {
          expect(result.blocking?.map((p) => p.code)).toEqual(['no-period']);
          return;
        }
        for (const field of ['low', 'point', 'high'] as const) {
          const sum = selected.reduce((a, r) => a + r[5][field], 0);
          expect(result.national[field]).toBeCloseTo((sum * 2) / years, 9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the two key layouts of the cell pass give the same numbers', () => {
    fc.assert(
      fc.property(rowsArb, anyStepsArb, populationArb, (rows, steps, population) => {
        const dataset = buildDataset(rows);
        const packed = estimateEligible(makeStudy(steps), [dataset], optionsWith(population));
        const classes = estimateEligible(makeStudy(steps), [dataset], { ...optionsWith(population), cellPass: { forceClasses: true } });
        const a = allIntervals(packed);
        const b = allIntervals(classes);
        expect(b).toHaveLength(a.length);
        a.forEach((x, i) => {
          expect(b[i]!.low).toBeCloseTo(x.low, 9);
          expect(b[i]!.point).toBeCloseTo(x.point, 9);
          expect(b[i]!.high).toBeCloseTo(x.high, 9);
        });
        expect(classes.warnings).toEqual(packed.warnings);
        expect(classes.regions.map((r) => [r.cells, r.maskedCells])).toEqual(packed.regions.map((r) => [r.cells, r.maskedCells]));
      }),
      { numRuns: 200 },
    );
  });
});
