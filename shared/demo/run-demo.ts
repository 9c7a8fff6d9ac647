/**
 * The demo answer: the embedded study on the embedded dataset, estimated and projected. Pure and
 * deterministic; the app's home screen and `antal demo` both show exactly this.
 */
import type { Dataset } from '../counts/dataset';
import type { Study } from '../criteria/study';
import type { EstimateResult } from '../estimate/types';
import type { RecruitmentProjection } from '../recruitment/project';
import type { VerdictResult } from '../recruitment/verdict';
import { computeAnswer } from '../answer/compute-answer';
import { DEFAULT_HALLAND_RULE, type HallandRule } from '../regions/regions';
import { createDemoDataset } from './dataset';
import { DEMO_STUDY } from './study';

export interface DemoResult {
  study: Study;
  dataset: Dataset;
  /** How Halland was split between Södra and Västra in the healthcare-region roll-up. */
  hallandRule: HallandRule;
  estimate: EstimateResult;
  projection: RecruitmentProjection;
  verdict: VerdictResult;
}

export function runDemo(): DemoResult {
  // A deep copy, so a caller that edits its study cannot change the next run's.
  const study = JSON.parse(JSON.stringify(DEMO_STUDY)) as Study;
  const dataset = createDemoDataset();
  const hallandRule: HallandRule = { ...DEFAULT_HALLAND_RULE };
  const { estimate, projection, verdict } = computeAnswer(study, [dataset], { hallandRule });
  return { study, dataset, hallandRule, estimate, projection, verdict };
}
