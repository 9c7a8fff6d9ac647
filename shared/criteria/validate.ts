/**
 * Checks a Study before anything is computed from it. Editors show these issues next to the field; the
 * estimator refuses a study that has any, so a half-typed proportion can never become a number in a letter.
 */
import { COUNTY_CODES } from '../regions/regions';
import { tryNormalizeIcd10 } from '../icd10/normalize';
import { parsePeriod } from '../utils/period';
import type { Predicate, Study } from './study';
import type { Interval } from '../utils/interval';

export interface StudyIssue {
  /** Dotted path of the offending field, e.g. "steps[2].rule.share" or "recruitment.months". */
  path: string;
  message: string;
  stepId?: string;
}

export class InvalidStudyError extends Error {
  constructor(readonly issues: StudyIssue[]) {
    super(`Invalid study: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidStudyError';
  }
}

const isShare = (x: number): boolean => Number.isFinite(x) && x >= 0 && x <= 1;

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

function checkRange(range: Interval, path: string, issues: StudyIssue[], stepId: string | undefined, maxOne: boolean): void {
  const { low, point, high } = range;
  const inDomain = maxOne ? [low, point, high].every(isShare) : [low, point, high].every((x) => Number.isFinite(x) && x >= 0);
  if (!inDomain) issues.push({ path, stepId, message: maxOne ? 'low, point and high must lie within 0..1' : 'low, point and high must be finite and ≥ 0' });
  else if (!(low <= point && point <= high)) issues.push({ path, stepId, message: 'must satisfy low ≤ point ≤ high' });
}

function checkPredicate(predicate: Predicate, path: string, issues: StudyIssue[], stepId: string): void {
  const issue = (message: string): void => void issues.push({ path, stepId, message });
  switch (predicate.kind) {
    case 'codes':
      if (predicate.codes.length === 0) issue('lists no codes');
      for (const code of predicate.codes) if (tryNormalizeIcd10(code) === null) issue(`"${code}" is not an ICD-10 code, block or range`);
      return;
    case 'age': {
      const { min, max } = predicate;
      for (const bound of [min, max]) if (bound !== null && !(Number.isInteger(bound) && bound >= 0)) issue('age limits are whole years ≥ 0');
      if (min !== null && max !== null && min > max) issue('minimum age is above maximum age');
      return;
    }
    case 'sex':
      if (predicate.sex !== 'male' && predicate.sex !== 'female') issue(`unknown sex "${String(predicate.sex)}"`);
      return;
    case 'hierarchy': {
      if (predicate.key.trim() === '') issue('names no dimension');
      if (predicate.codes.length === 0) issue('lists no codes');
      for (const code of predicate.codes) if (!isHierarchyCode(predicate.scheme, code)) issue(`"${code}" is not ${predicate.scheme === 'atc' ? 'an ATC code or level' : 'an ICD-10 code, block or range'}`);
      return;
    }
    case 'region':
      if (predicate.regions.length === 0) issue('lists no regions');
      for (const code of predicate.regions) if (!(COUNTY_CODES as readonly string[]).includes(code)) issue(`"${code}" is not a county code`);
      return;
    case 'extra':
      if (predicate.key.trim() === '') issue('names no dimension');
      if (predicate.values.length === 0) issue('lists no values');
      return;
    case 'and':
      if (predicate.all.length === 0) issue('"all of" with no conditions');
      predicate.all.forEach((p, i) => checkPredicate(p, `${path}.all[${i}]`, issues, stepId));
      return;
    case 'or':
      if (predicate.any.length === 0) issue('"any of" with no conditions');
      predicate.any.forEach((p, i) => checkPredicate(p, `${path}.any[${i}]`, issues, stepId));
      return;
    case 'not':
      checkPredicate(predicate.predicate, `${path}.predicate`, issues, stepId);
      return;
    default: {
      // A version 1 period condition nested where it could not become the estimate's period.
      const kind = (predicate as { kind?: unknown }).kind;
      issue(kind === 'period' ? 'the period is not a criterion: set the periods the estimate is computed from (population.period)' : `unknown criterion "${String(kind)}"`);
    }
  }
}

/** A code of the scheme: ATC at any level (N, N06, N06B, N06BA, N06BA04), ICD-10 as a code, block or range. */
export function isHierarchyCode(scheme: 'atc' | 'icd10', code: string): boolean {
  return scheme === 'atc' ? ATC_CODE.test(code.trim().toUpperCase()) : tryNormalizeIcd10(code) !== null;
}

const ATC_CODE = /^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/;

function checkPeriodLabel(label: string, path: string, issues: StudyIssue[]): ReturnType<typeof parsePeriod> {
  const period = parsePeriod(label);
  if (!period) issues.push({ path, message: `"${label}" is not a period (a year "2020", a month "2020-03", a quarter "2020-Q1" or a week "2020-W07")` });
  return period;
}

function checkSpan(span: { from: string; to: string }, path: string, issues: StudyIssue[]): void {
  const from = checkPeriodLabel(span.from, `${path}.from`, issues);
  const to = checkPeriodLabel(span.to, `${path}.to`, issues);
  if (from && to && from.startDay > to.endDay) issues.push({ path, message: 'the period ends before it starts' });
}

function checkBasis(study: Study, issues: StudyIssue[]): void {
  const basis = study.population;
  if (!(Number.isFinite(basis.windowYears) && basis.windowYears > 0)) {
    issues.push({ path: 'population.windowYears', message: 'must be a number of years > 0' });
  }
  const period = basis.period;
  if (period.kind === 'range') checkSpan(period, 'population.period', issues);
  if (period.kind !== 'latest') (period.exclude ?? []).forEach((span, i) => checkSpan(span, `population.period.exclude[${i}]`, issues));
  const share = study.ageShare;
  checkRange(share.range, 'ageShare.range', issues, undefined, false);
  if (share.source.kind === 'table' && share.source.datasetId.trim() === '') issues.push({ path: 'ageShare.source.datasetId', message: 'names no table' });
}

export function validateStudy(study: Study): StudyIssue[] {
  const issues: StudyIssue[] = [];
  const seen = new Set<string>();
  checkBasis(study, issues);
  study.steps.forEach((step, i) => {
    const path = `steps[${i}]`;
    // "base" and "projection" are the answer's own lines (the data before the criteria, the trend after them).
    if (step.id === '' || step.id === 'base' || step.id === 'projection') issues.push({ path: `${path}.id`, stepId: step.id, message: 'a step needs an id other than "base" and "projection"' });
    if (seen.has(step.id)) issues.push({ path: `${path}.id`, stepId: step.id, message: `id "${step.id}" is used twice` });
    seen.add(step.id);
    const rule = step.rule;
    if (rule.kind === 'predicate') checkPredicate(rule.predicate, `${path}.rule.predicate`, issues, step.id);
    else if (rule.kind === 'proportion') {
      checkRange(rule.share, `${path}.rule.share`, issues, step.id, true);
      for (const [code, range] of Object.entries(rule.perRegion ?? {})) {
        if (!(COUNTY_CODES as readonly string[]).includes(code)) issues.push({ path: `${path}.rule.perRegion`, stepId: step.id, message: `"${code}" is not a county code` });
        if (range) checkRange(range, `${path}.rule.perRegion.${code}`, issues, step.id, true);
      }
    } else {
      if (!(COUNTY_CODES as readonly string[]).includes(rule.region)) issues.push({ path: `${path}.rule.region`, stepId: step.id, message: `"${rule.region}" is not a county code` });
      checkRange(rule.count, `${path}.rule.count`, issues, step.id, false);
    }
  });

  const plan = study.recruitment;
  if (!(Number.isInteger(plan.targetPatients) && plan.targetPatients > 0)) issues.push({ path: 'recruitment.targetPatients', message: 'must be a whole number > 0' });
  if (!(Number.isFinite(plan.months) && plan.months > 0)) issues.push({ path: 'recruitment.months', message: 'must be > 0' });
  if (!(Number.isFinite(plan.rateShape) && plan.rateShape > 0)) issues.push({ path: 'recruitment.rateShape', message: 'must be > 0' });
  checkRange(plan.consentRate, 'recruitment.consentRate', issues, undefined, true);
  checkRange(plan.screenFailureRate, 'recruitment.screenFailureRate', issues, undefined, true);
  const siteIds = new Set<string>();
  plan.sites.forEach((site, i) => {
    const path = `recruitment.sites[${i}]`;
    if (siteIds.has(site.id)) issues.push({ path: `${path}.id`, message: `site id "${site.id}" is used twice` });
    siteIds.add(site.id);
    if (!(COUNTY_CODES as readonly string[]).includes(site.region)) issues.push({ path: `${path}.region`, message: `"${site.region}" is not a county code` });
    if (site.shareOfRegion !== undefined && !isShare(site.shareOfRegion)) issues.push({ path: `${path}.shareOfRegion`, message: 'must lie within 0..1' });
    if (!(Number.isFinite(site.activationMonth) && site.activationMonth >= 0)) issues.push({ path: `${path}.activationMonth`, message: 'must be ≥ 0' });
    if (site.ratePerMonth !== undefined && !(Number.isFinite(site.ratePerMonth) && site.ratePerMonth >= 0)) issues.push({ path: `${path}.ratePerMonth`, message: 'must be a number of patients per month ≥ 0' });
    if (site.rateCertainty !== undefined && !['low', 'medium', 'high'].includes(site.rateCertainty)) issues.push({ path: `${path}.rateCertainty`, message: 'must be "low", "medium" or "high"' });
  });
  if (!isIsoDate(plan.startDate)) issues.push({ path: 'recruitment.startDate', message: `"${plan.startDate}" is not a date (YYYY-MM-DD)` });
  if (plan.seasonalWeights !== undefined) {
    const weights = plan.seasonalWeights;
    if (weights.length !== 12) issues.push({ path: 'recruitment.seasonalWeights', message: `must list 12 monthly weights, January first (found ${weights.length})` });
    else if (!weights.every((w) => Number.isFinite(w) && w >= 0)) issues.push({ path: 'recruitment.seasonalWeights', message: 'every monthly weight must be a number ≥ 0' });
    else if (!weights.some((w) => w > 0)) issues.push({ path: 'recruitment.seasonalWeights', message: 'at least one month must have a weight above 0' });
  }
  if (plan.dropoutRate !== undefined) checkRange(plan.dropoutRate, 'recruitment.dropoutRate', issues, undefined, true);
  if (plan.dropoutRate !== undefined && plan.dropoutRate.high >= 1) issues.push({ path: 'recruitment.dropoutRate', message: 'a dropout of 100 % leaves nobody to enrol' });
  if (plan.sitesGoalProbability !== undefined && !(plan.sitesGoalProbability > 0 && plan.sitesGoalProbability < 1)) {
    issues.push({ path: 'recruitment.sitesGoalProbability', message: 'must lie strictly between 0 and 1' });
  }

  const projection = study.projection;
  if (projection) {
    const window = projection.window;
    if (window && 'periods' in window && !(Number.isInteger(window.periods) && window.periods >= 1)) issues.push({ path: 'projection.window.periods', message: 'must be a whole number of periods ≥ 1' });
    if (window && 'from' in window) checkPeriodLabel(window.from, 'projection.window.from', issues);
    if (projection.level !== undefined && !(projection.level >= 0.5 && projection.level <= 0.99)) issues.push({ path: 'projection.level', message: 'must lie within 0.5..0.99' });
    (projection.declaredBreaks ?? []).forEach((b, i) => checkPeriodLabel(b.period, `projection.declaredBreaks[${i}].period`, issues));
  }

  const { veryGood, good } = study.verdictThresholds;
  if (!(isShare(veryGood) && isShare(good) && good <= veryGood)) {
    issues.push({ path: 'verdictThresholds', message: 'thresholds must lie within 0..1 with good ≤ veryGood' });
  }
  return issues;
}

export function assertValidStudy(study: Study): void {
  const issues = validateStudy(study);
  if (issues.length > 0) throw new InvalidStudyError(issues);
}
