// The answer's chart and map per region, with the toggle between counts and rates per 100 000 (offered when a
// population is linked). The map's legend title says which measure it shows; in the sponsor view both draw only
// what may leave the unit (the rates computed from the printed counts).
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosedFigure } from '../../../shared/disclosure';
import type { RegionEstimate } from '../../../shared/estimate/types';
import { regionName, type CountyCode } from '../../../shared/regions/regions';
import type { Language } from '../../../shared/text/language';
import { compareForChart } from '../disclosure/display';
import { IntervalChart, type IntervalChartRow } from '../ui/charts/IntervalChart';
import type { MapDisclosure } from '../ui/charts/RegionMap';
import { lazyNamed } from '../ui/lazy-named';
import { MeasureToggle } from '../trend/MeasureToggle';
import { formatRate, measureLegend, type MeasureMode } from '../trend/measure-mode';
import type { PopulationIssue } from '../../../shared/trend/population';
import { rateDecimals } from '../../../shared/trend/rate-math';
import { rateRegions, type AnswerRateView } from './answer-rates';
import '../trend/trend.css';

// The county shapes are the largest part of the answer page's code: drawn a moment after the figures.
const RegionMap = lazyNamed(() => import('../ui/charts/RegionMap'), 'RegionMap');

export function RegionOverview({
  regions,
  countRows,
  mapDisclosure,
  rates,
  issues = [],
  error = null,
  language,
}: {
  regions: RegionEstimate[];
  /** The count rows of the chart (sorted as the chart shows them). */
  countRows: IntervalChartRow[];
  mapDisclosure: MapDisclosure | undefined;
  /** The answer's rates, or null without a population. */
  rates: AnswerRateView | null;
  /** Why the linked population gives no rates, or doubtful ones. */
  issues?: PopulationIssue[];
  error?: string | null;
  language: Language;
}) {
  const { t } = useTranslation();
  const [chosen, setMode] = useState<MeasureMode>('counts');
  const mode: MeasureMode = rates ? chosen : 'counts';
  // Each value is already rounded at its own decimals (the table's); written as it is.
  const write = (v: number) => formatRate(v, language, Math.max(rateDecimals(v), 2));

  const rateRows = useMemo<IntervalChartRow[]>(() => {
    if (!rates) return [];
    return countRows
      .flatMap((row) => {
        const cell = rates.regions.get(row.key as CountyCode);
        if (!cell) return [];
        if (cell.disclosed) return [{ key: row.key, label: row.label, interval: { low: 0, point: 0, high: 0 }, disclosed: cell.disclosed }];
        return cell.interval ? [{ key: row.key, label: row.label, interval: cell.interval }] : [];
      })
      .sort(compareForChart);
  }, [rates, countRows]);

  const rateMapDisclosure = useMemo<MapDisclosure | undefined>(() => {
    if (!mapDisclosure || !rates) return undefined;
    const figures = new Map<CountyCode, DisclosedFigure>();
    for (const [code, cell] of rates.regions) if (cell.disclosed) figures.set(code, cell.disclosed);
    return { ...mapDisclosure, figures };
  }, [mapDisclosure, rates]);

  const legend = measureLegend(mode, t);
  return (
    <div data-testid="region-overview" data-measure={mode}>
      <MeasureToggle mode={mode} onChange={setMode} ratesAvailable={rates !== null} />
      {!rates && issues.length === 0 && !error && (
        <p className="hint" data-testid="rates-unavailable">
          {t('rates.noPopulation')}
        </p>
      )}
      {(issues.length > 0 || error) && (
        <ul className="hint" data-testid="rates-issues">
          {error && <li>{t('rates.error', { message: error })}</li>}
          {issues.map((issue, i) => (
            <li key={i}>
              {issue.code === 'mixed-criteria'
                ? t('rates.issues.mixed-criteria', { steps: issue.steps.join(', ') })
                : issue.code === 'unresolved'
                  ? t('rates.issues.unresolved', { dimensions: issue.dimensions.join(', ') })
                  : issue.code === 'repeated-values-differ'
                    ? t('rates.issues.repeated-values-differ', { region: issue.region, period: issue.period })
                    : t('rates.issues.none-given')}
            </li>
          ))}
        </ul>
      )}
      {mode === 'rates' && rates && rates.missing.length > 0 && (
        <p className="hint" data-testid="rates-missing">
          {t('rates.missingRegions', { regions: rates.missing.map((code) => regionName(code, language)).join(', ') })}
        </p>
      )}
      <div className="region-overview">
        {mode === 'counts' ? (
          <IntervalChart rows={countRows} title={t('home.chartTitle')} language={language} />
        ) : (
          <IntervalChart rows={rateRows} title={t('rates.chartTitleRates')} language={language} format={write} />
        )}
        <Suspense fallback={<div className="map map-loading" aria-hidden="true" />}>
          {mode === 'counts' ? (
            <RegionMap regions={regions} title={t('home.mapTitle')} legendTitle={t('home.mapLegend')} language={language} disclosure={mapDisclosure} />
          ) : (
            <RegionMap regions={rates ? rateRegions(regions, rates) : []} title={t('rates.mapTitleRates')} legendTitle={legend} language={language} disclosure={rateMapDisclosure} format={write} />
          )}
        </Suspense>
      </div>
    </div>
  );
}
