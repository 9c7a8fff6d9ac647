/**
 * The Early Feedback Form (Feasibility Sweden's answer to a Country Feasibility request): its questions, the app's suggestions and the
 * coordinator's answers. This is the form's one home: the answers live on the request (`request.feedback`),
 * the forecast step of the guided answer and the request page edit the same answers through the same rules,
 * and the letter prints what is stored there.
 *
 * A suggestion is never an answer: the coordinator accepts it (an explicit act, remembered as
 * `acceptedSuggestion`) or chooses otherwise. Each suggestion has one rule, with the reason it was made so the
 * screen can say why:
 *
 * - Q1 "Is the patient population present in Sweden?" — yes when even the low end of the national estimate is at
 *   least one patient, no when even its high end is below one, otherwise unknown.
 * - Q2 "What are the chances of recruiting the desired number of patients?" — the forecast's verdict (only when
 *   the forecast has recruiting sites: without them there is no forecast to suggest from).
 * - Q3 "What limits recruitment?" — the funnel step that loses the largest share: a protocol criterion (answered
 *   "exclusion criteria", the form's word for eligibility criteria), or consent, screen failure or dropout
 *   (answered "other", naming the step); "no factors" when nothing loses anything.
 */
import type { Study } from '../criteria/study';
import type { EstimateResult } from '../estimate/types';
import { mostLimitingCriterion } from '../estimate/step-loss';
import type { Interval } from '../utils/interval';
import { resolvePlan } from '../recruitment/plan';
import type { Verdict } from '../recruitment/verdict';
import type { FeasibilityRequest, FeedbackAnswer, FeedbackQuestion } from './request';

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

export const TRI_OPTIONS = ['yes', 'no', 'unknown'] as const;
export type TriOption = (typeof TRI_OPTIONS)[number];
export const CHANCE_OPTIONS = ['very-good', 'good', 'small'] as const satisfies readonly Verdict[];
export const LIMITING_OPTIONS = ['competing-studies', 'exclusion-criteria', 'no-factors', 'other'] as const;
export type LimitingOption = (typeof LIMITING_OPTIONS)[number];

export const STANDARD_QUESTIONS: readonly FeedbackQuestion[] = [
  { id: 'population-present', kind: 'choice', standard: true, options: [...TRI_OPTIONS] },
  { id: 'recruitment-chances', kind: 'choice', standard: true, options: [...CHANCE_OPTIONS] },
  { id: 'limiting-factors', kind: 'choice', standard: true, options: [...LIMITING_OPTIONS] },
  { id: 'discouraging-factors', kind: 'choice', standard: true, options: [...TRI_OPTIONS] },
  { id: 'standard-of-care', kind: 'choice', standard: true, options: [...TRI_OPTIONS] },
  { id: 'care-setting', kind: 'text', standard: true, options: [] },
  { id: 'relevant-clinics', kind: 'text', standard: true, options: [] },
];

/** The funnel step that loses the largest share. */
export type LimitingStep =
  | { kind: 'criterion'; label: string; lostShare: number }
  | { kind: 'consent' | 'screen-failure' | 'dropout'; lostShare: number };

/** What the suggestions are made from: the few figures of a computed answer that the form needs. */
export interface SuggestionBasis {
  national: Interval;
  /** The forecast's verdict; null when the forecast has no recruiting site. */
  verdict: { verdict: Verdict; probability: number } | null;
  limitingStep: LimitingStep | null;
}

export type Suggestion =
  | { questionId: 'population-present'; choice: TriOption; reason: 'eligible-found' | 'none-eligible' | 'uncertain'; national: Interval }
  | { questionId: 'recruitment-chances'; choice: Verdict; reason: 'verdict'; probability: number }
  | { questionId: 'limiting-factors'; choice: 'exclusion-criteria' | 'other' | 'no-factors'; reason: 'criterion' | 'funnel' | 'nothing-lost'; step?: LimitingStep };

/** The step of the funnel (the enabled criteria, then consent, screen failure, dropout) that loses the largest share. */
export function mostLimitingStep(study: Study, estimate: EstimateResult): LimitingStep | null {
  const plan = resolvePlan(study.recruitment);
  const candidates: LimitingStep[] = [];
  // With its age-share line: an age criterion inside a coarse band loses its share there, not in its own row.
  const criterion = mostLimitingCriterion(estimate);
  if (criterion) candidates.push({ kind: 'criterion', label: criterion.label, lostShare: criterion.lostShare });
  candidates.push({ kind: 'consent', lostShare: 1 - plan.consentRate.point });
  candidates.push({ kind: 'screen-failure', lostShare: plan.screenFailureRate.point });
  candidates.push({ kind: 'dropout', lostShare: plan.dropoutRate.point });
  // Strictly larger wins, so a tie keeps the earlier step (criteria before the funnel) and nothing lost gives null.
  return candidates.reduce<LimitingStep | null>((top, c) => (c.lostShare > (top?.lostShare ?? 0) ? c : top), null);
}

/** The suggestion basis of a computed answer for its study. */
export function suggestionBasis(study: Study, answer: { estimate: EstimateResult; verdict: { verdict: Verdict; probability: number } }): SuggestionBasis {
  return {
    national: { ...answer.estimate.national },
    verdict: study.recruitment.sites.length > 0 ? { verdict: answer.verdict.verdict, probability: answer.verdict.probability } : null,
    limitingStep: mostLimitingStep(study, answer.estimate),
  };
}

export function suggestPopulationPresent(national: Interval): Extract<Suggestion, { questionId: 'population-present' }> {
  if (national.low >= 1) return { questionId: 'population-present', choice: 'yes', reason: 'eligible-found', national };
  if (national.high < 1) return { questionId: 'population-present', choice: 'no', reason: 'none-eligible', national };
  return { questionId: 'population-present', choice: 'unknown', reason: 'uncertain', national };
}

export function suggestLimitingFactor(step: LimitingStep | null): Extract<Suggestion, { questionId: 'limiting-factors' }> {
  if (step === null) return { questionId: 'limiting-factors', choice: 'no-factors', reason: 'nothing-lost' };
  if (step.kind === 'criterion') return { questionId: 'limiting-factors', choice: 'exclusion-criteria', reason: 'criterion', step };
  return { questionId: 'limiting-factors', choice: 'other', reason: 'funnel', step };
}

/** Suggestions for questions 1–3 (question 2 only when there is a forecast). */
export function suggestFeedback(basis: SuggestionBasis): Suggestion[] {
  const suggestions: Suggestion[] = [suggestPopulationPresent(basis.national)];
  if (basis.verdict) suggestions.push({ questionId: 'recruitment-chances', choice: basis.verdict.verdict, reason: 'verdict', probability: basis.verdict.probability });
  suggestions.push(suggestLimitingFactor(basis.limitingStep));
  return suggestions;
}

export type FeedbackAnswers = FeasibilityRequest['feedback'];

/** Accepting a suggestion: the choice is taken over and marked as accepted; the comment is kept. */
export function acceptSuggestion(feedback: FeedbackAnswers, suggestion: Suggestion): FeedbackAnswers {
  const current = feedback[suggestion.questionId];
  return { ...feedback, [suggestion.questionId]: { choice: suggestion.choice, comment: current?.comment ?? '', acceptedSuggestion: true } };
}

/** Choosing an option oneself: accepted only while it is what the suggestion says. */
export function chooseOption(feedback: FeedbackAnswers, questionId: string, option: string, suggestion: Suggestion | undefined): FeedbackAnswers {
  const current = feedback[questionId] ?? { choice: '', comment: '' };
  const next: FeedbackAnswer = { choice: option, comment: current.comment };
  if (suggestion?.choice === option && current.acceptedSuggestion) next.acceptedSuggestion = true;
  return { ...feedback, [questionId]: next };
}

export function isAnswered(question: FeedbackQuestion, answer: FeedbackAnswer | undefined): boolean {
  return question.kind === 'choice' ? Boolean(answer?.choice) && question.options.includes(answer!.choice) : Boolean(answer?.comment.trim());
}

/** The questions of the form that have no answer yet, in the form's order, with their numbers (1-based). */
export function unansweredQuestions(form: Pick<FeasibilityRequest, 'questions' | 'feedback'>): Array<{ number: number; question: FeedbackQuestion }> {
  return form.questions.flatMap((question, i) => (isAnswered(question, form.feedback[question.id]) ? [] : [{ number: i + 1, question }]));
}

/** How many of the request's questions have an answer (a choice for choice questions, text for text questions). */
export function answeredCount(form: Pick<FeasibilityRequest, 'questions' | 'feedback'>): number {
  return form.questions.length - unansweredQuestions(form).length;
}

/** A new question of the sponsor's own, with an id not yet used in the list. */
export function customQuestion(questions: readonly FeedbackQuestion[], text: string): FeedbackQuestion {
  let n = questions.filter((q) => !q.standard).length + 1;
  while (questions.some((q) => q.id === `custom-${n}`)) n += 1;
  return { id: `custom-${n}`, kind: 'text', standard: false, text, options: [] };
}
