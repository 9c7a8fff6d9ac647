/**
 * Early Feedback Form questions 1 and 3, suggested from the estimate and kept editable: the coordinator's
 * own answer (study.earlyFeedback) always wins over the suggestion, and both are returned so a screen can
 * show "suggested: …" beside the choice.
 *
 * Q1 "Is the patient population present in Sweden?": yes if even the low end of the national estimate is at
 * least one patient, no if even its high end is below one, otherwise unknown (the same rule as
 * shared/requests/feedback-form.ts).
 *
 * Q3 "What limits recruitment?": competing studies if the coordinator says there are some; otherwise the
 * step of the funnel that loses the largest share — a protocol criterion (answered "exclusion criteria", the
 * form's word for eligibility criteria) or consent, screen failure or dropout (answered "other", naming it).
 */
import type { EarlyFeedbackChoices, Study } from '../criteria/study';
import type { EstimateResult } from '../estimate/types';
import { resolvePlan } from './plan';

export type PopulationPresent = NonNullable<EarlyFeedbackChoices['populationPresent']>;
export type LimitingFactor = NonNullable<EarlyFeedbackChoices['limitingFactor']>;

/** The funnel step that loses the largest share. */
export type LimitingStep =
  | { kind: 'criterion'; stepId: string; label: string; lostShare: number }
  | { kind: 'consent' | 'screen-failure' | 'dropout'; lostShare: number };

export interface EarlyFeedback {
  populationPresent: { suggested: PopulationPresent; value: PopulationPresent; chosenByUser: boolean };
  limitingFactor: { suggested: LimitingFactor; value: LimitingFactor; chosenByUser: boolean; step: LimitingStep | null };
  comment: string;
}

export function suggestPopulationPresent(estimate: EstimateResult): PopulationPresent {
  if (estimate.national.low >= 1) return 'yes';
  return estimate.national.high < 1 ? 'no' : 'unknown';
}

/** The step of the funnel (criteria, then consent, screen failure, dropout) that loses the largest share. */
export function mostLimitingStep(study: Study, estimate: EstimateResult): LimitingStep | null {
  const plan = resolvePlan(study.recruitment);
  const candidates: LimitingStep[] = [];
  const criterion = estimate.attrition.find((s) => s.stepId === estimate.mostLimitingStepId);
  if (criterion) candidates.push({ kind: 'criterion', stepId: criterion.stepId, label: criterion.label, lostShare: criterion.lostShare });
  candidates.push({ kind: 'consent', lostShare: 1 - plan.consentRate.point });
  candidates.push({ kind: 'screen-failure', lostShare: plan.screenFailureRate.point });
  candidates.push({ kind: 'dropout', lostShare: plan.dropoutRate.point });
  const best = candidates.reduce<LimitingStep | null>((top, c) => (c.lostShare > (top?.lostShare ?? 0) ? c : top), null);
  return best;
}

export function earlyFeedback(study: Study, estimate: EstimateResult): EarlyFeedback {
  const choices = study.earlyFeedback ?? {};
  const populationSuggested = suggestPopulationPresent(estimate);
  const step = mostLimitingStep(study, estimate);
  const limitingSuggested: LimitingFactor = choices.competingStudies ? 'competing-studies' : step === null ? 'no-factors' : step.kind === 'criterion' ? 'exclusion-criteria' : 'other';
  return {
    populationPresent: { suggested: populationSuggested, value: choices.populationPresent ?? populationSuggested, chosenByUser: choices.populationPresent !== undefined },
    limitingFactor: { suggested: limitingSuggested, value: choices.limitingFactor ?? limitingSuggested, chosenByUser: choices.limitingFactor !== undefined, step },
    comment: choices.comment ?? '',
  };
}
