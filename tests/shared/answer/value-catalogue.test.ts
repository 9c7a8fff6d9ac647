/**
 * The value catalogue of a study's data: values with their counts, ATC and ICD-10 with their hierarchy, names from
 * the data's labels, search by code or name, and the criterion a node or values select (with its readable label).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predicateLabel } from '../../../shared/answer/describe';
import { DatasetBuilder } from '../../../shared/counts/builder';
import type { Dataset } from '../../../shared/counts/dataset';
import { atcCodeOf, hierarchyMatch } from '../../../shared/criteria/hierarchy';
import { predicateFor, searchNodes, searchValues, valueCatalogue, type CatalogueNode } from '../../../shared/answer/value-catalogue';
import { analyseFile } from '../../../shared/import/analyse-file';
import { buildDataset as importDataset } from '../../../shared/import/build-dataset';
import { exact, expectInterval, maskedX } from '../helpers';
import { MASK_X, testProvenance } from '../study-builders';

const REAL = join(__dirname, '../../../../shared/fixtures/real');
const ADHD = join(REAL, 'socialstyrelsen_2022-02-18.csv');

/** Patients by drug (a column headed "Läkemedel"), region, sex and year. */
function drugs(rows: [year: string, drug: string, region: string, sex: string, n: number | 'X'][]): Dataset {
  const b = new DatasetBuilder({
    id: 'drugs',
    name: 'Drugs',
    basis: { unit: 'persons', kind: 'prevalent', regionBasis: 'residence' },
    provenance: testProvenance({ sha256: 'd', periodFrom: '2019', periodTo: '2020', maskTokens: MASK_X }),
    dimensions: [
      { key: 'year', role: 'period' },
      { key: 'lakemedel', role: 'extra', label: 'Läkemedel' },
      { key: 'region', role: 'region' },
      { key: 'sex', role: 'sex' },
    ],
  });
  for (const [year, drug, region, sex, n] of rows) b.add([year, drug, region, sex], n === 'X' ? maskedX : exact(n));
  return b.build();
}

const DATA = drugs([
  ['2019', 'N06BA04 Metylfenidat', '01', 'male', 500],
  ['2020', 'N06BA04 Metylfenidat', '01', 'male', 100],
  ['2020', 'N06BA04 Metylfenidat', '01', 'female', 40],
  ['2020', 'N06BA04 Metylfenidat', '12', 'male', 'X'],
  ['2020', 'N06BA04 Metylfenidat', 'national', 'male', 99],
  ['2020', 'N06BA04 Metylfenidat', '01', 'all', 140],
  ['2020', 'N06BA12 Lisdexamfetamin', '01', 'male', 30],
  ['2020', 'C02AC02 Guanfacin', '12', 'female', 7],
]);

const find = (nodes: CatalogueNode[], code: string): CatalogueNode | undefined => {
  for (const n of nodes) {
    if (n.code === code) return n;
    const inner = find(n.children, code);
    if (inner) return inner;
  }
  return undefined;
};

describe('the value catalogue', () => {
  const [drug] = valueCatalogue([DATA]);

  it('lists a coded column with its header, its scheme and its values’ counts in the latest period (finest cells only)', () => {
    expect(drug).toMatchObject({ key: 'lakemedel', role: 'extra', label: 'Läkemedel', scheme: 'atc', overlapping: true, periods: ['2020'] });
    expect(drug!.values.map((v) => [v.code, v.name])).toEqual([
      ['C02AC02', 'Guanfacin'],
      ['N06BA04', 'Metylfenidat'],
      ['N06BA12', 'Lisdexamfetamin'],
    ]);
    // Methylphenidate 2020: Stockholm men 100 + women 40 + Skåne X (1..3); not 2019, not the national row, not sex "all".
    expectInterval(drug!.values[1]!.count, [141, 142, 143]);
    expectInterval(drug!.values[2]!.count, [30, 30, 30]);
  });

  it('builds ATC’s five levels above the data’s substances, a level counting the values below it', () => {
    expect(drug!.tree!.map((n) => n.code)).toEqual(['C', 'N']);
    const path = ['N', 'N06', 'N06B', 'N06BA'].map((c) => find(drug!.tree!, c)!);
    path.forEach((n, i) => expect(n.children.map((c) => c.code)).toContain(['N06', 'N06B', 'N06BA', 'N06BA04'][i]));
    const level4 = find(drug!.tree!, 'N06BA')!;
    expect(level4.values).toEqual(['N06BA04 Metylfenidat', 'N06BA12 Lisdexamfetamin']);
    // 142 + 30 (a sum over drugs, which overlap: not persons, and the dimension says so).
    expectInterval(level4.count, [171, 172, 173]);
    expect(find(drug!.tree!, 'N06BA04')!.name).toBe('Metylfenidat');
  });

  it('finds values and nodes by code or by name, ignoring case and diacritics', () => {
    expect(searchValues(drug!, 'n06ba0').map((v) => v.code)).toEqual(['N06BA04']);
    expect(searchValues(drug!, 'lisdex').map((v) => v.code)).toEqual(['N06BA12']);
    expect(searchValues(drug!, 'guanfaci').map((v) => v.code)).toEqual(['C02AC02']);
    expect(searchNodes(drug!, 'N06B').map((n) => n.code)).toEqual(['N06B', 'N06BA', 'N06BA04', 'N06BA12']);
  });

  it('gives the criterion for a node or for values, worded as the letter prints it', () => {
    const node = predicateFor(drug!, { node: 'N06BA' });
    expect(node).toEqual({ kind: 'hierarchy', key: 'lakemedel', scheme: 'atc', codes: ['N06BA'] });
    const one = predicateFor(drug!, { values: ['N06BA04 Metylfenidat'] });
    expect(one).toEqual({ kind: 'extra', key: 'lakemedel', values: ['N06BA04 Metylfenidat'] });
    expect(predicateLabel(one, 'sv', [{ key: 'lakemedel', label: 'Läkemedel' }])).toBe('Läkemedel: N06BA04 Metylfenidat');
    expect(predicateLabel(node, 'en', [{ key: 'lakemedel', label: 'Läkemedel' }])).toBe('Läkemedel: N06BA');
  });

  it('reads codes with or without a name, and matches a level against its substances', () => {
    expect(atcCodeOf('N06BA04 Metylfenidat')).toEqual({ code: 'N06BA04', name: 'Metylfenidat' });
    expect(atcCodeOf('N06BA04')).toEqual({ code: 'N06BA04', name: '' });
    expect(atcCodeOf('Metylfenidat')).toBeNull();
    expect(hierarchyMatch('atc', ['N06BA'], 'N06BA04 Metylfenidat')).toBe('yes');
    expect(hierarchyMatch('atc', ['N06BA04'], 'N06B Psykoanaleptika')).toBe('partly');
    expect(hierarchyMatch('atc', ['N06BA'], 'C02AC02 Guanfacin')).toBe('no');
    expect(hierarchyMatch('icd10', ['C18'], 'C187 Malign tumör i colon sigmoideum')).toBe('yes');
  });

  it.skipIf(!existsSync(ADHD))('on the real ADHD file: methylphenidate 2020 is 46 152 children 0–19 in the 21 regions, under N → N06 → N06B → N06BA', async () => {
    const preview = await analyseFile({ name: 'socialstyrelsen_2022-02-18.csv', bytes: new Uint8Array(readFileSync(ADHD)) }, {});
    const counts = importDataset(preview, preview.mapping, { publisher: 'Socialstyrelsen', basis: { kind: 'prevalent' } }).measures.find((m) => m.name === 'Antal patienter')!.dataset;
    const [real] = valueCatalogue([counts]);
    expect(real).toMatchObject({ key: 'lakemedel', label: 'Läkemedel', scheme: 'atc', overlapping: true, periods: ['2020'] });
    // The scenario's figure: the sum of the län rows, 2020, both sexes, 0–19.
    expect(real!.values.find((v) => v.code === 'N06BA04')!.count.point).toBe(46152);
    expect(find(real!.tree!, 'N06BA')!.children.map((c) => c.code)).toEqual(['N06BA02', 'N06BA04', 'N06BA09', 'N06BA12']);
    // All five drugs, 2020: 87 193, a child on two drugs counted under each (a sum over overlapping values).
    expect(real!.tree!.reduce((sum, n) => sum + n.count.point, 0)).toBe(87193);
  });
});
