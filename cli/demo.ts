/**
 * `antal demo`: the same answer the app's first screen shows (runDemo), as text or as JSON.
 */
import { attritionLabel } from '../shared/answer/describe';
import { estimateWarningText, warningContext } from '../shared/estimate/warning-texts';
import type { DemoResult } from '../shared/demo/run-demo';
import type { Dataset } from '../shared/counts/dataset';
import { regionName, healthcareRegionName } from '../shared/regions/regions';
import { mostLimitingLine, type Translate } from './i18n';
import { formatters, renderTable } from './format';
import type { Language } from '../shared/text/language';

/** The dataset without its typed-array columns: JSON carries the metadata and provenance only. */
export type DatasetSummary = Omit<Dataset, 'columns' | 'low' | 'point' | 'high' | 'masked'>;

export type DemoJSON = Omit<DemoResult, 'dataset'> & { dataset: DatasetSummary };

export function demoToJSON(result: DemoResult): DemoJSON {
  const { columns: _columns, low: _low, point: _point, high: _high, masked: _masked, ...dataset } = result.dataset;
  return { ...result, dataset };
}


export function renderDemo(result: DemoResult, language: Language, t: Translate): string {
  const { study, dataset, estimate, projection, verdict } = result;
  const f = formatters(language);
  const interval = (i: { low: number; point: number; high: number }): string[] => [f.count(i.low), f.count(i.point), f.count(i.high)];
  const stepLabel = (id: string): string => study.steps.find((s) => s.id === id)?.label ?? id;
  const out: string[] = [];

  if (dataset.provenance.synthetic) out.push(`*** ${t('syntheticBanner')} ***`, '');
  out.push(`${t('study')}: ${study.title}`);
  const basis =
    study.population.kind === 'incident'
      ? t('basisIncident', { from: dataset.provenance.periodFrom, to: dataset.provenance.periodTo, years: f.count(study.population.windowYears) })
      : t('basisPrevalent');
  out.push(`${t('data')}: ${dataset.name} (${dataset.provenance.publisher}); ${basis}`, '');

  out.push(t('eligibleByRegion'));
  const regionRows = estimate.regions.map((r) => [regionName(r.region, language), ...interval(r.eligible), f.count(r.maskedCells)]);
  regionRows.push([t('nationalSum'), ...interval(estimate.national), f.count(estimate.regions.reduce((n, r) => n + r.maskedCells, 0))]);
  if (estimate.nationalPublished) regionRows.push([t('nationalPublished'), ...interval(estimate.nationalPublished), '']);
  out.push(renderTable([t('region'), t('low'), t('point'), t('high'), t('maskedCells')], regionRows), '');

  out.push(t('healthcareRegions'));
  const rule = result.hallandRule;
  const hallandNote =
    rule.kind === 'population-split'
      ? t('hallandSplit', { sodra: f.percent(rule.sodraShare, 1), vastra: f.percent(1 - rule.sodraShare, 1) })
      : t('hallandAllTo', { region: healthcareRegionName(rule.healthcareRegion, language) });
  out.push(
    renderTable(
      [t('healthcareRegion'), t('low'), t('point'), t('high')],
      estimate.healthcareRegions.map((h) => [healthcareRegionName(h.id, language), ...interval(h.eligible)]),
    ),
    hallandNote,
    '',
  );

  out.push(t('attrition'));
  const attritionRows = estimate.attrition.map((step) => {
    const label = step.type === 'base' || step.type === 'assumption' || step.type === 'projection' ? attritionLabel(step, language, t('base')) : `${step.label}${step.enabled ? '' : ` ${t('disabled')}`}`;
    return [
      label,
      ...interval(step.total),
      f.percent(step.remainingShare, 1),
      step.type === 'base' ? '' : f.percent(step.lostShare, 1),
      step.totalPublished ? f.count(step.totalPublished.point) : '',
    ];
  });
  out.push(renderTable([t('step'), t('low'), t('point'), t('high'), t('remaining'), t('lost'), t('publishedColumn')], attritionRows));
  const limiting = mostLimitingLine(estimate, t, (share) => f.percent(share, 1));
  if (limiting) out.push(limiting);
  out.push('');

  out.push(t('recruitment'));
  out.push(t('recruitmentPlan', { target: f.count(projection.target), months: f.count(projection.months), sites: f.count(projection.sites.length) }));
  out.push(
    renderTable(
      [t('site'), t('region'), t('low'), t('point'), t('high')],
      projection.sites.map((s) => [s.name, regionName(s.region, language), f.decimal(s.ratePerMonth.low, 2), f.decimal(s.ratePerMonth.point, 2), f.decimal(s.ratePerMonth.high, 2)]),
    ),
  );
  const rate = projection.totalRatePerMonth;
  out.push(`${t('totalRate')}: ${t('totalRateValue', { point: f.decimal(rate.point), low: f.decimal(rate.low), high: f.decimal(rate.high) })}`);
  const expected = projection.expectedByDeadline;
  out.push(`${t('expectedByDeadline')}: ${t('expectedValue', { point: f.count(expected.point), low: f.count(expected.low), high: f.count(expected.high) })}`);
  out.push(
    `${t('probability')}: ${t('probabilityValue', { p: f.percent(projection.probability), low: f.percent(projection.probabilityRange.low), high: f.percent(projection.probabilityRange.high) })}`,
  );
  out.push(`${t('medianTime')}: ${projection.medianMonthsToTarget === null ? t('never') : t('medianValue', { months: f.decimal(projection.medianMonthsToTarget) })}`);
  out.push(
    `${t('method')}: ${
      projection.mixture.ranges.length > 0
        ? t('methodMixture', { alpha: f.decimal(projection.alpha), components: f.count(projection.mixture.components) })
        : t('methodExact', { alpha: f.decimal(projection.alpha) })
    }`,
    '',
  );

  out.push(
    `${t('verdict')}: ${t(`verdict.${verdict.verdict}`)} (${t('verdictRule', { veryGood: f.percent(verdict.thresholds.veryGood), good: f.percent(verdict.thresholds.good) })})`,
    '',
  );

  if (estimate.warnings.length > 0) {
    out.push(`${t('warnings')}:`);
    const context = { ...warningContext(estimate, [dataset], study.steps), stepLabel };
    for (const w of estimate.warnings) out.push(`- ${estimateWarningText(w, language, context)}`);
  }
  return out.join('\n');
}
