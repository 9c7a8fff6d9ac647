/**
 * The whole feasibility answer for one study on its datasets: eligible patients (estimateEligible), the
 * recruitment projection and the Early Feedback Form verdict (question 2). The form's other suggestions are made
 * from this answer by shared/requests/feedback-form.ts, and its answers live on the request. The app (in a
 * worker), the CLI and the demo all call this one function, so they cannot disagree.
 */
import type { Dataset } from '../counts/dataset';
import type { Study } from '../criteria/study';
import { estimateEligible } from '../estimate/estimate';
import type { EstimateResult } from '../estimate/types';
import { projectRecruitment, type RecruitmentProjection } from '../recruitment/project';
import { verdictFromProbability, type VerdictResult } from '../recruitment/verdict';
import type { HallandRule } from '../regions/regions';

export interface AnswerOptions {
  hallandRule: HallandRule;
  /**
   * The study's population table (e.g. an imported SCB table): age bands straddling an age criterion are then
   * split population-weighted instead of uniformly (see estimate/population-weights.ts). Null or absent: uniformly.
   */
  population?: Dataset | null;
  /** Today's date (YYYY-MM-DD, the user's calendar): the forecast never starts recruitment before it. */
  today?: string;
}

export interface ComputedAnswer {
  estimate: EstimateResult;
  projection: RecruitmentProjection;
  verdict: VerdictResult;
}

export function computeAnswer(study: Study, datasets: readonly Dataset[], options: AnswerOptions): ComputedAnswer {
  const estimate = estimateEligible(study, [...datasets], { hallandRule: options.hallandRule, population: options.population ?? null });
  const projection = projectRecruitment(study, estimate, options.today !== undefined ? { today: options.today } : {});
  const verdict = verdictFromProbability(projection.probability, study.verdictThresholds);
  return { estimate, projection, verdict };
}
