/** Hand-made datasets and studies for the trend tests (counts by year × region × drug × sex × age). */
import { DatasetBuilder, type CellCount } from '../../../shared/counts/builder';
import type { Basis, Dataset } from '../../../shared/counts/dataset';
import type { CriterionStep, Predicate, Study } from '../../../shared/criteria/study';
import { exact, makeStudy, maskedX, predicateStep } from '../helpers';
import { MASK_X, testProvenance } from '../study-builders';

export { exact, maskedX };

export type Row = [period: string, region: string, drug: string, sex: string, age: string, count: CellCount];

export function dataset(rows: readonly Row[], options: { id?: string; basis?: Partial<Basis> } = {}): Dataset {
  const builder = new DatasetBuilder({
    id: options.id ?? 'hand',
    name: 'Hand-made series',
    basis: { unit: 'persons', kind: 'prevalent', regionBasis: 'residence', ...options.basis },
    provenance: testProvenance({ sha256: `sha-${options.id ?? 'hand'}`, maskTokens: MASK_X }),
    dimensions: [
      { key: 'year', role: 'period' },
      { key: 'region', role: 'region' },
      { key: 'drug', role: 'extra' },
      { key: 'sex', role: 'sex' },
      { key: 'age', role: 'age' },
    ],
  });
  for (const [period, region, drug, sex, age, count] of rows) builder.add([period, region, drug, sex, age], count);
  return builder.build();
}

/** One row per period for a region: `counts[i]` in `periods[i]`, drug "A", both sexes, ages 0-19. */
export function seriesRows(region: string, periods: readonly string[], counts: readonly (number | CellCount)[], drug = 'A'): Row[] {
  return periods.map((p, i) => {
    const c = counts[i]!;
    return [p, region, drug, 'all', '0-19', typeof c === 'number' ? exact(c) : c];
  });
}

export const years = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

export function step(id: string, predicate: Predicate, type: 'inclusion' | 'exclusion' = 'inclusion'): CriterionStep {
  return predicateStep(id, predicate, type);
}

/** A prevalent study for the trend tests (the shared test study with the trend's own dates and target). */
export function study(steps: CriterionStep[], overrides: Partial<Study> = {}): Study {
  const base = makeStudy(steps);
  return makeStudy(steps, {
    id: 'trend-study',
    title: 'Trend study',
    population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } },
    ageReferenceDate: '2027-03-01',
    recruitment: { ...base.recruitment, targetPatients: 120, startDate: '2027-03-01' },
    ...overrides,
  });
}

export const drugA = step('drug', { kind: 'extra', key: 'drug', values: ['A'] });
