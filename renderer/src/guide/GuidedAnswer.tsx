/**
 * The guided answer to a request: request → data → criteria → forecast → answer → letter, one step at a time,
 * with a step list that says what is done, what is missing and why. One study workspace serves every step, so
 * moving between steps loses nothing: the request's fields, its Early Feedback Form and the study are saved
 * automatically, and a save that is still waiting is written when the user moves on, leaves, or the page is
 * hidden or reloaded.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recruitingSites, type AnswerIssue } from '../../../shared/letter/readiness';
import { suggestFeedback, suggestionBasis, unansweredQuestions } from '../../../shared/requests/feedback-form';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import type { AntalDatabase, StudyRecord } from '../db/database';
import { useServices } from '../context';
import { ConfidentialityMark, DeadlineText, useStoreContext, useToday } from '../requests/common';
import { FEEDBACK_DRAFT, useFeedbackAutosave } from '../requests/FeedbackForm';
import { acknowledgeWarnings, linkDatasets, saveRequest } from '../requests/request-store';
import { appReadiness } from '../letter/readiness';
import { loadUnitProfile } from '../settings/unit-profile';
import type { UnitProfile } from '../../../shared/answer/snapshot';
import { type GuideStep } from '../shell/route';
import { type Workspace, useStudyWorkspace } from '../study/useStudyWorkspace';
import { GuideLinksContext } from './guide-links';
import { GuidePager, StepList } from './GuideSteps';
import { applyDraft, isDraftValid } from './request-draft';
import { RequestStep } from './RequestStep';
import { type GuideFacts, stepStatuses } from './step-status';
import { AnswerStep, CriteriaStep, DataStep, ForecastStep, LetterStep } from './StudySteps';
import { useRequestAutosave } from './useRequestAutosave';
import './guide.css';
import type { Language } from '../../../shared/text/language';
import { StatusLine, Loading } from '../ui/StatusLine';

export interface GuideNavigation {
  /** Shows another step of this request's guide. */
  onStep: (step: GuideStep) => void;
  /** Opens the request's own page (all fields, versions, attachments, the Early Feedback Form). */
  onOpenRequest: () => void;
  onOpenDatasets: () => void;
  onBack: () => void;
}

async function fetchRequest(db: AntalDatabase, requestId: string): Promise<{ request: FeasibilityRequest; study: StudyRecord } | 'missing'> {
  const request = await db.requests.get(requestId);
  const study = request ? await db.studies.get(request.studyId) : undefined;
  return request && study ? { request, study } : 'missing';
}

export function GuidedAnswer({ requestId, step, ...navigation }: { requestId: string; step: GuideStep } & GuideNavigation) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [loaded, setLoaded] = useState<{ request: FeasibilityRequest; study: StudyRecord } | 'missing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchRequest(db, requestId).then(
      (value) => live && setLoaded(value),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [db, requestId]);
  if (error) return <StatusLine error>{t('errors.database', { detail: error })}</StatusLine>;
  if (loaded === null) return <Loading />;
  if (loaded === 'missing')
    return (
      <section aria-labelledby="guide-missing">
        <h1 id="guide-missing">{t('guide.missing')}</h1>
        <button type="button" className="button" onClick={navigation.onBack}>
          {t('requests.back')}
        </button>
      </section>
    );
  return <Guide request={loaded.request} studyRecord={loaded.study} step={step} navigation={navigation} />;
}

/**
 * Runs the study workspace and hands it up. Remounted (with a new key) when the study gets its first dataset, so
 * the workspace loads it; the step screens, kept in the parent, stay where they are and keep their focus.
 */
const WorkspaceHost = memo(function WorkspaceHost({ studyId, onChange }: { studyId: string; onChange: (workspace: Workspace) => void }) {
  const { db, now } = useServices();
  const { state, updateStudy, setDatasetIds, setPopulationId, applyFix, flush } = useStudyWorkspace(db, studyId, now);
  const workspace = useMemo(() => ({ state, updateStudy, setDatasetIds, setPopulationId, applyFix, flush }), [state, updateStudy, setDatasetIds, setPopulationId, applyFix, flush]);
  // Handed up in a layout effect, in the same task as the commit: with a passive effect the step screens could
  // render an older study between two keystrokes on a busy machine, and a text field would drop a character.
  useLayoutEffect(() => onChange(workspace), [workspace, onChange]);
  return null;
});

/** The facts the step statuses and the letter's checklist are computed from. */
function guideFacts(live: FeasibilityRequest, studyRecord: StudyRecord, datesValid: boolean, workspace: Workspace | null, unit: UnitProfile | null, lettersExported: number, language: Language): GuideFacts {
  const state = workspace?.state;
  const ready = state?.status === 'ready' ? state : null;
  const answer = !ready ? 'none' : ready.computeError ? 'error' : ready.stale || !ready.answer ? 'computing' : 'current';
  const effUnanswered = live.type === 'country' ? unansweredQuestions(live).length : 0;
  const readiness = appReadiness({
    study: ready?.study ?? studyRecord.study,
    datasets: ready?.datasets ?? [],
    answer: ready?.answer ?? null,
    answerState: answer,
    request: live,
    unit,
    language,
  });
  return {
    title: live.title,
    datesValid,
    datasetCount: ready?.datasets.length ?? 0,
    enabledCriteria: ready ? ready.study.steps.filter((s) => s.enabled).length : 0,
    // A site counts once it recruits: a rate of its own (or a version 1 share of its region) above 0.
    siteCount: ready ? recruitingSites(ready.study) : 0,
    answer,
    effUnanswered,
    readiness,
    lettersExported,
  };
}

function Guide({ request, studyRecord, step, navigation }: { request: FeasibilityRequest; studyRecord: StudyRecord; step: GuideStep; navigation: GuideNavigation }) {
  const { t } = useTranslation();
  const { db, language } = useServices();
  const storeContext = useStoreContext();
  const today = useToday();
  const editedSummary = t('requests.auditText.edited');
  const save = useCallback((before: FeasibilityRequest, after: FeasibilityRequest) => saveRequest(storeContext(), before, after, editedSummary), [storeContext, editedSummary]);
  // The request as last stored by any of the guide's editors (its fields, its Early Feedback Form, the
  // acknowledgements), the newest write winning; each editor's draft is applied on top of it for display.
  const [stored, setStored] = useState(request);
  const onSaved = useCallback((next: FeasibilityRequest) => setStored((current) => (next.updatedAt >= current.updatedAt ? next : current)), []);
  const autosave = useRequestAutosave(request, save, editedSummary, onSaved);
  const feedback = useFeedbackAutosave(request, onSaved);
  const live = useMemo(() => FEEDBACK_DRAFT.apply(applyDraft(stored, autosave.draft), feedback.draft), [stored, autosave.draft, feedback.draft]);
  const [unit, setUnit] = useState<UnitProfile | null>(null);
  const [acknowledging, setAcknowledging] = useState(false);
  const [acknowledgeError, setAcknowledgeError] = useState<string | null>(null);
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [hostKey, setHostKey] = useState(0);
  const [linkedIds, setLinkedIds] = useState(studyRecord.datasetIds);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [lettersExported, setLettersExported] = useState(0);
  const state = workspace?.state ?? { status: 'loading' as const };
  const saved = autosave.saved;

  useEffect(() => {
    let mounted = true;
    void db.letters
      .where('studyId')
      .equals(studyRecord.id)
      .count()
      .then((n) => mounted && setLettersExported(n));
    void loadUnitProfile(db).then((u) => mounted && setUnit(u));
    return () => {
      mounted = false;
    };
  }, [db, studyRecord.id]);

  // The study carries the request's title and the sponsor's reference (the answer page and the letter's file name
  // show them): keep the workspace's copy in step, or its next save would put the old ones back.
  useEffect(() => {
    if (!workspace || workspace.state.status !== 'ready' || !saved.title) return;
    const { study } = workspace.state;
    if (study.title !== saved.title || study.sponsorReference !== saved.sponsorReference)
      workspace.updateStudy((s) => ({ ...s, title: saved.title, sponsorReference: saved.sponsorReference }));
  }, [workspace, saved.title, saved.sponsorReference]);

  /** Everything typed so far, stored: the request's fields, its Early Feedback Form and the study. */
  const flushAll = useCallback(async () => {
    await Promise.all([autosave.flush(), feedback.flush(), workspace?.flush()]);
  }, [autosave, feedback, workspace]);

  const acknowledge = useCallback(
    async (issue: AnswerIssue) => {
      setAcknowledging(true);
      setAcknowledgeError(null);
      try {
        onSaved(await acknowledgeWarnings(storeContext(), request.id, [issue], live.owner.trim() || unit?.signatoryName.trim() || '', t('requests.auditText.acknowledged', { count: 1 })));
      } catch (e) {
        setAcknowledgeError(t('letter.readiness.acknowledgeFailed', { detail: e instanceof Error ? e.message : String(e) }));
      } finally {
        setAcknowledging(false);
      }
    },
    [live.owner, onSaved, request.id, storeContext, t, unit],
  );

  // Leaving the guide while a study edit still waits for its autosave pause: useStudyWorkspace writes it then.

  const link = useCallback(
    async (ids: string[]) => {
      setLinkError(null);
      try {
        await linkDatasets(storeContext(), saved, ids, t('requests.auditText.datasets', { count: ids.length }));
        setLinkedIds(ids);
        if (workspace?.state.status === 'ready') await workspace.setDatasetIds(ids);
        else setHostKey((k) => k + 1);
      } catch (e) {
        setLinkError(t('guide.data.linkFailed', { detail: e instanceof Error ? e.message : String(e) }));
      }
    },
    [saved, storeContext, t, workspace],
  );

  const go = useCallback(
    (next: GuideStep) => {
      void flushAll();
      navigation.onStep(next);
    },
    [flushAll, navigation],
  );

  const links = useMemo(() => ({ requestId: saved.id, onStep: go }), [saved.id, go]);
  const openRequest = () => {
    void flushAll();
    navigation.onOpenRequest();
  };

  const facts = guideFacts(live, studyRecord, isDraftValid(autosave.draft), workspace, unit, lettersExported, language);
  const statuses = stepStatuses(facts);
  const title = autosave.draft.title.trim() || t('requests.untitled');
  const suggestions = state.status === 'ready' && state.answer && !state.stale ? suggestFeedback(suggestionBasis(state.study, state.answer)) : state.status === 'empty' ? [] : null;

  return (
    <GuideLinksContext.Provider value={links}>
    <article className="guide" aria-labelledby="guide-title">
      <WorkspaceHost key={hostKey} studyId={studyRecord.id} onChange={setWorkspace} />
      <header className="guide-header">
        <h1 id="guide-title">{t('guide.heading', { title })}</h1>
        <p className="guide-facts">
          <ConfidentialityMark request={saved} />
          <span>
            {t('requests.fields.replyDeadline')}: {saved.replyDeadline} <DeadlineText request={saved} today={today} />
          </span>
          {saved.demo && <span className="badge badge-demo">{t('app.demoBadge')}</span>}
          <a
            href={`#/requests/${encodeURIComponent(saved.id)}`}
            onClick={(e) => {
              e.preventDefault();
              openRequest();
            }}
          >
            {t('guide.fullRequest')}
          </a>
        </p>
      </header>
      <StepList requestId={saved.id} current={step} statuses={statuses} onStep={go} />
      <div className="guide-body" data-testid={`guide-step-${step}`}>
        {step === 'request' && <RequestStep autosave={autosave} />}
        {step === 'data' && <DataStep linked={linkedIds} workspace={workspace} error={linkError} onLink={(ids) => void link(ids)} onOpenDatasets={navigation.onOpenDatasets} />}
        {step === 'criteria' && <CriteriaStep state={state} workspace={workspace} />}
        {step === 'forecast' && <ForecastStep state={state} workspace={workspace} request={live} feedback={feedback} suggestions={suggestions} />}
        {step === 'answer' && <AnswerStep state={state} request={live} onOpenRequest={openRequest} workspace={workspace} />}
        {step === 'letter' && (
          <LetterStep
            state={state}
            facts={facts}
            effRequired={live.type === 'country'}
            onAcknowledge={(issue) => void acknowledge(issue)}
            acknowledging={acknowledging}
            acknowledgeError={acknowledgeError}
            beforeExport={flushAll}
            onExported={() => setLettersExported((n) => n + 1)}
          />
        )}
      </div>
      <GuidePager current={step} onStep={go} />
    </article>
    </GuideLinksContext.Provider>
  );
}
