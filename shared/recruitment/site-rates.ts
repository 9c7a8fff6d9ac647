/**
 * Each participating site's expected enrolment rate per month, from the estimate of its region:
 *
 *     rate = region's eligible per month × site's share of the region × consent × (1 − screen failure) × (1 − dropout)
 *
 * "Eligible per month" is the region's eligible count spread over the window it was counted for: for
 * incident populations windowYears × 12 months (so it is the region's monthly incidence of eligible
 * patients); for prevalent populations the recruitment period's months (the existing pool is assumed to be
 * approachable once, spread over the recruitment period). Dropout (optional, default none) makes the rate
 * one of patients who stay in the study.
 *
 * A site may give its own rate estimate (enrolled patients per month, so consent and screen failure are
 * already in it); it replaces the derived rate, and its uncertainty is carried by the gamma shape (plan.ts),
 * not by a range. Low and high combine the pessimistic and optimistic ends of every factor (low eligible and
 * consent with high screen failure and dropout, and the reverse); `outlook` picks the end of each factor
 * separately, for the sensitivity analysis.
 */
import type { ProportionRange, Site, Study } from '../criteria/study';
import type { CountyCode } from '../regions/regions';
import type { EstimateResult, Interval } from '../estimate/types';
import { resolvePlan, siteShape, type ResolvedPlan } from './plan';

export type Outlook = 'pessimistic' | 'point' | 'optimistic';

/** Which end of each factor's range to use. */
export interface RateOutlook {
  eligible: Outlook;
  consent: Outlook;
  screenFailure: Outlook;
  dropout: Outlook;
}

export const outlookOf = (end: Outlook): RateOutlook => ({ eligible: end, consent: end, screenFailure: end, dropout: end });

export interface SiteRate {
  siteId: string;
  name: string;
  region: CountyCode;
  activationMonth: number;
  shareOfRegion: number;
  regionEligiblePerMonth: Interval;
  /** The rate that follows from the estimate, whether or not the site overrides it. */
  derivedRatePerMonth: Interval;
  /** The rate used: the derived one, or the site's own estimate (× (1 − dropout)). */
  ratePerMonth: Interval;
  overridden: boolean;
  /** Gamma shape α of the site's rate. */
  shape: number;
}

export function eligibleWindowMonths(study: Study): number {
  return study.population.kind === 'incident' ? study.population.windowYears * 12 : study.recruitment.months;
}

/** A factor that helps recruitment (eligible, consent): pessimistic = low. */
const helping = (range: Interval | ProportionRange, end: Outlook): number => (end === 'pessimistic' ? range.low : end === 'optimistic' ? range.high : range.point);
/** A factor that hurts recruitment (screen failure, dropout): pessimistic = high. */
const hurting = (range: ProportionRange, end: Outlook): number => (end === 'pessimistic' ? range.high : end === 'optimistic' ? range.low : range.point);

function regionPerMonth(site: Site, estimate: EstimateResult, months: number): Interval {
  const region = estimate.regions.find((r) => r.region === site.region);
  if (!region) throw new Error(`Site "${site.id}": region ${site.region} is not in the estimate`);
  return { low: region.eligible.low / months, point: region.eligible.point / months, high: region.eligible.high / months };
}

function derivedRate(site: Site, plan: ResolvedPlan, perMonth: Interval, outlook: RateOutlook): number {
  return (
    helping(perMonth, outlook.eligible) *
    site.shareOfRegion *
    helping(plan.consentRate, outlook.consent) *
    (1 - hurting(plan.screenFailureRate, outlook.screenFailure)) *
    (1 - hurting(plan.dropoutRate, outlook.dropout))
  );
}

function rateAt(site: Site, plan: ResolvedPlan, perMonth: Interval, outlook: RateOutlook): number {
  if (site.ratePerMonth === undefined) return derivedRate(site, plan, perMonth, outlook);
  return site.ratePerMonth * (1 - hurting(plan.dropoutRate, outlook.dropout));
}

/** Every site's rate at one choice of ends, in the order of the plan's sites. */
export function siteRatesAt(study: Study, estimate: EstimateResult, outlook: RateOutlook): number[] {
  const plan = resolvePlan(study.recruitment);
  const months = eligibleWindowMonths(study);
  return plan.sites.map((site) => rateAt(site, plan, regionPerMonth(site, estimate, months), outlook));
}

export function siteRates(study: Study, estimate: EstimateResult): SiteRate[] {
  const plan = resolvePlan(study.recruitment);
  const months = eligibleWindowMonths(study);
  return plan.sites.map((site) => {
    const perMonth = regionPerMonth(site, estimate, months);
    const interval = (rate: (end: Outlook) => number): Interval => ({ low: rate('pessimistic'), point: rate('point'), high: rate('optimistic') });
    return {
      siteId: site.id,
      name: site.name,
      region: site.region,
      activationMonth: site.activationMonth,
      shareOfRegion: site.shareOfRegion,
      regionEligiblePerMonth: perMonth,
      derivedRatePerMonth: interval((end) => derivedRate(site, plan, perMonth, outlookOf(end))),
      ratePerMonth: interval((end) => rateAt(site, plan, perMonth, outlookOf(end))),
      overridden: site.ratePerMonth !== undefined,
      shape: siteShape(site, plan),
    };
  });
}
