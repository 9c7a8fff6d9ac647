/**
 * Files that publish a chapter or block row beside only some of its codes: what the file publishes only at the
 * coarser level must be counted (as "the chapter but none of its published parts"), never lost and never added
 * twice. Every figure below is worked out by hand from the rows in the comments.
 */
import { describe, expect, it } from 'vitest';
import { estimateEligible } from '../../../shared/estimate/estimate';
import type { CriterionStep } from '../../../shared/criteria/study';
import { gapsOf, remainderTruth, withPublishedRemainders } from '../../../shared/estimate/published-remainders';
import { codeRange } from '../../../shared/icd10/code-set';
import { buildDataset, exact, expectInterval, makeStudy, maskedX, predicateStep, type Row } from '../helpers';

const ROWS: Row[] = [
  // Stockholm: the chapter 100, its block C15–C26 30 with C18 10 inside, and C50 25 (outside the block).
  // Nothing else of the chapter is published: 100 − 30 − 25 = 45 are only in the chapter row; 30 − 10 = 20 only in the block.
  ['2021', '01', 'C00-D48', 'male', '60-69', exact(100)],
  ['2021', '01', 'C15-C26', 'male', '60-69', exact(30)],
  ['2021', '01', 'C18', 'male', '60-69', exact(10)],
  ['2021', '01', 'C50', 'male', '60-69', exact(25)],
  // Stockholm, circulatory chapter without any part: 40, all of it only in the chapter row.
  ['2021', '01', 'I00-I99', 'male', '60-69', exact(40)],
  // Skåne: no block row; the chapter 50 with C18 5 and C20 masked (1–3): 42–44 (point 43) only in the chapter.
  ['2021', '12', 'C00-D48', 'male', '60-69', exact(50)],
  ['2021', '12', 'C18', 'male', '60-69', exact(5)],
  ['2021', '12', 'C20', 'male', '60-69', maskedX],
  // Skåne, circulatory: 20 with I21 7, so 13 only in the chapter.
  ['2021', '12', 'I00-I99', 'male', '60-69', exact(20)],
  ['2021', '12', 'I21', 'male', '60-69', exact(7)],
];

const oneYear = { population: { kind: 'incident' as const, windowYears: 1, unit: 'persons' as const, regionBasis: 'residence' as const, period: { kind: 'all' as const } } };
const options = { hallandRule: { kind: 'population-split', sodraShare: 0.25 } as const };
const codes = (id: string, list: string[], type: 'inclusion' | 'exclusion' = 'inclusion'): CriterionStep => predicateStep(id, { kind: 'codes', codes: list }, type);

function run(steps: CriterionStep[], rows: Row[] = ROWS, overlapping: string[] = []) {
  const result = estimateEligible(makeStudy(steps, oneYear), [buildDataset(rows, { overlapping })], options);
  const region = (code: string) => result.regions.find((r) => r.region === code)!.eligible;
  return { result, region, national: result.national };
}

describe('published totals with only some of their parts (disjoint codes)', () => {
  it('the base counts every chapter in full: Stockholm 100 + 40, Skåne 50 (43 + 5 + X) + 20', () => {
    const { region, national } = run([]);
    expectInterval(region('01'), [140, 140, 140]);
    // Skåne: 42..44 + 5 + 1..3 + 13 + 7 → low 42 + 5 + 1 + 20 = 68, point 43 + 5 + 2 + 20 = 70, high 44 + 5 + 3 + 20 = 72.
    expectInterval(region('12'), [68, 70, 72]);
    expectInterval(national, [208, 210, 212]);
  });

  it('a criterion on the chapter gives the chapter: 100 and 50 (an interval only where a part is masked)', () => {
    const { region, national } = run([codes('chapter', ['C00-D48'])]);
    expectInterval(region('01'), [100, 100, 100]);
    expectInterval(region('12'), [48, 50, 52]);
    expectInterval(national, [148, 150, 152]);
  });

  it('a criterion on a published code gives that code, nothing of the remainders around it', () => {
    const { region, national } = run([codes('c18', ['C18'])]);
    expectInterval(region('01'), [10, 10, 10]);
    expectInterval(region('12'), [5, 5, 5]);
    expectInterval(national, [15, 15, 15]);
  });

  it('a criterion on the block: Stockholm its published 30; Skåne (no block row) its codes, and the chapter remainder as unknown', () => {
    const { region, national } = run([codes('block', ['C15-C26'])]);
    expectInterval(region('01'), [30, 30, 30]);
    // C18 5 + C20 1..3 certain; the 42..44 only in Skåne's chapter may hold more of the block: high + 44.
    expectInterval(region('12'), [6, 7, 52]);
    expectInterval(national, [36, 37, 82]);
  });

  it('a range crossing blocks (C18–C34): what lies partly inside is unknown, not dropped and not taken whole', () => {
    const { region } = run([codes('range', ['C18-C34'])]);
    // Stockholm: C18 10 certain; the block remainder (C15–C17, C19–C26: 20) and the chapter remainder (45) may hold some; C50 outside.
    expectInterval(region('01'), [10, 10, 75]);
    // Skåne: C18 5 + C20 1..3; the chapter remainder 42..44 may hold some.
    expectInterval(region('12'), [6, 7, 52]);
  });

  it('a code the file does not publish, inside a gap (C00–C14): only the remainders can hold it', () => {
    const { region } = run([codes('lip', ['C00-C14'])]);
    expectInterval(region('01'), [0, 0, 45]);
    expectInterval(region('12'), [0, 0, 44]);
  });

  it('an exclusion step on the chapter leaves the circulatory chapter whole: 40 and 13 + 7', () => {
    const { result, region, national } = run([codes('no-tumour', ['C00-D48'], 'exclusion')]);
    expectInterval(region('01'), [40, 40, 40]);
    expectInterval(region('12'), [20, 20, 20]);
    expectInterval(national, [60, 60, 60]);
    // The attrition: 210 → 60 (the base with its masked cell, then nothing uncertain is left).
    expectInterval(result.attrition.find((a) => a.stepId === 'base')!.total, [208, 210, 212]);
  });

  it('the block without C18 (two steps): the block remainder is wholly outside C18, so it stays', () => {
    const { region } = run([codes('block', ['C15-C26']), codes('not-c18', ['C18'], 'exclusion')]);
    expectInterval(region('01'), [20, 20, 20]);
    // Skåne: C20 1..3 stays; the chapter remainder may still hold block codes other than C18: high + 44.
    expectInterval(region('12'), [1, 2, 47]);
  });

  it('a file whose parts add up to their totals gets no remainder: the view is the file itself', () => {
    const complete: Row[] = [
      ['2021', '01', 'C15-C26', 'male', '60-69', exact(30)],
      ['2021', '01', 'C18', 'male', '60-69', exact(10)],
      ['2021', '01', 'C20', 'male', '60-69', exact(20)],
    ];
    const dataset = buildDataset(complete);
    expect(withPublishedRemainders(dataset)).toBe(dataset);
  });
});

describe('masked totals and parts', () => {
  // Uppsala: the chapter masked "X" (1–3) with C18 2 published; Västerbotten: the chapter 12 with C18 "<5" (1–4, point 2).
  const lessThanFive = { low: 1, point: 2, high: 4, masked: true };
  const rows: Row[] = [
    ['2021', '03', 'C00-D48', 'male', '60-69', maskedX],
    ['2021', '03', 'C18', 'male', '60-69', exact(2)],
    ['2021', '24', 'C00-D48', 'male', '60-69', exact(12)],
    ['2021', '24', 'C18', 'male', '60-69', lessThanFive],
  ];

  it('a masked chapter: its remainder is 0–1 (never negative), so the chapter is 2–3, not below its published part', () => {
    const { region } = run([codes('chapter', ['C00-D48'])], rows);
    // C18 2 + remainder max(0, 1 − 2) … 3 − 2 = 0..1, point max(0, 2 − 2) = 0.
    expectInterval(region('03'), [2, 2, 3]);
  });

  it('a "<5" part: the remainder is 12 − 4 … 12 − 1 = 8..11 (point 10); the chapter 9..15 around its published 12', () => {
    expectInterval(run([codes('chapter', ['C00-D48'])], rows).region('24'), [9, 12, 15]);
    expectInterval(run([codes('c18', ['C18'])], rows).region('24'), [1, 2, 4]);
    // Outside C18: the remainder alone.
    expectInterval(run([codes('not-c18', ['C18'], 'exclusion')], rows).region('24'), [8, 10, 11]);
  });
});

describe('published totals with parts, where codes overlap for persons', () => {
  // One person can be under C18 and C50. Stockholm: chapter 100, C18 40, C50 30 (nothing else published).
  const rows: Row[] = [
    ['2021', '01', 'C00-D48', 'male', '60-69', exact(100)],
    ['2021', '01', 'C18', 'male', '60-69', exact(40)],
    ['2021', '01', 'C50', 'male', '60-69', exact(30)],
  ];

  it('a criterion on the chapter gives the published chapter exactly: the parts and remainder are capped by it', () => {
    const { region } = run([codes('chapter', ['C00-D48'])], rows, ['icd10']);
    expectInterval(region('01'), [100, 100, 100]);
  });

  it('C18 or C50: the union of the two parts, 40..70 (point midway, 55), none of the remainder', () => {
    const { region } = run([codes('two', ['C18', 'C50'])], rows, ['icd10']);
    expectInterval(region('01'), [40, 55, 70]);
  });

  it('C18 or the lip codes (a gap): C18 40 for sure; up to the remainder (100 − 40 = 60 at most) beside it', () => {
    const { region } = run([codes('c18-lip', ['C18', 'C00-C14'])], rows, ['icd10']);
    // The remainder lies between 100 − min(100, 70) = 30 and 100 − 40 = 60; unknown here: high only.
    expectInterval(region('01'), [40, 40, 100]);
  });

  it('only the lip codes (a gap): anyone in the chapter may hold one beside C18 or C50, so up to all 100', () => {
    const { region } = run([codes('lip', ['C00-C14'])], rows, ['icd10']);
    // At least 30 persons are under none of C18 and C50, but the gap holds many codes besides the lip's: low 0.
    expectInterval(region('01'), [0, 0, 100]);
  });

  it('a chapter whose parts hold all its persons still leaves its gaps open: C50 and C18 add up to 100', () => {
    const full: Row[] = [
      ['2021', '01', 'C00-D48', 'male', '60-69', exact(100)],
      ['2021', '01', 'C18', 'male', '60-69', exact(70)],
      ['2021', '01', 'C50', 'male', '60-69', exact(30)],
    ];
    // Every person is under C18 or C50 (100 − min(100, 100) = 0 under neither), but a person under C18 may also
    // hold C00: up to 100 of them.
    expectInterval(run([codes('lip', ['C00-C14'])], full, ['icd10']).region('01'), [0, 0, 100]);
    // With disjoint codes, the parts add up to the chapter: nobody else.
    expectInterval(run([codes('lip', ['C00-C14'])], full).region('01'), [0, 0, 0]);
  });

  it('masked parts under a chapter: no line keeps more than the chapter, kept whole or in part', () => {
    // The chapter 10 with C18 "X" (1–3) and C50 "X": the remainder is 10 − min(10, 6) = 4 … 10 − 1 = 9, high the
    // chapter's 10 (a part's persons may hold other codes). Without a criterion the chapter is kept whole: 10.
    const masked: Row[] = [
      ['2021', '01', 'C00-D48', 'male', '60-69', exact(10)],
      ['2021', '01', 'C18', 'male', '60-69', maskedX],
      ['2021', '01', 'C50', 'male', '60-69', maskedX],
    ];
    expectInterval(run([], masked, ['icd10']).region('01'), [10, 10, 10]);
    // C18 or the lip codes: C18 1–3 for sure; 3 + 10 would be 13, but no more than the chapter's 10.
    expectInterval(run([codes('c18-lip', ['C18', 'C00-C14'])], masked, ['icd10']).region('01'), [1, 2, 10]);
  });
});

describe('the gaps of a total', () => {
  const gaps = (outer: string, parts: string[]) => gapsOf(codeRange(outer), parts.map(codeRange));
  const truth = (outer: string, parts: string[], criterion: string[]) =>
    remainderTruth({ total: 0, parts: [], extent: codeRange(outer), gaps: gaps(outer, parts) }, criterion.map(codeRange));

  it('a part at either end leaves one gap; parts that cover the total leave none', () => {
    expect(gaps('C15-C26', ['C15'])).toHaveLength(1);
    expect(gaps('C15-C26', ['C26'])).toHaveLength(1);
    // No real code lies between C20's last sub-code and C21, nor between C1Z… and C2.
    expect(gaps('C15-C26', ['C15-C20', 'C21-C26'])).toHaveLength(0);
    expect(gaps('C15-C26', ['C15-C20', 'C22-C26'])).toHaveLength(1);
    expect(gaps('C18', ['C18'])).toHaveLength(0);
  });

  it('outside when the criterion lies in the parts, inside when the total does, unknown otherwise', () => {
    expect(truth('C15-C26', ['C18'], ['C18'])).toBe(0);
    expect(truth('C15-C26', ['C18'], ['C187'])).toBe(0);
    expect(truth('C15-C26', ['C18'], ['C15-C26'])).toBe(2);
    expect(truth('C15-C26', ['C18'], ['C00-D48'])).toBe(2);
    expect(truth('C15-C26', ['C18'], ['C19'])).toBe(1);
    expect(truth('C15-C26', ['C18'], ['C50'])).toBe(0);
    // A criterion holding both gaps of C18 in C15–C26 (C15–C17 and C19–C26): wholly inside, though it is not the block.
    expect(truth('C15-C26', ['C18'], ['C15-C17', 'C19-C26'])).toBe(2);
    // Only one of them: partly.
    expect(truth('C15-C26', ['C18'], ['C19-C26'])).toBe(1);
    expect(truth('C15-C26', ['C18'], ['C17'])).toBe(1);
  });
});
