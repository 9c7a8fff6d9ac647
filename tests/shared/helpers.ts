/** Builders shared by the unit tests: a small hand-made dataset, study steps and interval checks. */
import { expect } from 'vitest';
import { DatasetBuilder, type CellCount } from '../../shared/counts/builder';
import type { Basis, Dataset } from '../../shared/counts/dataset';
import type { Interval } from '../../shared/utils/interval';

import { MASK_X, testProvenance } from './study-builders';

export { makeStudy, predicateStep, proportionStep } from './study-builders';

export const exact = (n: number): CellCount => ({ low: n, point: n, high: n, masked: false });
export const maskedX: CellCount = { low: 1, point: 2, high: 3, masked: true };

export type Row = [year: string, region: string, code: string, sex: string, age: string, count: CellCount];

/**
 * A hand-made dataset. Its patients are each under one code unless `overlapping` says which dimensions overlap
 * (the default for real persons data would make codes overlap; these tests state it).
 */
export function buildDataset(rows: Row[], options: { id?: string; basis?: Partial<Basis>; synthetic?: boolean; overlapping?: string[] } = {}): Dataset {
  const builder = new DatasetBuilder({
    id: options.id ?? 'hand',
    name: 'Hand-made test dataset',
    basis: { unit: 'persons', kind: 'incident', regionBasis: 'residence', ...options.basis },
    provenance: testProvenance({ synthetic: options.synthetic ?? false, sha256: `sha-${options.id ?? 'hand'}`, periodFrom: '2021', periodTo: '2022', maskTokens: MASK_X }),
    dimensions: [
      { key: 'year', role: 'period' },
      { key: 'region', role: 'region' },
      { key: 'icd10', role: 'code' },
      { key: 'sex', role: 'sex' },
      { key: 'age', role: 'age' },
    ],
    overlappingDimensions: options.overlapping ?? [],
  });
  for (const [year, region, code, sex, age, count] of rows) builder.add([year, region, code, sex, age], count);
  return builder.build();
}

/** Interval equality to 1e-9 (the arithmetic is exact up to floating-point rounding). */
export function expectInterval(actual: Interval | undefined, expected: [number, number, number]): void {
  expect(actual).toBeDefined();
  expect(actual!.low).toBeCloseTo(expected[0], 9);
  expect(actual!.point).toBeCloseTo(expected[1], 9);
  expect(actual!.high).toBeCloseTo(expected[2], 9);
}
