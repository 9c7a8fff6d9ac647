/**
 * No line of the attrition ever increases any figure: whatever the data (masked cells, totals, overlapping
 * values), the criteria (any predicate, inclusion or exclusion, proportions, joint counts, disabled steps), the
 * age-share table and range, and the estimate's period, every region's low, point and high and the total's are at
 * most what the line before gave. And with an age-share range whose low end is above 0, no region with patients
 * in a band that overlaps the age limits gets a low of 0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/counts/dataset';
import type { CriterionStep, EstimatePeriod, Predicate } from '../../../shared/criteria/study';
import { estimateEligible } from '../../../shared/estimate/estimate';
import type { Interval } from '../../../shared/utils/interval';
import { COUNTY_CODES, DEFAULT_HALLAND_RULE, type CountyCode } from '../../../shared/regions/regions';
import { buildDataset, exact, makeStudy, maskedX, predicateStep, proportionStep, type Row } from '../helpers';
import { populationTable, sortedTriple } from './arbitraries';

const TOLERANCE = 1e-9;

const rowArb: fc.Arbitrary<Row> = fc.tuple(
  fc.constantFrom('2020', '2021', '2022'),
  fc.constantFrom('01', '03', '13', '25', 'national'),
  fc.constantFrom('C18', 'C180', 'C187', 'C19', 'C20', 'C50', 'C15-C26'),
  fc.constantFrom('male', 'female', 'all'),
  fc.constantFrom('0-19', '0-4', '5-9', '10-14', '15-19', '20-64', '65-69', '70+', 'all'),
  fc.oneof(fc.integer({ min: 0, max: 60 }).map(exact), fc.constant(maskedX)),
);

const ageArb: fc.Arbitrary<Predicate> = fc.tuple(fc.option(fc.integer({ min: 0, max: 90 })), fc.option(fc.integer({ min: 0, max: 90 }))).map(([a, b]) => {
  const [min, max] = a !== null && b !== null && a > b ? [b, a] : [a, b];
  return { kind: 'age' as const, min, max };
});
const predicateArb: fc.Arbitrary<Predicate> = fc.oneof(
  fc.subarray(['C18', 'C187', 'C18-C20', 'C20', 'C50'], { minLength: 1 }).map((codes) => ({ kind: 'codes' as const, codes })),
  ageArb,
  ageArb,
  fc.constantFrom('male' as const, 'female' as const).map((sex) => ({ kind: 'sex' as const, sex })),
  fc.subarray(['01', '03', '13', '25'] as const, { minLength: 1 }).map((regions) => ({ kind: 'region' as const, regions: [...regions] })),
  fc.tuple(ageArb, fc.subarray(['C18', 'C20', 'C50'], { minLength: 1 })).map(([age, codes]) => ({ kind: 'or' as const, any: [age, { kind: 'codes' as const, codes }] })),
);

const stepArb = (id: string): fc.Arbitrary<CriterionStep> =>
  fc.oneof(
    fc.tuple(predicateArb, fc.constantFrom('inclusion' as const, 'exclusion' as const), fc.boolean()).map(([p, type, enabled]) => predicateStep(id, p, type, enabled)),
    fc.tuple(sortedTriple(1), fc.constantFrom('inclusion' as const, 'exclusion' as const)).map(([s, type]) => proportionStep(id, s, type)),
    fc.tuple(fc.constantFrom<CountyCode>('01', '03', '13'), sortedTriple(80)).map(
      ([region, count]): CriterionStep => ({ id, type: 'inclusion', enabled: true, protocolText: '', label: id, rule: { kind: 'joint-count', region, count, source: 'region' } }),
    ),
  );

const stepsArb = fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => stepArb(`s${i}`))));

const periodArb: fc.Arbitrary<EstimatePeriod> = fc.constantFrom<EstimatePeriod>(
  { kind: 'all' },
  { kind: 'latest' },
  { kind: 'range', from: '2021', to: '2022' },
  { kind: 'all', exclude: [{ from: '2020', to: '2020' }] },
);

/** A population table by single year of age for some regions and sexes, or none. */
const populationArb: fc.Arbitrary<Dataset | null> = fc.option(
  fc
    .array(fc.tuple(fc.constantFrom('01', '03', 'national'), fc.constantFrom('male', 'female'), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 40 })
    .map(populationTable),
  { nil: null },
);

const notAbove = (later: Interval, earlier: Interval): void => {
  expect(later.low).toBeLessThanOrEqual(earlier.low + TOLERANCE * (1 + earlier.low));
  expect(later.point).toBeLessThanOrEqual(earlier.point + TOLERANCE * (1 + earlier.point));
  expect(later.high).toBeLessThanOrEqual(earlier.high + TOLERANCE * (1 + earlier.high));
};

describe('the attrition never increases a figure', () => {
  it('every enabled line is at most the line before it, per region and in total, low, point and high', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 40 }),
        stepsArb,
        populationArb,
        sortedTriple(2),
        periodArb,
        fc.constantFrom<string[]>([], ['icd10'], ['icd10', 'region']),
        (rows, steps, population, range, period, overlapping) => {
          const study = makeStudy(steps, {
            population: { kind: 'incident', windowYears: 2, unit: 'persons', regionBasis: 'residence', period },
            ageShare: { source: { kind: 'uniform' }, range, note: '' },
          });
          const result = estimateEligible(study, [buildDataset(rows, { overlapping })], { hallandRule: DEFAULT_HALLAND_RULE, population });
          const lines = result.attrition.filter((a) => a.enabled);
          for (let i = 1; i < lines.length; i++) {
            notAbove(lines[i]!.total, lines[i - 1]!.total);
            for (const code of COUNTY_CODES) notAbove(lines[i]!.perRegion[code]!, lines[i - 1]!.perRegion[code]!);
            expect(lines[i]!.lostShare).toBeGreaterThanOrEqual(-TOLERANCE);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('with a range whose low end is above 0, a region with patients in bands overlapping the age limits keeps a low above 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('01', '03', '13'), fc.constantFrom('0-19', '15-19', '10-14', '5-9'), fc.integer({ min: 1, max: 60 })), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 13, max: 25 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        populationArb,
        (cells, min, max, low, population) => {
          const unique = new Map(cells.map(([region, age, n]) => [`${region}|${age}`, [region, age, n] as const]));
          const rows: Row[] = [...unique.values()].map(([region, age, n]) => ['2022', region, 'C20', 'female', age, exact(n)]);
          const study = makeStudy([predicateStep('age', { kind: 'age', min, max })], { ageShare: { source: { kind: 'uniform' }, range: { low, point: 1, high: 1.25 }, note: '' } });
          const result = estimateEligible(study, [buildDataset(rows)], { hallandRule: DEFAULT_HALLAND_RULE, population });
          // Every band here overlaps min..max (min ≤ 12 < 13 ≤ max, and every band holds an age from 5 to 19).
          for (const r of result.regions) if (r.cells > 0) expect(r.eligible.low).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
