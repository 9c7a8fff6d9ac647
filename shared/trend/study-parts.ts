/**
 * The parts of a study's criteria the trend uses.
 *
 * - The series is measured with the criteria the data can see (predicate steps), period by period. Proportions
 *   and joint counts are left out: a proportion is the same in every period and cancels out of a change, and a
 *   joint count is one region's figure at one time, not a series. The estimate's period is not used either: the
 *   series is every period of the data, one at a time.
 * - The population of a rate is that of the criteria's age, sex and region: inhabitants, not patients, so
 *   criteria on diagnosis codes, drugs or other columns do not apply to it.
 */
import type { CriterionStep, Predicate, Study } from '../criteria/study';

type Reduced = { kind: 'keep'; predicate: Predicate } | { kind: 'drop' } | { kind: 'mixed' };

const LEAF_DIMENSION: Record<Exclude<Predicate['kind'], 'and' | 'or' | 'not'>, 'population' | 'other'> = {
  age: 'population',
  sex: 'population',
  region: 'population',
  codes: 'other',
  extra: 'other',
  hierarchy: 'other',
};

/** Which kinds of leaf a predicate tests. */
function leafKinds(predicate: Predicate, into = new Set<'population' | 'other'>()): Set<'population' | 'other'> {
  if (predicate.kind === 'and') predicate.all.forEach((p) => leafKinds(p, into));
  else if (predicate.kind === 'or') predicate.any.forEach((p) => leafKinds(p, into));
  else if (predicate.kind === 'not') leafKinds(predicate.predicate, into);
  else into.add(LEAF_DIMENSION[predicate.kind]);
  return into;
}

/** The part of a predicate about age, sex and region: kept, dropped (it says nothing about them) or mixed. */
function populationPart(predicate: Predicate): Reduced {
  if (predicate.kind === 'and') {
    const parts = predicate.all.map(populationPart);
    if (parts.some((p) => p.kind === 'mixed')) return { kind: 'mixed' };
    const kept = parts.filter((p): p is { kind: 'keep'; predicate: Predicate } => p.kind === 'keep').map((p) => p.predicate);
    if (kept.length === 0) return { kind: 'drop' };
    return { kind: 'keep', predicate: kept.length === 1 ? kept[0]! : { kind: 'and', all: kept } };
  }
  const kinds = leafKinds(predicate);
  if (!kinds.has('population')) return { kind: 'drop' };
  if (kinds.size === 1) return { kind: 'keep', predicate };
  // "Either diagnosis X or age ≥ 65" cannot be split into a population and the rest.
  return { kind: 'mixed' };
}

const predicateSteps = (study: Study): (CriterionStep & { rule: { kind: 'predicate'; predicate: Predicate } })[] =>
  study.steps.filter((s): s is CriterionStep & { rule: { kind: 'predicate'; predicate: Predicate } } => s.enabled && s.rule.kind === 'predicate');

/**
 * The study the series is measured with: its enabled predicate steps, prevalent counts as they are and incident
 * counts per year (window 1 year), each period on its own (every period of a one-period cut), so every period's
 * value is comparable.
 */
export function seriesStudy(study: Study): Study {
  const steps: CriterionStep[] = predicateSteps(study).map((step) => ({ ...step, rule: { kind: 'predicate', predicate: step.rule.predicate } }));
  return { ...study, population: { ...study.population, windowYears: 1, period: { kind: 'all' } }, steps };
}

/**
 * The study whose answer on a population table is the population of the criteria's age, sex and region, or
 * `{ mixed: stepIds }` when a criterion ties age, sex or region to something else ("diagnosis X or age ≥ 65").
 */
export function populationStudy(study: Study): { study: Study } | { mixed: string[] } {
  const steps: CriterionStep[] = [];
  const mixed: string[] = [];
  for (const step of predicateSteps(study)) {
    const part = populationPart(step.rule.predicate);
    if (part.kind === 'mixed') mixed.push(step.id);
    else if (part.kind === 'keep') steps.push({ ...step, rule: { kind: 'predicate', predicate: part.predicate } });
  }
  if (mixed.length > 0) return { mixed };
  // Inhabitants: persons by region of residence, the population table's latest period (a one-period cut's own).
  return { study: { ...study, population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } }, steps } };
}

/**
 * Values of code and extra columns the study includes outright (top-level inclusion steps, or parts of an "all
 * of"), per column: `extra` by its key, codes under the key "codes". A column without such a criterion is absent
 * (all its values are included). Used to read a population column that a file repeats for every drug or code.
 */
export function includedValues(study: Study): { extra: Map<string, Set<string>>; codes: string[][] } {
  const extra = new Map<string, Set<string>>();
  const codes: string[][] = [];
  const visit = (p: Predicate): void => {
    if (p.kind === 'and') p.all.forEach(visit);
    else if (p.kind === 'extra') {
      const previous = extra.get(p.key);
      const values = new Set(p.values);
      extra.set(p.key, previous ? new Set([...previous].filter((v) => values.has(v))) : values);
    } else if (p.kind === 'codes') codes.push(p.codes);
  };
  for (const step of predicateSteps(study)) if (step.type === 'inclusion') visit(step.rule.predicate);
  return { extra, codes };
}
