/**
 * The cells a query adds up never overlap: a total (the nation, "all", a chapter, a block) is never added to
 * one of its own parts, whatever cells a file happens to publish. Checked on random files drawn from a
 * hierarchy of regions, sexes and ICD-10 chapters, blocks and codes, against the plainest definition of
 * overlap (two cells overlap when, on every dimension, one's value lies inside or over the other's).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/counts/dataset';
import { queryDataset, QueryError } from '../../../shared/import/query-dataset';
import type { ImportResult } from '../../../shared/import/build-dataset';
import { testProvenance } from '../study-builders';

const REGIONS = ['national', '01', '12', '13'];
const SEXES = ['all', 'male', 'female'];
const CODES = ['A00-Y98', 'C00-D48', 'C15-C26', 'C18', 'C20', 'I00-I99', 'I21'];

/** Written out by hand: which code holds which (a chapter its blocks and codes, A00–Y98 everything). */
const CODE_HOLDS: Record<string, string[]> = {
  'A00-Y98': ['C00-D48', 'C15-C26', 'C18', 'C20', 'I00-I99', 'I21'],
  'C00-D48': ['C15-C26', 'C18', 'C20'],
  'C15-C26': ['C18', 'C20'],
  'I00-I99': ['I21'],
};
const overlapsOn = (total: string, holds: (v: string) => string[]) => (a: string, b: string): boolean => a === b || a === total || b === total || holds(a).includes(b) || holds(b).includes(a);
const regionOverlap = overlapsOn('national', () => []);
const sexOverlap = overlapsOn('all', () => []);
const codeOverlap = overlapsOn('A00-Y98', (v) => CODE_HOLDS[v] ?? []);

function result(cells: [number, number, number, number][]): ImportResult {
  const dataset: Dataset = {
    id: 'fuzz', name: 'fuzz', basis: { unit: 'persons', kind: 'prevalent', regionBasis: 'residence' },
    provenance: testProvenance({ publisher: 't', synthetic: true, sha256: '' }),
    dimensions: [{ key: 'region', role: 'region', values: REGIONS }, { key: 'sex', role: 'sex', values: SEXES }, { key: 'code', role: 'code', values: CODES }],
    cellCount: cells.length,
    columns: [0, 1, 2].map((d) => Uint32Array.from(cells, (c) => c[d]!)),
    low: Float64Array.from(cells, (c) => c[3]),
    point: Float64Array.from(cells, (c) => c[3]),
    high: Float64Array.from(cells, (c) => c[3]),
    masked: new Uint8Array(cells.length),
  };
  return { measures: [{ key: 'n', name: 'Antal', spec: { kind: 'count', unit: 'persons', evidence: '' }, dataset }], provenance: {} as ImportResult['provenance'] };
}

describe('the cells a query adds up', () => {
  it('never overlap, and a published cell that is the question is the whole answer', () => {
    const combos = REGIONS.flatMap((_, r) => SEXES.flatMap((__, s) => CODES.map((___, c) => [r, s, c] as const)));
    const file = fc.array(fc.boolean(), { minLength: combos.length, maxLength: combos.length }).map((keep) => combos.filter((_, i) => keep[i]).map(([r, s, c], i) => [r, s, c, i + 1] as [number, number, number, number]));
    const question = fc.record({
      region: fc.option(fc.constantFrom('national', 'Stockholm', 'Skåne', 'Halland'), { nil: undefined }),
      sex: fc.option(fc.constantFrom('all', 'male', 'female'), { nil: undefined }),
      code: fc.option(fc.constantFrom('A00-Y98', 'C00-D48', 'C15-C26', 'C18', 'C18-C20', 'C20', 'I00-I99', 'I21'), { nil: undefined }),
    });
    fc.assert(fc.property(file, question, (cells, q) => {
      const filters: Record<string, string> = {};
      for (const [k, v] of Object.entries(q)) if (v !== undefined) filters[k] = v;
      const data = result(cells);
      let answer;
      try {
        answer = queryDataset(data, filters);
      } catch (error) {
        if (error instanceof QueryError) return;
        throw error;
      }
      // The cells behind the answer: recovered from its total, which is a sum of distinct cell numbers 1…n.
      const used = cells.filter((c) => answerHas(data, filters, c));
      expect(used.reduce((s, c) => s + c[3], 0)).toBe(answer.point);
      for (let i = 0; i < used.length; i++) {
        for (let j = i + 1; j < used.length; j++) {
          const [a, b] = [used[i]!, used[j]!];
          const overlap = regionOverlap(REGIONS[a[0]]!, REGIONS[b[0]]!) && sexOverlap(SEXES[a[1]]!, SEXES[b[1]]!) && codeOverlap(CODES[a[2]]!, CODES[b[2]]!);
          expect(overlap, `${JSON.stringify(filters)}: ${JSON.stringify([a, b])}`).toBe(false);
        }
      }
      if (answer.source === 'published-total') expect(answer.cells).toBe(1);
    }), { numRuns: 250 });
  });
});

/**
 * Whether cell `c` is among those the answer added: the query is asked again with its value's cell alone
 * missing, and the answer drops by exactly the cell's number only if the cell was used (numbers 1…n are
 * distinct, but sums could collide, so membership is tested one cell at a time).
 */
function answerHas(data: ImportResult, filters: Record<string, string>, c: [number, number, number, number]): boolean {
  const dataset = data.measures[0]!.dataset;
  const index = Array.from({ length: dataset.cellCount }, (_, i) => i).find((i) => dataset.point[i] === c[3])!;
  const point = dataset.point.slice();
  point[index] = 0;
  const without: ImportResult = { ...data, measures: [{ ...data.measures[0]!, dataset: { ...dataset, low: point, point, high: point } }] };
  const full = queryDataset(data, filters).point;
  try {
    return queryDataset(without, filters).point === full - c[3];
  } catch {
    return false;
  }
}
