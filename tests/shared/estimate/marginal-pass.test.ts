/**
 * The estimate from pre-aggregated sums (shared/estimate/marginal-pass.ts) against two independent computations:
 * the cell pass it replaces (over the dense table or the group list, and over single cells with class keys), and
 * a naive reference written out here cell by cell from the method's text (each cell's low, point and high times
 * its weight at each line: 1 or 0 for codes and sex, the band's share of years × the study's range for an age
 * band straddling a limit, 10 years for an open band), on random grids and studies.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CriterionStep, Predicate, Study } from '../../../shared/criteria/study';
import { lastCellPassMode } from '../../../shared/estimate/cell-pass';
import { estimateEligible } from '../../../shared/estimate/estimate';
import type { EstimateResult } from '../../../shared/estimate/types';
import { DEFAULT_HALLAND_RULE, type CountyCode } from '../../../shared/regions/regions';
import { mulberry32 } from '../../../shared/utils/prng';
import { buildDataset, exact, makeStudy, predicateStep, proportionStep, type Row } from '../helpers';
import { allIntervals, predicateArb, randomCount, sortedTriple, type CountKind } from './arbitraries';

const YEARS = ['2019', '2020', '2021', '2022'];
const COUNTIES: CountyCode[] = ['01', '03', '09', '12', '14', '25'];
const FINEST_CODES = ['C180', 'C187', 'C19', 'C20', 'C50'];
const SEXES = ['male', 'female'];
/** Bands as [label, first year, last year]; the open band is taken as 10 years wide for its share. */
const AGES: [string, number, number | null][] = [
  ['0-17', 0, 17],
  ['18-39', 18, 39],
  ['40-64', 40, 64],
  ['65-74', 65, 74],
  ['75+', 75, null],
];


interface GridOptions {
  maskedShare: number;
  missingShare: number;
  kind: CountKind;
  /** Also published totals: the category C18 over its codes, the block C15-C26, sex "all", age "all". */
  totals: boolean;
  /** Rows for the nation as published (never added to the counties). */
  national: boolean;
}

function gridRows(seed: number, options: GridOptions): Row[] {
  const random = mulberry32(seed);
  const regions = [...COUNTIES, ...(options.national ? ['national'] : [])];
  const codes = [...FINEST_CODES, ...(options.totals ? ['C18', 'C15-C26'] : [])];
  const sexes = [...SEXES, ...(options.totals ? ['all'] : [])];
  const ages = [...AGES.map((a) => a[0]), ...(options.totals ? ['all'] : [])];
  const rows: Row[] = [];
  for (const year of YEARS)
    for (const region of regions)
      for (const code of codes)
        for (const sex of sexes)
          for (const age of ages) {
            if (random() < options.missingShare) continue;
            rows.push([year, region, code, sex, age, randomCount(random, options.maskedShare, options.kind)]);
          }
  return rows;
}

const options = { hallandRule: DEFAULT_HALLAND_RULE };

function expectClose(actual: EstimateResult, expected: EstimateResult): void {
  const a = allIntervals(actual);
  const b = allIntervals(expected);
  expect(a).toHaveLength(b.length);
  a.forEach((x, i) => {
    for (const field of ['low', 'point', 'high'] as const) expect(Math.abs(x[field] - b[i]![field])).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(b[i]![field])));
  });
  expect(actual.attrition.map((r) => [r.stepId, r.type, r.enabled])).toEqual(expected.attrition.map((r) => [r.stepId, r.type, r.enabled]));
  expect(actual.warnings).toEqual(expected.warnings);
  expect(actual.regions.map((r) => [r.region, r.cells, r.maskedCells])).toEqual(expected.regions.map((r) => [r.region, r.cells, r.maskedCells]));
}

/** Steps over the grids' dimensions: single criteria, criteria joining two dimensions, proportions; some disabled. */
const twoDimensionArb: fc.Arbitrary<Predicate> = fc
  .tuple(predicateArb, predicateArb, fc.boolean())
  .map(([a, b, any]) => (any ? { kind: 'or' as const, any: [a, b] } : { kind: 'and' as const, all: [a, b] }));
const stepArb = (id: string): fc.Arbitrary<CriterionStep> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(predicateArb, fc.constantFrom('inclusion' as const, 'exclusion' as const), fc.boolean()).map(([p, type, on]) => predicateStep(id, p, type, on || type === 'inclusion')) },
    { weight: 1, arbitrary: fc.tuple(twoDimensionArb, fc.constantFrom('inclusion' as const, 'exclusion' as const)).map(([p, type]) => predicateStep(id, p, type)) },
    { weight: 1, arbitrary: fc.tuple(sortedTriple(1), fc.constantFrom('inclusion' as const, 'exclusion' as const)).map(([s, type]) => proportionStep(id, s, type)) },
  );
const stepsArb = fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => stepArb(`s${i}`))));
const periodArb: fc.Arbitrary<Study['population']['period']> = fc.oneof(
  fc.constant({ kind: 'all' as const }),
  fc.constant({ kind: 'latest' as const }),
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([a, b]) => ({ kind: 'range' as const, from: YEARS[Math.min(a, b)]!, to: YEARS[Math.max(a, b)]! })),
);
const studyOf = (steps: CriterionStep[], period: Study['population']['period']): Study => {
  const study = makeStudy(steps);
  return { ...study, population: { ...study.population, period } };
};

describe('the estimate from pre-aggregated sums', () => {
  it('gives the numbers, warnings and cell counts of the cell pass over the dense table and over single cells, for any criteria and grid', () => {
    const modes: Record<string, number> = {};
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1 << 30 }),
        fc.record({
          maskedShare: fc.constantFrom(0, 0.05, 0.3),
          missingShare: fc.constantFrom(0, 0.1, 0.4),
          kind: fc.constantFrom<CountKind>('whole', 'whole', 'fractional'),
          totals: fc.boolean(),
          national: fc.boolean(),
        }),
        stepsArb,
        periodArb,
        (seed, grid, steps, period) => {
          const dataset = buildDataset(gridRows(seed, grid));
          const study = studyOf(steps, period);
          const fast = estimateEligible(study, [dataset], options);
          const mode = lastCellPassMode()!;
          modes[mode] = (modes[mode] ?? 0) + 1;
          const dense = estimateEligible(study, [dataset], { ...options, cellPass: { skipMarginals: true } });
          const cells = estimateEligible(study, [dataset], { ...options, cellPass: { forceClasses: true } });
          expectClose(fast, dense);
          expectClose(fast, cells);
          // Whole counts and no shares of age bands: the same numbers to the last bit.
          if (grid.kind === 'whole' && !JSON.stringify(steps).includes('"age"')) expect(allIntervals(fast)).toEqual(allIntervals(dense));
        },
      ),
      { numRuns: 80 },
    );
    // Half the runs or more took the new path (about half the studies have a criterion on regions, which takes the
    // cell pass, as do grids the criteria leave sparse).
    expect(modes.marginals ?? 0).toBeGreaterThanOrEqual(30);
  });

  it('keeps its sums per dataset and list of dimensions: estimates alternating between studies give what a fresh dataset gives', () => {
    const grid: GridOptions = { maskedShare: 0.2, missingShare: 0.1, kind: 'whole', totals: true, national: true };
    const dataset = buildDataset(gridRows(11, grid));
    const studies = [
      makeStudy([predicateStep('code', { kind: 'codes', codes: ['C18-C20'] }), predicateStep('age', { kind: 'age', min: 30, max: 70 })]),
      makeStudy([predicateStep('sex', { kind: 'sex', sex: 'female' }), predicateStep('code', { kind: 'codes', codes: ['C50'] }, 'exclusion')]),
      makeStudy([predicateStep('code', { kind: 'codes', codes: ['C187'] })]),
    ];
    for (let round = 0; round < 3; round++) {
      for (const study of studies) {
        const warm = estimateEligible(study, [dataset], options);
        expect(lastCellPassMode()).toBe('marginals');
        expectClose(warm, estimateEligible(study, [buildDataset(gridRows(11, grid))], { ...options, cellPass: { skipMarginals: true } }));
      }
    }
  });

  it('gives what the naive cell-by-cell reference gives, line by line and county by county', () => {
    const CODE_SETS: Record<string, string[]> = { C18: ['C180', 'C187'], 'C18-C20': ['C180', 'C187', 'C19', 'C20'], C20: ['C20'], C50: ['C50'], C187: ['C187'] };
    type Simple = { kind: 'codes'; set: string } | { kind: 'sex'; sex: 'male' | 'female' } | { kind: 'age'; min: number | null; max: number | null };
    const simpleArb: fc.Arbitrary<Simple> = fc.oneof(
      fc.constantFrom(...Object.keys(CODE_SETS)).map((set) => ({ kind: 'codes' as const, set })),
      fc.constantFrom('male' as const, 'female' as const).map((sex) => ({ kind: 'sex' as const, sex })),
      fc.tuple(fc.option(fc.integer({ min: 0, max: 95 })), fc.option(fc.integer({ min: 0, max: 95 }))).map(([a, b]) => {
        const [min, max] = a !== null && b !== null && a > b ? [b, a] : [a, b];
        return { kind: 'age' as const, min, max };
      }),
    );
    let marginalRuns = 0;
    const stepsOf = fc
      .array(fc.tuple(simpleArb, fc.boolean()), { maxLength: 4 })
      // One age criterion at most, and always an inclusion (the reference's share line follows it).
      .map((list) => list.filter(([s], i) => s.kind !== 'age' || list.findIndex(([t]) => t.kind === 'age') === i).map(([s, exclude]) => ({ s, exclude: exclude && s.kind !== 'age' })));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 30 }), fc.constantFrom(0, 0.25), fc.constantFrom(0, 0.3), stepsOf, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (seed, maskedShare, missingShare, steps, a, b) => {
        const rows = gridRows(seed, { maskedShare, missingShare, kind: 'whole', totals: false, national: true });
        const from = Math.min(a, b);
        const to = Math.max(a, b);
        const study = studyOf(
          steps.map(({ s, exclude }, i) => {
            const predicate: Predicate = s.kind === 'codes' ? { kind: 'codes', codes: [s.set] } : s.kind === 'sex' ? { kind: 'sex', sex: s.sex } : { kind: 'age', min: s.min, max: s.max };
            return predicateStep(`s${i}`, predicate, exclude ? 'exclusion' : 'inclusion');
          }),
          { kind: 'range', from: YEARS[from]!, to: YEARS[to]! },
        );
        const result = estimateEligible(study, [buildDataset(rows)], options);
        if (lastCellPassMode() === 'marginals') marginalRuns++;
        const range = study.ageShare.range;
        const scale = study.population.kind === 'incident' ? study.population.windowYears / (to - from + 1) : 1;

        // Per cell: its weight (low, point, high) at every line of the reference.
        type Weights = [number, number, number];
        const lineCount = 1 + steps.length + (steps.some(({ s }) => s.kind === 'age') ? 1 : 0);
        const expected: Record<string, Weights>[] = Array.from({ length: lineCount }, () => Object.fromEntries(COUNTIES.map((c) => [c, [0, 0, 0] as Weights])));
        const shareLine = steps.findIndex(({ s }) => s.kind === 'age');
        for (const [year, region, code, sex, age, count] of rows) {
          const y = YEARS.indexOf(year);
          if (region === 'national' || y < from || y > to) continue;
          let w: Weights = [1, 1, 1];
          let line = 0;
          const add = (): void => {
            const at = expected[line++]![region]!;
            at[0] += w[0] * count.low * scale;
            at[1] += w[1] * count.point * scale;
            at[2] += w[2] * count.high * scale;
          };
          add();
          steps.forEach(({ s, exclude }) => {
            if (s.kind === 'age') {
              const [, bandMin, bandMax] = AGES.find((x) => x[0] === age)!;
              const min = s.min ?? 0;
              const max = s.max ?? Number.POSITIVE_INFINITY;
              // Whether the band is wholly inside, partly or not at all, by its true extent (an open band has no end);
              // its share by the years assumed (an open band: 10).
              const end = bandMax ?? Number.POSITIVE_INFINITY;
              const whole = bandMin >= min && end <= max;
              const meets = Math.max(bandMin, min) <= Math.min(end, max);
              const top = bandMax ?? bandMin + 9;
              const within = Math.max(0, Math.min(top, max) - Math.max(bandMin, min) + 1);
              if (!meets) w = [0, 0, 0];
              add();
              if (!whole && meets) {
                const share = within / (top - bandMin + 1);
                w = [w[0] * Math.min(1, share * range.low), w[1] * Math.min(1, share * range.point), w[2] * Math.min(1, share * range.high)];
              }
              add();
              return;
            }
            const matches = s.kind === 'codes' ? CODE_SETS[s.set]!.includes(code) : sex === s.sex;
            if (matches === exclude) w = [0, 0, 0];
            add();
          });
        }
        // The share line is shown only when it changes a figure.
        if (shareLine >= 0) {
          const criterion = expected[shareLine + 1]!;
          const share = expected[shareLine + 2]!;
          if (COUNTIES.every((c) => criterion[c]!.every((x, f) => x === share[c]![f]))) expected.splice(shareLine + 2, 1);
        }
        const lines = result.attrition.filter((r) => r.enabled);
        expect(lines).toHaveLength(expected.length);
        lines.forEach((line, k) => {
          for (const county of COUNTIES) {
            const mine = line.perRegion[county]!;
            const theirs = expected[k]![county]!;
            [mine.low, mine.point, mine.high].forEach((x, f) => expect(Math.abs(x - theirs[f]!)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(theirs[f]!))));
          }
        });
      }),
      { numRuns: 60 },
    );
    expect(marginalRuns).toBeGreaterThan(50);
  });

  it('names in its warning only the straddling age bands that hold cells meeting the other criteria', () => {
    // By hand: the age criterion 10–60 straddles the bands 0-17 and 40-64 (18-39 lies wholly inside). Under C18 the
    // data has cells aged 18-39 and 40-64 only; the 0-17 cells are all under C50, which the code step removes. So
    // the final figure holds part of 40-64 and nothing of 0-17: the warning names 40-64 alone.
    const rows: Row[] = [];
    for (const region of ['01', '03']) {
      for (const age of ['18-39', '40-64']) rows.push(['2021', region, 'C180', 'female', age, exact(7)]);
      for (const age of ['0-17', '18-39', '40-64']) rows.push(['2021', region, 'C50', 'female', age, exact(5)]);
    }
    const dataset = buildDataset(rows);
    const study = makeStudy([predicateStep('code', { kind: 'codes', codes: ['C18'] }), predicateStep('age', { kind: 'age', min: 10, max: 60 })]);
    const result = estimateEligible(study, [dataset], options);
    expect(lastCellPassMode()).toBe('marginals');
    expect(result.warnings.find((w) => w.code === 'straddling-age-band')).toMatchObject({ bands: ['40-64'] });
  });
});
