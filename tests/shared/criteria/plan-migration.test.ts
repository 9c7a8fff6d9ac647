// The recruitment plan's migration from study file version 1: every site keeps its meaning.
import { describe, expect, it } from 'vitest';
import { migrateRecruitmentPlanV1, type RecruitmentPlanV1 } from '../../../shared/criteria/plan-migration';
import { projectRecruitment } from '../../../shared/recruitment/project';
import { estimateWith, planStudy } from '../recruitment/plan-helpers';

const V1: RecruitmentPlanV1 = {
  targetPatients: 40,
  startDate: '2027-01-01',
  months: 12,
  consentRate: { low: 0.5, point: 0.6, high: 0.7 },
  screenFailureRate: { low: 0.15, point: 0.25, high: 0.35 },
  rateShape: 2,
  sites: [
    { id: 'share', name: 'Share only', region: '01', activationMonth: 0, shareOfRegion: 0.4 },
    { id: 'own', name: 'Own rate', region: '12', activationMonth: 2, shareOfRegion: 0.5, ratePerMonth: 1.5, rateCertainty: 'medium' },
  ],
};

describe('migrateRecruitmentPlanV1', () => {
  it('keeps a share-only site as it is and drops the unused share of a site with its own rate', () => {
    const plan = migrateRecruitmentPlanV1(V1);
    expect(plan.sites).toEqual([
      { id: 'share', name: 'Share only', region: '01', activationMonth: 0, shareOfRegion: 0.4 },
      { id: 'own', name: 'Own rate', region: '12', activationMonth: 2, ratePerMonth: 1.5, rateCertainty: 'medium' },
    ]);
    expect({ ...plan, sites: [] }).toEqual({ ...V1, sites: [] });
    // The input is not changed.
    expect(V1.sites[1]!.shareOfRegion).toBe(0.5);
  });

  it('gives the same forecast before and after: the meaning of every site is kept', () => {
    const estimate = estimateWith({ '01': { low: 200, point: 300, high: 400 }, '12': { low: 100, point: 150, high: 200 } });
    const before = projectRecruitment(planStudy(V1), estimate);
    const after = projectRecruitment(planStudy(migrateRecruitmentPlanV1(V1)), estimate);
    expect(after.probability).toBe(before.probability);
    expect(after.band).toEqual(before.band);
    // The share-only site asks for a rate of its own.
    expect(after.warnings).toContainEqual({ code: 'share-of-region', siteId: 'share', shareOfRegion: 0.4 });
  });
});
