/**
 * Shape 2: a cause-of-death table with a code hierarchy (Socialstyrelsen's dödsorsaksregister). A super-header
 * row ("Ålder" over the age columns) above the real header; the code and the cause only on the men's row of
 * each pair (fill down); chapters, blocks and codes mixed, including a block of one code ("B99–B99") beside
 * that code's own row; NO-BREAK SPACE between thousands, "-" for zero, en dashes in ranges; the CSV in
 * Windows-1252 as Swedish Excel saves it. Figures by hand from the grid in replicas.ts.
 */
import { describe, expect, it } from 'vitest';
import { queryDataset } from '../../../shared/import/query-dataset';
import { causeOfDeathSheet } from './replicas';
import { toCsv } from './sheet';
import { essence, importBoth, roles, type Imported } from './shape-helpers';
import { analyseText } from './helpers';
import { buildDataset } from '../../../shared/import/build-dataset';

describe('shape 2: cause of death with chapters, blocks and codes', async () => {
  const both = await importBoth(causeOfDeathSheet());
  const all: [string, Imported][] = [['CSV', both.csv], ['XLSX', both.xlsx]];

  it('the CSV really has the quirks: Windows-1252, NO-BREAK SPACE thousands, en dashes, the code on one row of two', () => {
    const bytes = toCsv(causeOfDeathSheet());
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).toContain('45\u00a0213');
    expect(bytes.includes(0x96)).toBe(true); // "–" in Windows-1252
    expect(text).toContain('\r\n;;Kvinnor;');
  });

  it.each(all)('%s: the super-header is read with the header under it, not as the header', (_, { preview }) => {
    expect(preview.layout).toMatchObject({ kind: 'wide', headerRows: 2 });
    // ICD-10 → code; Dödsorsak only names the codes → not a dimension; Kön → sex; 8 age columns → one count.
    expect(roles(preview)).toEqual(['code', 'ignore', 'sex', ...Array(8).fill('count')]);
    const ages = preview.columns.slice(3).map((c) => (c.mapping.kind === 'measure' ? c.mapping.members[0]?.value : null));
    expect(ages).toEqual(['all', '0', '1-4', '5-14', '15-44', '45-64', '65-79', '80+']);
    expect(preview.columns[3]!.mapping).toMatchObject({ name: 'Antal döda', spec: { kind: 'count', unit: 'persons' } });
  });

  it.each(all)('%s: codes filled down, "-" read as 0, the single-code block counted once', (_, { preview, data }) => {
    const dataset = data.measures[0]!.dataset;
    expect(dataset.dimensions.map((d) => d.key)).toEqual(['code', 'sex', 'age']);
    expect(dataset.dimensions[0]!.values).toEqual(['A00-Y98', 'A00-B99', 'A40-A41', 'B99', 'C00-D48', 'C15-C26', 'C18', 'C20', 'I00-I99', 'I20-I25', 'I21']);
    // 12 rows of codes × 2 sexes × 8 columns, less the B99 block's 16 cells, which are B99's own.
    expect(dataset.cellCount).toBe(12 * 2 * 8 - 16);
    const warnings = preview.warnings.map((w) => w.code);
    expect(warnings.filter((c) => c === 'identical-duplicate')).toHaveLength(16);
    expect(warnings).toContain('filled-down');
    expect(preview.tokenNotes).toMatchObject([{ token: '-', meaning: { kind: 'zero' } }]);
  });

  it('the same sheet as CSV and as XLSX gives the same dataset', () => {
    expect(essence(both.xlsx.data)).toEqual(essence(both.csv.data));
  });

  it.each(all)('%s: a chapter or block is its published row, never added to its own blocks and codes', (_, { data }) => {
    // All causes: the A00–Y98 rows, men 45 213 + women 44 975 (age "Samtliga").
    expect(queryDataset(data, {})).toMatchObject({ point: 45213 + 44975, cells: 2 });
    // Tumours: the C00–D48 rows only, not + C15–C26 (3 611 + 3 093) + C18 + C20.
    expect(queryDataset(data, { code: 'C00-D48' })).toMatchObject({ point: 12381 + 10924, cells: 2 });
    expect(queryDataset(data, { code: 'C00–D48', sex: 'Män' })).toMatchObject({ point: 12381, source: 'published-total' });
    expect(queryDataset(data, { code: 'A00-B99' })).toMatchObject({ point: 1012 + 1106 });
    // A block and ages: men 702 + 1 690, women 561 + 1 310.
    expect(queryDataset(data, { code: 'C15-C26', age: '45-79' })).toMatchObject({ point: 702 + 1690 + 561 + 1310, cells: 4 });
    expect(queryDataset(data, { code: 'I21', age: '80+' })).toMatchObject({ point: 1580 + 1688 });
    expect(queryDataset(data, { age: '0' })).toMatchObject({ point: 120 + 95 });
  });

  it.each(all)('%s: "B99–B99" is the code B99, so B99 is counted once (61 for women, not 122)', (_, { data }) => {
    expect(queryDataset(data, { code: 'B99', sex: 'Kvinnor' })).toMatchObject({ point: 61, source: 'published-total' });
    expect(queryDataset(data, { code: 'B99-B99' })).toMatchObject({ point: 58 + 61, cells: 2 });
  });

  it.each(all)('%s: a range the file does not publish is the sum of the codes it lists, and says a coarser block holds more', (_, { data }) => {
    const q = queryDataset(data, { code: 'C18-C20' });
    // C18 (1 078 + 1 105) + C20 (391 + 296); the file has no C19 row.
    expect(q).toMatchObject({ point: 1078 + 1105 + 391 + 296, source: 'sum', cells: 4 });
    expect(q.warnings.join(' ')).toMatch(/publishes C15-C26, which holds C18-C20 and more/);
  });

  it.each(all)('%s: zeros written "-" add nothing and are not masked', (_, { data }) => {
    // Sepsis, women: "-" under 0, 1–4 and 5–14; 4 at 15–44 and 30 at 45–64.
    expect(queryDataset(data, { code: 'A40-A41', sex: 'Kvinnor', age: '0-64' })).toMatchObject({ point: 4 + 30, masked: 0 });
  });
});

describe('shape 2, other members of the class', () => {
  const load = async (text: string) => {
    const preview = await analyseText(text);
    expect(preview.errors).toEqual([]);
    return { preview, data: buildDataset(preview, preview.mapping, { publisher: 'test' }) };
  };

  it('a super-header alone in its row ("Ålder" over the ages, the other headings in the row below)', async () => {
    const { preview, data } = await load('Antal döda\n;;;Ålder;;\nICD-10;Dödsorsak;Kön;Samtliga;0–64;65–\nA00–Y98;Alla dödsorsaker;Män;10;4;6\n;;Kvinnor;12;5;7\nC00–D48;Tumörer;Män;3;1;2\n;;Kvinnor;4;2;2\nC18;Tjocktarm;Män;1;0;1\n;;Kvinnor;1;1;0\n');
    expect(roles(preview)).toEqual(['code', 'ignore', 'sex', 'count', 'count', 'count']);
    // The chapter's rows, 3 + 4; not + C18's 1 + 1.
    expect(queryDataset(data, { code: 'C00-D48' })).toMatchObject({ point: 7, cells: 2 });
    expect(queryDataset(data, { age: '65+' })).toMatchObject({ point: 6 + 7 });
  });

  it('sexes spanning the age columns (two member dimensions across)', async () => {
    const { data } = await load('Antal patienter\n\nRegion;Män;;Kvinnor;\n;0–64;65+;0–64;65+\nSkåne;1;2;3;4\nKalmar;5;6;7;8\n');
    expect(queryDataset(data, { region: 'Skåne', sex: 'Kvinnor' })).toMatchObject({ point: 3 + 4 });
    expect(queryDataset(data, { age: '65+' })).toMatchObject({ point: 2 + 4 + 6 + 8 });
  });
});
