/**
 * The cell pass over a dense table (a dataset whose cells fill most combinations of the dimensions the criteria
 * use, as national registers' exports do) must give the numbers of the pass over a list of groups and of the
 * pass over single cells (class keys), which are the older, independent ways of adding the same cells.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CriterionStep } from '../../../shared/criteria/study';
import { packedGroups } from '../../../shared/estimate/dataset-cache';
import { estimateEligible } from '../../../shared/estimate/estimate';
import type { EstimateResult } from '../../../shared/estimate/types';
import { DEFAULT_HALLAND_RULE } from '../../../shared/regions/regions';
import { mulberry32 } from '../../../shared/utils/prng';
import { buildDataset, makeStudy, predicateStep, proportionStep, type Row } from '../helpers';
import { allIntervals, predicateArb, randomCount, sortedTriple, type CountKind } from './arbitraries';

const YEARS = ['2021', '2022'];
const REGIONS = ['01', '03', '09', '12', '13', '14', '25', 'national'];
const CODES = ['C18', 'C180', 'C187', 'C19', 'C20', 'C50', 'C15-C26'];
const SEXES = ['male', 'female', 'all'];
const AGES = ['0-17', '18-39', '40-64', '65-69', '70-74', '75-79', '80+'];

/** Which kind of counts a grid holds: whole numbers (the dense table is used) or fractions (it is not). */

/** Every combination of the values above (minus a share left out), with counts from a seeded generator. */
function gridRows(seed: number, maskedShare: number, missingShare: number, kind: CountKind): Row[] {
  const random = mulberry32(seed);
  const rows: Row[] = [];
  for (const year of YEARS)
    for (const region of REGIONS)
      for (const code of CODES)
        for (const sex of SEXES)
          for (const age of AGES) {
            if (random() < missingShare) continue;
            rows.push([year, region, code, sex, age, randomCount(random, maskedShare, kind)]);
          }
  return rows;
}


const stepArb = (id: string): fc.Arbitrary<CriterionStep> =>
  fc.oneof(
    fc.tuple(predicateArb, fc.constantFrom('inclusion' as const, 'exclusion' as const)).map(([p, type]) => predicateStep(id, p, type)),
    fc.tuple(sortedTriple(1), fc.constantFrom('inclusion' as const, 'exclusion' as const)).map(([s, type]) => proportionStep(id, s, type)),
  );
const stepsArb = fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => stepArb(`s${i}`))));


/** Equal up to floating-point rounding (the passes add the same numbers in different orders). */
function expectSameNumbers(actual: EstimateResult, expected: EstimateResult): void {
  const a = allIntervals(actual);
  const b = allIntervals(expected);
  expect(a).toHaveLength(b.length);
  a.forEach((x, i) => {
    for (const field of ['low', 'point', 'high'] as const) expect(Math.abs(x[field] - b[i]![field])).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(b[i]![field])));
  });
  expect(actual.warnings).toEqual(expected.warnings);
  expect(actual.regions.map((r) => [r.region, r.cells, r.maskedCells])).toEqual(expected.regions.map((r) => [r.region, r.cells, r.maskedCells]));
}

const options = { hallandRule: DEFAULT_HALLAND_RULE };

describe('the cell pass over a dense table', () => {
  it('is what a full grid of whole counts gets, and one with fractional counts does not', () => {
    // The code dimension alone: 7 keys × 8 regions, every one present.
    const whole = buildDataset(gridRows(1, 0.3, 0, 'whole'));
    const fractional = buildDataset(gridRows(1, 0.3, 0, 'fractional'), { id: 'fractional' });
    const codeDim = whole.dimensions.findIndex((d) => d.role === 'code');
    expect(packedGroups(whole, [codeDim], [1], whole.dimensions[codeDim]!.values.length).dense).not.toBeNull();
    expect(packedGroups(fractional, [codeDim], [1], fractional.dimensions[codeDim]!.values.length).dense).toBeNull();
  });

  it('gives the numbers of the group list and of the single-cell pass, for any criteria', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1 << 30 }),
        fc.constantFrom(0, 0.05, 0.3, 0.8),
        fc.constantFrom(0, 0.1, 0.45),
        fc.constantFrom<CountKind>('whole', 'whole', 'fractional'),
        stepsArb,
        (seed, maskedShare, missingShare, kind, steps) => {
          const dataset = buildDataset(gridRows(seed, maskedShare, missingShare, kind));
          const study = makeStudy(steps);
          // The dense table itself, not the pre-aggregated sums the estimator prefers (marginal-pass.test.ts).
          const dense = estimateEligible(study, [dataset], { ...options, cellPass: { skipMarginals: true } });
          const groups = estimateEligible(study, [dataset], { ...options, cellPass: { forceSparse: true } });
          const cells = estimateEligible(study, [dataset], { ...options, cellPass: { forceClasses: true } });
          expectSameNumbers(dense, groups);
          expectSameNumbers(dense, cells);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same numbers again when the study changes between estimates (the table is cached with the dataset)', () => {
    const dataset = buildDataset(gridRows(7, 0.3, 0.1, 'whole'));
    const a = makeStudy([predicateStep('age', { kind: 'age', min: 18, max: 72 }), predicateStep('code', { kind: 'codes', codes: ['C18-C20'] })]);
    const b = makeStudy([predicateStep('code', { kind: 'codes', codes: ['C50'] }, 'exclusion')]);
    const dense = { ...options, cellPass: { skipMarginals: true } };
    const first = estimateEligible(a, [dataset], dense);
    estimateEligible(b, [dataset], dense);
    expectSameNumbers(estimateEligible(a, [dataset], dense), first);
    expectSameNumbers(first, estimateEligible(a, [dataset], { ...options, cellPass: { forceClasses: true } }));
  });
});
