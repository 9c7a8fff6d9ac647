// The letter under an answer (the answer page): the readiness checklist for this answer's request and unit
// profile, with the warnings to acknowledge, and the letter panel, whose export the checklist gates.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerIssue, ReadinessCheck } from '../../../shared/letter/readiness';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import type { Answer } from '../answer/answer';
import { useServices } from '../context';
import { useStoreContext } from '../requests/common';
import { acknowledgeWarnings } from '../requests/request-store';
import { loadUnitProfile } from '../settings/unit-profile';
import type { UnitProfile } from '../../../shared/answer/snapshot';
import { LetterPanel } from './LetterPanel';
import { requestForStudy } from './letter-snapshot';
import { appReadiness, effOf } from './readiness';
import { ReadinessChecklist } from './ReadinessChecklist';

export function AnswerLetter({ answer, stale }: { answer: Answer; stale: boolean }) {
  const { t } = useTranslation();
  const { db, language } = useServices();
  const storeContext = useStoreContext();
  const [request, setRequest] = useState<FeasibilityRequest | null>(null);
  const [unit, setUnit] = useState<UnitProfile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const studyId = answer.study.id;

  useEffect(() => {
    let live = true;
    void Promise.all([requestForStudy(db, studyId), loadUnitProfile(db)]).then(([r, u]) => {
      if (!live) return;
      setRequest(r ?? null);
      setUnit(u);
    });
    return () => {
      live = false;
    };
  }, [db, studyId]);

  // Computed from these inputs only (the answer's own study and datasets included): an edit renders this page two or
  // three times (out of date, answered, saved) and the checklist runs the estimate's issue rules over every region.
  const answerState = stale ? 'computing' : 'current';
  const readiness = useMemo(
    () => appReadiness({ study: answer.study, datasets: answer.datasets, answer, answerState, request, unit, language }),
    [answer, answerState, request, unit, language],
  );
  const effRequired = useMemo(() => effOf(request).required, [request]);

  const acknowledge = useCallback(
    async (issue: AnswerIssue) => {
      if (!request) return;
      setBusy(true);
      setError(null);
      try {
        setRequest(await acknowledgeWarnings(storeContext(), request.id, [issue], request.owner.trim() || unit?.signatoryName.trim() || '', t('requests.auditText.acknowledged', { count: 1 })));
      } catch (e) {
        setError(t('letter.readiness.acknowledgeFailed', { detail: e instanceof Error ? e.message : String(e) }));
      } finally {
        setBusy(false);
      }
    },
    [request, storeContext, t, unit],
  );

  const linkFor = (check: ReadinessCheck) => {
    if ((check === 'title' || check === 'eff') && request) return <a href={`#/requests/${encodeURIComponent(request.id)}`}>{t('letter.readiness.openRequest')}</a>;
    if (check === 'letterhead' || check === 'signature') return <a href="#/settings">{t('letter.readiness.openSettings')}</a>;
    return null;
  };

  return (
    <>
      <ReadinessChecklist
        readiness={readiness}
        effRequired={effRequired}
        linkFor={linkFor}
        {...(request ? { onAcknowledge: (issue: AnswerIssue) => void acknowledge(issue) } : {})}
        acknowledging={busy}
        error={error}
      />
      <LetterPanel answer={answer} stale={stale} readiness={readiness} />
    </>
  );
}
