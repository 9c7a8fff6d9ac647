/**
 * Early Feedback Form answers that older versions kept on the study (`study.earlyFeedback`: questions 1 and 3 as
 * chosen on the forecast, a "competing studies" box and a comment) move to the request, the form's one home.
 *
 * The request's own answer wins where both exist: it is what the letter printed, so it is what was sent. What
 * the study held as a suggestion only (no choice of the coordinator's) is not an answer and is not carried over;
 * the same rule suggests it again. The comment, written under question 3 on the forecast, joins question 3's
 * comment. Nothing is lost: a value that cannot be placed without overwriting the request's answer is kept in
 * `conflicts` for the caller to record.
 */
import type { EarlyFeedbackChoices, Study } from '../criteria/study';
import type { FeedbackAnswer } from './request';

export interface LegacyFeedbackMove {
  /** The request's answers with the study's answers added. */
  feedback: Record<string, FeedbackAnswer>;
  /** Question ids whose answer or comment came from the study. */
  moved: string[];
  /** The study's answers that differed from an answer the request already had (kept on the request). */
  conflicts: Array<{ questionId: string; studyChoice: string; requestChoice: string }>;
}

const blank = (): FeedbackAnswer => ({ choice: '', comment: '' });

/** The study's choice for question 3 as the coordinator made it (the checkbox alone meant "competing studies"). */
function limitingChoice(legacy: EarlyFeedbackChoices): string | undefined {
  if (legacy.limitingFactor) return legacy.limitingFactor;
  return legacy.competingStudies ? 'competing-studies' : undefined;
}

export function moveLegacyFeedback(legacy: EarlyFeedbackChoices | undefined, feedback: Readonly<Record<string, FeedbackAnswer>>): LegacyFeedbackMove {
  const next: Record<string, FeedbackAnswer> = { ...feedback };
  const moved = new Set<string>();
  const conflicts: LegacyFeedbackMove['conflicts'] = [];
  if (!legacy) return { feedback: next, moved: [], conflicts };
  const place = (questionId: string, choice: string | undefined) => {
    if (!choice) return;
    const current = next[questionId] ?? blank();
    if (!current.choice) {
      next[questionId] = { ...current, choice };
      moved.add(questionId);
    } else if (current.choice !== choice) conflicts.push({ questionId, studyChoice: choice, requestChoice: current.choice });
  };
  place('population-present', legacy.populationPresent);
  place('limiting-factors', limitingChoice(legacy));
  const comment = legacy.comment?.trim();
  if (comment) {
    const current = next['limiting-factors'] ?? blank();
    const existing = current.comment.trim();
    if (!existing.includes(comment)) {
      next['limiting-factors'] = { ...current, comment: existing ? `${existing}\n${comment}` : comment };
      moved.add('limiting-factors');
    }
  }
  return { feedback: next, moved: [...moved].sort(), conflicts };
}

/** The study without the answers that now live on the request (the rest of the study is untouched). */
export function withoutLegacyFeedback(study: Study): Study {
  if (!('earlyFeedback' in study)) return study;
  const { earlyFeedback: _moved, ...rest } = study;
  return rest;
}
