/**
 * What changed between two states of a study, for the audit trail: which criterion, site or assumption was added,
 * removed, switched, moved or edited, and which of its fields — not their values.
 *
 * Why not the values: the trail is exported (JSON with the hash chain for `antal verify`, CSV for reading) and may
 * be handed to an auditor outside the unit, while criteria wording, site names and the sponsor's targets are the
 * request's confidential content (OSL 2009:400). An auditor needs to see that the answer changed, when, by whom and
 * in which part; the values themselves are proved by the content hashes recorded with each change (the study's
 * SHA-256 before and after), which match the immutable request versions and the letters' snapshots kept in the
 * database. Region codes and rule kinds (age, sex, codes, a proportion) are not confidential and make an entry
 * readable.
 */
import { projectionSettingOf, type CriterionStep, type ProjectionSetting, type RecruitmentPlan, type Site, type Study } from '../criteria/study';
import type { CountyCode } from '../regions/regions';
import { hashJson, stableStringify } from '../utils/stable-json';

/** The kind of a criterion's rule: a predicate's kind (age, sex, codes, …), or proportion / joint count. */
export type CriterionKind = string;

export type StudyChange =
  | { part: 'criterion'; change: 'added' | 'removed' | 'switched-on' | 'switched-off'; stepId: string; type: CriterionStep['type']; kind: CriterionKind }
  | { part: 'criterion'; change: 'edited'; stepId: string; type: CriterionStep['type']; kind: CriterionKind; fields: string[] }
  | { part: 'criteria-order' }
  | { part: 'site'; change: 'added' | 'removed'; siteId: string; region: CountyCode }
  | { part: 'site'; change: 'edited'; siteId: string; region: CountyCode; fields: string[] }
  | { part: 'forecast'; fields: string[] }
  | { part: 'study'; fields: string[] }
  /**
   * The projection to the recruitment period: which of its settings changed (on, window, level, mode,
   * declaredBreaks), and the periods of the breaks declared after the change (years are not confidential; the
   * coordinator's reasons are, like criteria wording, proved by the hashes).
   */
  | { part: 'projection'; fields: string[]; declaredBreaks?: string[] }
  /** The datasets the study is estimated from (ids: the trail's import entries name them). */
  | { part: 'datasets'; datasetIds: string[] };

export function criterionKind(step: CriterionStep): CriterionKind {
  return step.rule.kind === 'predicate' ? step.rule.predicate.kind : step.rule.kind;
}

// Equal canonical JSON is what equal content hashes prove, without hashing every field of every step and site at
// each autosave (a part an edit left alone is usually the same object).
const same = (a: unknown, b: unknown): boolean => a === b || stableStringify(a ?? null) === stableStringify(b ?? null);

function changedKeys<T extends object>(before: T, after: T, keys: ReadonlyArray<keyof T>): string[] {
  return keys.filter((k) => !same(before[k], after[k])).map(String);
}

const STEP_FIELDS = ['type', 'label', 'protocolText', 'rule'] as const satisfies ReadonlyArray<keyof CriterionStep>;
const SITE_FIELDS = ['name', 'region', 'activationMonth', 'shareOfRegion', 'ratePerMonth', 'rateCertainty'] as const satisfies ReadonlyArray<keyof Site>;
const PLAN_FIELDS = [
  'targetPatients',
  'startDate',
  'months',
  'consentRate',
  'screenFailureRate',
  'rateShape',
  'seasonalWeights',
  'dropoutRate',
  'sitesGoalProbability',
] as const satisfies ReadonlyArray<keyof RecruitmentPlan>;
const PROJECTION_FIELDS = ['on', 'window', 'level', 'mode', 'declaredBreaks'] as const satisfies ReadonlyArray<keyof ProjectionSetting>;
/** The study's own settings. Title and the sponsor's reference follow the request and are audited there. */
const STUDY_FIELDS = ['population', 'ageReferenceDate', 'verdictThresholds'] as const satisfies ReadonlyArray<keyof Study>;

function criteriaChanges(before: readonly CriterionStep[], after: readonly CriterionStep[]): StudyChange[] {
  const changes: StudyChange[] = [];
  const old = new Map(before.map((s) => [s.id, s]));
  const now = new Map(after.map((s) => [s.id, s]));
  for (const step of before) if (!now.has(step.id)) changes.push({ part: 'criterion', change: 'removed', stepId: step.id, type: step.type, kind: criterionKind(step) });
  for (const step of after) {
    const previous = old.get(step.id);
    if (!previous) {
      changes.push({ part: 'criterion', change: 'added', stepId: step.id, type: step.type, kind: criterionKind(step) });
      continue;
    }
    if (previous.enabled !== step.enabled) changes.push({ part: 'criterion', change: step.enabled ? 'switched-on' : 'switched-off', stepId: step.id, type: step.type, kind: criterionKind(step) });
    const fields = changedKeys(previous, step, STEP_FIELDS);
    if (fields.length > 0) changes.push({ part: 'criterion', change: 'edited', stepId: step.id, type: step.type, kind: criterionKind(step), fields });
  }
  const kept = (steps: readonly CriterionStep[], other: Map<string, CriterionStep>) => steps.filter((s) => other.has(s.id)).map((s) => s.id);
  if (!same(kept(before, now), kept(after, old))) changes.push({ part: 'criteria-order' });
  return changes;
}

function siteChanges(before: readonly Site[], after: readonly Site[]): StudyChange[] {
  const changes: StudyChange[] = [];
  const old = new Map(before.map((s) => [s.id, s]));
  const now = new Map(after.map((s) => [s.id, s]));
  for (const site of before) if (!now.has(site.id)) changes.push({ part: 'site', change: 'removed', siteId: site.id, region: site.region });
  for (const site of after) {
    const previous = old.get(site.id);
    if (!previous) changes.push({ part: 'site', change: 'added', siteId: site.id, region: site.region });
    else {
      const fields = changedKeys(previous, site, SITE_FIELDS);
      if (fields.length > 0) changes.push({ part: 'site', change: 'edited', siteId: site.id, region: site.region, fields });
    }
  }
  return changes;
}

/** Every change from `before` to `after`, criteria first, then sites, the forecast's assumptions and the study's settings. */
export function studyChanges(before: Study, after: Study): StudyChange[] {
  const changes = [...criteriaChanges(before.steps, after.steps), ...siteChanges(before.recruitment.sites, after.recruitment.sites)];
  const plan = changedKeys(before.recruitment, after.recruitment, PLAN_FIELDS);
  if (plan.length > 0) changes.push({ part: 'forecast', fields: plan });
  const study = changedKeys(before, after, STUDY_FIELDS);
  if (study.length > 0) changes.push({ part: 'study', fields: study });
  // Compared with the defaults filled in: a study saved before the projection existed has none, and is not changed by it.
  const projectionBefore = projectionSettingOf(before);
  const projectionAfter = projectionSettingOf(after);
  const projection = changedKeys(projectionBefore, projectionAfter, PROJECTION_FIELDS);
  if (projection.length > 0) {
    changes.push({
      part: 'projection',
      fields: projection,
      ...(projection.includes('declaredBreaks') ? { declaredBreaks: projectionAfter.declaredBreaks.map((b) => b.period) } : {}),
    });
  }
  return changes;
}

export interface StudyEditDetails {
  action: 'study-edited';
  studyId: string;
  changes: StudyChange[];
  hashBefore: string;
  hashAfter: string;
}

/**
 * The audit entry's details for a study edit: the changes and the study's content hash before and after; null when
 * nothing changed. `datasetIds` (before and after) adds a change of the linked datasets.
 */
export function studyEditDetails(before: Study, after: Study, datasetIds?: { before: readonly string[]; after: readonly string[] }): StudyEditDetails | null {
  const changes = studyChanges(before, after);
  if (datasetIds && !same(datasetIds.before, datasetIds.after)) changes.push({ part: 'datasets', datasetIds: [...datasetIds.after] });
  if (changes.length === 0) return null;
  return { action: 'study-edited', studyId: after.id, changes, hashBefore: hashJson(before), hashAfter: hashJson(after) };
}
