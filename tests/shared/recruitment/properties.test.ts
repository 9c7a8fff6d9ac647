/**
 * Invariants of the forecast that hold exactly because it is computed exactly: an extra site never lowers the
 * probability, a later opening never raises it, a busier month never lowers it, and the prediction intervals are
 * ordered. Sites with a rate of their own and sites given as a share of their region (version 1) are mixed.
 */
// fast-check: generates many plans to check the invariants on, and shrinks a failure to a small example.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Site } from '../../../shared/criteria/study';
import type { EstimateResult } from '../../../shared/estimate/types';
import { COUNTY_CODES, type CountyCode } from '../../../shared/regions/regions';
import { projectRecruitment } from '../../../shared/recruitment/project';
import { makeStudy } from '../helpers';

const REGIONS: CountyCode[] = ['01', '03', '12', '14', '24'];
const estimate: EstimateResult = {
  inputHash: 'x',
  regions: COUNTY_CODES.map((code) => ({ region: code, eligible: { low: 200, point: 400, high: 800 }, cells: 1, maskedCells: 0, jointCount: false })),
  healthcareRegions: [],
  national: { low: 4200, point: 8400, high: 16800 },
  attrition: [],
  mostLimitingStepId: null,
  warnings: [],
};

const siteArb = fc.oneof(
  fc.record({ region: fc.constantFrom(...REGIONS), activationMonth: fc.double({ min: 0, max: 9, noNaN: true }), ratePerMonth: fc.double({ min: 0.1, max: 8, noNaN: true }) }),
  fc.record({ region: fc.constantFrom(...REGIONS), activationMonth: fc.integer({ min: 0, max: 9 }), shareOfRegion: fc.double({ min: 0.1, max: 0.9, noNaN: true }) }),
);
const planArb = fc.record({
  sites: fc.array(siteArb, { minLength: 1, maxLength: 4 }),
  target: fc.integer({ min: 20, max: 150 }),
  months: fc.integer({ min: 6, max: 24 }),
  july: fc.double({ min: 0, max: 1, noNaN: true }),
});

function studyOf(plan: { sites: Omit<Site, 'id' | 'name'>[]; target: number; months: number; july: number }) {
  const study = makeStudy([]);
  study.recruitment = {
    ...study.recruitment,
    targetPatients: plan.target,
    months: plan.months,
    startDate: '2026-03-01',
    seasonalWeights: [1, 1, 1, 1, 1, 0.8, plan.july, 0.6, 1, 1, 1, 1],
    sites: plan.sites.map((s, i) => ({ ...s, id: `s${i}`, name: `s${i}` })),
  };
  return study;
}

describe('forecast invariants', () => {
  it('an extra site never lowers the probability; a later opening never raises it; a busier July never lowers it', () => {
    fc.assert(
      fc.property(planArb, siteArb, (plan, extra) => {
        const base = projectRecruitment(studyOf(plan), estimate).probability;
        const more = projectRecruitment(studyOf({ ...plan, sites: [...plan.sites, extra] }), estimate).probability;
        const later = projectRecruitment(studyOf({ ...plan, sites: plan.sites.map((s, i) => (i === 0 ? { ...s, activationMonth: s.activationMonth + 2 } : s)) }), estimate).probability;
        const busier = projectRecruitment(studyOf({ ...plan, july: Math.min(1, plan.july + 0.5) }), estimate).probability;
        // Up to rounding of sums of probabilities (10⁻¹²).
        expect(more).toBeGreaterThanOrEqual(base - 1e-12);
        expect(later).toBeLessThanOrEqual(base + 1e-12);
        expect(busier).toBeGreaterThanOrEqual(base - 1e-12);
        const projection = projectRecruitment(studyOf(plan), estimate);
        for (const p of projection.band) expect(p.q025 <= p.q10 && p.q10 <= p.q50 && p.q50 <= p.q90 && p.q90 <= p.q975).toBe(true);
        expect(projection.probabilityRange.low).toBeLessThanOrEqual(projection.probability + 1e-12);
        expect(projection.probabilityRange.high).toBeGreaterThanOrEqual(projection.probability - 1e-12);
      }),
      { numRuns: 40, seed: 20261130 },
    );
  });
});
