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
import { projectionSettingOf } from '../criteria/study';
import { projectedEstimate, studyProjection } from './projection';

export interface AnswerOptions {
  hallandRule: HallandRule;
  /**
   * The study's population table (e.g. an imported SCB table): age bands straddling an age criterion are then
   * split population-weighted instead of uniformly (see estimate/population-weights.ts). Null or absent: uniformly.
   */
  population?: Dataset | null;
  /** Today's date (YYYY-MM-DD, the user's calendar): the forecast never starts recruitment before it. */
  today?: string;
  /**
   * Project to the middle of this calendar year instead of the recruitment period's, and do so even when the
   * study's projection is off (the CLI's --project-to YEAR; the study's window, level and mode still apply).
   */
  projectToYear?: number;
}

export interface ComputedAnswer {
  estimate: EstimateResult;
  projection: RecruitmentProjection;
  verdict: VerdictResult;
}

export function computeAnswer(study: Study, datasets: readonly Dataset[], options: AnswerOptions): ComputedAnswer {
  const data = estimateEligible(study, [...datasets], { hallandRule: options.hallandRule, population: options.population ?? null });
  // The projection (an assumption the study turns on) after the criteria: every figure below reads the projected
  // estimate, so the forecast's site ceilings and the letter print the same projected figures.
  const setting = projectionSettingOf(study);
  const project = (setting.on || options.projectToYear !== undefined) && (data.blocking ?? []).length === 0;
  const estimate = project
    ? projectedEstimate(
        data,
        studyProjection(study, datasets, data, { hallandRule: options.hallandRule, population: options.population ?? null, ...(options.projectToYear !== undefined ? { targetYear: options.projectToYear } : {}) }, { ...setting, on: true }),
        options.hallandRule,
      )
    : data;
  const projection = projectRecruitment(study, estimate, options.today !== undefined ? { today: options.today } : {});
  const verdict = verdictFromProbability(projection.probability, study.verdictThresholds);
  return { estimate, projection, verdict };
}
