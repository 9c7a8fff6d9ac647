/**
 * The letter's readiness checklist from what the app holds: the answer on screen, the request it answers (its
 * title, Early Feedback Form and acknowledgements) and the unit profile. The rules themselves are
 * shared/letter/readiness.ts, the same for `antal letter`.
 */
import { letterReadiness, estimateIssues, type Readiness, type ReadinessAnswer, type ReadinessEff } from '../../../shared/letter/readiness';
import { STANDARD_QUESTIONS, unansweredQuestions } from '../../../shared/requests/feedback-form';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import type { Study } from '../../../shared/criteria/study';
import type { Dataset } from '../../../shared/counts/dataset';
import type { ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { Language } from '../../../shared/text/language';
import type { UnitProfile } from '../../../shared/answer/snapshot';

export type AnswerState = 'none' | 'computing' | 'error' | 'current';

export interface ReadinessSources {
  study: Study;
  /** Datasets the study is linked to and that could be loaded. */
  datasets: readonly Dataset[];
  answer: Pick<ComputedAnswer, 'estimate'> | null;
  answerState: AnswerState;
  /** The request as it is being edited (drafts applied), or null when the study has none. */
  request: Pick<FeasibilityRequest, 'title' | 'type' | 'questions' | 'feedback' | 'acknowledgements'> | null;
  /** Null while it is loading: the checklist then treats it as missing. */
  unit: Pick<UnitProfile, 'unitName' | 'signatoryName'> | null;
  language: Language;
}

/** The form a letter needs: the request's, or (a study without a request) the standard questions, all unanswered. */
export function effOf(request: ReadinessSources['request']): ReadinessEff {
  if (request && request.type !== 'country') return { required: false };
  const form = request ?? { questions: [...STANDARD_QUESTIONS], feedback: {} };
  return { required: true, unanswered: unansweredQuestions(form).map((u) => (u.question.standard ? { number: u.number } : { number: u.number, question: u.question.text ?? '' })) };
}

export function readinessAnswer(sources: Pick<ReadinessSources, 'answer' | 'answerState' | 'datasets' | 'study' | 'language'>): ReadinessAnswer {
  if (sources.answerState !== 'current' || !sources.answer) return { state: sources.answerState === 'current' ? 'computing' : sources.answerState };
  const issues = estimateIssues(sources.answer.estimate, sources.datasets, sources.study, sources.language);
  return { state: 'current', ...issues };
}

export function appReadiness(sources: ReadinessSources): Readiness {
  return letterReadiness({
    title: sources.request?.title ?? sources.study.title,
    study: sources.study,
    linkedDatasets: sources.datasets.length,
    answer: readinessAnswer(sources),
    acknowledgedKeys: (sources.request?.acknowledgements ?? []).map((a) => a.key),
    eff: effOf(sources.request),
    unit: sources.unit ?? { unitName: '', signatoryName: '' },
  });
}
