/**
 * Pieces the estimate's property tests share: a sorted low ≤ point ≤ high, a criterion over the codes, ages, sexes and
 * regions of their grids, and a population table from rows.
 */
import fc from 'fast-check';
import { DatasetBuilder, type CellCount } from '../../../shared/counts/builder';
import type { Dataset } from '../../../shared/counts/dataset';
import type { Predicate } from '../../../shared/criteria/study';
import type { EstimateResult } from '../../../shared/estimate/types';
import type { Interval } from '../../../shared/utils/interval';
import { exact } from '../helpers';
import { testProvenance } from '../study-builders';

/** Three numbers from 0 to `max`, sorted into an interval. */
export const sortedTriple = (max: number): fc.Arbitrary<Interval> =>
  fc
    .tuple(fc.double({ min: 0, max, noNaN: true }), fc.double({ min: 0, max, noNaN: true }), fc.double({ min: 0, max, noNaN: true }))
    .map((xs) => xs.sort((a, b) => a - b))
    .map(([low, point, high]) => ({ low: low!, point: point!, high: high! }));

/** A criterion of any kind the grids can answer: codes, an age range (either end open), a sex, regions. */
export const predicateArb: fc.Arbitrary<Predicate> = fc.oneof(
  fc.subarray(['C18', 'C187', 'C18-C20', 'C20', 'C50'], { minLength: 1 }).map((codes) => ({ kind: 'codes' as const, codes })),
  fc.tuple(fc.option(fc.integer({ min: 0, max: 90 })), fc.option(fc.integer({ min: 0, max: 90 }))).map(([a, b]) => {
    const [min, max] = a !== null && b !== null && a > b ? [b, a] : [a, b];
    return { kind: 'age' as const, min, max };
  }),
  fc.constantFrom('male' as const, 'female' as const).map((sex) => ({ kind: 'sex' as const, sex })),
  fc.subarray(['01', '03', '09', '13', '25'] as const, { minLength: 1 }).map((regions) => ({ kind: 'region' as const, regions: [...regions] })),
);

export type PopulationRow = [region: string, sex: string, age: number, persons: number];

/** A population table by single year of age (region × sex × age); a cell given twice keeps its first count. */
export function populationTable(rows: readonly PopulationRow[]): Dataset {
  const builder = new DatasetBuilder({
    id: 'population',
    name: 'Population',
    basis: { unit: 'persons', kind: 'prevalent', regionBasis: 'residence' },
    provenance: testProvenance({ synthetic: true, sha256: 'population', periodFrom: '2023', periodTo: '2023' }),
    dimensions: [
      { key: 'region', role: 'region' },
      { key: 'sex', role: 'sex' },
      { key: 'age', role: 'age' },
    ],
  });
  const seen = new Set<string>();
  for (const [region, sex, age, persons] of rows) {
    if (seen.has(`${region}|${sex}|${age}`)) continue;
    seen.add(`${region}|${sex}|${age}`);
    builder.add([region, sex, String(age)], exact(persons));
  }
  return builder.build();
}

/** Every interval an estimate reports (nation, regions, healthcare regions, each attrition line per region, the published nation), to compare two estimates or check each one. */
export function allIntervals(result: EstimateResult): Interval[] {
  return [
    result.national,
    ...result.regions.map((r) => r.eligible),
    ...result.healthcareRegions.map((h) => h.eligible),
    ...result.attrition.flatMap((a) => [a.total, ...Object.values(a.perRegion)]),
    ...(result.nationalPublished ? [result.nationalPublished] : []),
  ];
}

/** How a random grid's counts are written: whole numbers, or some expected counts with a rounding interval. */
export type CountKind = 'whole' | 'fractional';

/**
 * One random cell count of a grid: masked (1–3) with probability `maskedShare`, for a fractional grid 30 % of the
 * rest an expected count with a rounding interval (as derived from a rate), otherwise a whole number below 60.
 */
export function randomCount(random: () => number, maskedShare: number, kind: CountKind): CellCount {
  if (random() < maskedShare) return { low: 1, point: 2, high: 3, masked: true };
  if (kind === 'fractional' && random() < 0.3) {
    const point = 0.5 + Math.floor(random() * 400) / 8;
    return { low: point - 0.375, point, high: point + 0.625, masked: false };
  }
  const n = Math.floor(random() * random() * 60);
  return { low: n, point: n, high: n, masked: false };
}
