/**
 * The Early Feedback Form (Feasibility Sweden's answer to a Country Feasibility request): the standard questions, and suggestions
 * from the computed answer that the coordinator accepts or overrides. A suggestion carries the reason it was
 * made, so the screen can say why.
 */
import type { ComputedAnswer } from '../answer/compute-answer';
import type { Verdict } from '../recruitment/verdict';
import type { FeasibilityRequest, FeedbackQuestion } from './request';

export const STANDARD_QUESTION_IDS = [
  'population-present',
  'recruitment-chances',
  'limiting-factors',
  'discouraging-factors',
  'standard-of-care',
  'care-setting',
  'relevant-clinics',
] as const;
export type StandardQuestionId = (typeof STANDARD_QUESTION_IDS)[number];

const TRI = ['yes', 'no', 'unknown'];

export const STANDARD_QUESTIONS: readonly FeedbackQuestion[] = [
  { id: 'population-present', kind: 'choice', standard: true, options: TRI },
  { id: 'recruitment-chances', kind: 'choice', standard: true, options: ['very-good', 'good', 'small'] },
  { id: 'limiting-factors', kind: 'choice', standard: true, options: ['competing-studies', 'exclusion-criteria', 'no-factors', 'other'] },
  { id: 'discouraging-factors', kind: 'choice', standard: true, options: TRI },
  { id: 'standard-of-care', kind: 'choice', standard: true, options: TRI },
  { id: 'care-setting', kind: 'text', standard: true, options: [] },
  { id: 'relevant-clinics', kind: 'text', standard: true, options: [] },
];

/** What the suggestions are made from: the few figures of a computed answer that the form needs. */
export interface SuggestionBasis {
  national: { low: number; point: number; high: number };
  verdict: Verdict;
  probability: number;
  /** The enabled step that loses most, if any. */
  limitingStep: { label: string; lostShare: number } | null;
}

export type Suggestion =
  | { questionId: 'population-present'; choice: 'yes' | 'no' | 'unknown'; reason: 'eligible-found' | 'none-eligible' | 'uncertain'; national: SuggestionBasis['national'] }
  | { questionId: 'recruitment-chances'; choice: Verdict; reason: 'verdict'; probability: number }
  | { questionId: 'limiting-factors'; choice: 'exclusion-criteria' | 'no-factors'; reason: 'limiting-step' | 'no-steps'; step?: { label: string; lostShare: number } };

export function suggestionBasis(answer: ComputedAnswer): SuggestionBasis {
  const step = answer.estimate.mostLimitingStepId
    ? answer.estimate.attrition.find((s) => s.stepId === answer.estimate.mostLimitingStepId)
    : undefined;
  return {
    national: { ...answer.estimate.national },
    verdict: answer.verdict.verdict,
    probability: answer.verdict.probability,
    limitingStep: step ? { label: step.label, lostShare: step.lostShare } : null,
  };
}

/** Suggestions for questions 1–3: population present from the national interval, Q2 from the verdict, Q3 from the most limiting step. */
export function suggestFeedback(basis: SuggestionBasis): Suggestion[] {
  const { national } = basis;
  const presence: Suggestion =
    national.low >= 1
      ? { questionId: 'population-present', choice: 'yes', reason: 'eligible-found', national }
      : national.high < 1
        ? { questionId: 'population-present', choice: 'no', reason: 'none-eligible', national }
        : { questionId: 'population-present', choice: 'unknown', reason: 'uncertain', national };
  return [
    presence,
    { questionId: 'recruitment-chances', choice: basis.verdict, reason: 'verdict', probability: basis.probability },
    basis.limitingStep
      ? { questionId: 'limiting-factors', choice: 'exclusion-criteria', reason: 'limiting-step', step: basis.limitingStep }
      : { questionId: 'limiting-factors', choice: 'no-factors', reason: 'no-steps' },
  ];
}

/** Accepting a suggestion: the choice is taken over and marked as accepted; the comment is kept. */
export function acceptSuggestion(request: FeasibilityRequest, suggestion: Suggestion): FeasibilityRequest['feedback'] {
  const current = request.feedback[suggestion.questionId];
  return { ...request.feedback, [suggestion.questionId]: { choice: suggestion.choice, comment: current?.comment ?? '', acceptedSuggestion: true } };
}

/** How many of the request's questions have an answer (a choice for choice questions, text for text questions). */
export function answeredCount(request: Pick<FeasibilityRequest, 'questions' | 'feedback'>): number {
  return request.questions.filter((q) => {
    const a = request.feedback[q.id];
    return q.kind === 'choice' ? Boolean(a?.choice) : Boolean(a?.comment.trim());
  }).length;
}

/** A new question of the sponsor's own, with an id not yet used in the list. */
export function customQuestion(questions: readonly FeedbackQuestion[], text: string): FeedbackQuestion {
  let n = questions.filter((q) => !q.standard).length + 1;
  while (questions.some((q) => q.id === `custom-${n}`)) n += 1;
  return { id: `custom-${n}`, kind: 'text', standard: false, text, options: [] };
}
