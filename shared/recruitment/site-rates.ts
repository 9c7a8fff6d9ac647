/**
 * Each site's expected recruitment per month, and what the region's data says about it.
 *
 * The input is the coordinator's: patients the site expects to enrol per month once it is open, in a month of
 * normal activity ("patients per site per month", the figure sites and sponsors use; consent and screen failure
 * are already in it). Dropout, when the plan has one, makes it a rate of patients who stay in the study.
 *
 * The region's estimate gives the site a ceiling and a plausible share:
 *
 *     region's eligible per month × consent × (1 − screen failure) × (1 − dropout)
 *
 * is every eligible patient of the region who would consent, pass screening and stay: all the region's sites
 * together cannot recruit more (the ceiling). One site plausibly reaches at most PLAUSIBLE_SITE_SHARE of it
 * (see below); that figure is also the suggestion for a site that has no rate yet. "Eligible per month" is the
 * region's eligible count spread over the window it was counted for: for incident populations windowYears × 12
 * months (the monthly incidence); for prevalent populations the recruitment period's months (the pool can be
 * approached once, spread over the recruitment period).
 *
 * Studies written before rates per site existed (study file version 1) could give a site only its share of the
 * region; such a site keeps that meaning (rate = share × the ceiling's factors) until the coordinator enters a
 * rate, and then its eligible, consent and screen-failure ranges enter the forecast as well.
 */
import type { Site, Study } from '../criteria/study';
import type { CountyCode } from '../regions/regions';
import type { EstimateResult } from '../estimate/types';
import { resolvePlan, siteShape, type ResolvedPlan } from './plan';
import { valueAtPosition } from './range-quadrature';
import type { Interval } from '../utils/interval';

/**
 * The largest share of its region's consenting, screen-passing eligible patients one site plausibly recruits.
 * Half, because a Swedish region's patients are seen at more than one place (county hospitals, outpatient and
 * child and adolescent clinics share them with the university hospital), and a site must also find, approach and
 * fit every patient into its study capacity; a site claiming more than half of the whole region is claiming to
 * be its only provider with nothing lost to logistics. Above it the forecast warns, it does not cap.
 */
export const PLAUSIBLE_SITE_SHARE = 0.5;

export type RateSource = 'own' | 'share-of-region' | 'missing';

/** The value of each ranged input at one point of its range (eligible as a position: −1 low end, 0 point, 1 high end). */
export interface FactorValues {
  eligible: number;
  consent: number;
  screenFailure: number;
  dropout: number;
}

export interface SiteRate {
  siteId: string;
  name: string;
  region: CountyCode;
  activationMonth: number;
  source: RateSource;
  /** Version 1 studies only: the site's share of its region. */
  shareOfRegion: number | null;
  /** The rate used, in patients per month who stay: with every range at its pessimistic end, its point, its optimistic end (0 when missing). */
  ratePerMonth: Interval;
  /** The region's eligible patients per month (low, point, high). */
  regionEligiblePerMonth: Interval;
  /** Every eligible patient of the region per month who would consent, pass screening and stay (pessimistic, point, optimistic ends). */
  regionCeilingPerMonth: Interval;
  /** PLAUSIBLE_SITE_SHARE of the ceiling's point: the most one site plausibly recruits, and the suggested rate. */
  plausiblePerMonth: number;
  /** Gamma shape α of the site's rate. */
  shape: number;
}

export type SiteWarning =
  /** The site has no rate yet: it is left out of the forecast. */
  | { code: 'missing-rate'; siteId: string }
  /** A version 1 site whose rate is its share of the region; a rate of its own should replace it. */
  | { code: 'share-of-region'; siteId: string; shareOfRegion: number }
  /** The site's rate is above the plausible share of its region. */
  | { code: 'above-plausible'; siteId: string; ratePerMonth: number; plausiblePerMonth: number; eligiblePerMonth: number }
  /** The region's sites together claim more than every eligible patient of the region, even at the optimistic end. */
  | { code: 'above-region-ceiling'; region: CountyCode; siteIds: string[]; ratePerMonth: number; ceilingPerMonth: number };

export function eligibleWindowMonths(study: Study): number {
  return study.population.kind === 'incident' ? study.population.windowYears * 12 : study.recruitment.months;
}

export const POINT_VALUES = (plan: ResolvedPlan): FactorValues => ({ eligible: 0, consent: plan.consentRate.point, screenFailure: plan.screenFailureRate.point, dropout: plan.dropoutRate.point });
export const PESSIMISTIC_VALUES = (plan: ResolvedPlan): FactorValues => ({ eligible: -1, consent: plan.consentRate.low, screenFailure: plan.screenFailureRate.high, dropout: plan.dropoutRate.high });
export const OPTIMISTIC_VALUES = (plan: ResolvedPlan): FactorValues => ({ eligible: 1, consent: plan.consentRate.high, screenFailure: plan.screenFailureRate.low, dropout: plan.dropoutRate.low });

export function rateSource(site: Site): RateSource {
  return site.ratePerMonth !== undefined ? 'own' : site.shareOfRegion !== undefined ? 'share-of-region' : 'missing';
}

function regionPerMonth(region: CountyCode, estimate: EstimateResult, months: number, siteId: string): Interval {
  const found = estimate.regions.find((r) => r.region === region);
  if (!found) throw new Error(`Site "${siteId}": region ${region} is not in the estimate`);
  return { low: found.eligible.low / months, point: found.eligible.point / months, high: found.eligible.high / months };
}

/** Eligible per month × consent × (1 − screen failure) × (1 − dropout) at one choice of values. */
function ceilingAt(perMonth: Interval, values: FactorValues): number {
  return valueAtPosition(perMonth, values.eligible) * values.consent * (1 - values.screenFailure) * (1 - values.dropout);
}

/** Every site's mean rate per month (patients who stay) at one choice of the ranged inputs, in the plan's order. */
export function siteMeansAt(study: Study, estimate: EstimateResult, values: FactorValues): number[] {
  const plan = resolvePlan(study.recruitment);
  const months = eligibleWindowMonths(study);
  return plan.sites.map((site) => {
    switch (rateSource(site)) {
      case 'own':
        return site.ratePerMonth! * (1 - values.dropout);
      case 'share-of-region':
        return ceilingAt(regionPerMonth(site.region, estimate, months, site.id), values) * site.shareOfRegion!;
      case 'missing':
        return 0;
    }
  });
}

export function siteRates(study: Study, estimate: EstimateResult): SiteRate[] {
  const plan = resolvePlan(study.recruitment);
  const months = eligibleWindowMonths(study);
  const ends = [PESSIMISTIC_VALUES(plan), POINT_VALUES(plan), OPTIMISTIC_VALUES(plan)] as const;
  const at = (values: readonly number[]): Interval => ({ low: values[0]!, point: values[1]!, high: values[2]! });
  const means = ends.map((values) => siteMeansAt(study, estimate, values));
  return plan.sites.map((site, i) => {
    const perMonth = regionPerMonth(site.region, estimate, months, site.id);
    const ceiling = at(ends.map((values) => ceilingAt(perMonth, values)));
    return {
      siteId: site.id,
      name: site.name,
      region: site.region,
      activationMonth: site.activationMonth,
      source: rateSource(site),
      shareOfRegion: site.ratePerMonth === undefined ? (site.shareOfRegion ?? null) : null,
      ratePerMonth: at(means.map((m) => m[i]!)),
      regionEligiblePerMonth: perMonth,
      regionCeilingPerMonth: ceiling,
      plausiblePerMonth: PLAUSIBLE_SITE_SHARE * ceiling.point,
      shape: siteShape(site, plan),
    };
  });
}

/** What the plan's rates say against the region's data: missing rates, implausible rates, regions over their ceiling. */
export function siteWarnings(rates: readonly SiteRate[]): SiteWarning[] {
  const warnings: SiteWarning[] = [];
  for (const rate of rates) {
    if (rate.source === 'missing') warnings.push({ code: 'missing-rate', siteId: rate.siteId });
    else if (rate.source === 'share-of-region') warnings.push({ code: 'share-of-region', siteId: rate.siteId, shareOfRegion: rate.shareOfRegion ?? 0 });
    // A share-of-region site is a share of the ceiling by construction; only a stated rate can be implausible.
    if (rate.source === 'own' && rate.ratePerMonth.point > rate.plausiblePerMonth + 1e-9) {
      warnings.push({ code: 'above-plausible', siteId: rate.siteId, ratePerMonth: rate.ratePerMonth.point, plausiblePerMonth: rate.plausiblePerMonth, eligiblePerMonth: rate.regionEligiblePerMonth.point });
    }
  }
  const regions = [...new Set(rates.map((r) => r.region))];
  for (const region of regions) {
    const inRegion = rates.filter((r) => r.region === region && r.source !== 'missing');
    if (inRegion.length === 0) continue;
    const total = inRegion.reduce((sum, r) => sum + r.ratePerMonth.point, 0);
    const ceiling = inRegion[0]!.regionCeilingPerMonth.high;
    if (total > ceiling + 1e-9) warnings.push({ code: 'above-region-ceiling', region, siteIds: inRegion.map((r) => r.siteId), ratePerMonth: total, ceilingPerMonth: ceiling });
  }
  return warnings;
}
