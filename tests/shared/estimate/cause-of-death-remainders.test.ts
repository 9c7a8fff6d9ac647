/**
 * The cause-of-death replica (chapters, blocks and a few codes, as Socialstyrelsen publishes them; see
 * tests/shared/import/shape-cause-of-death.test.ts) through the estimator: a criterion on any published value gives the
 * total the query gives. The query is a different method (the published cell that is the question itself, else
 * the coarsest published cells inside it), read on the same import.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/counts/dataset';
import { estimateEligible } from '../../../shared/estimate/estimate';
import { queryDataset } from '../../../shared/import/query-dataset';
import { causeOfDeathSheet } from '../import/replicas';
import { importBoth } from '../import/shape-helpers';
import { makeStudy, predicateStep } from '../helpers';

// Deaths in a year, as the importer reads the file: prevalent counts.
const oneYear = { population: { kind: 'prevalent' as const, windowYears: 1, unit: 'persons' as const, regionBasis: 'residence' as const, period: { kind: 'all' as const } } };
const options = { hallandRule: { kind: 'population-split', sodraShare: 0.25 } as const };
const VALUES = ['A00-Y98', 'A00-B99', 'A40-A41', 'B99', 'C00-D48', 'C15-C26', 'C18', 'C20', 'I00-I99', 'I20-I25', 'I21'];

describe('the cause-of-death replica through the estimator', async () => {
  const { csv } = await importBoth(causeOfDeathSheet());
  // The sheet names its year only in its title, and has no region column: the national figure, for 2019.
  const imported = csv.data.measures[0]!.dataset;
  const dataset = (overlapping: string[]): Dataset => ({ ...imported, provenance: { ...imported.provenance, periodFrom: '2019', periodTo: '2019' }, overlappingDimensions: overlapping });

  it.each([
    ['one underlying cause per death', []],
    ['codes taken as overlapping', ['code']],
  ])('%s: every published value gives the query’s total', (_, overlapping) => {
    for (const value of VALUES) {
      const query = queryDataset(csv.data, { code: value });
      const result = estimateEligible(makeStudy([predicateStep('cause', { kind: 'codes', codes: [value] })], oneYear), [dataset(overlapping)], options);
      const national = result.nationalPublished!;
      expect({ value, low: national.low, point: national.point, high: national.high }).toEqual({ value, low: query.point, point: query.point, high: query.point });
    }
  });

  it('hand figures: all causes 45 213 + 44 975; tumours 12 381 + 10 924; a block, its codes and the rest', () => {
    const estimate = (codes: string[]) =>
      estimateEligible(makeStudy([predicateStep('cause', { kind: 'codes', codes })], oneYear), [dataset([])], options).nationalPublished!;
    expect(estimate(['A00-Y98']).point).toBe(45213 + 44975);
    expect(estimate(['C00-D48']).point).toBe(12381 + 10924);
    // Tumours other than the digestive block: 23 305 − (3 611 + 3 093) = 16 601, known exactly by subtraction.
    const notDigestive = estimateEligible(
      makeStudy([predicateStep('t', { kind: 'codes', codes: ['C00-D48'] }), predicateStep('d', { kind: 'codes', codes: ['C15-C26'] }, 'exclusion')], oneYear),
      [dataset([])],
      options,
    ).nationalPublished!;
    expect(notDigestive).toEqual({ low: 16601, point: 16601, high: 16601 });
    // Colon cancer C18: 1 078 + 1 105, exactly (the block's other codes are outside C18).
    expect(estimate(['C18'])).toEqual({ low: 2183, point: 2183, high: 2183 });
  });
});
