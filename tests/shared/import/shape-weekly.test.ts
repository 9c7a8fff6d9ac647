/**
 * Shape 1: a wide weekly table from a workbook (Socialstyrelsen's weekly reporting). Title rows; two header
 * rows, periods ("vecka 10 2020") above a measure label ("Antal") over every column; a published total
 * column; "Totalt inrapporterat" above the sub-heading "Rapporterande region" in the region column; 21
 * regions by short name; footnotes, one explaining the masking letter. Every figure below is worked out by
 * hand from the grid in replicas.ts.
 */
import { describe, expect, it } from 'vitest';
import { queryDataset } from '../../../shared/import/query-dataset';
import { WEEKLY_MASK_NOTE, weeklySheet } from './replicas';
import { essence, importBoth, roles, type Imported } from './shape-helpers';
import { analyseText } from './helpers';
import { buildDataset } from '../../../shared/import/build-dataset';

describe('shape 1: wide weekly table with two header rows', async () => {
  const lower = await importBoth(weeklySheet());
  const upper = await importBoth(weeklySheet({ regionLabelInUpperRow: true }));
  const all: [string, Imported][] = [['CSV', lower.csv], ['XLSX', lower.xlsx], ['CSV, "Region" in the upper row', upper.csv], ['XLSX, "Region" in the upper row', upper.xlsx]];

  it.each(all)('%s: periods from the upper header row, "Antal" from the lower, the total column as all periods', (_, { preview }) => {
    expect(preview.layout).toMatchObject({ kind: 'wide', headerRows: 2 });
    expect(roles(preview)).toEqual(['region', ...Array(9).fill('count')]);
    const members = preview.columns.slice(1).map((c) => (c.mapping.kind === 'measure' ? c.mapping.members.map((m) => `${m.role}=${m.value}`).join() : ''));
    expect(members).toEqual([
      'period=2020-W10', 'period=2020-W11', 'period=2020-W12', 'period=2020-W13',
      'period=2020-W52', 'period=2020-W53', 'period=2021-W01', 'period=2021-W02', 'period=all',
    ]);
  });

  it.each(all)('%s: the national row, the sub-heading as a note, the footnotes kept, X explained', (_, { preview, data }) => {
    const dataset = data.measures[0]!.dataset;
    // 1 national row + 21 regions, 9 columns each.
    expect(dataset.cellCount).toBe(22 * 9);
    expect(dataset.dimensions[0]!.values).toEqual(['national', '01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25']);
    // X cells by hand: Uppsala 1, Sörmland 1, Östergötland 1, Kronoberg 1, Kalmar 1, Gotland 4, Blekinge 2, Skåne 1,
    // Halland 1, Värmland 1, Örebro 1, Västmanland 1, Dalarna 1, Västernorrland 1, Jämtland Härjedalen 2,
    // Västerbotten 1, Norrbotten 1 = 22.
    expect(preview.maskedCells).toBe(22);
    expect(preview.notes.filter((n) => n.kind === 'note').map((n) => n.text)).toEqual(['Rapporterande region']);
    expect(preview.notes.filter((n) => n.kind === 'footer').map((n) => n.text)).toEqual([WEEKLY_MASK_NOTE, 'Uppgifterna för de senaste veckorna kan komma att ändras.']);
    expect(preview.tokenNotes).toMatchObject([{ token: 'X', line: 30, meaning: { kind: 'masked', range: { low: 1, high: 3 } } }]);
    expect(preview.warnings.map((w) => w.code)).toEqual(['note-inside-table']);
  });

  it('the same sheet as CSV and as XLSX gives the same dataset, whichever row holds "Region"', () => {
    expect(essence(lower.xlsx.data)).toEqual(essence(lower.csv.data));
    expect(essence(upper.csv.data)).toEqual(essence(lower.csv.data));
    expect(essence(upper.xlsx.data)).toEqual(essence(lower.csv.data));
  });

  it.each(all)('%s: published totals are kept, weeks are summed over ranges that cross the new year', (_, { data }) => {
    // Stockholm's published total covers weeks not shown: 9120, not 12 + 85 + … + 142.
    expect(queryDataset(data, { region: 'Stockholm' })).toMatchObject({ point: 9120, source: 'published-total', cells: 1 });
    expect(queryDataset(data, { region: 'Stockholm' }).sum).toMatchObject({ point: 12 + 85 + 310 + 402 + 150 + 171 + 160 + 142, cells: 8 });
    expect(queryDataset(data, { region: 'Stockholm', period: '2020-W10..2020-W13' })).toMatchObject({ low: 809, point: 809, high: 809, source: 'sum', cells: 4 });
    expect(12 + 85 + 310 + 402).toBe(809);
    expect(queryDataset(data, { region: 'Stockholm', period: '2020-W52..2021-W02' })).toMatchObject({ point: 150 + 171 + 160 + 142, cells: 4 });
    // Sörmland weeks 10–13: 0 + X + 6 + 11, X = 1–3 (point 2).
    expect(queryDataset(data, { region: 'Sörmland', period: '2020-W10..2020-W13' })).toMatchObject({ low: 18, point: 19, high: 20, masked: 1 });
    // Gotland 2021 weeks 1–2: X + X.
    expect(queryDataset(data, { region: 'Gotland', period: '2021-W01..2021-W02' })).toMatchObject({ low: 2, point: 4, high: 6, masked: 2 });
  });

  it.each(all)('%s: the nation is the "Totalt inrapporterat" row as published, the regions\' sum beside it', (_, { data }) => {
    expect(queryDataset(data, {})).toMatchObject({ point: 33500, source: 'published-total' });
    const week10 = queryDataset(data, { period: '2020-W10' });
    expect(week10).toMatchObject({ point: 19, source: 'published-total' });
    // Regions in week 10: Stockholm 12 + Västra Götaland 5 + X (Östergötland) + X (Skåne), the rest 0.
    expect(week10.sum).toEqual({ low: 17 + 2, point: 17 + 4, high: 17 + 6, cells: 21, masked: 2 });
    // The national row's own weeks, not the regions': 19 + 151 + 532 + 793.
    expect(queryDataset(data, { period: '2020-W10..2020-W13' })).toMatchObject({ point: 1495, source: 'sum', cells: 4 });
  });

  it('a year holds the weeks that lie in it; week 53 of 2020 runs into 2021 and is named, not counted', () => {
    const q = queryDataset(lower.csv.data, { region: 'Stockholm', period: '2020' });
    expect(q).toMatchObject({ point: 12 + 85 + 310 + 402 + 150, cells: 5 });
    expect(q.warnings.join(' ')).toContain('2020-W53');
  });
});

describe('shape 1, other members of the class', () => {
  const load = async (text: string) => {
    const preview = await analyseText(text);
    expect(preview.errors).toEqual([]);
    return { preview, data: buildDataset(preview, preview.mapping, { publisher: 'test' }) };
  };

  it('years above week numbers written "v. 52", and a total named with what it totals', async () => {
    const { preview, data } = await load('Antal per vecka\n\n;2020;2020;2021;\nRegion;v. 52;v. 53;v. 1;Totalt 2020–2021\nTotalt;5;6;7;30\nStockholm;1;2;3;10\nSkåne;4;4;4;20\n');
    expect(preview.layout).toMatchObject({ kind: 'wide', headerRows: 2 });
    expect(preview.columns.slice(1).map((c) => (c.mapping.kind === 'measure' ? c.mapping.members[0]?.value : ''))).toEqual(['2020-W52', '2020-W53', '2021-W01', 'all']);
    expect(queryDataset(data, { region: 'Skåne' })).toMatchObject({ point: 20, source: 'published-total' });
    expect(queryDataset(data, { region: 'Skåne', period: '2020-W52..2021-W01' })).toMatchObject({ point: 4 + 4 + 4 });
  });

  it('"Vecka 52, 2020" headers and a "Summa" column in one header row', async () => {
    const { data } = await load('Region;Vecka 52, 2020;Vecka 53, 2020;Vecka 1, 2021;Summa\nRiket;5;6;7;30\nStockholm;1;2;3;10\nSkåne;4;4;4;20\n');
    expect(queryDataset(data, {})).toMatchObject({ point: 30, source: 'published-total' });
    expect(queryDataset(data, { period: '2020' })).toMatchObject({ point: 5 });
  });
});
