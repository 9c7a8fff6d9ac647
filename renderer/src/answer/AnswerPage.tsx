import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerView } from './AnswerView';
import { AnswerSendPanels } from './SendPanels';
import type { Answer } from './answer';
import { CriteriaEditor } from '../study/CriteriaEditor';
import { ForecastSection } from '../forecast/ForecastSection';
import { DatasetPicker, PopulationPicker } from '../study/DatasetPicker';
import { useStudyWorkspace } from '../study/useStudyWorkspace';
import { useServices } from '../context';
import { RequestMarking } from '../requests/RequestMarking';
import { formatDecimal } from '../format';
import { EmptyState } from '../ui/EmptyState';
import type { ProblemFix } from '../../../shared/estimate/types';
import { StatusLine, Loading } from '../ui/StatusLine';

/** What the picker says was applied when the study names no age-share table. */
const UNIFORM_AGE_SHARES = { kind: 'uniform' } as const;

/**
 * Every edit renders this page twice: at once, to show the edit and mark the answer out of date, and again when
 * the worker's answer arrives. The first render must be cheap, so the figures (the largest part of the page) are
 * one element that changes only with the answer, and the criteria editor one that changes only with the study.
 */
export function AnswerPage({ studyId }: { studyId?: string }) {
  const { t } = useTranslation();
  const { db, now, language } = useServices();
  const { state, updateStudy, setDatasetIds, setPopulationId, applyFix } = useStudyWorkspace(db, studyId, now);
  const ready = state.status === 'ready' ? state : null;
  const computed = ready?.answer ?? null;
  const answeredStudy = ready ? (ready.answeredStudy ?? ready.study) : null;
  const study = ready?.study ?? null;
  const datasets = ready?.datasets ?? null;
  const hallandRule = ready?.hallandRule ?? null;
  const populationName = ready?.population?.name ?? null;
  const population = ready?.population ?? null;
  const answer = useMemo<Answer | null>(
    () => (computed && answeredStudy && datasets && hallandRule ? { study: answeredStudy, datasets, hallandRule, population, ...computed } : null),
    [computed, answeredStudy, datasets, hallandRule, population],
  );
  const onFix = useCallback((fix: ProblemFix) => void applyFix(fix), [applyFix]);
  // The letter and answer-file panels are not part of this element: they follow `stale` (nothing may be sent while
  // a newer edit is computed), the figures do not.
  const figures = useMemo(() => (answer ? <AnswerView answer={answer} onFix={onFix} onChange={updateStudy} /> : null), [answer, onFix, updateStudy]);
  const editor = useMemo(
    () => (study && datasets ? <CriteriaEditor study={study} datasets={datasets} onChange={updateStudy} language={language} populationName={populationName} /> : null),
    [study, datasets, updateStudy, language, populationName],
  );
  const forecast = useMemo(() => (study && computed ? <ForecastSection study={study} answer={computed} onChange={updateStudy} /> : null), [study, computed, updateStudy]);
  // Neither the pickers nor the request's marking change with an edit of the criteria: drawn again only when
  // what they show does (the page itself redraws for every save and compute status).
  const recordId = ready?.record.id ?? null;
  const linked = ready?.record.datasetIds ?? null;
  const populationId = ready?.population?.id ?? null;
  const appliedAgeShares = computed ? (computed.estimate.basis?.ageShares ?? UNIFORM_AGE_SHARES) : undefined;
  const pickers = useMemo(
    () =>
      linked === null ? null : (
        <>
          <DatasetPicker linked={linked} onChange={(ids) => void setDatasetIds(ids)} />
          <PopulationPicker choice={{ id: populationId, onChange: (id) => void setPopulationId(id), applied: appliedAgeShares }} />
        </>
      ),
    [linked, populationId, appliedAgeShares, setDatasetIds, setPopulationId],
  );
  const marking = useMemo(() => (recordId === null ? null : <RequestMarking studyId={recordId} />), [recordId]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <StatusLine error>{t('errors.database', { detail: state.detail })}</StatusLine>;
  if (state.status === 'empty')
    return <EmptyState level={1} testId="home-empty" title={t('actions.empty.home.title')} next={t('home.empty')} action={{ label: t('actions.empty.home.action'), href: '#/datasets' }} />;
  const { stale, computeError, computeMillis, saved } = state;
  // The panels belong to an answer that can be sent: not while a blocking problem replaces the figures.
  const sendable = answer !== null && (answer.estimate.blocking ?? []).length === 0;
  return (
    <div className="workspace">
      <aside className="editor-pane" aria-label={t('criteria.title')}>
        {editor}
        {pickers}
        <StatusLine hint testId="save-status">
          {saved === 'saving' ? t('criteria.status.saving') : saved === 'saved' ? t('criteria.status.saved') : t('criteria.status.saveFailed')}
        </StatusLine>
      </aside>
      <div className="results-pane" aria-busy={stale}>
        {/* `answered-here`: computed in the edit's own event, not by the worker (no visible difference; for the bench). */}
        <StatusLine className={`compute-status ${stale ? 'stale' : ''}${state.answeredHere ? ' answered-here' : ''}`} testId="compute-status">
          {computeError
            ? t('criteria.status.computeError', { message: computeError })
            : stale || !state.answer
              ? t('criteria.status.stale')
              : t('criteria.status.current', { ms: formatDecimal(computeMillis ?? 0, language, 1), hash: state.answer.estimate.inputHash.slice(0, 8) })}
        </StatusLine>
        {marking}
        {figures ?? <h1>{state.study.title}</h1>}
        {/* While a newer edit is being computed, the shown figures are not the study's: nothing may be sent. */}
        {sendable && <AnswerSendPanels answer={answer} stale={stale} />}
        {forecast}
      </div>
    </div>
  );
}
