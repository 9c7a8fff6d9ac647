/**
 * Shape 4: SCB's mean population ("Medelfolkmängd"), the mean of two year-end counts and so often a half.
 * A population may be fractional; a count of persons may not. Figures by hand from replicas.ts.
 */
import { describe, expect, it } from 'vitest';
import { queryDataset } from '../../../shared/import/query-dataset';
import { meanPopulationSheet } from './replicas';
import { essence, importBoth, type Imported } from './shape-helpers';
import { analyseText } from './helpers';

describe('shape 4: fractional mean population', async () => {
  const both = await importBoth(meanPopulationSheet());
  const all: [string, Imported][] = [['CSV', both.csv], ['XLSX', both.xlsx]];

  it.each(all)('%s: the title names a population; halves are read, not refused', (_, { preview, data }) => {
    expect(preview.columns[1]!.mapping).toMatchObject({ kind: 'measure', name: 'Medelfolkmängd', spec: { kind: 'population' } });
    expect(data.measures.map((m) => m.dataset.basis.unit)).toEqual(['persons']);
    expect(queryDataset(data, { region: '01', period: '2020' })).toMatchObject({ point: 2391990.5, source: 'published-total' });
    expect(queryDataset(data, { region: 'Gotland', period: '2021' })).toMatchObject({ point: 60240.5 });
  });

  it.each(all)('%s: the counties of a year add up; a population is not added over years', (_, { data }) => {
    // 2 391 990.5 + 385 400 + 60 035.5 + 1 383 200.5 + 249 830.5
    expect(queryDataset(data, { period: '2020' })).toMatchObject({ point: 4470457, source: 'sum', cells: 5 });
    expect(() => queryDataset(data, { region: 'Uppsala' })).toThrow(expect.objectContaining({ code: 'not-additive', message: expect.stringContaining('population') }));
  });

  it('the same sheet as CSV and as XLSX gives the same dataset', () => {
    expect(essence(both.xlsx.data)).toEqual(essence(both.csv.data));
  });

  it('a count of persons with decimals is still refused, and a mean age is a measure that may have them', async () => {
    const counts = await analyseText('Region;Antal patienter\nSkåne;12,5\nKalmar;3\n');
    expect(counts.errors).toMatchObject([{ code: 'not-an-integer', line: 2, column: 2, raw: '12,5' }]);
    const means = await analyseText('Region;Medelålder;Medelfolkmängd\nSkåne;43,5;1383200,5\nKalmar;45,1;245446\n');
    expect(means.errors).toEqual([]);
    expect(means.columns.map((c) => (c.mapping.kind === 'measure' ? c.mapping.spec.kind : c.mapping.kind))).toEqual(['dimension', 'other', 'population']);
  });
});
