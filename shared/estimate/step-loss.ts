/**
 * What a criterion step loses, as a reader of the attrition understands it. An age criterion inside a coarse age
 * band keeps the whole band in its own row (0 % lost) and loses its share on the assumption line right after it
 * ("Ålder 6–17 … 0,0 %", then "andel 6–17 av 0–19 … 39,5 %"): the step's loss is the two together. The estimate
 * names the most limiting step by this combined loss; every text that states it must use the same figure.
 */
import type { AttritionStep, EstimateResult } from './types';

/** The share (0..1) a step loses with its age-share line, or null when the step is not in the attrition. */
export function stepLossWithShare(attrition: readonly AttritionStep[], stepId: string): number | null {
  const index = attrition.findIndex((s) => s.stepId === stepId);
  if (index < 0) return null;
  const own = attrition[index]!.lostShare;
  const share = attrition[index + 1]?.stepId === `${stepId}:age-share` ? attrition[index + 1]!.lostShare : 0;
  return 1 - (1 - own) * (1 - share);
}

/** The most limiting criterion with its label and combined loss, or null when no criterion loses anything. */
export function mostLimitingCriterion(
  estimate: Pick<EstimateResult, 'attrition' | 'mostLimitingStepId'>,
): { stepId: string; label: string; lostShare: number; withAgeShare: boolean } | null {
  const id = estimate.mostLimitingStepId;
  if (id === null) return null;
  const step = estimate.attrition.find((s) => s.stepId === id);
  const lostShare = stepLossWithShare(estimate.attrition, id);
  const withAgeShare = estimate.attrition.some((s) => s.stepId === `${id}:age-share`);
  return step && lostShare !== null ? { stepId: id, label: step.label, lostShare, withAgeShare } : null;
}
