/**
 * Gathers what a letter needs from the local database — the unit profile, the request that uses this study (if
 * any), the disclosure policy in force, the audit trail's head — checks the letter's readiness on exactly that (the
 * export is refused, with every reason, while anything fails: shared/letter/readiness.ts) and freezes it with the
 * answer into an AnswerSnapshot.
 */
import { createSnapshot, type AnswerSnapshot } from '../../../shared/answer/snapshot';
import { requestFacts } from '../../../shared/letter/request-facts';
import type { Answer } from '../answer/answer';
import type { AntalDatabase } from '../db/database';
import type { RequestRecord } from '../db/database';
import { loadUnitProfile } from '../settings/unit-profile';
import { loadDisclosurePolicy } from '../settings/disclosure-policy';
import { currentAuditHead } from '../db/audit';
import { formatIsoDate } from '../format';
import type { Language } from '../../../shared/text/language';
import type { ReadinessProblem } from '../../../shared/letter/readiness';
import { appReadiness } from './readiness';

/** The letter may not leave yet: the readiness checklist names why. */
export class LetterNotReadyError extends Error {
  constructor(readonly problems: ReadinessProblem[]) {
    super(`the letter is not ready (${problems.map((p) => p.code).join(', ')})`);
  }
}

/** The request answered with this study, preferring an open one; undefined when the study has none. */
export async function requestForStudy(db: AntalDatabase, studyId: string): Promise<RequestRecord | undefined> {
  const requests = await db.requests.where('studyId').equals(studyId).toArray();
  requests.sort((a, b) => (a.status === 'archived' ? 1 : 0) - (b.status === 'archived' ? 1 : 0) || b.updatedAt.localeCompare(a.updatedAt));
  return requests[0];
}

/**
 * `requireReady: false` builds the snapshot even while the checklist fails: only for a letter made ahead, in idle
 * time, whose bytes are used later only if a letter asked for (and checked) then has exactly the same content.
 */
export async function buildLetterSnapshot(db: AntalDatabase, answer: Answer, language: Language, now: Date, options: { requireReady?: boolean } = {}): Promise<{ snapshot: AnswerSnapshot; requestId?: string }> {
  const [unit, policy, request, auditHead] = await Promise.all([loadUnitProfile(db), loadDisclosurePolicy(db), requestForStudy(db, answer.study.id), currentAuditHead(db)]);
  if (options.requireReady !== false) {
    const readiness = appReadiness({ study: answer.study, datasets: answer.datasets, answer, answerState: 'current', request: request ?? null, unit, language });
    if (!readiness.ready) throw new LetterNotReadyError(readiness.problems);
  }
  const snapshot = createSnapshot({
    language,
    createdAt: now,
    letterDate: formatIsoDate(now),
    study: answer.study,
    answer: { estimate: answer.estimate, projection: answer.projection, verdict: answer.verdict },
    datasets: answer.datasets,
    population: answer.population ?? null,
    hallandRule: answer.hallandRule,
    disclosurePolicy: policy,
    unit,
    ...(request ? { request: requestFacts(request, language) } : {}),
    // The trail as it is now: the letter carries it, so a later copy of the trail can be checked against it.
    ...(auditHead ? { auditHead } : {}),
  });
  return request ? { snapshot, requestId: request.id } : { snapshot };
}
