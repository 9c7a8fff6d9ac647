/**
 * The whole import, fuzzed: random sheets built from the pieces real exports are made of (title and footnote
 * lines, one or two header rows, super-headers, period and age headers, region, code, sex and measure-name
 * labels, totals and sub-headings, numbers in every format, masking letters, blanks for fill-down) and from
 * arbitrary text, written as CSV or as a workbook. Whatever the input, the preview, the import and a query
 * answer or refuse with their own errors — they never crash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../../shared/import/analyse-file';
import { buildDataset } from '../../../shared/import/build-dataset';
import { ImportRefusedError } from '../../../shared/import/problems';
import { queryDataset, QueryError, type QueryFilters } from '../../../shared/import/query-dataset';
import { InvalidCellError } from '../../../shared/counts/builder';
import { toCsv, toXlsx, type Cell } from './sheet';

const HEADERS = ['Region', 'Kön', 'Ålder', 'År', 'ICD-10', 'Dödsorsak', 'Mått', 'Measure', 'Antal', 'Antal patienter', 'Befolkning', 'Medelfolkmängd',
  'Vårdtillfällen/100 000 inv', 'vecka 10 2020', 'vecka 53 2020', 'vecka 1 2021', '2019', '2020', 'Totalt', 'Samtliga', '0', '1–4', '80–', 'Värde', ''];
const LABELS = ['Stockholm', 'Skåne', 'Västra Götaland', 'Riket', 'Totalt inrapporterat', 'Rapporterande region', 'Okänd', 'Män', 'Kvinnor', 'Båda könen',
  'A00–Y98', 'C00 – D48', 'B99–B99', 'B99', 'C18', 'C18.7', 'Number of patients', 'Admissions', 'Patients per 100,000 inhabitants', '2020', '2020-W53', 'vecka 10 2020', '0-4', '85+', ''];
const VALUES = ['0', '7', '12', '1\u00a0234', '62479,5', '62479.5', '4,74', '-', '–', 'X', 'x', '..', '<5', '1-4', 'S', '', '-3', '9007199254740993', '1e5', '12,345,678'];
const NOTES = ['X – uppgiften har skyddats av sekretesskäl', '"-" = inga fall', 'S = färre än 5 fall', '.. = uppgift saknas', 'Källa: Socialstyrelsen', 'Vårdtillfällen/100 000 inv', 'per 100 000 invånare'];

const text = fc.string({ maxLength: 12 });
const cell = (pool: readonly string[]): fc.Arbitrary<Cell> => fc.oneof({ weight: 8, arbitrary: fc.constantFrom<Cell>(...pool) }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: fc.constant(null) });

const sheetArb = fc.record({
  width: fc.integer({ min: 1, max: 7 }),
  titles: fc.array(fc.oneof(fc.constantFrom(...NOTES), text), { maxLength: 2 }),
  superHeader: fc.boolean(),
  headerRows: fc.integer({ min: 1, max: 2 }),
  rows: fc.integer({ min: 0, max: 14 }),
  footers: fc.array(fc.oneof(fc.constantFrom(...NOTES), text), { maxLength: 3 }),
  labelColumns: fc.integer({ min: 0, max: 3 }),
  xlsx: fc.boolean(),
  delimiter: fc.constantFrom(';', ',', '\t'),
}).chain((shape) => fc.tuple(
  fc.constant(shape),
  fc.array(fc.array(cell(HEADERS), { minLength: shape.width, maxLength: shape.width }), { minLength: shape.headerRows, maxLength: shape.headerRows }),
  fc.array(fc.tuple(fc.array(cell(LABELS), { minLength: shape.width, maxLength: shape.width }), fc.array(cell(VALUES), { minLength: shape.width, maxLength: shape.width })), { minLength: shape.rows, maxLength: shape.rows }),
  fc.array(fc.constantFrom<QueryFilters>({}, { region: 'Skåne' }, { code: 'C00-D48' }, { period: '2020-W10..2021-W02' }, { period: '2019-2021' }, { measure: 'Admissions' }, { sex: 'Män', age: '0-64' }), { minLength: 1, maxLength: 3 }),
));

describe('the whole import on random sheets', () => {
  it('previews, imports and queries every sheet without an unexpected exception', async () => {
    // How far the random sheets got, so that a generator that never reaches a query cannot pass unnoticed. The seed
    // is fixed so that this floor is a fact about these 250 sheets, not a coin toss (an unseeded run once reached no query).
    let imported = 0;
    let answered = 0;
    await fc.assert(fc.asyncProperty(sheetArb, async ([shape, headers, body, queries]) => {
      const rows: Cell[][] = [];
      for (const t of shape.titles) rows.push([t]);
      if (shape.superHeader) rows.push([null, null, 'Ålder']);
      rows.push(...headers);
      for (const [labels, values] of body) rows.push(labels.map((l, c) => (c < shape.labelColumns ? l : values[c]!)));
      rows.push([]);
      for (const f of shape.footers) rows.push([f]);
      const sheet = { name: 'Fuzz', rows };
      const bytes = shape.xlsx ? toXlsx([sheet]) : toCsv(sheet, { delimiter: shape.delimiter, encoding: 'utf-8' });
      const preview = await analyseFile({ name: shape.xlsx ? 'f.xlsx' : 'f.csv', bytes });
      expect(Array.isArray(preview.errors)).toBe(true);
      let data;
      try {
        data = buildDataset(preview, preview.mapping, { publisher: 'fuzz' });
      } catch (error) {
        if (error instanceof ImportRefusedError || error instanceof InvalidCellError) return;
        throw error;
      }
      imported++;
      for (const q of queries) {
        try {
          const r = queryDataset(data, q);
          expect(r.low <= r.point && r.point <= r.high).toBe(true);
          answered++;
        } catch (error) {
          if (!(error instanceof QueryError)) throw error;
        }
      }
    }), { numRuns: 250, seed: 20261207 });
    expect(imported).toBeGreaterThan(10);
    expect(answered).toBeGreaterThan(0);
  });
});
