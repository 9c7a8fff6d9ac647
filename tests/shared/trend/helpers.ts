/** Hand-made datasets and studies for the trend tests (counts by year × region × drug × sex × age). */
import { DatasetBuilder, type CellCount } from '../../../shared/counts/builder';
import type { Basis, Dataset } from '../../../shared/counts/dataset';
import { STUDY_SCHEMA_VERSION, type CriterionStep, type Predicate, type Study } from '../../../shared/criteria/study';

export const exact = (n: number): CellCount => ({ low: n, point: n, high: n, masked: false });
/** Socialstyrelsen's "X": 1–3 patients, point 2. */
export const maskedX: CellCount = { low: 1, point: 2, high: 3, masked: true };

export type Row = [period: string, region: string, drug: string, sex: string, age: string, count: CellCount];

export function dataset(rows: readonly Row[], options: { id?: string; basis?: Partial<Basis> } = {}): Dataset {
  const builder = new DatasetBuilder({
    id: options.id ?? 'hand',
    name: 'Hand-made series',
    basis: { unit: 'persons', kind: 'prevalent', regionBasis: 'residence', ...options.basis },
    provenance: { publisher: 'test', synthetic: false, sha256: `sha-${options.id ?? 'hand'}`, periodFrom: '', periodTo: '', notes: [], maskTokens: { X: { low: 1, point: 2, high: 3 } } },
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
  return { id, type, enabled: true, protocolText: id, label: id, rule: { kind: 'predicate', predicate } };
}

export function study(steps: CriterionStep[], overrides: Partial<Study> = {}): Study {
  return {
    schemaVersion: STUDY_SCHEMA_VERSION,
    id: 'trend-study',
    version: 1,
    title: 'Trend study',
    sponsorReference: 'T-1',
    population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } },
    ageShare: { source: { kind: 'uniform' }, range: { low: 0.75, point: 1, high: 1.25 }, note: '' },
    ageReferenceDate: '2027-03-01',
    steps,
    recruitment: {
      targetPatients: 120,
      startDate: '2027-03-01',
      months: 12,
      consentRate: { low: 0.5, point: 0.6, high: 0.7 },
      screenFailureRate: { low: 0.15, point: 0.25, high: 0.35 },
      sites: [],
      rateShape: 2,
    },
    verdictThresholds: { veryGood: 0.8, good: 0.5 },
    ...overrides,
  };
}

export const drugA = step('drug', { kind: 'extra', key: 'drug', values: ['A'] });
