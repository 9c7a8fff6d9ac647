/**
 * The recruitment forecast on the answer page: the probability of reaching the target by the deadline, the
 * expected enrolment with its prediction intervals, the time to target, how many more sites would reach the
 * goal, the enrolment and sensitivity charts, and the assumptions. (The Early Feedback Form, which the guided
 * answer shows beside the forecast, is the request's: requests/FeedbackForm.tsx.)
 * Everything shown comes from the worker's latest answer; every edit goes back to the study.
 */
import { useTranslation } from 'react-i18next';
import type { ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { Study } from '../../../shared/criteria/study';
import { MAX_EXTRA_SITES, type RecruitmentProjection } from '../../../shared/recruitment/project';
import { useServices } from '../context';
import { formatCount, formatDecimal, formatPercent } from '../format';
import { HelpTip } from '../help/HelpTip';
import { EnrolmentChart } from './EnrolmentChart';
import { ForecastInputs } from './ForecastInputs';
import { TornadoChart } from './TornadoChart';

type Change = (change: (study: Study) => Study) => void;
type Translate = ReturnType<typeof useTranslation>['t'];

export function ForecastSection({ study, answer, onChange }: { study: Study; answer: ComputedAnswer; onChange: Change }) {
  const { t } = useTranslation();
  const { language } = useServices();
  const { projection } = answer;
  const hasSites = study.recruitment.sites.length > 0;
  return (
    <section aria-labelledby="forecast-title" className="forecast" data-testid="forecast">
      <h2 id="forecast-title">{t('forecast.title')}</h2>
      <p className="hint">{t('forecast.intro')}</p>
      {hasSites ? (
        <>
          <ForecastSummary projection={projection} t={t} />
          <EnrolmentChart
            band={projection.band}
            target={projection.target}
            months={projection.months}
            startDate={projection.startDate}
            deadlineDate={projection.deadlineDate}
            language={language}
          />
          <TornadoChart bars={projection.sensitivity} probability={projection.probability} language={language} />
        </>
      ) : (
        <p data-testid="forecast-no-sites">{t('forecast.noSites')}</p>
      )}
      <ForecastInputs study={study} siteRates={projection.sites} onChange={onChange} />
    </section>
  );
}

function ForecastSummary({ projection: p, t }: { projection: RecruitmentProjection; t: Translate }) {
  const { language } = useServices();
  const months = (m: number | null) => (m === null ? t('forecast.timeNotReached') : formatDecimal(m, language, 1));
  const more = p.additionalSites;
  const goal = formatPercent(more.goal, language);
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
      <p className="hint">{t('forecast.probabilityRange', { low: formatPercent(p.probabilityRange.low, language), high: formatPercent(p.probabilityRange.high, language) })}</p>
      <p data-testid="forecast-expected">
        {t('forecast.expected', {
          point: formatCount(p.expectedByDeadline.point, language),
          low80: formatCount(p.expectedByDeadline.low, language),
          high80: formatCount(p.expectedByDeadline.high, language),
          low95: formatCount(p.expectedByDeadline95.low, language),
          high95: formatCount(p.expectedByDeadline95.high, language),
        })}
      </p>
      <p data-testid="forecast-time">{t('forecast.timeToTarget', { median: months(p.medianMonthsToTarget), low: months(p.monthsToTarget80.low), high: months(p.monthsToTarget80.high) })}</p>
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
        {p.simulation ? t('forecast.method.simulation', { runs: formatCount(p.simulation.runs, language), seed: p.simulation.seed }) : t('forecast.method.closed-form')}
      </p>
    </div>
  );
}
