/**
 * Whether the forecast's charts are shown as the sponsor sees them ("Visa som sponsorn ser det" on the answer page,
 * a remembered setting), and which regions' counts a site's rate rests on that the disclosure policy hides: then
 * the charts are withheld, as the letter withholds them. Watches the setting live, so the switch on the answer page
 * changes the charts below it at once.
 */
import { liveQuery } from 'dexie';
import equal from 'fast-deep-equal/es6';
import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_DISCLOSURE_POLICY, discloseAnswer, type DisclosurePolicy } from '../../../shared/disclosure';
import type { EstimateResult } from '../../../shared/estimate/types';
import type { CountyCode } from '../../../shared/regions/regions';
import { rateFromRegion, withheldSiteRegions } from '../../../shared/recruitment/printable';
import type { SiteRate } from '../../../shared/recruitment/site-rates';
import { useServices } from '../context';
import { loadDisclosurePolicy, loadSponsorView } from '../settings/disclosure-policy';

export interface ChartDisclosure {
  sponsorView: boolean;
  /** Regions (sorted) whose hidden counts the charts would reveal; empty when nothing is withheld. */
  withheldRegions: CountyCode[];
}

export function useChartDisclosure(estimate: EstimateResult, sites: readonly SiteRate[]): ChartDisclosure {
  const { db } = useServices();
  const [setting, setSetting] = useState<{ on: boolean; policy: DisclosurePolicy }>({ on: false, policy: DEFAULT_DISCLOSURE_POLICY });
  useEffect(() => {
    const subscription = liveQuery(async () => ({ on: await loadSponsorView(db), policy: await loadDisclosurePolicy(db) })).subscribe({
      // Every audited write moves the trail's head in the settings table and runs this query again: the charts are
      // drawn again only when the switch or the policy changed.
      next: (read) => setSetting((shown) => (shown.on === read.on && equal(shown.policy, read.policy) ? shown : read)),
      // The setting cannot be read: show the coordinator's own view (the answer page reports the failure).
      error: () => setSetting({ on: false, policy: DEFAULT_DISCLOSURE_POLICY }),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  const withheldRegions = useMemo(() => {
    if (!setting.on || !sites.some(rateFromRegion)) return [];
    const disclosed = discloseAnswer(estimate, setting.policy);
    const printedInFull = (region: CountyCode) => {
      const figure = disclosed.regions.find((r) => r.region === region);
      return figure !== undefined && [figure.low, figure.point, figure.high].every((v) => v.kind === 'shown' || v.kind === 'zero');
    };
    return withheldSiteRegions(sites, printedInFull);
  }, [setting, sites, estimate]);
  return { sponsorView: setting.on, withheldRegions };
}
