/**
 * A test study and its steps, a dataset's provenance, and an estimate with chosen regional intervals: plain
 * builders without the test runner, so that the benchmarks (run outside Vitest) build their inputs the same way
 * the tests do.
 */
import { DEFAULT_AGE_SHARE_RANGE, STUDY_SCHEMA_VERSION, type CriterionStep, type Predicate, type Study } from '../../shared/criteria/study';
import type { Provenance } from '../../shared/counts/dataset';
import type { EstimateResult } from '../../shared/estimate/types';
import { COUNTY_CODES, type CountyCode } from '../../shared/regions/regions';
import type { Interval } from '../../shared/utils/interval';

export function predicateStep(id: string, predicate: Predicate, type: 'inclusion' | 'exclusion' = 'inclusion', enabled = true): CriterionStep {
  return { id, type, enabled, protocolText: id, label: id, rule: { kind: 'predicate', predicate } };
}

export function proportionStep(id: string, share: Interval, type: 'inclusion' | 'exclusion' = 'inclusion', enabled = true): CriterionStep {
  return { id, type, enabled, protocolText: id, label: id, rule: { kind: 'proportion', share, source: 'test' } };
}

export function makeStudy(steps: CriterionStep[], overrides: Partial<Study> = {}): Study {
  return {
    schemaVersion: STUDY_SCHEMA_VERSION,
    id: 'test-study',
    version: 1,
    title: 'Test study',
    sponsorReference: 'T-1',
    population: { kind: 'incident', windowYears: 2, unit: 'persons', regionBasis: 'residence', period: { kind: 'all' } },
    ageShare: { source: { kind: 'uniform' }, range: { ...DEFAULT_AGE_SHARE_RANGE }, note: '' },
    ageReferenceDate: '2026-01-01',
    steps,
    recruitment: {
      targetPatients: 10,
      startDate: '2026-01-01',
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

/** The token "X" as Swedish registers mask 1–3 (counted as 2). */
export const MASK_X: Provenance['maskTokens'] = { X: { low: 1, point: 2, high: 3 } };

/** Where a hand-made dataset came from: a test's, not synthetic, no period or notes unless a test says so. */
export function testProvenance(overrides: Partial<Provenance> = {}): Provenance {
  return { publisher: 'test', synthetic: false, sha256: 'test', periodFrom: '', periodTo: '', notes: [], maskTokens: {}, ...overrides };
}

/** An estimate whose regions have the given eligible intervals (every other region 0). */
export function estimateWith(eligible: Partial<Record<CountyCode, Interval>>): EstimateResult {
  const regions = COUNTY_CODES.map((code) => ({ region: code, eligible: eligible[code] ?? { low: 0, point: 0, high: 0 }, cells: 1, maskedCells: 0, jointCount: false }));
  const sum = (pick: keyof Interval) => regions.reduce((n, r) => n + r.eligible[pick], 0);
  return {
    inputHash: 'x',
    regions,
    healthcareRegions: [],
    national: { low: sum('low'), point: sum('point'), high: sum('high') },
    attrition: [],
    mostLimitingStepId: null,
    warnings: [],
  } as unknown as EstimateResult;
}
