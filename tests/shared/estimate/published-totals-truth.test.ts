/**
 * The estimate holds the truth, where the file publishes totals beside only some of their parts and masks small
 * counts. Each random table is made from persons whose true codes are known (the chapter C00-D48 holds the block
 * C15-C26, which holds C16, C18, C19 and C20; the chapter also holds C00 and C50), so every line's true count is
 * known without the estimator: the persons with a code that passes every step so far. The file publishes the
 * chapter, sometimes the block, and some of C18, C19, C20 and C50 (never C00 or C16), with counts of 1–3 shown as
 * "X" (1–3). Every line's low–high, per region and in total, must hold its true count, with disjoint codes (one
 * code per person) and with codes that overlap for persons (one or two codes per person).
 *
 * Where codes overlap, counts of persons cannot say who holds which two codes, so a person-level exclusion ("no
 * code in C15-C26") or two code criteria ("a code in A and a code in B") have no answer the file determines; there
 * the steps are age criteria and one inclusion on codes, whose true count the file bounds.
 *
 * The codes each criterion holds are written out by hand below, not taken from the code set the estimator uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CriterionStep } from '../../../shared/criteria/study';
import { estimateEligible } from '../../../shared/estimate/estimate';
import { buildDataset, exact, makeStudy, maskedX, predicateStep, type Row } from '../helpers';

const TRUE_CODES = ['C00', 'C16', 'C18', 'C19', 'C20', 'C50'] as const;
type TrueCode = (typeof TRUE_CODES)[number];
/** Published values and the true codes inside each. */
const INSIDE: Record<string, readonly TrueCode[]> = {
  'C00-D48': TRUE_CODES,
  'C15-C26': ['C16', 'C18', 'C19', 'C20'],
  C18: ['C18'],
  C19: ['C19'],
  C20: ['C20'],
  C50: ['C50'],
};
/** Criteria and the true codes each holds (by hand). */
const CRITERIA: Record<string, readonly TrueCode[]> = {
  'C00-D48': TRUE_CODES,
  'C15-C26': ['C16', 'C18', 'C19', 'C20'],
  C18: ['C18'],
  'C19-C20': ['C19', 'C20'],
  'C18-C34': ['C18', 'C19', 'C20'],
  'C00-C14': ['C00'],
  C50: ['C50'],
  C20: ['C20'],
  'C16-C17': ['C16'],
};
const REGIONS = ['01', '03'] as const;
const AGES = ['0-39', '40-64', '65+'] as const;
const AGE_STEP_BANDS: readonly string[] = ['40-64', '65+'];

interface Person {
  region: (typeof REGIONS)[number];
  age: (typeof AGES)[number];
  codes: TrueCode[];
}

const personArb = (overlap: boolean): fc.Arbitrary<Person> =>
  fc.record({
    region: fc.constantFrom(...REGIONS),
    age: fc.constantFrom(...AGES),
    codes: overlap ? fc.uniqueArray(fc.constantFrom(...TRUE_CODES), { minLength: 1, maxLength: 2 }) : fc.constantFrom(...TRUE_CODES).map((c) => [c]),
  });

type Step = { kind: 'codes'; codes: string[]; type: 'inclusion' | 'exclusion' } | { kind: 'age'; type: 'inclusion' | 'exclusion' };
const ageStepArb = fc.record({ kind: fc.constant('age' as const), type: fc.constantFrom('inclusion' as const, 'exclusion' as const) });
/** Where codes overlap: age steps and at most one inclusion on codes, in any order. */
const overlapStepsArb: fc.Arbitrary<Step[]> = fc
  .tuple(fc.array(ageStepArb, { maxLength: 2 }), fc.option(fc.subarray(Object.keys(CRITERIA), { minLength: 1, maxLength: 2 })), fc.nat())
  .map(([ages, codes, at]) => {
    const steps: Step[] = [...ages];
    if (codes) steps.splice(at % (steps.length + 1), 0, { kind: 'codes', codes, type: 'inclusion' });
    return steps;
  });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('codes' as const), codes: fc.subarray(Object.keys(CRITERIA), { minLength: 1, maxLength: 2 }), type: fc.constantFrom('inclusion' as const, 'exclusion' as const) }) },
  { weight: 1, arbitrary: ageStepArb },
);

/** Does a person's single code pass the step? (Cells are per code: a code passes or not; age is the person's.) */
function passes(step: Step, person: Person, code: TrueCode): boolean {
  const matches = step.kind === 'codes' ? step.codes.some((c) => CRITERIA[c]!.includes(code)) : AGE_STEP_BANDS.includes(person.age);
  return step.type === 'inclusion' ? matches : !matches;
}

/** The rows a file publishes from these persons: per region and age band, each published value's persons. */
function publish(persons: Person[], values: string[]): Row[] {
  const rows: Row[] = [];
  for (const region of REGIONS) {
    for (const age of AGES) {
      const here = persons.filter((p) => p.region === region && p.age === age);
      for (const value of values) {
        const n = here.filter((p) => p.codes.some((c) => INSIDE[value]!.includes(c))).length;
        rows.push(['2021', region, value, 'male', age, n >= 1 && n <= 3 ? maskedX : exact(n)]);
      }
    }
  }
  return rows;
}

const oneYear = { population: { kind: 'incident' as const, windowYears: 1, unit: 'persons' as const, regionBasis: 'residence' as const, period: { kind: 'all' as const } } };
const options = { hallandRule: { kind: 'population-split', sodraShare: 0.25 } as const };
const SLACK = 1e-9;

function check(persons: Person[], values: string[], steps: Step[], overlapping: string[]): void {
  const criteria: CriterionStep[] = steps.map((s, i) =>
    predicateStep(`s${i}`, s.kind === 'codes' ? { kind: 'codes', codes: s.codes } : { kind: 'age', min: 40, max: null }, s.type),
  );
  const result = estimateEligible(makeStudy(criteria, oneYear), [buildDataset(publish(persons, values), { overlapping })], options);
  const lines = result.attrition.filter((a) => a.enabled && (a.stepId === 'base' || criteria.some((c) => c.id === a.stepId)));
  expect(lines).toHaveLength(steps.length + 1);
  lines.forEach((line, i) => {
    const kept = persons.filter((p) => p.codes.some((code) => steps.slice(0, i).every((s) => passes(s, p, code))));
    const within = (got: { low: number; high: number }, truth: number, where: string) => {
      expect(got.low, `${line.stepId} ${where}: low ${got.low} above the true ${truth}`).toBeLessThanOrEqual(truth + SLACK);
      expect(got.high, `${line.stepId} ${where}: high ${got.high} below the true ${truth}`).toBeGreaterThanOrEqual(truth - SLACK);
    };
    within(line.total, kept.length, 'total');
    for (const region of REGIONS) within(line.perRegion[region]!, kept.filter((p) => p.region === region).length, region);
  });
}

const valuesArb = fc
  .record({ block: fc.boolean(), leaves: fc.subarray(['C18', 'C19', 'C20', 'C50']) })
  .map(({ block, leaves }) => ['C00-D48', ...(block ? ['C15-C26'] : []), ...leaves]);

describe('published totals beside some of their parts, masked small counts: every line holds the truth', () => {
  it.each([
    ['disjoint codes (one per person)', false, []],
    ['codes that overlap for persons (one or two each)', true, ['icd10']],
  ] as const)('%s', (_, overlap, overlapping) => {
    fc.assert(
      fc.property(fc.array(personArb(overlap), { minLength: 1, maxLength: 40 }), valuesArb, overlap ? overlapStepsArb : fc.array(stepArb, { maxLength: 3 }), (persons, values, steps) =>
        check(persons, values, steps, [...overlapping]),
      ),
      { numRuns: 300 },
    );
  });

  it('masked C18 and a masked block in one cell, codes overlapping: no line shows more persons than the block can hold', () => {
    // Two persons, both under C18 (so also under the block): the file shows C18 "X" and C15-C26 "X". The base keeps
    // the block whole (3 at most); excluding C20 keeps both persons, and the high stays the block's 3, not C18's 3
    // plus the block's remainder (up to the block's 3). (What CI's random search found: 3, then 5.)
    const persons: Person[] = [
      { region: '01', age: '40-64', codes: ['C18'] },
      { region: '01', age: '40-64', codes: ['C18'] },
    ];
    const rows = publish(persons, ['C15-C26', 'C18']);
    const criteria = [predicateStep('no-c20', { kind: 'codes', codes: ['C20'] }, 'exclusion')];
    const result = estimateEligible(makeStudy(criteria, oneYear), [buildDataset(rows, { overlapping: ['icd10'] })], options);
    for (const line of result.attrition) expect(line.perRegion['01']!.high).toBeLessThanOrEqual(3);
    for (const overlapping of [[], ['icd10']]) check(persons, ['C15-C26', 'C18'], [{ kind: 'codes', codes: ['C20'], type: 'exclusion' }], overlapping);
  });
});
