/**
 * The study's projection (study.projection) applied to its answer: the eligible patients of the data's last
 * period projected to the middle of the recruitment period by their trend, as its own attrition-style line after
 * the criteria. When the projection can be made, every figure after the line is the projected one — the regions,
 * the healthcare regions (by the same Halland rule), the nation, the published national total and the patients of
 * unknown region — so the forecast, the disclosure and the letter all read one set of figures. When it is refused,
 * the figures stay as the data gives them and the answer carries the refusal with its reason.
 *
 * The same function serves the app (in its answer worker), the CLI (`antal estimate`, also with --project-to, which
 * only names another target year) and the demo, so they cannot disagree.
 */
import type { Dataset } from '../counts/dataset';
import { projectionSettingOf, type ProjectionSetting, type Study } from '../criteria/study';
import type { AttritionStep, EstimateResult, HealthcareRegionEstimate } from '../estimate/types';
import { healthcareRegionShares } from '../regions/healthcare-shares';
import { HEALTHCARE_REGION_IDS, type HallandRule, type HealthcareRegionId } from '../regions/regions';
import { applyFactor, projectionLine, projectStudy, recruitmentTarget, studyTrends, targetYear, type ProjectionLineOutcome, type ProjectionTarget } from '../trend';
import type { Interval } from '../utils/interval';

/** The attrition line's id: not a criterion's (a study step may not be called this: see validateStudy's ids). */
export const PROJECTION_STEP_ID = 'projection';

/** What the answer used: the setting, the target, and the line or the refusal. */
declare module '../estimate/types' {
  interface EstimateResult {
    /** Set when the study's projection is on (see studyProjection); absent: off. */
    projected?: AnswerProjection;
  }
}

export interface AnswerProjection {
  setting: Required<ProjectionSetting>;
  target: ProjectionTarget;
  outcome: ProjectionLineOutcome;
}

export interface ProjectionInputs {
  hallandRule: HallandRule;
  /** The study's population table (the age shares' table), also the population of the series. */
  population?: Dataset | null;
  /** Another target than the recruitment period's middle (the CLI's --project-to YEAR). */
  targetYear?: number;
}

/** The projection line (or its refusal) for the study's setting, on the estimate's final figures. */
export function studyProjection(study: Study, datasets: readonly Dataset[], estimate: EstimateResult, inputs: ProjectionInputs, setting: Required<ProjectionSetting> = projectionSettingOf(study)): AnswerProjection {
  const table = inputs.population ?? undefined;
  const trends = studyTrends(study, datasets, {
    ...(table ? { ageShares: table, population: table } : {}),
    window: setting.window,
    declaredBreaks: setting.declaredBreaks,
  });
  const target = inputs.targetYear !== undefined ? targetYear(inputs.targetYear) : recruitmentTarget(study.recruitment);
  const outcome = projectionLine(estimate.regions, projectStudy(trends, target, { level: setting.level }), setting.mode);
  return { setting, target, outcome };
}

const ZERO: Interval = { low: 0, point: 0, high: 0 };
const add = (a: Interval, b: Interval): Interval => ({ low: a.low + b.low, point: a.point + b.point, high: a.high + b.high });
const scale = (a: Interval, s: number): Interval => ({ low: a.low * s, point: a.point * s, high: a.high * s });

/**
 * The estimate with the projection applied: a copy whose figures are the projected ones and whose attrition ends
 * with the projection line, or (refused) the same figures with the refusal recorded. The input is not changed.
 */
export function projectedEstimate(estimate: EstimateResult, projection: AnswerProjection, hallandRule: HallandRule): EstimateResult {
  if (!projection.outcome.ok) return { ...estimate, projected: projection };
  const { line } = projection.outcome;
  const regions = estimate.regions.map((r) => {
    const projected = line.regions[r.region];
    return projected ? { ...r, eligible: projected.after } : r;
  });
  const totals = new Map<HealthcareRegionId, Interval>(HEALTHCARE_REGION_IDS.map((id) => [id, ZERO]));
  for (const r of regions) for (const { id, share } of healthcareRegionShares(r.region, hallandRule)) totals.set(id, add(totals.get(id)!, scale(r.eligible, share)));
  const healthcareRegions: HealthcareRegionEstimate[] = HEALTHCARE_REGION_IDS.map((id) => ({ id, eligible: totals.get(id)! }));
  const national = regions.reduce((sum, r) => add(sum, r.eligible), ZERO);
  const base = estimate.attrition.find((s) => s.type === 'base');
  const step: AttritionStep = {
    stepId: PROJECTION_STEP_ID,
    label: '',
    type: 'projection',
    enabled: true,
    total: national,
    perRegion: Object.fromEntries(regions.map((r) => [r.region, r.eligible])),
    remainingShare: base && base.total.point > 0 ? national.point / base.total.point : 0,
    // Negative when the projection adds patients: the line's "lost" is what the trend takes away.
    lostShare: estimate.national.point > 0 ? 1 - national.point / estimate.national.point : 0,
    projection: { from: line.from, to: line.to, factor: line.factor, level: line.level, mode: line.mode },
  };
  // The published national rows and the unknown region have no series of their own here: the nation's factor.
  const factor = line.national.factor;
  return {
    ...estimate,
    regions,
    healthcareRegions,
    national,
    ...(estimate.nationalPublished ? { nationalPublished: applyFactor(estimate.nationalPublished, factor) } : {}),
    ...(estimate.unknownRegion ? { unknownRegion: applyFactor(estimate.unknownRegion, factor) } : {}),
    attrition: [...estimate.attrition, step],
    projected: projection,
  };
}
