// Steps 2–6 of the guided answer: data, criteria (with a compact attrition), forecast, the answer, and the letter
// with the checklist that says exactly why it cannot be exported yet.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import { AnswerView } from '../answer/AnswerView';
import { overlapText, periodDescription } from '../../../shared/answer/describe';
import { BlockingProblems } from '../study/BlockingProblems';
import type { Answer } from '../answer/answer';
import { ExportAnswerPanel } from '../compile/ExportAnswerPanel';
import { useServices } from '../context';
import { ForecastSection } from '../forecast/ForecastSection';
import { formatCount, formatIntervalRange, formatPercent } from '../format';
import { LetterPanel } from '../letter/LetterPanel';
import { ReadinessChecklist } from '../letter/ReadinessChecklist';
import type { AnswerIssue, ReadinessCheck } from '../../../shared/letter/readiness';
import type { Suggestion } from '../../../shared/requests/feedback-form';
import { FeedbackForm, type FeedbackDraft } from '../requests/FeedbackForm';
import type { DraftAutosave } from '../requests/useRequestDraftAutosave';
import type { GuideStep } from '../shell/route';
import { CriteriaEditor } from '../study/CriteriaEditor';
import { DatasetPicker, PopulationPicker } from '../study/DatasetPicker';
import type { Workspace, WorkspaceState } from '../study/useStudyWorkspace';
import { StepLink } from './GuideSteps';
import { FIXED_IN, type GuideFacts } from './step-status';
import { AttritionStepName } from '../answer/AttritionStepName';
import { datasetNamer, useDatasetNames } from '../answer/dataset-names';

type Ready = Extract<WorkspaceState, { status: 'ready' }>;

function StepHeading({ step, intro }: { step: GuideStep; intro?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h2 id={`guide-${step}-title`}>{t(`guide.steps.${step}`)}</h2>
      <p className="hint">{intro ?? t(`guide.${step}.intro`)}</p>
    </>
  );
}

/** Shows the step when the study has data and an answer; otherwise says what it waits for. */
function WithAnswer({ state, heading, children }: { state: WorkspaceState; heading?: ReactNode; children: (ready: Ready, answer: ComputedAnswer) => ReactNode }) {
  const { t } = useTranslation();
  const waiting = (message: ReactNode) => (
    <>
      {heading}
      {message}
    </>
  );
  if (state.status === 'loading') return waiting(<p role="status">{t('app.loading')}</p>);
  if (state.status === 'error') return waiting(<p role="alert">{t('errors.database', { detail: state.detail })}</p>);
  if (state.status === 'empty')
    return waiting(
      <p className="guide-blocked" data-testid="guide-blocked">
        {t('guide.blocked.noDataset')} <StepLink step="data">{t('guide.goTo', { step: t('guide.steps.data') })}</StepLink>
      </p>,
    );
  if (!state.answer) return waiting(<p role="status">{state.computeError ? t('criteria.status.computeError', { message: state.computeError }) : t('guide.computing')}</p>);
  return <>{children(state, state.answer)}</>;
}

function answerOf(ready: Ready, computed: ComputedAnswer): Answer {
  // The study the figures were computed from (the edited one may be newer while they are recomputed).
  return { study: ready.answeredStudy ?? ready.study, datasets: ready.datasets, hallandRule: ready.hallandRule, population: ready.population, ...computed };
}

export function DataStep({ linked, workspace, error, onLink, onOpenDatasets }: { linked: string[]; workspace: Workspace | null; error: string | null; onLink: (ids: string[]) => void; onOpenDatasets: () => void }) {
  const { t } = useTranslation();
  const state = workspace?.state;
  return (
    <section aria-labelledby="guide-data-title">
      <StepHeading step="data" />
      <div className="guide-columns">
        <div>
          <DatasetPicker linked={linked} onChange={onLink} />
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
          <p>
            <a
              href="#/datasets"
              onClick={(e) => {
                e.preventDefault();
                onOpenDatasets();
              }}
            >
              {t('guide.data.importLink')}
            </a>
          </p>
        </div>
        {workspace && state?.status === 'ready' && (
          <PopulationPicker
            choice={{
              id: state.population?.id ?? null,
              onChange: (id) => void workspace.setPopulationId(id),
              applied: state.answer ? (state.answer.estimate.basis?.ageShares ?? { kind: 'uniform' }) : undefined,
            }}
          />
        )}
      </div>
      <p role="status" className="hint" data-testid="guide-data-status">
        {linked.length === 0 ? t('guide.data.none') : state?.status === 'ready' ? t('guide.data.linked', { count: state.datasets.length }) : t('app.loading')}
      </p>
    </section>
  );
}

/** Patients left after each criterion, nationally: enough to see what each edit does without leaving the editor. */
function AttritionSummary({ answer, stale, ready, workspace }: { answer: ComputedAnswer; stale: boolean; ready: Ready; workspace: Workspace | null }) {
  const { t } = useTranslation();
  const { language, db } = useServices();
  const storedNames = useDatasetNames(db);
  const { estimate } = answer;
  const blocking = estimate.blocking ?? [];
  if (blocking.length > 0)
    return (
      <div className="guide-summary" aria-busy={stale} data-testid="guide-attrition">
        <BlockingProblems
          problems={blocking}
          headingLevel={3}
          language={language}
          datasetName={datasetNamer([...ready.datasets, ...(ready.population ? [ready.population] : [])], storedNames, t('answer.deletedDataset'))}
          onFix={workspace ? (fix) => void workspace.applyFix(fix) : undefined}
        />
      </div>
    );
  return (
    <section className="guide-summary" aria-labelledby="guide-attrition-title" aria-busy={stale} data-testid="guide-attrition">
      <h3 id="guide-attrition-title">{t('guide.criteria.summaryTitle')}</h3>
      <p role="status" data-testid="guide-eligible">
        {stale
          ? t('criteria.status.stale')
          : t('guide.criteria.eligible', { point: formatCount(estimate.national.point, language), range: formatIntervalRange(estimate.national, language) })}
      </p>
      {estimate.nationalOverlap && <p className="hint" data-testid="guide-national-overlap">{overlapText(estimate.nationalOverlap, language).join(' ')}</p>}
      <table className="data-table">
        <caption>{t('guide.criteria.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('home.columns.step')}</th>
            <th scope="col" className="num">
              {t('home.columns.point')}
            </th>
            <th scope="col" className="num">
              {t('home.columns.remaining')}
            </th>
          </tr>
        </thead>
        <tbody>
          {estimate.attrition.map((step) => (
            <tr key={step.stepId} className={step.stepId === estimate.mostLimitingStepId ? 'most-limiting' : undefined}>
              <th scope="row">
                <AttritionStepName step={step} mostLimitingStepId={estimate.mostLimitingStepId} />
                {step.type === 'base' && estimate.period && <span className="hint" data-testid="guide-base-period"> ({periodDescription(estimate.period, language)})</span>}
              </th>
              <td className="num">
                {/* The interval under the point: a union of overlapping values is wide, and its point only midway. */}
                <span className="guide-point">{formatCount(step.total.point, language)}</span>
                <br />
                <span className="hint guide-range">{formatIntervalRange(step.total, language)}</span>
              </td>
              <td className="num">{formatPercent(step.remainingShare, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CriteriaStep({ state, workspace }: { state: WorkspaceState; workspace: Workspace | null }) {
  const { language } = useServices();
  return (
    // Once there is data, the editor brings its own heading and introduction.
    <div>
      <WithAnswer state={state} heading={<StepHeading step="criteria" />}>
        {(ready, answer) => (
          <div className="guide-columns guide-columns-wide">
            <CriteriaEditor study={ready.study} datasets={ready.datasets} onChange={(change) => workspace?.updateStudy(change)} language={language} populationName={ready.population?.name ?? null} />
            <AttritionSummary answer={answer} stale={ready.stale} ready={ready} workspace={workspace} />
          </div>
        )}
      </WithAnswer>
    </div>
  );
}

/**
 * The forecast and, for a Country Feasibility request, the Early Feedback Form beside it: the form's questions 2
 * and 3 are about exactly this forecast. The form is the request's (the same answers as on the request page).
 */
export function ForecastStep({
  state,
  workspace,
  request,
  feedback,
  suggestions,
}: {
  state: WorkspaceState;
  workspace: Workspace | null;
  request: FeasibilityRequest;
  feedback: DraftAutosave<FeedbackDraft>;
  suggestions: Suggestion[] | null;
}) {
  const { t } = useTranslation();
  return (
    // Once there is data, the forecast brings its own heading; the guide adds what to do in this step.
    <div>
      <WithAnswer state={state} heading={<StepHeading step="forecast" />}>
        {(ready, answer) => (
          <>
            <p className="guide-note">{t('guide.forecast.intro')}</p>
            <ForecastSection study={ready.study} answer={answer} onChange={(change) => workspace?.updateStudy(change)} />
          </>
        )}
      </WithAnswer>
      {request.type === 'country' ? <FeedbackForm autosave={feedback} suggestions={suggestions} /> : <p className="guide-note">{t('guide.answer.feedbackSite')}</p>}
    </div>
  );
}

export function AnswerStep({ state, request, onOpenRequest, workspace = null }: { state: WorkspaceState; request: FeasibilityRequest; onOpenRequest: () => void; workspace?: Workspace | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="guide-answer-title">
      <StepHeading step="answer" />
      <p className="guide-note">
        {request.type === 'country' ? (
          <>
            {t('guide.answer.feedbackCountry')} <StepLink step="forecast">{t('guide.goTo', { step: t('guide.steps.forecast') })}</StepLink>
          </>
        ) : (
          <>
            {t('guide.answer.feedbackSite')}{' '}
            <a
              href={`#/requests/${encodeURIComponent(request.id)}`}
              onClick={(e) => {
                e.preventDefault();
                onOpenRequest();
              }}
            >
              {t('guide.answer.openRequest')}
            </a>
          </>
        )}
      </p>
      <WithAnswer state={state}>
        {(ready, answer) => <AnswerView answer={answerOf(ready, answer)} stale={ready.stale} exports={false} onFix={workspace ? (fix) => void workspace.applyFix(fix) : undefined} onChange={workspace ? (change) => workspace.updateStudy(change) : undefined} />}
      </WithAnswer>
    </section>
  );
}

/** Where a failed check is put right: a step of the guide, or the unit profile in Settings. */
function FixLink({ check }: { check: ReadinessCheck }) {
  const { t } = useTranslation();
  const place = FIXED_IN[check];
  if (place === 'letter') return null;
  if (place === 'settings') return <a href="#/settings">{t('letter.readiness.openSettings')}</a>;
  return <StepLink step={place}>{t('guide.goTo', { step: t(`guide.steps.${place}`) })}</StepLink>;
}

export function LetterStep({
  state,
  facts,
  effRequired,
  onAcknowledge,
  acknowledging,
  acknowledgeError,
  beforeExport,
  onExported,
}: {
  state: WorkspaceState;
  facts: GuideFacts;
  effRequired: boolean;
  onAcknowledge: (issue: AnswerIssue) => void;
  acknowledging: boolean;
  acknowledgeError: string | null;
  beforeExport: () => Promise<void>;
  onExported: () => void;
}) {
  return (
    <section aria-labelledby="guide-letter-title">
      <StepHeading step="letter" />
      <ReadinessChecklist
        readiness={facts.readiness}
        effRequired={effRequired}
        linkFor={(check) => <FixLink check={check} />}
        onAcknowledge={onAcknowledge}
        acknowledging={acknowledging}
        error={acknowledgeError}
      />
      {state.status === 'ready' && state.answer && (
        <>
          <LetterPanel answer={answerOf(state, state.answer)} stale={state.stale} readiness={facts.readiness} beforeExport={beforeExport} onExported={onExported} />
          <ExportAnswerPanel answer={answerOf(state, state.answer)} stale={state.stale} />
        </>
      )}
    </section>
  );
}
