/**
 * Each participating site's expected enrolment rate per month, from the estimate of its region:
 *
 *     rate = region's eligible per month × site's share of the region × consent × (1 − screen failure)
 *
 * "Eligible per month" is the region's eligible count spread over the window it was counted for: for
 * incident populations windowYears × 12 months (so it is the region's monthly incidence of eligible
 * patients); for prevalent populations the recruitment period's months (the existing pool is assumed to be
 * approachable once, spread over the recruitment period). Low and high combine the pessimistic and
 * optimistic ends of every factor (low consent with high screen failure, and the reverse).
 */
import type { Study } from '../criteria/study';
import type { CountyCode } from '../regions/regions';
import type { EstimateResult, Interval } from '../estimate/types';

export interface SiteRate {
  siteId: string;
  name: string;
  region: CountyCode;
  activationMonth: number;
  shareOfRegion: number;
  regionEligiblePerMonth: Interval;
  ratePerMonth: Interval;
}

export function eligibleWindowMonths(study: Study): number {
  return study.population.kind === 'incident' ? study.population.windowYears * 12 : study.recruitment.months;
}

export function siteRates(study: Study, estimate: EstimateResult): SiteRate[] {
  const months = eligibleWindowMonths(study);
  const { consentRate: consent, screenFailureRate: screenFailure } = study.recruitment;
  return study.recruitment.sites.map((site) => {
    const region = estimate.regions.find((r) => r.region === site.region);
    if (!region) throw new Error(`Site "${site.id}": region ${site.region} is not in the estimate`);
    const perMonth: Interval = {
      low: region.eligible.low / months,
      point: region.eligible.point / months,
      high: region.eligible.high / months,
    };
    return {
      siteId: site.id,
      name: site.name,
      region: site.region,
      activationMonth: site.activationMonth,
      shareOfRegion: site.shareOfRegion,
      regionEligiblePerMonth: perMonth,
      ratePerMonth: {
        low: perMonth.low * site.shareOfRegion * consent.low * (1 - screenFailure.high),
        point: perMonth.point * site.shareOfRegion * consent.point * (1 - screenFailure.point),
        high: perMonth.high * site.shareOfRegion * consent.high * (1 - screenFailure.low),
      },
    };
  });
}
