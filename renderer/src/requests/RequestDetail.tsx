// One request from intake to answer: its description, workflow, data and criteria, the answer (Early Feedback
// Form or clinics), versions, attachments and its own audit entries. The confidentiality marking is at the top.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Suggestion, suggestFeedback } from '../../../shared/requests/feedback-form';
import { type FeasibilityRequest, REQUEST_STATUSES, type RequestStatus, withDescription } from '../../../shared/requests/request';
import type { RequestVersion } from '../../../shared/requests/version';
import { isOpen } from '../../../shared/requests/workflow';
import type { AntalDatabase, AttachmentRecord, StudyRecord } from '../db/database';
import { useServices } from '../context';
import { DatasetPicker } from '../study/DatasetPicker';
import { AttachmentsPanel } from './AttachmentsPanel';
import { AuditTrail } from './AuditTrail';
import { ClinicsPanel } from './ClinicsPanel';
import { ConfidentialityMark, DeadlineText, SummerWarnings, useStoreContext, useToday } from './common';
import { FeedbackForm, useFeedbackAutosave } from './FeedbackForm';
import { RequestForm } from './RequestForm';
import { addAttachment, changeStatus, linkDatasets, loadAnswerBasis, removeAttachment, saveRequest, saveVersion } from './request-store';
import { VersionsPanel } from './VersionsPanel';
import { StatusLine, Loading } from '../ui/StatusLine';

interface Loaded {
  request: FeasibilityRequest;
  study: StudyRecord | undefined;
  versions: RequestVersion[];
  attachments: AttachmentRecord[];
}

async function fetchRequest(db: AntalDatabase, requestId: string): Promise<Loaded | 'missing'> {
  const request = await db.requests.get(requestId);
  if (!request) return 'missing';
  const [study, versions, attachments] = await Promise.all([
    db.studies.get(request.studyId),
    db.versions.where('[requestId+number]').between([requestId, 0], [requestId, Infinity]).toArray(),
    db.attachments.where('requestId').equals(requestId).toArray(),
  ]);
  return { request, study, versions, attachments };
}

export function RequestDetail({ requestId, onOpenAnswer, onBack }: { requestId: string; onOpenAnswer: (studyId: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const storeContext = useStoreContext();
  const today = useToday();
  const [loaded, setLoaded] = useState<Loaded | null | 'missing'>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after every write, so the request's audit entries reload.
  const [revision, setRevision] = useState(0);

  const reload = useCallback(async () => {
    setLoaded(await fetchRequest(db, requestId));
    setRevision((r) => r + 1);
  }, [db, requestId]);

  useEffect(() => {
    let live = true;
    void fetchRequest(db, requestId).then((value) => live && setLoaded(value));
    return () => {
      live = false;
    };
  }, [db, requestId]);

  const studyId = loaded && loaded !== 'missing' ? loaded.request.studyId : null;
  const datasetKey = loaded && loaded !== 'missing' ? (loaded.study?.datasetIds.join(',') ?? '') : '';
  useEffect(() => {
    if (!studyId) return;
    let live = true;
    loadAnswerBasis(db, studyId).then(
      (basis) => {
        if (!live) return;
        setSuggestions(basis?.suggestion ? suggestFeedback(basis.suggestion) : []);
      },
      () => live && setSuggestions([]),
    );
    return () => {
      live = false;
    };
  }, [db, studyId, datasetKey]);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setError(null);
      try {
        await action();
      } catch (e) {
        setError(t('requests.errors.save', { detail: e instanceof Error ? e.message : String(e) }));
        throw e;
      } finally {
        await reload();
      }
    },
    [reload, t],
  );

  if (loaded === null) return <Loading />;
  if (loaded === 'missing')
    return (
      <section aria-labelledby="request-missing">
        <h1 id="request-missing">{t('requests.missing')}</h1>
        <button type="button" className="button" onClick={onBack}>
          {t('requests.back')}
        </button>
      </section>
    );

  const { request, study, versions, attachments } = loaded;
  const author = request.owner.trim() || t('requests.unknownAuthor');
  const title = request.title || t('requests.untitled');

  const setStatus = (status: RequestStatus) =>
    run(() =>
      changeStatus(storeContext(), request, status, author, {
        summary: t('requests.auditText.status', { from: t(`requests.status.${request.status}`), to: t(`requests.status.${status}`) }),
        snapshotComment: t('requests.versions.snapshotComment'),
        snapshotSummary: t('requests.auditText.snapshot'),
      }),
    );

  return (
    <article aria-labelledby="request-title">
      <p>
        <a
          href="#/requests"
          onClick={(e) => {
            e.preventDefault();
            onBack();
          }}
        >
          {t('requests.back')}
        </a>
      </p>
      <header className="answer-header">
        <ConfidentialityMark request={request} />
        <h1 id="request-title">{title}</h1>
        {request.demo && <p className="badge badge-demo">{t('app.demoBadge')}</p>}
        <dl className="facts">
          <div>
            <dt>{t('requests.fields.type')}</dt>
            <dd>{t(`requests.type.${request.type}`)}</dd>
          </div>
          <div>
            <dt>{t('requests.columns.status')}</dt>
            <dd data-testid="request-status">{t(`requests.status.${request.status}`)}</dd>
          </div>
          <div>
            <dt>{t('requests.fields.replyDeadline')}</dt>
            <dd>
              {request.replyDeadline} <DeadlineText request={request} today={today} />
            </dd>
          </div>
          {request.answeredOn && (
            <div>
              <dt>{t('requests.fields.answeredOn')}</dt>
              <dd>{request.answeredOn}</dd>
            </div>
          )}
          {request.localReference && (
            <div>
              <dt>{t('requests.fields.localReference')}</dt>
              <dd>{request.localReference}</dd>
            </div>
          )}
        </dl>
        <SummerWarnings request={request} />
        <p className="guide-entry">
          <a className="button primary" href={`#/requests/${encodeURIComponent(request.id)}/guide/request`} aria-describedby="guide-entry-hint">
            {t('guide.open')}
          </a>{' '}
          <span id="guide-entry-hint" className="hint">
            {t('guide.openHint')}
          </span>
        </p>
      </header>
      {error && (
        <StatusLine error>
          {error}
        </StatusLine>
      )}

      <section className="panel" aria-labelledby="workflow-title">
        <h2 id="workflow-title">{t('requests.workflow.title')}</h2>
        <div className="form-actions">
          <label htmlFor="request-status-select">{t('requests.workflow.status')}</label>
          <select id="request-status-select" value={request.status} onChange={(e) => void setStatus(e.target.value as RequestStatus).catch(() => undefined)}>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`requests.status.${s}`)}
              </option>
            ))}
          </select>
          {isOpen(request.status) && (
            <button type="button" className="button primary" onClick={() => void setStatus('answered').catch(() => undefined)}>
              {t('requests.workflow.markAnswered')}
            </button>
          )}
        </div>
        <p className="hint">{t('requests.workflow.hint')}</p>
      </section>

      <section className="panel" aria-labelledby="data-title">
        <h2 id="data-title">{t('requests.data.title')}</h2>
        <p className="hint">{t('requests.data.intro')}</p>
        {study ? (
          <>
            <DatasetPicker
              linked={study.datasetIds}
              onChange={(ids) => void run(() => linkDatasets(storeContext(), request, ids, t('requests.auditText.datasets', { count: ids.length }))).catch(() => undefined)}
            />
            <p>
              {t('requests.data.steps', { count: study.study.steps.length })}{' '}
              <a
                href={`#/answer/${encodeURIComponent(study.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpenAnswer(study.id);
                }}
              >
                {t('requests.data.openAnswer')}
              </a>
            </p>
            {study.datasetIds.length === 0 && <p className="hint">{t('requests.data.noDatasets')}</p>}
          </>
        ) : (
          <p className="field-error">{t('requests.data.studyMissing')}</p>
        )}
      </section>

      {request.type === 'country' ? (
        <RequestFeedback key={`eff-${request.id}`} request={request} suggestions={suggestions} onSaved={() => setRevision((r) => r + 1)} />
      ) : (
        <ClinicsPanel request={request} today={today} onSave={(clinics, summary) => run(() => saveRequest(storeContext(), request, { ...request, clinics }, summary))} />
      )}

      <RequestForm key={`form-${request.id}`} request={request} onSave={(edited) => run(() => saveRequest(storeContext(), request, withDescription(request, edited), t('requests.auditText.edited')))} />

      <VersionsPanel
        versions={versions}
        onSave={(kind, comment) =>
          run(() => saveVersion(storeContext(), request, { kind, author, comment, summary: t('requests.auditText.version', { kind: t(`requests.versions.kinds.${kind}`) }) }))
        }
      />

      <AttachmentsPanel
        attachments={attachments}
        onAdd={(file) => run(() => addAttachment(storeContext(), request, file, t('requests.auditText.attachmentAdded', { name: file.name })))}
        onRemove={(a) => run(() => removeAttachment(storeContext(), a, t('requests.auditText.attachmentRemoved', { name: a.fileName })))}
      />

      <AuditTrail key={`audit-${revision}`} requestId={request.id} />
    </article>
  );
}

/** The request's Early Feedback Form, saved automatically (the same form as in the guided answer's forecast step). */
function RequestFeedback({ request, suggestions, onSaved }: { request: FeasibilityRequest; suggestions: Suggestion[] | null; onSaved: () => void }) {
  const autosave = useFeedbackAutosave(request, onSaved);
  return <FeedbackForm autosave={autosave} suggestions={suggestions} />;
}
