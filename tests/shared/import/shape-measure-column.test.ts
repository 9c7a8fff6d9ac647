/**
 * Shape 6: a measure column. The "Measure" column names, on each row, what the row's values measure
 * ("Number of patients", "Admissions", a rate): each name is a measure of its own, `measure` selects it, and
 * persons and events are never added together. Figures by hand from replicas.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../shared/import/build-dataset';
import { queryDataset } from '../../../shared/import/query-dataset';
import type { ImportMapping } from '../../../shared/import/import-mapping';
import { measureColumnSheet } from './replicas';
import { essence, importBoth, type Imported } from './shape-helpers';
import { analyseText } from './helpers';

describe('shape 6: a column naming each row\'s measure', async () => {
  const both = await importBoth(measureColumnSheet());
  const all: [string, Imported][] = [['CSV', both.csv], ['XLSX', both.xlsx]];

  it.each(all)('%s: the column is the measure; each name is a measure of its own kind', (_, { preview, data }) => {
    expect(preview.columns[0]!.mapping).toMatchObject({
      kind: 'measure-name',
      specs: {
        'Number of patients': { kind: 'count', unit: 'persons' },
        Admissions: { kind: 'count', unit: 'events' },
        'Patients per 100,000 inhabitants': { kind: 'rate', ratePer: 100000 },
      },
    });
    expect(data.measures.map((m) => [m.name, m.spec.kind, m.dataset.basis.unit])).toEqual([
      ['Number of patients', 'count', 'persons'], ['Admissions', 'count', 'events'], ['Patients per 100,000 inhabitants', 'rate', 'persons'],
    ]);
    // No measure-name dimension is left in the datasets: region × period, 3 regions × 3 years each.
    for (const m of data.measures) {
      expect(m.dataset.dimensions.map((d) => d.role)).toEqual(['region', 'period']);
      expect(m.dataset.cellCount).toBe(9);
    }
  });

  it('the same sheet as CSV and as XLSX gives the same datasets', () => {
    expect(essence(both.xlsx.data)).toEqual(essence(both.csv.data));
  });

  it.each(all)('%s: --measure selects a name; persons are the default', (_, { data }) => {
    expect(queryDataset(data, { region: 'Stockholm', period: '2019' })).toMatchObject({ measure: 'Number of patients', point: 1520, source: 'published-total' });
    expect(queryDataset(data, { measure: 'Admissions', region: 'Stockholm', period: '2019' })).toMatchObject({ point: 2410 });
    // Events over three years add up without a warning: 1 603 + 1 588 + 1 662.
    const admissions = queryDataset(data, { measure: 'Admissions', region: 'Skåne', period: '2019-2021' });
    expect(admissions).toMatchObject({ point: 4853, cells: 3, warnings: [] });
    // Persons over three years: 1 011 + 987 + 1 040, with the warning that a person may be counted in several.
    const patients = queryDataset(data, { measure: 'number of patients', region: 'Skåne', period: '2019..2021' });
    expect(patients.point).toBe(3038);
    expect(patients.warnings.join(' ')).toMatch(/counted more than once/);
    // The nation is "Entire Sweden" as published.
    expect(queryDataset(data, { measure: 'Admissions', period: '2020' })).toMatchObject({ point: 9120, source: 'published-total' });
  });

  it.each(all)('%s: the rate named in the column is one cell or a refusal', (_, { data }) => {
    expect(queryDataset(data, { measure: 'rate', region: 'Skåne', period: '2020' })).toMatchObject({ point: 71.2 });
    expect(() => queryDataset(data, { measure: 'Patients per 100,000 inhabitants', region: 'Skåne' })).toThrow(expect.objectContaining({ code: 'rate-not-summable' }));
  });

  it('read as an ordinary dimension by a user, the names are still never added: refused, not warned', () => {
    const { preview } = both.csv;
    // The rate's rows (lines 10–12) excluded, so that the persons and events are what is left to add.
    const asDimension: ImportMapping = {
      ...preview.mapping,
      columns: preview.mapping.columns.map((c, i) => (i === 0 ? { kind: 'dimension', role: 'extra', key: 'measure' } : c)),
      excludeLines: [10, 11, 12],
    };
    const data = buildDataset(preview, asDimension, { publisher: 'test' });
    expect(() => queryDataset(data, { region: 'Skåne', period: '2019' })).toThrow(expect.objectContaining({
      code: 'mixed-measures',
      message: expect.stringMatching(/"Number of patients", "Admissions".*never added together/),
    }));
    expect(queryDataset(data, { region: 'Skåne', period: '2019', where: { measure: 'Admissions' } })).toMatchObject({ point: 1603 });
  });

  it('a Swedish long export with "Mått" and "Värde" columns', async () => {
    const p = await analyseText([
      'År;Region;Mått;Värde',
      '2021;Skåne;Antal patienter;120',
      '2021;Skåne;Antal vårdtillfällen;310',
      '2021;Kalmar;Antal patienter;40',
      '2021;Kalmar;Antal vårdtillfällen;95',
    ].join('\n'));
    expect(p.errors).toEqual([]);
    const data = buildDataset(p, p.mapping, { publisher: 'test' });
    expect(data.measures.map((m) => [m.key, m.name, m.dataset.basis.unit])).toEqual([['antal-patienter', 'Antal patienter', 'persons'], ['antal-vardtillfallen', 'Antal vårdtillfällen', 'events']]);
    expect(queryDataset(data, {})).toMatchObject({ measure: 'Antal patienter', point: 160 });
    expect(queryDataset(data, { measure: 'Antal vårdtillfällen' })).toMatchObject({ point: 405 });
  });
});
