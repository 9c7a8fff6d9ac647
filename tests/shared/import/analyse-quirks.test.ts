/** Small hand-made files, one per quirk of real Swedish exports (title lines, "X" masks, decimal commas, footers…). */
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../../shared/import/analyse-file';
import { buildDataset } from '../../../shared/import/build-dataset';
import { queryDataset } from '../../../shared/import/query-dataset';
import { ImportRefusedError } from '../../../shared/import/problems';
import { analyseText, codes, utf8 } from './helpers';

const build = (p: Awaited<ReturnType<typeof analyseText>>) => buildDataset(p, p.mapping, { publisher: 'test' });

describe('dialects and encodings', () => {
  it('";" with decimal comma, rate and population', async () => {
    const p = await analyseText('Region;Kön;Antal patienter;Patienter/100 000 invånare;Befolkning\nSkåne;Män;12;1,74;689 000\nSkåne;Kvinnor;8;1,16;688 827\n');
    expect(p.errors).toEqual([]);
    const d = build(p);
    expect(queryDataset(d, { region: 'Region Skåne' })).toMatchObject({ point: 20, source: 'sum', cells: 2 });
    expect(queryDataset(d, { measure: 'population', region: '12' }).point).toBe(1377827);
    const expected = d.measures.find((m) => m.derivedFrom)!;
    // 1,74 per 100 000 of 689 000 ± 0.005 → 11.95…12.02; the published 12 lies inside.
    expect(expected.dataset.low[0]).toBeCloseTo(11.9540, 3);
    expect(expected.dataset.high[0]).toBeCloseTo(12.0229, 3);
  });

  it('"," with decimal point and quoted labels', async () => {
    const p = await analyseText('"Region","Number of patients","Rate per 1000"\n"Stockholm county",1500,0.63\n"Entire Sweden",9000,0.87\n');
    expect(p.dialect?.delimiter).toBe(',');
    const d = build(p);
    expect(queryDataset(d, {})).toMatchObject({ point: 9000, source: 'published-total', sum: { point: 1500 } });
  });

  it('tab-separated UTF-16LE with BOM and CRLF (Excel "Unicode text")', async () => {
    const text = 'Län\tAntal\r\nUppsala län\t7\r\nGotlands län\t2\r\n';
    const body = [...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
    const p = await analyseFile({ name: 'u16.txt', bytes: Uint8Array.from([0xff, 0xfe, ...body]) });
    expect(p.encoding?.name).toBe('utf-16le');
    expect(p.dialect).toMatchObject({ delimiter: '\t', lineEnding: '\r\n' });
    expect(queryDataset(build(p), { region: 'SE-I' }).point).toBe(2);
  });

  it('UTF-8 with BOM: the BOM is not part of the first header', async () => {
    const p = await analyseFile({ name: 'bom.csv', bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Region;Antal\nSkåne;3\n')]) });
    expect(p.encoding?.name).toBe('utf-8-bom');
    expect(p.columns[0]!.header).toBe('Region');
    expect(p.columns[0]!.mapping).toMatchObject({ kind: 'dimension', role: 'region' });
  });

  it('Windows-1252 "Skåne län" (0xE5, 0xE4) is region 12', async () => {
    const bytes = Uint8Array.from([...utf8('Region;Antal\r\nSk'), 0xe5, ...utf8('ne l'), 0xe4, ...utf8('n;5\r\n')]);
    const p = await analyseFile({ name: 'w.csv', bytes });
    expect(p.encoding?.name).toBe('windows-1252');
    expect(p.firstRows[0]).toMatchObject({ line: 2, dimensions: { region: '12' } });
  });
});

describe('table structure', () => {
  it('keeps a title, a blank line and footer/source lines as notes', async () => {
    const p = await analyseText([
      'Antal patienter med diagnos C18, 2021', '', 'Region;Antal', 'Skåne;5', 'Kalmar;7', '',
      'Socialstyrelsens statistikdatabas 2025-01-09', 'Källa: Patientregistret, Socialstyrelsen', 'Footnote: X = 1–3',
    ].join('\r\n'));
    expect(p.errors).toEqual([]);
    expect(p.notes).toEqual([
      { line: 1, kind: 'title', text: 'Antal patienter med diagnos C18, 2021' },
      { line: 7, kind: 'footer', text: 'Socialstyrelsens statistikdatabas 2025-01-09' },
      { line: 8, kind: 'footer', text: 'Källa: Patientregistret, Socialstyrelsen' },
      { line: 9, kind: 'footer', text: 'Footnote: X = 1–3' },
    ]);
    expect(p.firstRows.map((r) => r.line)).toEqual([4, 5]);
  });

  it('combines two header rows (years above months) and unpivots them into periods', async () => {
    const p = await analyseText('Region;2019;;2020;\n;Jan;Feb;Jan;Feb\nSkåne;1;2;3;4\nKalmar;5;6;7;X\n');
    expect(p.errors).toEqual([]);
    expect(p.layout).toMatchObject({ kind: 'wide', headerRows: 2, unpivoted: [{ role: 'period' }] });
    expect(p.columns.map((c) => c.header)).toEqual(['Region', '2019 Jan', '2019 Feb', '2020 Jan', '2020 Feb']);
    const d = build(p);
    expect(d.measures[0]!.dataset.dimensions.find((x) => x.role === 'period')!.values).toEqual(['2019-01', '2019-02', '2020-01', '2020-02']);
    expect(queryDataset(d, { period: '2020', region: 'Kalmar' })).toMatchObject({ low: 8, point: 9, high: 10, masked: 1, source: 'sum' });
  });

  it('unpivots a wide layout by age with a "Totalt" column kept as a published total', async () => {
    const p = await analyseText('Diagnos;0-19;20-64;65+;Totalt\nC18;2;40;120;163\nC20;0;11;35;46\n');
    expect(p.layout?.unpivoted).toEqual([{ measure: 'antal', role: 'age', columns: ['0-19', '20-64', '65+', 'Totalt'], totalColumn: 'Totalt' }]);
    expect(p.totals).toEqual([{ dimension: 'age', value: 'all', cells: 2 }]);
    const d = build(p);
    expect(queryDataset(d, { code: 'C18' })).toMatchObject({ point: 163, source: 'published-total', sum: { point: 162 } });
    expect(queryDataset(d, { code: 'C18', age: '20+' })).toMatchObject({ point: 160, source: 'sum', cells: 2 });
    expect(codes(p, 'warnings')).toContain('measure-kind-assumed');
  });

  it('fills down a code shown only on the first of two rows, and says so', async () => {
    const p = await analyseText('Diagnos;Kön;Antal\nC18.7;Män;12\n;Kvinnor;10\nC15–C26;Män;300\n;Kvinnor;280\nC00 – D48;Båda könen;9000\n');
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'filled-down', line: 3, column: 1 })]));
    const d = build(p);
    expect(d.measures[0]!.dataset.dimensions[0]!.values).toEqual(['C187', 'C15-C26', 'C00-D48']);
    expect(p.totals).toEqual(expect.arrayContaining([{ dimension: 'code', value: 'C15-C26', cells: 2 }, { dimension: 'code', value: 'C00-D48', cells: 1 }]));
    expect(queryDataset(d, { code: 'C18', sex: 'female' })).toMatchObject({ point: 10, source: 'sum' });
  });
});

describe('values', () => {
  it('masked tokens become intervals, recorded in provenance; ".." needs a meaning', async () => {
    const text = 'Region;Antal\nSkåne;X\nKalmar;<5\nGotland;1-4\nBlekinge;..\nUppsala;10\n';
    const p = await analyseText(text);
    expect(p.maskedCells).toBe(3);
    expect(p.errors).toMatchObject([{ code: 'unknown-token-meaning', line: 5, column: 2, raw: '..' }]);
    expect(() => build(p)).toThrow(ImportRefusedError);
    const ok = await analyseText(text, { maskTokens: { '..': { low: 0, high: 9, point: 4.5 } } });
    const d = build(ok);
    expect(d.provenance.maskTokens).toEqual({ X: { low: 1, high: 3, point: 2 }, '<5': { low: 1, high: 4, point: 2.5 }, '1-4': { low: 1, high: 4, point: 2.5 }, '..': { low: 0, high: 9, point: 4.5 } });
    expect(queryDataset(d, {})).toMatchObject({ low: 13, point: 21.5, high: 30, masked: 4, cells: 5 });
  });

  it('zero tokens are 0 but empty cells are errors, never 0', async () => {
    const p = await analyseText('Region;Antal\nSkåne;-\nKalmar;–\nGotland;--\nBlekinge;\u00ad\u00ad\nUppsala;\n');
    expect(p.zeroTokenCells).toBe(4);
    expect(p.errors).toMatchObject([{ code: 'missing-value', line: 6, column: 2, columnName: 'Antal' }]);
    const ok = await analyseText('Region;Antal\nSkåne;-\nKalmar;–\nGotland;4\n');
    expect(queryDataset(build(ok), {})).toMatchObject({ point: 4, cells: 3 });
  });

  it('thousands separated by space, NBSP, narrow NBSP or comma', async () => {
    const p = await analyseText('Region;Befolkning;Invånare\nSkåne;1 377 827;"1,377,827"\nKalmar;245\u00a0446;"245,446"\nGotland;59\u202f686;"59,686"\n');
    expect(p.errors).toEqual([]);
    const d = build(p);
    expect(queryDataset(d, { measure: 'Befolkning' }).point).toBe(1377827 + 245446 + 59686);
    expect(queryDataset(d, { measure: 'Invånare' }).point).toBe(1377827 + 245446 + 59686);
    expect(p.columns[2]!.numberFormat?.evidence).toMatch(/thousands/);
  });

  it('sex and age labels in their many spellings', async () => {
    const p = await analyseText('Kön;Ålder;Antal\nM;0–19;1\nK;0\u00ad19;2\nMale;85+;3\nKvinna;90–;4\nBoth sexes;Samtliga;10\nMan;100+ years;5\n');
    expect(p.errors).toEqual([]);
    expect(p.firstRows.map((r) => [r.dimensions.sex, r.dimensions.age])).toEqual([
      ['male', '0-19'], ['female', '0-19'], ['male', '85+'], ['female', '90+'], ['all', 'all'], ['male', '100+'],
    ]);
  });

  it('refuses a valid personnummer anywhere, naming line and column but not the number', async () => {
    const p = await analyseText('Region;Antal;Kommentar\nSkåne;5;ok\nKalmar;7;patient 811218-9876\n');
    expect(p.errors).toEqual([expect.objectContaining({ code: 'personal-identity-number', line: 3, column: 3, raw: '[personnummer redacted]' })]);
    expect(p.firstRows).toEqual([]);
    expect(p.columns).toEqual([]);
    expect(JSON.stringify(p.errors)).not.toContain('9876');
    expect(() => build(p)).toThrow(ImportRefusedError);
    const samordning = await analyseText('Region;Antal\nSkåne;5\n"Kalmar\n701063-2391";1\n');
    expect(samordning.errors).toMatchObject([{ code: 'personal-identity-number', line: 4, column: 1 }]);
  });

  it('does not flag a number that fails the Luhn check', async () => {
    const p = await analyseText('Region;Antal;Kommentar\nSkåne;5;ref 811218-9875\n');
    expect(codes(p)).toEqual([]);
  });

  it('negative and non-numeric counts are errors with line, column and raw text', async () => {
    const p = await analyseText('Region;Antal\nSkåne;-3\nKalmar;många\nGotland;2,5\n');
    expect(p.errors).toEqual([
      expect.objectContaining({ code: 'negative-count', file: 'test.csv', line: 2, column: 2, columnName: 'Antal', raw: '-3', expected: 'zero or more' }),
      expect.objectContaining({ code: 'not-a-number', line: 3, column: 2, raw: 'många' }),
      expect.objectContaining({ code: 'not-an-integer', line: 4, column: 2, raw: '2,5' }),
    ]);
  });

  it('conflicting duplicates are errors naming both lines; identical ones are counted once', async () => {
    const p = await analyseText('Region;Kön;Antal\nSkåne;Män;5\nRegion Skåne;Man;6\nKalmar;Män;2\nKalmar län;M;2\n');
    expect(p.errors).toEqual([expect.objectContaining({ code: 'conflicting-duplicate', line: 3, column: 3 })]);
    expect(p.errors[0]!.message).toContain('line 2');
    expect(codes(p, 'warnings')).toContain('identical-duplicate');
  });

  it('unknown region and sex labels are errors, not silently dropped', async () => {
    const p = await analyseText('Region;Kön;Antal\nAtlantis;Män;5\nSkåne;Okänt kön;6\nOkänd;Kvinnor;1\n');
    expect(p.errors).toMatchObject([{ code: 'unknown-region', line: 2, column: 1, raw: 'Atlantis' }]);
  });

  it('the user can exclude rows; they are recorded, and their errors go away', async () => {
    const text = 'Region;Antal\nSkåne;5\nKalmar;oklart\nGotland;1\n';
    const p = await analyseText(text, { excludeLines: [3] });
    expect(p.errors).toEqual([]);
    const d = build(p);
    expect(d.provenance.excludedLines).toEqual([3]);
    expect(queryDataset(d, {}).point).toBe(6);
  });
});

describe('malformed files', () => {
  it('unbalanced quote', async () => {
    const p = await analyseText('Region;Antal\nSkåne;5\n"Kalmar;7\nGotland;1\n');
    expect(p.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'unbalanced-quote', line: 3 })]));
  });

  it('a line with 100 000 columns is refused with a clear error', async () => {
    const wide = Array.from({ length: 100000 }, (_, i) => String(i)).join(';');
    const p = await analyseText(`Region;Antal\nSkåne;5\n${wide}\nKalmar;2\n`);
    expect(p.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'too-many-columns', line: 3, expected: 'at most 2000 fields per line' })]));
  });

  it('a line with the wrong number of fields', async () => {
    const p = await analyseText('Region;Kön;Antal\nSkåne;Män;5\nKalmar;3\n');
    expect(p.errors).toMatchObject([{ code: 'wrong-field-count', line: 3 }]);
  });

  it('empty file, blank-only file', async () => {
    expect(codes(await analyseText(''))).toEqual(['empty-file']);
    expect(codes(await analyseText('\r\n\r\n'))).toEqual(['empty-file']);
  });

  it.each([
    ['ZIP (a renamed archive that is not a workbook)', [0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6], 'xlsx-unreadable'],
    ['PDF', [...utf8('%PDF-1.4\n%âãÏÓ\n')], 'binary-file'],
  ])('%s renamed .csv is refused', async (_, bytes, code) => {
    const p = await analyseFile({ name: 'data.csv', bytes: Uint8Array.from(bytes) });
    expect(codes(p)).toEqual([code]);
    expect(p.errors[0]!.file).toBe('data.csv');
  });

  it('a file without any number column has no measure', async () => {
    expect(codes(await analyseText('Region;Kommentar\nSkåne;bra\nKalmar;sämre\n'))).toContain('no-measure');
  });
});
