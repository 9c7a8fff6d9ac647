/**
 * Overlapping values, by hand: a child on two ADHD drugs is counted under each, so a figure that combines drugs is
 * an interval from the largest drug to their sum (point midway), flagged where it appears; adding regions of
 * prevalent persons is flagged too (a child treated in two regions); events and disjoint dimensions are plain sums.
 */
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../shared/counts/builder';
import type { Basis, Dataset } from '../../../shared/counts/dataset';
import { defaultOverlappingDimensions, overlappingDimensions } from '../../../shared/counts/overlap';
import { overlapText } from '../../../shared/answer/describe';
import { estimateEligible } from '../../../shared/estimate/estimate';
import { exact, expectInterval, makeStudy, predicateStep } from '../helpers';
import { testProvenance } from '../study-builders';

const A = 'N06BA04 Metylfenidat';
const B = 'N06BA12 Lisdexamfetamin';
const options = { hallandRule: { kind: 'all-to', healthcareRegion: 'sodra' } as const };
const prevalentPersons = { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } } as const;

function treated(basis: Basis = { unit: 'persons', kind: 'prevalent', regionBasis: 'residence' }, overlapping?: string[]): Dataset {
  const b = new DatasetBuilder({
    id: 'adhd',
    name: 'ADHD',
    basis,
    provenance: testProvenance({ sha256: 'x', periodFrom: '2020', periodTo: '2020' }),
    dimensions: [
      { key: 'year', role: 'period' },
      { key: 'lakemedel', role: 'extra', label: 'Läkemedel' },
      { key: 'region', role: 'region' },
      { key: 'sex', role: 'sex' },
    ],
    ...(overlapping ? { overlappingDimensions: overlapping } : {}),
  });
  const rows: [string, string, string, number][] = [
    [A, '01', 'male', 100],
    [B, '01', 'male', 30],
    [A, '01', 'female', 40],
    [B, '01', 'female', 50],
    [A, '12', 'male', 20],
  ];
  for (const [drug, region, sex, n] of rows) b.add(['2020', drug, region, sex], exact(n));
  return b.build();
}

describe('overlapping values', () => {
  it('defaults: drugs and diagnoses of persons overlap, regions of prevalent persons too; sexes, ages and events never', () => {
    const dims = [
      { key: 'region', role: 'region' as const },
      { key: 'icd10', role: 'code' as const },
      { key: 'lakemedel', role: 'extra' as const },
      { key: 'sex', role: 'sex' as const },
      { key: 'age', role: 'age' as const },
      { key: 'year', role: 'period' as const },
    ];
    expect(defaultOverlappingDimensions(dims, { unit: 'persons', kind: 'prevalent' })).toEqual(['region', 'icd10', 'lakemedel']);
    expect(defaultOverlappingDimensions(dims, { unit: 'persons', kind: 'incident' })).toEqual(['icd10', 'lakemedel']);
    expect(defaultOverlappingDimensions(dims, { unit: 'events', kind: 'prevalent' })).toEqual([]);
    // Set on the dataset, it wins (only keys the dataset has).
    expect(overlappingDimensions({ ...treated(), overlappingDimensions: ['sex', 'nonsense'] })).toEqual(['sex']);
  });

  it('the base "everyone in the data" over two drugs is an interval from the larger to the sum, flagged', () => {
    const result = estimateEligible(makeStudy([], { population: prevalentPersons }), [treated()], options);
    const base = result.attrition[0]!;
    // Stockholm men: max(100, 30) = 100 .. 130; women: max(40, 50) = 50 .. 90 → 150 .. 220, point 185.
    expectInterval(base.perRegion['01'], [150, 185, 220]);
    // Skåne has one drug only: exactly 20.
    expectInterval(base.perRegion['12'], [20, 20, 20]);
    expectInterval(base.total, [170, 205, 240]);
    expect(base.overlap).toEqual([
      { dimension: 'lakemedel', label: 'Läkemedel', combined: 'union' },
      { dimension: 'region', combined: 'sum' },
    ]);
    expect(result.warnings).toContainEqual({ code: 'overlapping-values', dimensions: ['lakemedel', 'region'] });
    expect(overlapText(base.overlap!, 'sv')[0]).toContain('inte personer: summerat över Läkemedel');
  });

  it('one drug: an exact count again, and only the sum over regions is flagged', () => {
    const result = estimateEligible(makeStudy([predicateStep('a', { kind: 'extra', key: 'lakemedel', values: [A] })], { population: prevalentPersons }), [treated()], options);
    expectInterval(result.national, [160, 160, 160]);
    expect(result.nationalOverlap).toEqual([{ dimension: 'region', combined: 'sum' }]);
    expect(result.regions.find((r) => r.region === '01')!.overlap).toBeUndefined();
  });

  it('an ATC level selecting both drugs is the same union as choosing both', () => {
    const level = estimateEligible(makeStudy([predicateStep('n06ba', { kind: 'hierarchy', key: 'lakemedel', scheme: 'atc', codes: ['N06BA'] })], { population: prevalentPersons }), [treated()], options);
    const both = estimateEligible(makeStudy([predicateStep('ab', { kind: 'extra', key: 'lakemedel', values: [A, B] })], { population: prevalentPersons }), [treated()], options);
    expectInterval(level.national, [170, 205, 240]);
    expectInterval(both.national, [170, 205, 240]);
    expect(level.regions.find((r) => r.region === '01')!.overlap).toEqual([{ dimension: 'lakemedel', label: 'Läkemedel', combined: 'union' }]);
  });

  it('events, or a dataset that says its drugs do not overlap, add up as before', () => {
    const events = { ...prevalentPersons, unit: 'events' } as const;
    expectInterval(estimateEligible(makeStudy([], { population: events }), [treated({ unit: 'events', kind: 'prevalent', regionBasis: 'residence' })], options).national, [240, 240, 240]);
    const disjoint = estimateEligible(makeStudy([], { population: prevalentPersons }), [treated(undefined, [])], options);
    expectInterval(disjoint.national, [240, 240, 240]);
    expect(disjoint.nationalOverlap).toBeUndefined();
  });
});
