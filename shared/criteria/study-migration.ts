/**
 * Study files and stored studies of older schema versions, brought to the current one. Each part of the study
 * migrates in its own function, so the parts can change independently; `migrateStudy` runs them in order.
 *
 * Version 1 → 2, the answer's parts (`migrateAnswerPartsV1`):
 * - the base population gains the rest of its basis: unit (persons/events) and region basis, from the linked
 *   datasets when they are known (defaultStudyBasis), else persons by region of residence;
 * - period criteria become the estimate's period: the enabled inclusion steps on the period alone (or the period
 *   parts of an "all of") give the range (several: their intersection), enabled exclusion steps on the period
 *   alone the periods left out; disabled period steps are dropped. Without any, the period is the default for
 *   the kind (incident: every period as an annual rate, prevalent: the latest), which is what version 1 did.
 *   A period condition inside "any of" or "not" cannot be expressed as the estimate's period and is left in
 *   place, where validation names it;
 * - the age-share assumption: from the study's population table when one was chosen (kept outside the study in
 *   version 1), else uniform, with the default range.
 *
 * Version 1 → 2, the recruitment plan's part: migrateRecruitmentPlanV1 (plan-migration.ts).
 *
 * Migration is structural and tolerant: anything that is not a version 1 study is returned unchanged, and the
 * shape check that follows names what is wrong.
 */
import type { Basis } from '../counts/dataset';
import { migrateRecruitmentPlanV1, type RecruitmentPlanV1 } from './plan-migration';
import { parsePeriod } from '../utils/period';
import { defaultEstimatePeriod, defaultStudyBasis } from './basis';
import { DEFAULT_AGE_SHARE_RANGE, STUDY_SCHEMA_VERSION, type EstimatePeriod } from './study';

/** What a stored study's migration knows besides the study itself (a study file knows nothing more). */
export interface StudyMigrationContext {
  /** The bases of the datasets the study is linked to. */
  datasetBases?: readonly Basis[];
  /** The population table chosen for the study in version 1 (a setting kept beside it). */
  populationTableId?: string | null;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A study of any known version as the current version (unknown shapes unchanged). */
export function migrateStudy(value: unknown, context: StudyMigrationContext = {}): unknown {
  if (!isRecord(value) || value.schemaVersion !== 1) return value;
  const parts = migrateAnswerPartsV1(value, context);
  // The recruitment plan's part (plan-migration.ts), when the plan has the shape it expects.
  const plan = parts.recruitment;
  const recruitment = isRecord(plan) && Array.isArray(plan.sites) && plan.sites.every(isRecord) ? migrateRecruitmentPlanV1(plan as unknown as RecruitmentPlanV1) : plan;
  return { ...parts, recruitment, schemaVersion: STUDY_SCHEMA_VERSION };
}

interface PeriodCondition {
  from: string;
  to: string;
}

const periodCondition = (p: unknown): PeriodCondition | null =>
  isRecord(p) && p.kind === 'period' && typeof p.from === 'string' && typeof p.to === 'string' ? { from: p.from, to: p.to } : null;

/** Version 1 → 2 of the population (basis and period), the period steps and the age-share assumption. */
export function migrateAnswerPartsV1(study: Json, context: StudyMigrationContext): Json {
  const includes: PeriodCondition[] = [];
  const excludes: PeriodCondition[] = [];
  const steps = Array.isArray(study.steps) ? study.steps.flatMap((step): unknown[] => migrateStep(step, includes, excludes)) : study.steps;

  let population = study.population;
  if (isRecord(population)) {
    const kind = population.kind === 'incident' || population.kind === 'prevalent' ? population.kind : 'incident';
    const fromData = context.datasetBases && context.datasetBases.length > 0 ? defaultStudyBasis(context.datasetBases.map((basis) => ({ basis }))) : null;
    population = {
      ...population,
      unit: fromData?.unit ?? 'persons',
      regionBasis: fromData?.regionBasis ?? 'residence',
      period: periodFrom(kind, includes, excludes),
    };
  }
  const ageShare = {
    source: context.populationTableId ? { kind: 'table', datasetId: context.populationTableId } : { kind: 'uniform' },
    range: { ...DEFAULT_AGE_SHARE_RANGE },
    note: '',
  };
  return { ...study, population, steps, ageShare };
}

/** The step as version 2 keeps it (none when it was a period criterion that became the estimate's period). */
function migrateStep(step: unknown, includes: PeriodCondition[], excludes: PeriodCondition[]): unknown[] {
  if (!isRecord(step) || !isRecord(step.rule) || step.rule.kind !== 'predicate') return [step];
  const predicate = step.rule.predicate;
  const enabled = step.enabled !== false;
  const exclusion = step.type === 'exclusion';
  const own = periodCondition(predicate);
  if (own) {
    if (enabled) (exclusion ? excludes : includes).push(own);
    return [];
  }
  // The period parts of an inclusion's "all of" are lifted out; the rest stays a criterion.
  if (!exclusion && isRecord(predicate) && predicate.kind === 'and' && Array.isArray(predicate.all)) {
    const periods = predicate.all.map(periodCondition);
    if (periods.some((p) => p !== null)) {
      if (enabled) periods.forEach((p) => p && includes.push(p));
      const rest = predicate.all.filter((_, i) => periods[i] === null);
      if (rest.length === 0) return [];
      const kept = rest.length === 1 ? rest[0] : { ...predicate, all: rest };
      return [{ ...step, rule: { ...step.rule, predicate: kept } }];
    }
  }
  return [step];
}

function periodFrom(kind: 'incident' | 'prevalent', includes: PeriodCondition[], excludes: PeriodCondition[]): EstimatePeriod {
  const exclude = excludes.map(({ from, to }) => ({ from, to }));
  if (includes.length === 0) {
    if (exclude.length === 0) return defaultEstimatePeriod(kind);
    return { kind: 'all', exclude };
  }
  // Several inclusion periods: their intersection (the latest start, the earliest end).
  const byStart = [...includes].sort((a, b) => (parsePeriod(b.from)?.startDay ?? 0) - (parsePeriod(a.from)?.startDay ?? 0));
  const byEnd = [...includes].sort((a, b) => (parsePeriod(a.to)?.endDay ?? 0) - (parsePeriod(b.to)?.endDay ?? 0));
  return { kind: 'range', from: byStart[0]!.from, to: byEnd[0]!.to, ...(exclude.length > 0 ? { exclude } : {}) };
}
