import { useTranslation } from 'react-i18next';
import { AnswerView } from './AnswerView';
import { CriteriaEditor } from '../study/CriteriaEditor';
import { ForecastSection } from '../forecast/ForecastSection';
import { DatasetPicker, PopulationPicker } from '../study/DatasetPicker';
import { useStudyWorkspace } from '../study/useStudyWorkspace';
import { useServices } from '../context';
import { RequestMarking } from '../requests/RequestMarking';
import { formatDecimal } from '../format';
import { EmptyState } from '../ui/EmptyState';
export function AnswerPage({ studyId }: { studyId?: string }) {
  const { t } = useTranslation();
  const { db, now, language } = useServices();
  const { state, updateStudy, setDatasetIds, setPopulationId, applyFix } = useStudyWorkspace(db, studyId, now);
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <p role="alert">{t('errors.database', { detail: state.detail })}</p>;
  if (state.status === 'empty')
    return <EmptyState level={1} testId="home-empty" title={t('actions.empty.home.title')} next={t('home.empty')} action={{ label: t('actions.empty.home.action'), href: '#/datasets' }} />;
  const { study, datasets, hallandRule, answer, stale, computeError, computeMillis, saved } = state;
  return (
    <div className="workspace">
      <aside className="editor-pane" aria-label={t('criteria.title')}>
        <CriteriaEditor study={study} datasets={datasets} onChange={updateStudy} language={language} populationName={state.population?.name ?? null} />
        <DatasetPicker linked={state.record.datasetIds} onChange={(ids) => void setDatasetIds(ids)} />
        <PopulationPicker
          choice={{
            id: state.population?.id ?? null,
            onChange: (id) => void setPopulationId(id),
            applied: state.answer ? (state.answer.estimate.basis?.ageShares ?? { kind: 'uniform' }) : undefined,
          }}
        />
        <p className="hint" role="status" data-testid="save-status">
          {saved === 'saving' ? t('criteria.status.saving') : saved === 'saved' ? t('criteria.status.saved') : t('criteria.status.saveFailed')}
        </p>
      </aside>
      <div className="results-pane" aria-busy={stale}>
        <p className={`compute-status ${stale ? 'stale' : ''}`} role="status" data-testid="compute-status">
          {computeError
            ? t('criteria.status.computeError', { message: computeError })
            : stale || !answer
              ? t('criteria.status.stale')
              : t('criteria.status.current', { ms: formatDecimal(computeMillis ?? 0, language, 1), hash: answer.estimate.inputHash.slice(0, 8) })}
        </p>
        <RequestMarking studyId={state.record.id} />
        {answer ? <AnswerView answer={{ study, datasets, hallandRule, population: state.population, ...answer }} stale={stale} onFix={(fix) => void applyFix(fix)} onChange={updateStudy} /> : <h1>{study.title}</h1>}
        {answer && <ForecastSection study={study} answer={answer} onChange={updateStudy} />}
      </div>
    </div>
  );
}
