/**
 * "Visa som sponsorn ser det": a remembered switch on the answer page that shows every number, the chart and the
 * map as the disclosure policy lets them leave the unit (the same discloseAnswer the letter uses).
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DISCLOSURE_POLICY, discloseAnswer, formatDisclosedValue, discloseValue, type DisclosedAnswer, type DisclosurePolicy } from '../../../shared/disclosure';
import type { EstimateResult } from '../../../shared/estimate/types';
import type { CountyCode, HallandRule } from '../../../shared/regions/regions';
import type { MapDisclosure } from '../ui/charts/RegionMap';
import { useServices } from '../context';
import { formatCount } from '../format';
import { HelpTip } from '../help/HelpTip';
import { policyErrorText } from './policy-error-text';
import { loadDisclosurePolicy, loadSponsorView, saveSponsorView } from '../settings/disclosure-policy';
import './disclosure.css';
import { StatusLine } from '../ui/StatusLine';

export interface SponsorView {
  on: boolean;
  setOn(on: boolean): void;
  policy: DisclosurePolicy;
  /** The disclosed answer while the switch is on (null when off or not loaded yet). */
  disclosed: DisclosedAnswer | null;
  error: string | null;
}

/** Reads the switch and the policy from settings and discloses the estimate while the switch is on. */
export function useSponsorView(estimate: EstimateResult, hallandRule: HallandRule, recruitingRegions: readonly CountyCode[]): SponsorView {
  const { t } = useTranslation();
  const { db, language } = useServices();
  const [state, setState] = useState<{ on: boolean; policy: DisclosurePolicy; error: string | null }>({ on: false, policy: DEFAULT_DISCLOSURE_POLICY, error: null });
  useEffect(() => {
    let live = true;
    Promise.all([loadDisclosurePolicy(db), loadSponsorView(db)])
      .then(([policy, on]) => live && setState({ on, policy, error: null }))
      .catch((e: unknown) => live && setState((s) => ({ ...s, error: policyErrorText(t, e) })));
    return () => {
      live = false;
    };
  }, [db, t]);
  const setOn = useCallback(
    (on: boolean) => {
      setState((s) => ({ ...s, on }));
      saveSponsorView(db, on).catch((e: unknown) => setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) })));
    },
    [db],
  );
  const disclosed = useMemo(
    () => (state.on ? discloseAnswer(estimate, state.policy, { formatNumber: (n) => formatCount(n, language), hallandRule, recruitingRegions }) : null),
    [state.on, state.policy, estimate, language, hallandRule, recruitingRegions],
  );
  return { ...state, setOn, disclosed };
}

/** The switch, and while it is on, which policy is applied and how much it hides. */
export function SponsorViewBar({ view }: { view: SponsorView }) {
  const { t } = useTranslation();
  const { language } = useServices();
  const id = useId();
  const { policy, disclosed } = view;
  const small = formatDisclosedValue(discloseValue(1, 'point', policy), policy, (n) => formatCount(n, language));
  return (
    <div className={`sponsor-view ${view.on ? 'sponsor-view-on' : ''}`} data-testid="sponsor-view">
      <div className="sponsor-view-switch">
        <input id={id} type="checkbox" role="switch" checked={view.on} aria-checked={view.on} onChange={(e) => view.setOn(e.target.checked)} />
        <label htmlFor={id}>{t('disclosure.sponsorView.toggle')}</label>
        <HelpTip topic="hidden" />
      </div>
      {view.error && <StatusLine error>{t('disclosure.sponsorView.loadError', { detail: view.error })}</StatusLine>}
      {disclosed && (
        <StatusLine hint testId="sponsor-view-policy">
          {t('disclosure.sponsorView.on', { policy: policy.name, version: policy.version, small, hidden: policy.secondaryText })}{' '}
          {t('disclosure.sponsorView.counts', { primary: formatCount(disclosed.summary.primary, language), secondary: formatCount(disclosed.summary.secondary, language) })}
        </StatusLine>
      )}
      {disclosed && (
        <p className="hint" data-testid="sponsor-view-loss">
          {t('disclosure.sponsorView.loss', {
            hidden: formatCount(disclosed.loss.regionalHidden, language),
            figures: formatCount(disclosed.loss.regionalFigures, language),
            secondary: formatCount(disclosed.loss.regionalHiddenSecondary, language),
            patients: formatCount(disclosed.loss.patientsInHiddenRegions, language),
            allPatients: formatCount(disclosed.loss.patients, language),
          })}
        </p>
      )}
    </div>
  );
}

/** What the region map needs in the sponsor view (undefined while the switch is off). */
export function useMapDisclosure(view: SponsorView): MapDisclosure | undefined {
  const { t } = useTranslation();
  const { language } = useServices();
  const { disclosed, policy } = view;
  return useMemo(() => {
    if (!disclosed) return undefined;
    const small = formatDisclosedValue(discloseValue(1, 'point', policy), policy, (n) => formatCount(n, language));
    return {
      figures: new Map<CountyCode, DisclosedAnswer['regions'][number]>(disclosed.regions.map((r) => [r.region, r])),
      legend: t('disclosure.sponsorView.suppressedLegend', { small, hidden: policy.secondaryText }),
      title: (name, figure) =>
        t(figure.point.kind === 'shown' || figure.point.kind === 'zero' ? 'disclosure.sponsorView.shownTitle' : 'disclosure.sponsorView.suppressedTitle', {
          name,
          value: figure.text,
          range: figure.intervalText,
        }),
    };
  }, [disclosed, policy, t, language]);
}
