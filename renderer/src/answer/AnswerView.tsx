// The answer to a study: national and regional figures with intervals, the verdict, warnings, map, charts,
// attrition, and the letter and answer-file export under it. Used by the answer page and the guided answer.
import { memo, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttritionStep, ProblemFix } from '../../../shared/estimate/types';
import { BlockingProblems } from '../study/BlockingProblems';
import { attritionLabel, basisExplanation, overlapText, periodValue } from '../../../shared/answer/describe';
import { estimateWarningText, warningContext } from '../../../shared/estimate/warning-texts';
import { regionByCode, regionName, healthcareRegionName } from '../../../shared/regions/regions';
import type { Answer } from './answer';
import { AttritionChart } from '../ui/charts/AttritionChart';
import { SponsorViewBar, useMapDisclosure, useSponsorView } from '../disclosure/sponsor-view';
import { attritionTexts, compareForChart, figureTexts, type FigureTexts } from '../disclosure/display';
import { useServices } from '../context';
import { formatCount, formatDecimal, formatIntervalRange, formatPercent } from '../format';
import { HelpTip } from '../help/HelpTip';
import { AttritionStepName } from './AttritionStepName';
import type { Study } from '../../../shared/criteria/study';
import type { CountyCode } from '../../../shared/regions/regions';
import type { EstimateResult } from '../../../shared/estimate/types';
import { ProjectionNote } from '../trend/ProjectionNote';
import { RegionOverview } from '../rates/RegionOverview';
import { RateCells, RatesCaption, rateColumns, sameRateCell } from '../rates/RateColumns';
import type { RateCell } from '../rates/answer-rates';
import { DataTable } from '../ui/DataTable';
import { type AnswerRatesState, useAnswerRates } from '../rates/useAnswerRates';

type AnswerRatesIssues = AnswerRatesState['issues'];
import { lazyNamed } from '../ui/lazy-named';
import { datasetNamer, useDatasetNames } from './dataset-names';
import { estimateParts } from '../study/answer-parts';

// The trend (its statistics and its worker) loads when the answer is shown, not with the first screen.
const TrendSection = lazyNamed(() => import('../trend/TrendSection'), 'TrendSection');

/** The answer's figures; what is sent from them (letter, answer file) is shown beside, by `AnswerSendPanels`. */
export function AnswerView({
  answer,
  onFix,
  onChange,
}: {
  answer: Answer;
  onFix?: (fix: ProblemFix) => void;
  /** Saves a study edit made from the answer (the trend's window); absent: such choices are for this view only. */
  onChange?: (change: (s: Study) => Study) => void;
}) {
  const { t } = useTranslation();
  const { language, db } = useServices();
  const { study, estimate, datasets } = answer;
  const storedNames = useDatasetNames(db);
  const synthetic = datasets.some((d) => d.provenance.synthetic);
  const blocking = estimate.blocking ?? [];

  return (
    <article className="answer" aria-labelledby="answer-title">
      <header className="answer-header">
        <h1 id="answer-title">{study.title}</h1>
        {synthetic && <p className="badge badge-demo">{t('app.demoBadge')}</p>}
        <dl className="facts">
          <div>
            <dt>{t('home.sponsorReference')}</dt>
            <dd>{study.sponsorReference}</dd>
          </div>
          {datasets.map((d) => (
            <div key={d.id}>
              <dt>{t('home.dataset')}</dt>
              <dd>
                {d.name} — {d.provenance.publisher}
                <br />
                {t('home.basisValue', {
                  unit: t(`basis.${d.basis.unit}`),
                  kind: t(`basis.${d.basis.kind}`),
                  regionBasis: t(`basis.${d.basis.regionBasis}`),
                  from: d.provenance.periodFrom,
                  to: d.provenance.periodTo,
                })}
              </dd>
            </div>
          ))}
          <div>
            <dt>{t('answer.basis')}</dt>
            <dd data-testid="study-basis">{basisExplanation(study.population, language)}</dd>
          </div>
          {estimate.period && (
            <div>
              <dt>{t('answer.period')}</dt>
              <dd data-testid="estimate-period">{periodValue(estimate.period, language)}</dd>
            </div>
          )}
        </dl>
      </header>
      {blocking.length > 0 ? (
        <BlockingProblems problems={blocking} onFix={onFix} language={language} datasetName={datasetNamer([...datasets, ...(answer.population ? [answer.population] : [])], storedNames, t('answer.deletedDataset'))} />
      ) : (
        <AnswerFigures answer={answer} onChange={onChange} />
      )}
    </article>
  );
}

/** The figures of an answer that can be sent. */
function AnswerFigures({ answer, onChange }: { answer: Answer; onChange?: ((change: (s: Study) => Study) => void) | undefined }) {
  const { t } = useTranslation();
  const { language } = useServices();
  const { study, projection, verdict, datasets, hallandRule } = answer;
  // Nothing here prints the input hash: an answer whose estimate differs only by it (an edit of the recruitment
  // plan) keeps the previous estimate object, so the sections drawn from it are not drawn again.
  const estimate = estimateParts(answer.estimate);
  // The same disclosed table as the letter and the answer file: the recruiting regions weigh in on what is hidden.
  const recruitingKey = [...new Set(study.recruitment.sites.map((s) => s.region))].join(',');
  const recruitingRegions = useMemo(() => (recruitingKey === '' ? [] : (recruitingKey.split(',') as CountyCode[])), [recruitingKey]);
  const sponsor = useSponsorView(estimate, hallandRule, recruitingRegions);
  const disclosed = sponsor.disclosed;
  const mapDisclosure = useMapDisclosure(sponsor);
  const national = useMemo(() => figureTexts(estimate.national, disclosed?.national, language), [estimate, disclosed, language]);
  const warnings = useMemo(() => warningContext(estimate, datasets, study.steps), [estimate, datasets, study.steps]);
  const stepLabel = useCallback((step: EstimateResult['attrition'][number]): string => attritionLabel(step, language, t('home.stepType.base')), [language, t]);
  const chartRows = useMemo(
    () => estimate.regions.map((r, i) => ({ key: r.region, label: regionName(r.region, language), interval: r.eligible, disclosed: disclosed?.regions[i] })).sort(compareForChart),
    [estimate, disclosed, language],
  );
  const rateState = useAnswerRates(answer.estimate === estimate ? answer : { ...answer, estimate }, disclosed, sponsor.policy.secondaryText, language);
  const rates = rateState.view;
  const issues = rateState.issues.length === 0 ? NO_ISSUES : rateState.issues;
  // Drawn from the estimate alone (and how it is shown): an answer with the same estimate draws none of it again.
  const estimateSections = useMemo(
    () => (
      <>
        {estimate.warnings.length > 0 && (
          <section className="warnings" aria-labelledby="warnings-title">
            <h2 id="warnings-title">{t('home.warnings.title')}</h2>
            <ul>
              {estimate.warnings.map((w, i) => (
                <li key={i}>{estimateWarningText(w, language, warnings)}</li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="per-region-title">
          <div className="with-help">
            <h2 id="per-region-title">{t('home.perRegion')}</h2>
            <HelpTip topic="regionInterval" />
          </div>
          <RegionOverview regions={estimate.regions} countRows={chartRows} mapDisclosure={mapDisclosure} rates={rates} issues={issues} error={rateState.error} language={language} />
          <DataTable
            testId="region-table"
            caption={
              <>
                {t('home.perRegionCaption')}
                {estimate.warnings.some((w) => w.code === 'independence') && <> — {t('home.independenceNote')}</>}
                {rates && <RatesCaption rates={rates} sponsor={disclosed !== null} projected={estimate.attrition.some((s) => s.type === 'projection' && s.enabled)} />}
              </>
            }
            columns={[
              { label: t('home.columns.region') },
              { label: t('home.columns.healthcareRegion') },
              { label: t('home.columns.low'), numeric: true },
              { label: t('home.columns.point'), numeric: true },
              { label: t('home.columns.high'), numeric: true },
              { label: t('home.columns.masked'), numeric: true },
              ...(rates ? rateColumns(t) : []),
            ]}
            foot={
              <FigureRow
                name={t('home.national')}
                before={[null]}
                figures={national}
                after={[formatCount(estimate.regions.reduce((n, r) => n + r.maskedCells, 0), language)]}
                rate={rates ? rates.national : null}
              />
            }
          >
            {estimate.regions.map((r, i) => (
              <FigureRow
                key={r.region}
                rowKey={r.region}
                name={regionName(r.region, language)}
                note={r.jointCount ? t('home.jointCount') : null}
                before={[healthcareRegionName(regionByCode(r.region).healthcareRegion, language)]}
                figures={figureTexts(r.eligible, disclosed?.regions[i], language)}
                after={[formatCount(r.maskedCells, language)]}
                rate={rates ? rates.regions.get(r.region) : null}
              />
            ))}
          </DataTable>
        </section>

        <section aria-labelledby="hr-title">
          <h2 id="hr-title">{t('home.perHealthcareRegion')}</h2>
          <DataTable
            testId="healthcare-region-table"
            columns={[
              { label: t('home.columns.healthcareRegion') },
              { label: t('home.columns.low'), numeric: true },
              { label: t('home.columns.point'), numeric: true },
              { label: t('home.columns.high'), numeric: true },
              ...(rates ? rateColumns(t) : []),
            ]}
          >
            {estimate.healthcareRegions.map((h, i) => (
              <FigureRow
                key={h.id}
                name={healthcareRegionName(h.id, language)}
                figures={figureTexts(h.eligible, disclosed?.healthcareRegions[i], language)}
                rate={rates ? rates.healthcareRegions.get(h.id) : null}
              />
            ))}
          </DataTable>
          <p className="hint">
            {hallandRule.kind === 'population-split'
              ? t('home.hallandRule', {
                  sodra: formatPercent(hallandRule.sodraShare, language, 0),
                  vastra: formatPercent(1 - hallandRule.sodraShare, language, 0),
                })
              : t('home.hallandAllTo', { region: healthcareRegionName(hallandRule.healthcareRegion, language) })}
          </p>
        </section>

        <section aria-labelledby="attrition-title">
          <h2 id="attrition-title">{t('home.attrition')}</h2>
          {disclosed ? (
            <p className="hint sponsor-note">{t('disclosure.sponsorView.attritionChartHidden')}</p>
          ) : (
            <AttritionChart
              steps={estimate.attrition}
              labelOf={(step) => (step.enabled ? stepLabel(step) : `${step.label} (${t('criteria.off')})`)}
              title={t('criteria.attritionChart')}
              mostLimitingStepId={estimate.mostLimitingStepId}
              language={language}
            />
          )}
          <DataTable
            testId="attrition-table"
            caption={
              <>
                {t('home.attritionCaption')}
                {estimate.warnings.some((w) => w.code === 'independence') && <> — {t('home.independenceNote')}</>}
              </>
            }
            columns={[
              { label: t('home.columns.step') },
              { label: t('home.columns.type') },
              { label: t('home.columns.point'), numeric: true },
              { label: t('home.columns.total'), numeric: true },
              { label: t('home.columns.remaining'), numeric: true },
              { label: t('home.columns.lost'), numeric: true },
            ]}
          >
            {estimate.attrition.map((step, i) => {
              const v = attritionTexts(step, disclosed?.attrition[i], sponsor.policy.secondaryText, language);
              const mostLimiting = step.stepId === estimate.mostLimitingStepId;
              return (
                <AttritionRow
                  key={step.stepId}
                  step={step}
                  name={`${stepLabel(step)}\u0000${step.enabled}\u0000${step.overlap ? overlapText(step.overlap, language).join('; ') : ''}\u0000${mostLimiting}`}
                  mostLimitingStepId={estimate.mostLimitingStepId}
                  type={t(`home.stepType.${step.type}`)}
                  point={v.point}
                  range={v.range}
                  remaining={v.remaining}
                  // The projection is no loss: its line says its factor instead.
                  lost={step.type === 'projection' ? '' : v.lost}
                />
              );
            })}
          </DataTable>
          <ProjectionNote estimate={estimate} language={language} />
        </section>
      </>
    ),
    [estimate, disclosed, rates, issues, rateState.error, mapDisclosure, chartRows, language, hallandRule, t, sponsor.policy.secondaryText, national, warnings, stepLabel],
  );

  return (
    <>
      <SponsorViewBar view={sponsor} />
      <section className="cards" aria-label={t('home.title')}>
        <div className="card" data-testid="national">
          <h2>{t('home.national')}</h2>
          <p className="big-number" data-testid="national-point">
            {national.point}
          </p>
          <div className="with-help">
            <p data-testid="national-interval">{t('home.interval', { low: national.low, high: national.high })}</p>
            <HelpTip topic="interval" />
          </div>
          <p className="hint">{t('home.nationalHint')}</p>
          {estimate.nationalOverlap && <p className="hint" data-testid="national-overlap">{overlapText(estimate.nationalOverlap, language).join(' ')}</p>}
          {estimate.warnings.some((w) => w.code === 'independence') && (
            <div className="with-help">
              <p className="hint independence-note" data-testid="independence-note">
                <a href="#warnings-title">{t('home.independenceNote')}</a>
              </p>
              <HelpTip topic="independence" />
            </div>
          )}
          {estimate.unknownRegion && estimate.unknownRegion.high > 0 && (
            <p className="hint">{t('home.unknownRegion', { value: disclosed?.unknownRegion?.intervalText ?? formatIntervalRange(estimate.unknownRegion, language) })}</p>
          )}
          {estimate.nationalPublished && (
            <p className="hint" data-testid="national-published">
              {t('home.publishedTotal', {
                value: disclosed?.nationalPublished?.intervalText ?? formatIntervalRange(estimate.nationalPublished, language),
                sum: national.range,
              })}
            </p>
          )}
        </div>
        <div className={`card verdict verdict-${verdict.verdict}`} data-testid="verdict">
          <h2>{t('home.verdict', { target: formatCount(study.recruitment.targetPatients, language), months: study.recruitment.months })}</h2>
          <p className="big-number" data-testid="verdict-level">
            {t(`verdict.${verdict.verdict}`)}
          </p>
          <p data-testid="verdict-probability">{t('home.probability', { p: formatPercent(projection.probability, language) })}</p>
          <p className="hint">
            {t('home.sites', {
              count: study.recruitment.sites.length,
              rate: formatDecimal(projection.totalRatePerMonth.point, language),
            })}
          </p>
          <div className="with-help">
            <p className="hint" data-testid="verdict-rule">
              {t('home.verdictRule', {
                veryGood: formatPercent(study.verdictThresholds.veryGood, language),
                good: formatPercent(study.verdictThresholds.good, language),
              })}
            </p>
            <HelpTip topic="verdict" />
          </div>
        </div>
      </section>

      {estimateSections}
      <Suspense fallback={null}>
        <TrendSection study={study} datasets={datasets} population={answer.population ?? null} language={language} {...(onChange ? { onChange } : {})} />
      </Suspense>
    </>
  );
}


const NO_ISSUES: AnswerRatesIssues = [];

// The tables' rows, memoised by what they print: an edit that leaves a row's figures as they were (a site's rate
// changes only the forecast; most edits leave some regions at zero) does not redraw it.

/** A row of figures (region, healthcare region, the national total): name, interval, and the rate columns. */
const FigureRow = memo(
  function FigureRow({
    rowKey,
    name,
    note = null,
    before = [],
    figures,
    after = [],
    rate,
  }: {
    /** `data-region` (the tests and the map find a region's row by it). */
    rowKey?: string;
    name: string;
    /** Said in brackets after the name (a count two regions report together). */
    note?: string | null;
    /** Cells between the name and the interval (`null`: an empty cell). */
    before?: readonly (string | null)[];
    figures: FigureTexts;
    after?: readonly string[];
    /** `null`: no rate columns; `undefined`: the columns, empty. */
    rate: RateCell | null | undefined;
  }) {
    return (
      <tr data-region={rowKey}>
        <th scope="row">
          {name}
          {note !== null && <span className="hint"> ({note})</span>}
        </th>
        {before.map((text, i) => (
          <td key={i}>{text}</td>
        ))}
        <td className="num">{figures.low}</td>
        <td className="num" data-suppressed={figures.suppressed ?? undefined}>
          {figures.point}
        </td>
        <td className="num">{figures.high}</td>
        {after.map((text, i) => (
          <td key={i} className="num">
            {text}
          </td>
        ))}
        {rate !== null && <RateCells cell={rate} />}
      </tr>
    );
  },
  (a, b) =>
    a.rowKey === b.rowKey &&
    a.name === b.name &&
    a.note === b.note &&
    sameTexts(a.before ?? [], b.before ?? []) &&
    sameTexts(a.after ?? [], b.after ?? []) &&
    a.figures.low === b.figures.low &&
    a.figures.point === b.figures.point &&
    a.figures.high === b.figures.high &&
    a.figures.suppressed === b.figures.suppressed &&
    (a.rate === null || b.rate === null ? a.rate === b.rate : sameRateCell(a.rate, b.rate)),
);

const sameTexts = (a: readonly (string | null)[], b: readonly (string | null)[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** A step of the attrition; `name` is what its name cell shows, so an unchanged step is not redrawn. */
const AttritionRow = memo(
  function AttritionRow({
    step,
    mostLimitingStepId,
    type,
    point,
    range,
    remaining,
    lost,
  }: {
    step: AttritionStep;
    name: string;
    mostLimitingStepId: string | null;
    type: string;
    point: string;
    range: string;
    remaining: string;
    lost: string;
  }) {
    return (
      <tr className={step.stepId === mostLimitingStepId ? 'most-limiting' : undefined}>
        <th scope="row">
          <AttritionStepName step={step} mostLimitingStepId={mostLimitingStepId} />
        </th>
        <td>{type}</td>
        <td className="num">{point}</td>
        <td className="num">{range}</td>
        <td className="num">{remaining}</td>
        <td className="num">{lost}</td>
      </tr>
    );
  },
  (a, b) => a.name === b.name && a.type === b.type && a.point === b.point && a.range === b.range && a.remaining === b.remaining && a.lost === b.lost,
);
