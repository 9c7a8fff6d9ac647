/** Builders for the recruitment tests: a study with a plan, and an estimate with chosen regional intervals. */
import type { RecruitmentPlan, Site, Study } from '../../../shared/criteria/study';
import type { EstimateResult } from '../../../shared/estimate/types';
import { COUNTY_CODES, type CountyCode } from '../../../shared/regions/regions';
import type { Interval } from '../../../shared/utils/interval';
import { makeStudy } from '../helpers';

export const FLAT: readonly number[] = Array<number>(12).fill(1);

/** A site with its own rate (patients per month), open from `opens` months after the start. */
export const site = (id: string, ratePerMonth: number, opens = 0, extra: Partial<Site> = {}): Site => ({ id, name: id, region: '01', activationMonth: opens, ratePerMonth, ...extra });

export function planStudy(plan: Partial<RecruitmentPlan>, overrides: Partial<Study> = {}): Study {
  return makeStudy([], {
    id: 'forecast-test',
    title: 'Forecast test',
    sponsorReference: 'F-1',
    population: { kind: 'incident', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'all' } },
    ageShare: { source: { kind: 'uniform' }, range: { low: 0.75, point: 1, high: 1.25 }, note: '' },
    ageReferenceDate: '2027-01-01',
    recruitment: {
      targetPatients: 10,
      startDate: '2027-01-01',
      months: 12,
      consentRate: { low: 0.6, point: 0.6, high: 0.6 },
      screenFailureRate: { low: 0.2, point: 0.2, high: 0.2 },
      sites: [],
      rateShape: 1,
      seasonalWeights: [...FLAT],
      ...plan,
    },
    ...overrides,
  });
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

/** Stockholm with 1 200 eligible (800–1 600): an estimate that never limits a site given its own rate. */
export const PLENTY = estimateWith({ '01': { low: 800, point: 1200, high: 1600 } });
