/**
 * The recruitment forecast on the answer page: the probability of reaching the target by the deadline, the
 * expected enrolment with its prediction intervals, the time to target, how many more sites would reach the
 * goal, the enrolment and sensitivity charts, what was computed (the exact method and the ranges in its mixture),
 * notices about a start that has passed and warnings about the sites' rates, and the assumptions. (The Early
 * Feedback Form, which the guided answer shows beside the forecast, is the request's: requests/FeedbackForm.tsx.)
 * Everything shown comes from the worker's latest answer; every edit goes back to the study.
 * The charts draw only printable figures (whole patients, probabilities to a tenth of a percentage point) and,
 * as the sponsor sees it, are withheld where a rate rests on a count disclosure control hides.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { Study } from '../../../shared/criteria/study';
import type { Language } from '../../../shared/text/language';
import type { RecruitmentProjection } from '../../../shared/recruitment/project';
import { MAX_EXTRA_SITES } from '../../../shared/recruitment/plan';
import { printableEnrolment } from '../../../shared/recruitment/printable';
import type { SiteWarning } from '../../../shared/recruitment/site-rates';
import { regionName } from '../../../shared/regions/regions';
import { useServices } from '../context';
import { formatCount, formatDecimal, formatPercent } from '../format';
import { HelpTip } from '../help/HelpTip';
import { EnrolmentChart } from './EnrolmentChart';
import { ForecastInputs } from './ForecastInputs';
import { TornadoChart } from './TornadoChart';
import { localIsoDate } from './today';
import { useChartDisclosure } from './useChartDisclosure';
import './forecast.css';
import { StatusLine } from '../ui/StatusLine';
import { useAfterFirstPaint } from '../ui/useAfterFirstPaint';

type Change = (change: (study: Study) => Study) => void;
export type Translate = ReturnType<typeof useTranslation>['t'];

/**
 * Memoised: the answer page redraws for its save and compute status too, which change nothing here. An edit redraws
 * only the inputs at once; the figures (summary, charts) follow the answer, which arrives a moment later.
 */
export const ForecastSection = memo(function ForecastSection({ study, answer, onChange }: { study: Study; answer: ComputedAnswer; onChange: Change }) {
  const { t } = useTranslation();
  const hasSites = study.recruitment.sites.length > 0;
  // The charts and the folded inputs (two thirds of the section's elements) follow the forecast's figures by a frame.
  const painted = useAfterFirstPaint();
  return (
    <section aria-labelledby="forecast-title" className="forecast" data-testid="forecast">
      <h2 id="forecast-title">{t('forecast.title')}</h2>
      <p className="hint">{t('forecast.intro')}</p>
      <ForecastFigures answer={answer} hasSites={hasSites} painted={painted} onChange={onChange} />
      {painted && <ForecastInputs study={study} siteRates={answer.projection.sites} onChange={onChange} />}
    </section>
  );
});

/** What the answer says about recruitment: drawn again only when the answer (or whether there are sites) changes. */
const ForecastFigures = memo(function ForecastFigures({ answer, hasSites, painted, onChange }: { answer: ComputedAnswer; hasSites: boolean; painted: boolean; onChange: Change }) {
  const { t } = useTranslation();
  const { language, now } = useServices();
  const { projection } = answer;
  const disclosure = useChartDisclosure(answer.estimate, projection.sites);
  const regionNames = disclosure.withheldRegions.map((r) => regionName(r, language)).join(', ');
  const series = useMemo(() => printableEnrolment(projection.band), [projection.band]);
  if (!hasSites) return <p data-testid="forecast-no-sites">{t('forecast.noSites')}</p>;
  return (
    <>
      <StartNotice projection={projection} today={localIsoDate(now())} onMove={(today) => onChange((s) => ({ ...s, recruitment: { ...s.recruitment, startDate: today } }))} />
      <SiteWarnings projection={projection} />
      <ForecastSummary projection={projection} t={t} />
      {disclosure.sponsorView && (
        <p className="hint sponsor-note" data-testid="forecast-sponsor-note">
          {disclosure.withheldRegions.length > 0 ? t('forecast.chart.sponsorWithheld', { regions: regionNames }) : t('forecast.chart.sponsorRounded')}
        </p>
      )}
      {painted && disclosure.withheldRegions.length === 0 && projection.band.length > 0 && (
        <>
          <EnrolmentChart series={series} target={projection.target} months={projection.months} startDate={projection.startDate} deadlineDate={projection.deadlineDate} language={language} />
          <TornadoChart bars={projection.sensitivity} probability={projection.probability} language={language} />
        </>
      )}
    </>
  );
});

/** The planned start has passed (the forecast runs from today), or the whole period has. */
function StartNotice({ projection: p, today, onMove }: { projection: RecruitmentProjection; today: string; onMove: (today: string) => void }) {
  const { t } = useTranslation();
  const notice = p.startNotice;
  if (!notice) return null;
  return (
    <StatusLine as="div" panel className="card forecast-notice" testId="forecast-start-notice">
      <p>{notice.kind === 'moved-to-today' ? t('forecast.start.moved', { planned: notice.plannedStartDate, today: notice.today, deadline: p.deadlineDate }) : t('forecast.start.passed', { deadline: notice.deadlineDate })}</p>
      <button type="button" className="button small" onClick={() => onMove(today)}>
        {t('forecast.start.moveToToday', { today })}
      </button>
    </StatusLine>
  );
}

/** What the region's data says about the sites' rates: missing rates, implausible rates, regions over their ceiling. */
function SiteWarnings({ projection: p }: { projection: RecruitmentProjection }) {
  const { t } = useTranslation();
  const { language } = useServices();
  if (p.warnings.length === 0) return null;
  const name = (id: string) => p.sites.find((s) => s.siteId === id)?.name ?? id;
  const decimal = (x: number) => formatDecimal(x, language, 1);
  const text = (w: SiteWarning): string => {
    switch (w.code) {
      case 'missing-rate':
        return t('forecast.warnings.missingRate', { site: name(w.siteId) });
      case 'share-of-region':
        return t('forecast.warnings.shareOfRegion', { site: name(w.siteId), share: formatPercent(w.shareOfRegion, language) });
      case 'above-plausible':
        return t('forecast.warnings.abovePlausible', { site: name(w.siteId), rate: decimal(w.ratePerMonth), plausible: decimal(w.plausiblePerMonth) });
      case 'above-region-ceiling':
        return t('forecast.warnings.aboveCeiling', { region: regionName(w.region, language), rate: decimal(w.ratePerMonth), ceiling: decimal(w.ceilingPerMonth) });
    }
  };
  return (
    <div className="card forecast-warnings" data-testid="forecast-warnings">
      <h3>{t('forecast.warnings.title')}</h3>
      <ul>
        {p.warnings.map((w, i) => (
          <li key={i} data-warning={w.code}>
            {text(w)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The time to the target in words: a median beyond the search horizon, or only the interval's upper end beyond it, said as such. */
export function timeToTargetText(p: Pick<RecruitmentProjection, 'medianMonthsToTarget' | 'monthsToTarget80'>, t: Translate, language: Language): string {
  const months = (m: number) => formatDecimal(m, language, 1);
  if (p.medianMonthsToTarget === null || p.monthsToTarget80.low === null) return t('forecast.timeToTargetNotReached');
  if (p.monthsToTarget80.high === null) return t('forecast.timeToTargetOpen', { median: months(p.medianMonthsToTarget), low: months(p.monthsToTarget80.low) });
  return t('forecast.timeToTarget', { median: months(p.medianMonthsToTarget), low: months(p.monthsToTarget80.low), high: months(p.monthsToTarget80.high) });
}

function ForecastSummary({ projection: p, t }: { projection: RecruitmentProjection; t: Translate }) {
  const { language } = useServices();
  const more = p.additionalSites;
  const goal = formatPercent(more.goal, language);
  const ranges = p.mixture.ranges.map((r) => t(`forecast.method.ranges.${r}`)).join(', ');
  return (
    <div className="card" data-testid="forecast-summary">
      <h3>{t('forecast.summary')}</h3>
      <div className="with-help">
        <p className="big-number" data-testid="forecast-probability">
          {formatPercent(p.probability, language)}
        </p>
        <HelpTip topic="forecast" />
      </div>
      <p>{t('forecast.probability', { target: formatCount(p.target, language), deadline: p.deadlineDate, p: formatPercent(p.probability, language) })}</p>
      {/* The extreme case only where some range moves the rates; otherwise both ends are the forecast itself. */}
      {p.totalRatePerMonth.low !== p.totalRatePerMonth.high && (
        <p className="hint" data-testid="forecast-probability-range">
          {t('forecast.probabilityRange', { low: formatPercent(p.probabilityRange.low, language), high: formatPercent(p.probabilityRange.high, language) })}
        </p>
      )}
      <p data-testid="forecast-expected">
        {t('forecast.expected', {
          point: formatCount(p.expectedByDeadline.point, language),
          low80: formatCount(p.expectedByDeadline.low, language),
          high80: formatCount(p.expectedByDeadline.high, language),
          low95: formatCount(p.expectedByDeadline95.low, language),
          high95: formatCount(p.expectedByDeadline95.high, language),
        })}
      </p>
      <p data-testid="forecast-time">{timeToTargetText(p, t, language)}</p>
      <p data-testid="forecast-more-sites">
        {more.count === 0
          ? t('forecast.moreSitesNone', { goal })
          : more.count === null
            ? t('forecast.moreSitesOut', { max: formatCount(MAX_EXTRA_SITES, language), goal })
            : t('forecast.moreSites', {
                count: formatCount(more.count, language),
                rate: formatDecimal(more.ratePerMonth, language, 2),
                month: formatDecimal(more.activationMonth, language, 1),
                p: formatPercent(more.probability ?? 0, language),
                goal,
              })}
      </p>
      <p className="hint" data-testid="forecast-method">
        {t('forecast.method.exact')} {p.mixture.ranges.length > 0 ? t('forecast.method.mixture', { ranges, components: formatCount(p.mixture.components, language) }) : t('forecast.method.noRanges')}
      </p>
    </div>
  );
}
