/** Builders for the recruitment tests: a study with a plan, and an estimate with chosen regional intervals. */
import type { RecruitmentPlan, Site, Study } from '../../../shared/criteria/study';
import { estimateWith, makeStudy } from '../study-builders';

export { estimateWith };

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

/** Stockholm with 1 200 eligible (800–1 600): an estimate that never limits a site given its own rate. */
export const PLENTY = estimateWith({ '01': { low: 800, point: 1200, high: 1600 } });
