/**
 * Properties of estimateEligible that must hold for any data and any criteria (joint counts aside, which
 * replace a region's number by design and may raise it).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateEligible } from '../../shared/estimate/estimate';
import type { CriterionStep, Predicate } from '../../shared/criteria/study';
import type { EstimateResult, Interval } from '../../shared/estimate/types';
import { DEFAULT_HALLAND_RULE } from '../../shared/regions/regions';
import { buildDataset, exact, makeStudy, maskedX, predicateStep, proportionStep, type Row } from './helpers';

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

const predicateArb: fc.Arbitrary<Predicate> = fc.oneof(
  fc.subarray(['C18', 'C187', 'C18-C20', 'C20', 'C50'], { minLength: 1 }).map((codes) => ({ kind: 'codes' as const, codes })),
  fc.tuple(fc.option(fc.integer({ min: 0, max: 90 })), fc.option(fc.integer({ min: 0, max: 90 }))).map(([a, b]) => {
    const [min, max] = a !== null && b !== null && a > b ? [b, a] : [a, b];
    return { kind: 'age' as const, min, max };
  }),
  fc.constantFrom('male' as const, 'female' as const).map((sex) => ({ kind: 'sex' as const, sex })),
  fc.subarray(['01', '03', '09', '13', '25'] as const, { minLength: 1 }).map((regions) => ({ kind: 'region' as const, regions: [...regions] })),
);

const shareArb = fc
  .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map((xs) => xs.sort((a, b) => a - b))
  .map(([low, point, high]) => ({ low: low!, point: point!, high: high! }));

const stepArb = (id: string): fc.Arbitrary<CriterionStep> =>
  fc.oneof(
    fc.tuple(predicateArb, fc.constantFrom('inclusion' as const, 'exclusion' as const)).map(([p, type]) => predicateStep(id, p, type)),
    fc.tuple(shareArb, fc.constantFrom('inclusion' as const, 'exclusion' as const)).map(([s, type]) => proportionStep(id, s, type)),
  );

const stepsArb = fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => stepArb(`s${i}`))));
const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 40 });
const options = { hallandRule: DEFAULT_HALLAND_RULE };
const TOLERANCE = 1e-9;

function allIntervals(result: EstimateResult): Interval[] {
  return [
    result.national,
    ...result.regions.map((r) => r.eligible),
    ...result.healthcareRegions.map((h) => h.eligible),
    ...result.attrition.flatMap((a) => [a.total, ...Object.values(a.perRegion)]),
    ...(result.nationalPublished ? [result.nationalPublished] : []),
  ];
}

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
      fc.property(rowsArb, stepsArb, (rows, steps) => {
        const result = estimateEligible(makeStudy(steps), [buildDataset(rows)], options);
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
      fc.property(rowsArb, stepsArb, stepArb('added'), fc.nat(), (rows, steps, added, at) => {
        const dataset = buildDataset(rows);
        const position = steps.length === 0 ? 0 : at % (steps.length + 1);
        const withStep = [...steps.slice(0, position), added, ...steps.slice(position)];
        expectNoLarger(estimateEligible(makeStudy(withStep), [dataset], options), estimateEligible(makeStudy(steps), [dataset], options));
      }),
      { numRuns: 300 },
    );
  });

  it('disabling a step never decreases any number', () => {
    fc.assert(
      fc.property(rowsArb, stepsArb.filter((s) => s.length > 0), fc.nat(), (rows, steps, which) => {
        const dataset = buildDataset(rows);
        const index = which % steps.length;
        const disabled = steps.map((s, i) => (i === index ? { ...s, enabled: false } : s));
        expectNoLarger(estimateEligible(makeStudy(steps), [dataset], options), estimateEligible(makeStudy(disabled), [dataset], options));
      }),
      { numRuns: 300 },
    );
  });

  it('the national figure is the sum of the regions and of the healthcare regions', () => {
    fc.assert(
      fc.property(rowsArb, stepsArb, (rows, steps) => {
        const result = estimateEligible(makeStudy(steps), [buildDataset(rows)], options);
        const sum = (xs: Interval[]) => xs.reduce((a, b) => a + b.point, 0);
        expect(sum(result.regions.map((r) => r.eligible))).toBeCloseTo(result.national.point, 6);
        expect(sum(result.healthcareRegions.map((h) => h.eligible))).toBeCloseTo(result.national.point, 6);
      }),
      { numRuns: 200 },
    );
  });
});
