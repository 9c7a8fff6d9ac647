/**
 * What a chart of the forecast may draw. A chart is an output like a printed figure: a reader can measure its
 * coordinates, so it must draw only figures that may be printed, at the precision they are printed with — whole
 * patients for counts, a tenth of a percentage point for probabilities — and nothing that is computed from a
 * hidden figure. Drawing the model's unrounded curves would hand out the sites' rates (and with them, for a site
 * given as a share of its region, the region's hidden count) to many decimals.
 */
import type { CountyCode } from '../regions/regions';
import type { BandPoint } from './project';
import type { SiteRate } from './site-rates';

/** One month of the cumulative enrolment, in whole patients. */
export interface PrintableBandPoint {
  month: number;
  /** The expected number, rounded as the letter prints it. */
  expected: number;
  low80: number;
  high80: number;
  low95: number;
  high95: number;
}

export function printableEnrolment(band: readonly BandPoint[]): PrintableBandPoint[] {
  return band.map((p) => ({
    month: p.month,
    expected: Math.round(p.mean),
    // Quantiles of a count are whole numbers already; rounding only guards against a stored snapshot's drift.
    low80: Math.round(p.q10),
    high80: Math.round(p.q90),
    low95: Math.round(p.q025),
    high95: Math.round(p.q975),
  }));
}

/** A probability at the precision it is printed with (a percentage with one decimal). */
export function printableProbability(probability: number): number {
  return Math.round(probability * 1000) / 1000;
}

/** True when the site's rate is derived from its region's eligible count (a version 1 site given as a share). */
export function rateFromRegion(site: Pick<SiteRate, 'source'> & { overridden?: boolean }): boolean {
  // Snapshots made before sites had a rate of their own carry `overridden` instead of `source`.
  return site.source === 'share-of-region' || (site.source === undefined && site.overridden === false);
}

/**
 * Regions whose count a site's rate is derived from but which are not printed in full (low, point and high): the
 * rate, and every forecast figure computed from it, would reveal what disclosure control hides there.
 */
export function withheldSiteRegions(sites: readonly (Pick<SiteRate, 'source' | 'region'> & { overridden?: boolean })[], printedInFull: (region: CountyCode) => boolean): CountyCode[] {
  const regions = [...new Set(sites.filter(rateFromRegion).map((s) => s.region))];
  return regions.filter((r) => !printedInFull(r)).sort();
}
