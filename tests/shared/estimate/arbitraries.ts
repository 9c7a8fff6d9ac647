/** Pieces the estimate's property tests share: a sorted low ≤ point ≤ high, and a population table from rows. */
import fc from 'fast-check';
import { DatasetBuilder } from '../../../shared/counts/builder';
import type { Dataset } from '../../../shared/counts/dataset';
import type { Interval } from '../../../shared/utils/interval';
import { exact } from '../helpers';
import { testProvenance } from '../study-builders';

/** Three numbers from 0 to `max`, sorted into an interval. */
export const sortedTriple = (max: number): fc.Arbitrary<Interval> =>
  fc
    .tuple(fc.double({ min: 0, max, noNaN: true }), fc.double({ min: 0, max, noNaN: true }), fc.double({ min: 0, max, noNaN: true }))
    .map((xs) => xs.sort((a, b) => a - b))
    .map(([low, point, high]) => ({ low: low!, point: point!, high: high! }));

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
