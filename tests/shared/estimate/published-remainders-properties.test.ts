/**
 * Properties of the remainders of published totals (a chapter or block row beside only some of its codes):
 * - where the finest level is complete (every total is exactly the sum of its parts), the estimate is the one
 *   the finest cells alone give (the file without its total rows: what the estimator counted before remainders);
 * - where it is not, a criterion equal to a published value gives that value's published count, per region
 *   and nationally, with disjoint codes and with codes that overlap for persons.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateEligible } from '../../../shared/estimate/estimate';
import type { CriterionStep, Predicate } from '../../../shared/criteria/study';
import type { EstimateResult } from '../../../shared/estimate/types';
import { buildDataset, exact, makeStudy, predicateStep, type Row } from '../helpers';

const REGIONS = ['01', '03', '12', 'national'];
const AGES = ['0-39', '40-64', '65+'];
/** The hierarchy: chapter C00-D48 ⊃ block C15-C26 ⊃ C18, C19, C20; the chapter also holds C50 directly. */
const LEAVES = ['C18', 'C19', 'C20', 'C50'];
const IN_BLOCK = ['C18', 'C19', 'C20'];
const oneYear = { population: { kind: 'incident' as const, windowYears: 1, unit: 'persons' as const, regionBasis: 'residence' as const, period: { kind: 'all' as const } } };
const options = { hallandRule: { kind: 'population-split', sodraShare: 0.25 } as const };

interface Table {
  rows: Row[];
  /** The file without its total rows (its finest cells). */
  finest: Row[];
  /** Per published value, per region: its published count summed over the age bands. */
  published: Map<string, Map<string, number>>;
}

/** Per group (region × age band): leaf counts; `extra` adds what only the block and the chapter rows hold. */
const groupArb = fc.record({
  leaves: fc.tuple(...LEAVES.map(() => fc.integer({ min: 0, max: 40 }))),
  blockExtra: fc.integer({ min: 0, max: 30 }),
  chapterExtra: fc.integer({ min: 0, max: 30 }),
});

function tableOf(groups: { leaves: number[]; blockExtra: number; chapterExtra: number }[], publishedLeaves: string[], withBlock: boolean, complete: boolean): Table {
  const rows: Row[] = [];
  const finest: Row[] = [];
  const published = new Map<string, Map<string, number>>();
  const note = (value: string, region: string, n: number) => {
    const byRegion = published.get(value) ?? new Map<string, number>();
    byRegion.set(region, (byRegion.get(region) ?? 0) + n);
    published.set(value, byRegion);
  };
  let g = 0;
  for (const region of REGIONS) {
    for (const age of AGES) {
      const group = groups[g++]!;
      const count = (leaf: string) => group.leaves[LEAVES.indexOf(leaf)]!;
      const add = (value: string, n: number, isFinest: boolean) => {
        const row: Row = ['2021', region, value, 'male', age, exact(n)];
        rows.push(row);
        if (isFinest) finest.push(row);
        note(value, region, n);
      };
      for (const leaf of publishedLeaves) add(leaf, count(leaf), true);
      // Complete: a total is the sum of its published parts. Otherwise it also holds what no part shows.
      const blockParts = IN_BLOCK.filter((l) => publishedLeaves.includes(l)).reduce((s, l) => s + count(l), 0);
      const block = blockParts + (complete ? 0 : group.blockExtra);
      if (withBlock) add('C15-C26', block, false);
      const chapterParts = (withBlock ? block : blockParts) + (publishedLeaves.includes('C50') ? count('C50') : 0);
      add('C00-D48', chapterParts + (complete ? 0 : group.chapterExtra), false);
    }
  }
  return { rows, finest, published };
}

const tableArb = (complete: boolean) =>
  fc
    .record({
      groups: fc.array(groupArb, { minLength: REGIONS.length * AGES.length, maxLength: REGIONS.length * AGES.length }),
      leaves: fc.subarray(LEAVES, { minLength: 1 }),
      withBlock: fc.boolean(),
    })
    .map(({ groups, leaves, withBlock }) => tableOf(groups, leaves, withBlock, complete));

const predicateArb: fc.Arbitrary<Predicate> = fc.oneof(
  fc.subarray(['C00-D48', 'C15-C26', 'C18', 'C19-C20', 'C18-C34', 'C00-C14', 'C50', 'C20'], { minLength: 1 }).map((codes) => ({ kind: 'codes' as const, codes })),
  fc.constantFrom({ kind: 'age' as const, min: 18, max: 70 }, { kind: 'age' as const, min: 40, max: null }),
);
const stepsArb = fc
  .array(fc.tuple(predicateArb, fc.constantFrom('inclusion' as const, 'exclusion' as const)), { minLength: 0, maxLength: 3 })
  .map((list) => list.map(([p, type], i) => predicateStep(`s${i}`, p, type)));

const estimate = (steps: CriterionStep[], rows: Row[], overlapping: string[] = []): EstimateResult =>
  estimateEligible(makeStudy(steps, oneYear), [buildDataset(rows, { overlapping })], options);

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('remainders of published totals, on random hierarchical tables', () => {
  it('complete finest level: the estimate is the finest cells’ estimate, line by line and region by region', () => {
    fc.assert(
      fc.property(tableArb(true), stepsArb, (table, steps) => {
        const withTotals = estimate(steps, table.rows);
        const finestOnly = estimate(steps, table.finest);
        withTotals.attrition.forEach((line, i) => {
          const other = finestOnly.attrition[i]!;
          for (const key of ['low', 'point', 'high'] as const) {
            expect(close(line.total[key], other.total[key])).toBe(true);
            for (const code of ['01', '03', '12'] as const) expect(close(line.perRegion[code]![key], other.perRegion[code]![key])).toBe(true);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    ['disjoint codes', []],
    ['codes that overlap for persons', ['icd10']],
  ])('incomplete (%s): a criterion equal to a published value gives its published count', (_, overlapping) => {
    fc.assert(
      fc.property(tableArb(false), (table) => {
        for (const [value, byRegion] of table.published) {
          const result = estimate([predicateStep('v', { kind: 'codes', codes: [value] })], table.rows, overlapping);
          let sweden = 0;
          for (const code of ['01', '03', '12'] as const) {
            const expected = byRegion.get(code) ?? 0;
            sweden += expected;
            const got = result.regions.find((r) => r.region === code)!.eligible;
            expect([got.low, got.point, got.high].every((x) => close(x, expected))).toBe(true);
          }
          expect(close(result.national.point, sweden)).toBe(true);
          // The published national rows answer the same question exactly.
          expect(close(result.nationalPublished!.point, byRegion.get('national') ?? 0)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
