/**
 * The forecast's assumptions: start date, consent, screen failure and dropout with their ranges, the monthly
 * seasonal weights, the certainty of the rates, the participating sites and the verdict rule. Every valid
 * edit goes straight to the study (and recomputes); invalid drafts stay in their field with an explanation.
 */
import { memo, useCallback, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RateCertainty, RecruitmentPlan, Site, Study } from '../../../shared/criteria/study';
import { COUNTY_CODES, type CountyCode, regionName } from '../../../shared/regions/regions';
import { addMonths, NO_DROPOUT, resolvePlan } from '../../../shared/recruitment/plan';
import type { SiteRate } from '../../../shared/recruitment/site-rates';
import { useServices } from '../context';
import { formatDecimal, formatPercent } from '../format';
import { ParsedField, RangeFieldset } from '../study/fields';
import { parseDecimalInput, parsePercentInput } from '../study/parse-input';
import { EmptyState } from '../ui/EmptyState';
import { sameFigures } from '../ui/charts/same-figures';
import { useUndo } from '../ui/undo';
import type { Language } from '../../../shared/text/language';
import type { Interval } from '../../../shared/utils/interval';

type Change = (change: (study: Study) => Study) => void;

const pct = (share: number, language: Language) => formatDecimal(share * 100, language, 2);

const withPlan = (study: Study, change: Partial<RecruitmentPlan>): Study => ({ ...study, recruitment: { ...study.recruitment, ...change } });

/** "2026-09-01" if it is a real calendar date, else null. */
export function parseIsoDateInput(text: string): string | null {
  const value = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCDate() === Number(match[3]) && date.getUTCMonth() === Number(match[2]) - 1 ? value : null;
}

/** `sites` with `site` back at `index`; it gets a fresh id if a new site has taken its id meanwhile. */
export function restoreSite(sites: readonly Site[], site: Site, index: number): Site[] {
  const back = sites.some((s) => s.id === site.id) ? { ...site, id: newSiteId(sites) } : site;
  const next = [...sites];
  next.splice(Math.max(0, Math.min(index, next.length)), 0, back);
  return next;
}

/** A fresh site id not used in the plan. */
export function newSiteId(sites: readonly Site[]): string {
  let n = sites.length + 1;
  while (sites.some((s) => s.id === `site-${n}`)) n += 1;
  return `site-${n}`;
}

function PercentRange({ legend, range, onChange }: { legend: string; range: Interval; onChange: (r: Interval) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <RangeFieldset
      legend={legend}
      range={range}
      labelOf={(key) => t(`forecast.inputs.range.${key}`)}
      format={(v) => pct(v, language)}
      parse={parsePercentInput}
      errorText={t('forecast.inputs.rangeError')}
      onChange={onChange}
    />
  );
}

function useLanguage(): Language {
  return useServices().language;
}

/** A rate rounded for a suggestion button: two decimals, never "−0". */
const suggested = (rate: number): number => Math.max(0, Math.round(rate * 100) / 100);

/**
 * A site's own fields. Apart from the rest of the site's card, so that an answer (new rates for every site) does not
 * redraw them: only an edit of this site or of the plan's start, length or rate shape does.
 */
const SiteInputs = memo(function SiteInputs({
  site,
  months,
  startDate,
  rateShape,
  missingRate,
  onChange,
}: {
  site: Site;
  months: number;
  startDate: string;
  rateShape: number;
  missingRate: boolean;
  onChange: (s: Site) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nameId = useId();
  const regionId = useId();
  const certaintyId = useId();
  const decimal = (v: number) => formatDecimal(v, language, 2);
  return (
    <>
      <div className="field-row">
        <div className="field">
          <label htmlFor={nameId}>{t('forecast.sites.name')}</label>
          <input id={nameId} value={site.name} onChange={(e) => onChange({ ...site, name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={regionId}>{t('forecast.sites.region')}</label>
          <select id={regionId} value={site.region} onChange={(e) => onChange({ ...site, region: e.target.value as CountyCode })}>
            <RegionOptions language={language} />
          </select>
        </div>
      </div>
      <div className="field-row">
        <ParsedField<{ rate: number | undefined }>
          label={t('forecast.sites.rate')}
          value={{ rate: site.ratePerMonth }}
          format={(v) => (v.rate === undefined ? '' : decimal(v.rate))}
          parse={(text) => {
            if (text.trim() === '') return { rate: undefined };
            const v = parseDecimalInput(text);
            return v !== null && v >= 0 && v <= 1000 ? { rate: v } : null;
          }}
          onValid={({ rate: own }) => onChange(siteWithRate(site, own))}
          errorText={t('forecast.sites.rateError')}
          hint={missingRate ? t('forecast.sites.missingRate') : undefined}
        />
        <ParsedField
          label={t('forecast.sites.activation')}
          value={site.activationMonth}
          format={(v) => formatDecimal(v, language, 2)}
          parse={(text) => {
            // A site opening at or after the end of recruitment would recruit no one: refused, not kept.
            const v = parseDecimalInput(text);
            return v !== null && v >= 0 && v < months ? v : null;
          }}
          onValid={(v) => onChange({ ...site, activationMonth: v })}
          errorText={t('actions.validation.activation', { months: formatDecimal(months, language, 0) })}
          hint={t('forecast.sites.opensOn', { date: addMonths(startDate, site.activationMonth) })}
        />
        <div className="field">
          <label htmlFor={certaintyId}>{t('forecast.sites.certainty')}</label>
          <select
            id={certaintyId}
            value={site.rateCertainty ?? 'plan'}
            onChange={(e) => {
              const { rateCertainty: _drop, ...rest } = site;
              void _drop;
              const value = e.target.value;
              onChange(value === 'plan' ? rest : { ...rest, rateCertainty: value as RateCertainty });
            }}
          >
            <option value="plan">{t('forecast.sites.certaintyOption.plan', { alpha: formatDecimal(rateShape, language, 2) })}</option>
            <option value="low">{t('forecast.sites.certaintyOption.low')}</option>
            <option value="medium">{t('forecast.sites.certaintyOption.medium')}</option>
            <option value="high">{t('forecast.sites.certaintyOption.high')}</option>
          </select>
        </div>
      </div>
    </>
  );
});

/** The 21 regions to choose a site's from: the same list for every site, made once per language. */
const RegionOptions = memo(function RegionOptions({ language }: { language: Language }) {
  return COUNTY_CODES.map((code) => (
    <option key={code} value={code}>
      {regionName(code, language)}
    </option>
  ));
});

/** The site with a rate of its own (or none), which replaces a version 1 share of the region. */
function siteWithRate(site: Site, value: number | undefined): Site {
  const { ratePerMonth: _rate, shareOfRegion: _share, ...rest } = site;
  void _rate;
  void _share;
  return value === undefined ? rest : { ...rest, ratePerMonth: value };
}

/**
 * A site's card, compared with its rate by value: every answer brings new rate objects for every site, mostly with the
 * same figures (an edit of one site, or of a criterion that leaves a region's eligible patients as they were).
 */
const SiteFields = memo(function SiteFields({
  site,
  index,
  rate,
  months,
  startDate,
  rateShape,
  incident,
  onSiteChange,
  onSiteRemove,
}: {
  site: Site;
  index: number;
  rate: SiteRate | undefined;
  months: number;
  startDate: string;
  rateShape: number;
  incident: boolean;
  onSiteChange: (index: number, s: Site) => void;
  onSiteRemove: (index: number, s: Site) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const onChange = useCallback((next: Site) => onSiteChange(index, next), [index, onSiteChange]);
  const decimal = (v: number) => formatDecimal(v, language, 2);
  const suggestion = rate && rate.plausiblePerMonth > 0 ? suggested(rate.plausiblePerMonth) : null;
  const legacy = rate?.source === 'share-of-region' ? suggested(rate.ratePerMonth.point) : null;
  return (
    <fieldset className="range site" data-site={site.id}>
      <legend>{site.name}</legend>
      <SiteInputs site={site} months={months} startDate={startDate} rateShape={rateShape} missingRate={rate?.source === 'missing'} onChange={onChange} />
      {rate && (
        <p className="hint" data-testid="site-ceiling">
          {incident
            ? t('forecast.sites.eligibleIncident', {
                perYear: formatDecimal(rate.regionEligiblePerMonth.point * 12, language, 0),
                eligible: formatDecimal(rate.regionEligiblePerMonth.point, language, 1),
              })
            : t('forecast.sites.eligiblePrevalent', {
                total: formatDecimal(rate.regionEligiblePerMonth.point * months, language, 0),
                months: formatDecimal(months, language, 0),
                eligible: formatDecimal(rate.regionEligiblePerMonth.point, language, 1),
              })}{' '}
          {t('forecast.sites.ceiling', {
            ceiling: formatDecimal(rate.regionCeilingPerMonth.point, language, 1),
            plausible: formatDecimal(rate.plausiblePerMonth, language, 1),
          })}
        </p>
      )}
      {legacy !== null && rate?.shareOfRegion !== null && rate?.shareOfRegion !== undefined && (
        <p className="hint">{t('forecast.sites.legacyShare', { share: formatPercent(rate.shareOfRegion, language), rate: decimal(legacy) })}</p>
      )}
      <div className="site-actions">
        {legacy !== null && (
          <button type="button" className="button small" onClick={() => onChange(siteWithRate(site, legacy))}>
            {t('forecast.sites.useLegacy', { rate: decimal(legacy) })}
          </button>
        )}
        {legacy === null && suggestion !== null && site.ratePerMonth !== suggestion && (
          <button type="button" className="button small" onClick={() => onChange(siteWithRate(site, suggestion))}>
            {t('forecast.sites.useSuggestion', { rate: decimal(suggestion) })}
          </button>
        )}
        <button type="button" className="button small danger" onClick={() => onSiteRemove(index, site)}>
          {t('forecast.sites.remove', { name: site.name })}
        </button>
      </div>
    </fieldset>
  );
}, (a, b) => {
  const { rate: rateA, ...restA } = a;
  const { rate: rateB, ...restB } = b;
  return (Object.keys(restA) as (keyof typeof restA)[]).every((k) => restA[k] === restB[k]) && sameFigures({ rate: rateA }, { rate: rateB });
});

/**
 * Memoised by its inputs, and in parts: an edit of the criteria changes neither the plan nor the sites, so it
 * redraws none of these fields; a new answer redraws only the sites' rate hints.
 */
export const ForecastInputs = memo(function ForecastInputs({ study, siteRates, onChange }: { study: Study; siteRates: SiteRate[]; onChange: Change }) {
  const { t } = useTranslation();
  const { recruitment, verdictThresholds } = study;
  const plan = resolvePlan(recruitment);
  const addSite = useCallback(
    () =>
      onChange((s) => {
        const sites = s.recruitment.sites;
        // No rate until the coordinator gives one: a default would be a claim nobody made.
        const site: Site = { id: newSiteId(sites), name: t('forecast.sites.newName', { n: sites.length + 1 }), region: '01', activationMonth: 0 };
        return withPlan(s, { sites: [...sites, site] });
      }),
    [onChange, t],
  );
  const setSite = useCallback((index: number, site: Site) => onChange((s) => withPlan(s, { sites: s.recruitment.sites.map((x, i) => (i === index ? site : x)) })), [onChange]);
  const undo = useUndo();
  // The latest undo region, for a callback that stays the same across renders (the sites' fields are memoised).
  const offer = useRef(undo.offer);
  useEffect(() => {
    offer.current = undo.offer;
  });
  const removeSite = useCallback(
    (index: number, site: Site) => {
      onChange((s) => withPlan(s, { sites: s.recruitment.sites.filter((x) => x.id !== site.id) }));
      offer.current({
        message: t('actions.site.removed', { name: site.name }),
        restoredMessage: t('actions.site.restored', { name: site.name }),
        undo: () => onChange((s) => withPlan(s, { sites: restoreSite(s.recruitment.sites, site, index) })),
      });
    },
    [onChange, t],
  );

  return (
    <details className="forecast-inputs" data-testid="forecast-inputs">
      <summary>{t('forecast.inputs.title')}</summary>
      <PlanFields recruitment={recruitment} onChange={onChange} />

      <h3>{t('forecast.sites.title')}</h3>
      <p className="hint">{t('forecast.sites.intro')}</p>
      {recruitment.sites.map((site, i) => (
        <SiteFields
          key={site.id}
          site={site}
          index={i}
          rate={siteRates.find((r) => r.siteId === site.id)}
          months={plan.months}
          startDate={plan.startDate}
          rateShape={plan.rateShape}
          incident={study.population.kind === 'incident'}
          onSiteChange={setSite}
          onSiteRemove={removeSite}
        />
      ))}
      {undo.region}
      {recruitment.sites.length === 0 ? (
        <EmptyState level={4} testId="sites-empty" title={t('actions.empty.sites.title')} next={t('actions.empty.sites.next')} action={{ label: t('forecast.sites.add'), onPress: addSite }} />
      ) : (
        <button type="button" className="button small" onClick={addSite}>
          {t('forecast.sites.add')}
        </button>
      )}

      <ThresholdFields thresholds={verdictThresholds} goal={plan.sitesGoalProbability} onChange={onChange} />
    </details>
  );
});

/** The plan's fields apart from its sites (which `PlanFields` does not show). */
const withoutSites = ({ sites: _sites, ...rest }: RecruitmentPlan) => (void _sites, rest);

/**
 * Start, consent, screen failure, dropout, the seasons and the rates' certainty. Compared by value without the sites:
 * an edit of a site makes a new plan object, and these two dozen fields would otherwise all be drawn again with it.
 */
const PlanFields = memo(PlanFieldsView, (a, b) => a.onChange === b.onChange && sameFigures(withoutSites(a.recruitment), withoutSites(b.recruitment)));

function PlanFieldsView({ recruitment, onChange }: { recruitment: RecruitmentPlan; onChange: Change }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plan = resolvePlan(recruitment);
  const months = t('forecast.inputs.months', { returnObjects: true }) as unknown as string[];
  return (
    <div className="plan">
      <ParsedField
        label={t('forecast.inputs.startDate')}
        value={plan.startDate}
        format={(v) => v}
        parse={parseIsoDateInput}
        onValid={(v) => onChange((s) => withPlan(s, { startDate: v }))}
        errorText={t('forecast.inputs.startDateError')}
        inputMode="numeric"
      />
      <PercentRange legend={t('forecast.inputs.consent')} range={plan.consentRate} onChange={(r) => onChange((s) => withPlan(s, { consentRate: r }))} />
      <PercentRange legend={t('forecast.inputs.screenFailure')} range={plan.screenFailureRate} onChange={(r) => onChange((s) => withPlan(s, { screenFailureRate: r }))} />
      <PercentRange legend={t('forecast.inputs.dropout')} range={plan.dropoutRate} onChange={(r) => onChange((s) => withPlan(s, { dropoutRate: r.high === 0 ? NO_DROPOUT : r }))} />
      <fieldset className="range" data-testid="seasonal-weights">
        <legend>{t('forecast.inputs.seasons')}</legend>
        <p className="hint">{t('forecast.inputs.seasonsHint')}</p>
        <div className="field-row">
          {plan.seasonalWeights.map((w, i) => (
            <ParsedField
              key={i}
              label={months[i] ?? String(i + 1)}
              value={w}
              format={(v) => formatDecimal(v, language, 2)}
              parse={(text) => {
                const v = parseDecimalInput(text);
                return v !== null && v >= 0 && v <= 2 && plan.seasonalWeights.some((x, j) => (j === i ? v : x) > 0) ? v : null;
              }}
              onValid={(v) => onChange((s) => withPlan(s, { seasonalWeights: resolvePlan(s.recruitment).seasonalWeights.map((x, j) => (j === i ? v : x)) }))}
              errorText={t('forecast.inputs.weightError')}
            />
          ))}
        </div>
      </fieldset>
      <ParsedField
        label={t('forecast.inputs.rateShape')}
        value={plan.rateShape}
        format={(v) => formatDecimal(v, language, 2)}
        parse={(text) => {
          const v = parseDecimalInput(text);
          return v !== null && v > 0 && v <= 1000 ? v : null;
        }}
        onValid={(v) => onChange((s) => withPlan(s, { rateShape: v }))}
        errorText={t('forecast.inputs.rateShapeError')}
        hint={t('forecast.inputs.rateShapeHint')}
      />
    </div>
  );
}

/** The verdict rule and the goal for "how many more sites". */
const ThresholdFields = memo(function ThresholdFields({ thresholds, goal, onChange }: { thresholds: Study['verdictThresholds']; goal: number; onChange: Change }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { veryGood, good } = thresholds;
  return (
    <fieldset className="range">
      <legend>{t('forecast.inputs.thresholds')}</legend>
      <div className="field-row">
        <ParsedField
          label={t('forecast.inputs.veryGood')}
          value={veryGood}
          format={(v) => pct(v, language)}
          parse={(text) => {
            const v = parsePercentInput(text);
            return v !== null && v >= good ? v : null;
          }}
          onValid={(v) => onChange((s) => ({ ...s, verdictThresholds: { ...s.verdictThresholds, veryGood: v } }))}
          errorText={t('forecast.inputs.thresholdError')}
        />
        <ParsedField
          label={t('forecast.inputs.good')}
          value={good}
          format={(v) => pct(v, language)}
          parse={(text) => {
            const v = parsePercentInput(text);
            return v !== null && v <= veryGood ? v : null;
          }}
          onValid={(v) => onChange((s) => ({ ...s, verdictThresholds: { ...s.verdictThresholds, good: v } }))}
          errorText={t('forecast.inputs.thresholdError')}
        />
        <ParsedField
          label={t('forecast.inputs.goal')}
          value={goal}
          format={(v) => pct(v, language)}
          parse={(text) => {
            const v = parsePercentInput(text);
            return v !== null && v >= 0.01 && v <= 0.99 ? v : null;
          }}
          onValid={(v) => onChange((s) => withPlan(s, { sitesGoalProbability: v }))}
          errorText={t('forecast.inputs.goalError')}
        />
      </div>
    </fieldset>
  );
});
