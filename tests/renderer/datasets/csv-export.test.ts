// Export of a stored dataset to CSV: UTF-8 with BOM, ";" and decimal comma, CRLF, and no cell that a
// spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../shared/counts/builder';
import { analyseFile, buildDataset } from '../../../shared/import';
import { datasetToCsvBytes, datasetToCsvText, escapeCsvCell, exportFileName, formatCsvNumber, type CsvExportLabels } from '../../../renderer/src/datasets/csv-export';
import { importedExport, META } from '../import/import-helpers';
import { MASK_X, testProvenance } from '../../shared/study-builders';

const LABELS: CsvExportLabels = {
  dimension: { region: 'Region', code: 'Diagnos', sex: 'Kön', age: 'Ålder', period: 'Period' },
  point: 'Antal',
  low: 'Lägst',
  high: 'Högst',
};

describe('escapeCsvCell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+46 70 123', "'+46 70 123"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['=HYPERLINK("http://x";"klick")', `"'=HYPERLINK(""http://x"";""klick"")"`],
  ])('neutralises %j as a formula', (raw, escaped) => {
    expect(escapeCsvCell(raw)).toBe(escaped);
  });

  it.each([
    ['Skåne län', 'Skåne län'],
    ['0-19', '0-19'],
    ['a;b', '"a;b"'],
    ['rad 1\nrad 2', '"rad 1\nrad 2"'],
    ['säger "hej"', '"säger ""hej"""'],
    ['', ''],
  ])('leaves %j as data, quoting only where needed', (raw, escaped) => {
    expect(escapeCsvCell(raw)).toBe(escaped);
  });
});

describe('formatCsvNumber', () => {
  it('writes whole numbers plainly and decimals with a comma, never grouped or in exponent form', () => {
    expect(formatCsvNumber(1234567)).toBe('1234567');
    expect(formatCsvNumber(4.74)).toBe('4,74');
    expect(formatCsvNumber(5871.3456789)).toBe('5871,345679');
    expect(formatCsvNumber(0.0000001)).toBe('0');
  });
});

describe('datasetToCsvBytes', () => {
  it('writes a BOM, a header, one CRLF line per cell, masked cells as their token, and escapes formula cells', () => {
    const builder = new DatasetBuilder({
      id: 'x',
      name: 'x',
      basis: { unit: 'persons', kind: 'incident', regionBasis: 'residence' },
      provenance: testProvenance({ publisher: 'p', sha256: 's', periodFrom: '2021', periodTo: '2021', maskTokens: MASK_X }),
      dimensions: [
        { key: 'region', role: 'region' },
        { key: 'sex', role: 'sex' },
        { key: 'lakemedel', role: 'extra' },
      ],
    });
    builder.add(['12', 'female', '=1+1'], { low: 1, point: 2, high: 3, masked: true });
    builder.add(['national', 'all', '@SUM(A1)'], { low: 5871.3, point: 5877.5, high: 5883.7, masked: false });
    builder.add(['01', 'male', 'Guanfacin'], { low: 40, point: 40, high: 40, masked: false });
    const bytes = datasetToCsvBytes(builder.build(), LABELS);
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes)).toBe(
      [
        'Region;Kön;lakemedel;Antal;Lägst;Högst',
        "Skåne län;Kvinnor;'=1+1;X;1;3",
        "Riket;Båda könen;'@SUM(A1);5877,5;5871,3;5883,7",
        'Stockholms län;Män;Guanfacin;40;40;40',
        '',
      ].join('\r\n'),
    );
  });

  it('reads back through the importer to the same cells (region, period, counts and the masked interval)', async () => {
    const { result } = await importedExport();
    const original = result.measures.find((m) => m.key === 'antal-patienter')!.dataset;
    const text = datasetToCsvText(original, LABELS);
    const bytes = datasetToCsvBytes(original, LABELS);
    const again = await analyseFile({ name: 'export.csv', bytes });
    expect(again.encoding?.name).toBe('utf-8-bom');
    expect(again.dialect?.delimiter).toBe(';');
    expect(again.errors).toEqual([]);
    expect(again.maskedCells).toBe(1);
    const mapping = { ...again.mapping, columns: again.mapping.columns.map((c, i) => (i >= 3 ? { kind: 'ignore' as const } : c)) };
    const rebuilt = buildDataset(again, mapping, META).measures[0]!.dataset;
    const cells = (d: typeof original) =>
      Array.from({ length: d.cellCount }, (_, i) => [...d.dimensions.map((dim, k) => dim.values[d.columns[k]![i]!]), d.low[i], d.point[i], d.high[i], d.masked[i]]);
    expect(cells(rebuilt)).toEqual(cells(original));
    expect(text.split('\r\n')[2]).toBe('Skåne län;2021-03;X;1;3');
  });
});

describe('exportFileName', () => {
  it('makes a safe file name from any dataset name', () => {
    expect(exportFileName('Register – Antal patienter')).toBe('Register – Antal patienter.csv');
    expect(exportFileName('../../etc/passwd')).toBe('_.._etc_passwd.csv');
    expect(exportFileName('a:b*c?"d"<e>|f')).toBe('a_b_c_d_e_f.csv');
    expect(exportFileName('   ')).toBe('dataset.csv');
    expect(exportFileName('con')).toBe('_con.csv');
    expect(exportFileName('x'.repeat(300)).length).toBe(124);
  });
});
