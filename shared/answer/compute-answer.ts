/**
 * The whole feasibility answer for one study on its datasets: eligible patients (estimateEligible), the
 * recruitment projection and the Early Feedback Form verdict. The app (in a worker), the CLI and the demo all
 * call this one function, so they cannot disagree.
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
}

export interface ComputedAnswer {
  estimate: EstimateResult;
  projection: RecruitmentProjection;
  verdict: VerdictResult;
}

export function computeAnswer(study: Study, datasets: readonly Dataset[], options: AnswerOptions): ComputedAnswer {
  const estimate = estimateEligible(study, [...datasets], { hallandRule: options.hallandRule });
  const projection = projectRecruitment(study, estimate);
  const verdict = verdictFromProbability(projection.probability, study.verdictThresholds);
  return { estimate, projection, verdict };
}
