/**
 * Each site's rate, its region's ceiling and plausible share, and the warnings, by hand arithmetic on the plan.
 * Incident counts over a one-year window (planStudy): eligible per month = count / 12.
 */
import { describe, expect, it } from 'vitest';
import { PLAUSIBLE_SITE_SHARE, siteRates, siteWarnings } from '../../../shared/recruitment/site-rates';
import { estimateWith, planStudy, site } from './plan-helpers';

// Stockholm 240 eligible a year (180–300): 20 a month (15–25).
const STOCKHOLM = estimateWith({ '01': { low: 180, point: 240, high: 300 } });
const ranges = { consentRate: { low: 0.5, point: 0.6, high: 0.7 }, screenFailureRate: { low: 0.1, point: 0.2, high: 0.3 }, dropoutRate: { low: 0, point: 0.1, high: 0.2 } };

describe('a site with a rate of its own', () => {
  it('keeps the rate (times 1 − dropout), with the region\'s ceiling and plausible share beside it', () => {
    const [rate] = siteRates(planStudy({ ...ranges, sites: [site('ks', 3)] }), STOCKHOLM);
    expect(rate!.source).toBe('own');
    // Dropout 10 % (0–20 %): 2.7 (2.4–3).
    expect(rate!.ratePerMonth.point).toBeCloseTo(2.7, 12);
    expect(rate!.ratePerMonth.low).toBeCloseTo(2.4, 12);
    expect(rate!.ratePerMonth.high).toBeCloseTo(3, 12);
    expect(rate!.regionEligiblePerMonth).toEqual({ low: 15, point: 20, high: 25 });
    // Ceiling: 20 × 0.6 × 0.8 × 0.9 = 8.64; pessimistic 15 × 0.5 × 0.7 × 0.8 = 4.2; optimistic 25 × 0.7 × 0.9 × 1 = 15.75.
    expect(rate!.regionCeilingPerMonth.point).toBeCloseTo(8.64, 12);
    expect(rate!.regionCeilingPerMonth.low).toBeCloseTo(4.2, 12);
    expect(rate!.regionCeilingPerMonth.high).toBeCloseTo(15.75, 12);
    expect(PLAUSIBLE_SITE_SHARE).toBe(0.5);
    expect(rate!.plausiblePerMonth).toBeCloseTo(4.32, 12);
    expect(siteWarnings([rate!])).toEqual([]);
  });

  it('warns above half of the ceiling, and when a region\'s sites together claim more than its best case', () => {
    const rates = siteRates(planStudy({ ...ranges, sites: [site('ks', 5), site('ds', 12)] }), STOCKHOLM);
    const warnings = siteWarnings(rates);
    // 5 × 0.9 = 4.5 > 4.32 and 12 × 0.9 = 10.8 > 4.32; together 15.3 is below the optimistic ceiling 15.75.
    expect(warnings).toEqual([
      { code: 'above-plausible', siteId: 'ks', ratePerMonth: expect.closeTo(4.5, 12), plausiblePerMonth: expect.closeTo(4.32, 12), eligiblePerMonth: 20 },
      { code: 'above-plausible', siteId: 'ds', ratePerMonth: expect.closeTo(10.8, 12), plausiblePerMonth: expect.closeTo(4.32, 12), eligiblePerMonth: 20 },
    ]);
    const more = siteWarnings(siteRates(planStudy({ ...ranges, sites: [site('ks', 5), site('ds', 13)] }), STOCKHOLM));
    // 18 × 0.9 = 16.2 > 15.75.
    expect(more).toContainEqual({ code: 'above-region-ceiling', region: '01', siteIds: ['ks', 'ds'], ratePerMonth: expect.closeTo(16.2, 12), ceilingPerMonth: expect.closeTo(15.75, 12) });
  });

  it('the scenario: 3 a month at Karolinska is far below half of Stockholm\'s 8 089 children on methylphenidate', () => {
    // Prevalent: the pool spread over the 12 months of recruitment, 674 a month.
    const study = planStudy({ sites: [site('ks', 3)] }, { population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } } });
    const [rate] = siteRates(study, estimateWith({ '01': { low: 8089, point: 8089, high: 8089 } }));
    expect(rate!.regionEligiblePerMonth.point).toBeCloseTo(8089 / 12, 9);
    expect(siteWarnings([rate!])).toEqual([]);
  });
});

describe('a site without a rate, and a version 1 site with a share of its region', () => {
  it('no rate: left out (rate 0) and named', () => {
    const [rate] = siteRates(planStudy({ sites: [{ id: 'new', name: 'New', region: '01', activationMonth: 0 }] }), STOCKHOLM);
    expect(rate!.source).toBe('missing');
    expect(rate!.ratePerMonth).toEqual({ low: 0, point: 0, high: 0 });
    expect(siteWarnings([rate!])).toEqual([{ code: 'missing-rate', siteId: 'new' }]);
  });

  it('a share: rate = share × the ceiling at each end, and a request for a rate of its own', () => {
    const [rate] = siteRates(planStudy({ ...ranges, sites: [{ id: 'v1', name: 'V1', region: '01', activationMonth: 0, shareOfRegion: 0.5 }] }), STOCKHOLM);
    expect(rate!.source).toBe('share-of-region');
    expect(rate!.ratePerMonth.point).toBeCloseTo(4.32, 12);
    expect(rate!.ratePerMonth.low).toBeCloseTo(2.1, 12);
    expect(rate!.ratePerMonth.high).toBeCloseTo(7.875, 12);
    expect(siteWarnings([rate!])).toEqual([{ code: 'share-of-region', siteId: 'v1', shareOfRegion: 0.5 }]);
  });
});
