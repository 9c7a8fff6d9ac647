/**
 * The streaming import (importFile, and buildDataset over a preview of the first rows) against the previous
 * implementation (reference-build.ts: interpretRows over the whole table, an object per cell,
 * DatasetBuilder): the same datasets, the same provenance and the same problems, on the real exports and
 * on hand-made files with every quirk the importer knows; then what only the streaming path has: rows past
 * the preview's sample, progress, cancellation and the problem limit.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { analyseFile, FULL_PREVIEW_MAX_BYTES, type AnalyseOptions, type ImportPreview } from '../../../shared/import/analyse-file';
import { buildDataset, type ImportResult } from '../../../shared/import/build-dataset';
import { importFile, type ImportFileOptions } from '../../../shared/import/import-file';
import type { ImportMapping } from '../../../shared/import/import-mapping';
import { ImportCancelledError, ImportRefusedError } from '../../../shared/import/problems';
import { InvalidCellError } from '../../../shared/counts/builder';
import { queryDataset } from '../../../shared/import/query-dataset';
import { referenceBuild } from './reference-build';
import { ColumnarInterpreter } from '../../../shared/import/columnar-interpreter';
import { utf8 } from './helpers';
import { causeOfDeathSheet, meanPopulationSheet, measureColumnSheet, rateTitleSheet, weeklySheet } from './replicas';
import { toCsv } from './sheet';
import { KOMMUN_LINES } from './kommun-file';

const REAL = path.resolve(__dirname, '../../../../shared/fixtures/real');
const META = { publisher: 'test', extractedAt: '2025-01-09' };

type Outcome = { ok: ImportResult } | { refused: ImportRefusedError } | { invalid: InvalidCellError };

function outcome(run: () => ImportResult): Outcome {
  try {
    return { ok: run() };
  } catch (error) {
    if (error instanceof ImportRefusedError) return { refused: error };
    if (error instanceof InvalidCellError) return { invalid: error };
    throw error;
  }
}

async function outcomeOf(run: () => Promise<ImportResult>): Promise<Outcome> {
  try {
    return { ok: await run() };
  } catch (error) {
    if (error instanceof ImportRefusedError) return { refused: error };
    if (error instanceof InvalidCellError) return { invalid: error };
    throw error;
  }
}

/**
 * The number formats' evidence quotes counts of the rows the proposal looked at ("4950 values like…"); a
 * preview of the first rows looked at fewer, so that provenance field (and its phrases, which the reference
 * builder predates) is left out of the comparison.
 */
function comparable(result: ImportResult): unknown {
  const { numberFormatReasons: _reasons, encodingBecause: _because, noteReasons: _notes, ...rest } = result.provenance;
  const provenance = { ...rest, numberFormats: {} };
  return {
    provenance,
    measures: result.measures.map((m) => ({ ...m, dataset: { ...m.dataset, provenance } })),
  };
}

function expectSame(actual: Outcome, expected: Outcome): void {
  if ('refused' in expected) {
    expect('refused' in actual ? actual.refused.errors : actual).toEqual(expected.refused.errors);
  } else if ('invalid' in expected) {
    expect('invalid' in actual ? actual.invalid.message : actual).toBe(expected.invalid.message);
  } else {
    expect('ok' in actual).toBe(true);
    if ('ok' in actual) expect(comparable(actual.ok)).toEqual(comparable(expected.ok));
  }
}

interface Paths {
  full: ImportPreview;
  reference: Outcome;
  built: Outcome;
  streamed: Outcome;
  sampledBuild: Outcome;
}

/**
 * One file through every path: the reference and buildDataset on a preview of the whole file, and the
 * streaming pass (importFile, and buildDataset on a preview of the first rows) reading past a sample that
 * ends just below the header, in tiny pieces so that records and quoted fields straddle piece boundaries.
 */
async function allPaths(name: string, bytes: Uint8Array, options: AnalyseOptions = {}, edit?: (m: ImportMapping) => ImportMapping, pieceBytes = 64): Promise<Paths> {
  const full = await analyseFile({ name, bytes }, { ...options, previewRows: 'all' });
  const mapping = edit ? edit(full.mapping) : full.mapping;
  const headerEnd = full.table.headerLines[full.table.headerLines.length - 1] ?? 1;
  const previewRows = headerEnd + 1;
  const streamOptions: ImportFileOptions = { ...options, previewRows, pieceBytes };
  const sampled = await analyseFile({ name, bytes }, { ...options, previewRows });
  return {
    full,
    reference: outcome(() => referenceBuild(full, mapping, META)),
    built: outcome(() => buildDataset(full, mapping, META)),
    streamed: await outcomeOf(() => importFile({ name, bytes }, mapping, META, streamOptions)),
    sampledBuild: outcome(() => buildDataset(sampled, mapping, META, { pieceBytes })),
  };
}

async function expectAllAgree(name: string, bytes: Uint8Array, options: AnalyseOptions = {}, edit?: (m: ImportMapping) => ImportMapping, pieceBytes = 64): Promise<Paths> {
  const paths = await allPaths(name, bytes, options, edit, pieceBytes);
  expectSame(paths.built, paths.reference);
  expectSame(paths.streamed, paths.reference);
  expectSame(paths.sampledBuild, paths.reference);
  return paths;
}

const text = (lines: string[], eol = '\n'): Uint8Array => utf8(lines.join(eol) + eol);

describe('the streaming import agrees with the previous implementation', () => {
  for (const file of ['socialstyrelsen_2022-02-18.csv', 'BE0101N1_20230704-171432.csv', 'BE0101U1_20230706-191203.csv']) {
    it.skipIf(!existsSync(path.join(REAL, file)))(`on the real export ${file}`, async () => {
      const bytes = new Uint8Array(readFileSync(path.join(REAL, file)));
      // Pieces of 4 KiB: a few hundred boundaries inside the file, at a reasonable test speed.
      const paths = await expectAllAgree(file, bytes, {}, undefined, 4096);
      expect('ok' in paths.reference).toBe(true);
      if ('ok' in paths.streamed) {
        expect(paths.streamed.ok.provenance.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
        expect(paths.streamed.ok.measures.every((m) => m.dataset.cellCount > 0)).toBe(true);
      }
    });
  }

  it('title, blank lines, fill-down, masked and zero tokens, published totals, footer', async () => {
    const paths = await expectAllAgree('long.csv', text([
      'Antal patienter med diagnos C18, 2021', '', 'Diagnos;Region;Kön;Antal patienter',
      'C18;Riket;Båda könen;120', ';Skåne län;Män;X', ';Skåne län;Kvinnor;-', ';Kalmar län;Män;12', 'C20;Kalmar län;Män;7', '',
      'Socialstyrelsens statistikdatabas 2025-01-09', 'Källa: Patientregistret',
    ], '\r\n'));
    expect('ok' in paths.reference && paths.reference.ok.provenance.notes.join('\n')).toContain('filled-down');
  });

  it('identical duplicates (counted once, a warning) and conflicting ones (an error on the later line)', async () => {
    const warned = await expectAllAgree('dup.csv', text(['Region;Kön;Antal', 'Skåne;Män;5', 'Skåne;Kvinnor;4', 'Skåne;Män;5', 'Kalmar;Män;1']));
    expect('ok' in warned.streamed && warned.streamed.ok.measures[0]!.dataset.cellCount).toBe(3);
    const refused = await expectAllAgree('dup2.csv', text(['Region;Kön;Antal', 'Skåne;Män;5', 'Skåne;Kvinnor;4', 'Skåne;Män;6']));
    expect('refused' in refused.streamed && refused.streamed.refused.errors).toMatchObject([{ code: 'conflicting-duplicate', line: 4 }]);
  });

  it('a wide layout: years as columns under a title, with a total column', async () => {
    await expectAllAgree('wide.csv', text(['Antal patienter', 'Region;2019;2020;2021;Totalt', 'Skåne;5;6;X;14', 'Kalmar;1;-;2;3', 'Riket;6;6;4;17']));
  });

  it('two header rows (years above months)', async () => {
    await expectAllAgree('months.csv', text(['Antal expedieringar', 'Region;2020;;2021;', ';Jan;Feb;Jan;Feb', 'Skåne;5;6;7;8', 'Kalmar;1;2;3;4']));
  });

  it('rate, count and population: expected counts derived, zero populations warned about', async () => {
    const paths = await expectAllAgree('rate.csv', text([
      'År;Läkemedel;Region;Kön;Ålder;Antal patienter;Patienter/1000 invånare;Befolkning',
      '2020;C02AC02 Guanfacin;Stockholms län;Män;0-19;5883;4,74;1 239 976',
      '2020;C02AC02 Guanfacin;Stockholms län;Kvinnor;0-19;0;0;0',
      '2020;C02AC02 Guanfacin;Skåne län;Män;0-19;X;X;120 000',
      '2020;N06BA02 Dexamfetamin;Skåne län;Män;0-19;12;0,1;120 000',
    ], '\r\n'));
    expect('ok' in paths.streamed && paths.streamed.ok.measures.map((m) => m.key)).toContain('patienter-1000-invanare-expected-count');
    expect('ok' in paths.streamed && paths.streamed.ok.provenance.notes.join(' ')).toContain('population-zero-with-zero-count');
  });

  it('expected counts only where the population has the same cell (dictionaries in order of the cells kept)', async () => {
    await expectAllAgree('partial-rate.csv', text(['Region;Kön;Patienter/1000 invånare;Befolkning', 'Skåne;Män;4,1;100', 'Skåne;Kvinnor;3,9;100', 'Kalmar;Män;2,5;50']),
      {}, (m) => ({ ...m, excludeLines: [] }));
  });

  it('quoted fields with delimiters, doubled quotes and line breaks, across piece boundaries', async () => {
    const paths = await expectAllAgree('quoted.csv', text([
      '"Region";"Läkemedel";"Antal"', '"Skåne";"A ""quoted"" drug; with a delimiter";5', '"Kalmar";"Two', 'lines";6', '"Gotland";"Three', 'whole', 'lines";7', 'Uppsala;plain;8',
    ], '\r\n'));
    expect('ok' in paths.streamed && paths.streamed.ok.measures[0]!.dataset.cellCount).toBe(4);
  });

  it('an unclosed quote is an error on its line, however the file is cut into pieces', async () => {
    const paths = await expectAllAgree('open.csv', text(['Region;Antal', 'Skåne;5', 'Kalmar;"7', 'Gotland;2', 'Uppsala;3']));
    expect('refused' in paths.streamed && paths.streamed.refused.errors[0]).toMatchObject({ code: 'unbalanced-quote', line: 3 });
  });

  it('CR-only line endings, a UTF-8 BOM, Windows-1252 and UTF-16LE', async () => {
    await expectAllAgree('cr.csv', utf8('Region;Antal\rSkåne;5\rKalmar;7\r'));
    await expectAllAgree('bom.csv', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Region;Antal\nSkåne;3\nKalmar;4\n')]));
    await expectAllAgree('w.csv', Uint8Array.from([...utf8('Region;Antal\r\nSk'), 0xe5, ...utf8('ne l'), 0xe4, ...utf8('n;5\r\nKalmar;6\r\n')]));
    const u16 = 'Län\tAntal\r\nUppsala län\t7\r\nGotlands län\t2\r\n';
    await expectAllAgree('u16.txt', Uint8Array.from([0xff, 0xfe, ...[...u16].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]));
  });

  it('notes and blank lines inside the table, trailing empty fields, a line with the wrong number of fields', async () => {
    // (The preview's sample decides the table's width, so its one data row here has the header's width.)
    const ok = await expectAllAgree('notes.csv', text(['Region;Kön;Antal', 'Gotland;Män;2', 'Skåne;Män;5;;', '', 'Avsnitt: norra regioner', 'Norrbotten;Män;3', '', 'Källa: SCB']));
    expect('ok' in ok.streamed && ok.streamed.ok.provenance.notes.slice(0, 2)).toEqual(['line 8 (footer): Källa: SCB', 'line 5 (note): Avsnitt: norra regioner']);
    await expectAllAgree('fields.csv', text(['Region;Kön;Antal', 'Skåne;Män;5', 'Kalmar;Män', 'Gotland;Män;2']));
  });

  it('every kind of bad cell: errors in the same order with the same lines, columns and texts', async () => {
    const paths = await expectAllAgree('bad.csv', text([
      'Region;Kön;Antal;Patienter/1000 invånare', 'Atlantis;Män;5;1,0', 'Skåne;Robot;5;1,0', 'Kalmar;Män;..;1,0', 'Gotland;Män;;1,0',
      'Uppsala;Män;abc;1,0', 'Halland;Män;-3;1,0', 'Blekinge;Män;2,5;1,0', 'Jämtland;Män;4;x,y', ';Kvinnor;4;2,0', 'Skåne;;4;2,0',
    ]));
    expect('refused' in paths.streamed && paths.streamed.refused.errors.map((e) => e.code)).toEqual([
      'unknown-region', 'unknown-sex', 'unknown-token-meaning', 'missing-value', 'not-a-number', 'negative-count', 'not-an-integer', 'not-a-number',
    ]);
    // Blank labels are filled down from the row above (a warning), blank counts are not.
    expect('refused' in paths.streamed && paths.streamed.refused.warnings.map((w) => [w.code, w.line, w.column])).toEqual([['filled-down', 10, 1], ['filled-down', 11, 2]]);
  });

  it('excluded lines are left out (and their errors with them); a token given a meaning is used', async () => {
    const bytes = text(['Region;Antal', 'Skåne;5', 'Kalmar;oops', 'Gotland;..', 'Uppsala;3']);
    const paths = await expectAllAgree('ex.csv', bytes, { maskTokens: { '..': { low: 0, high: 4, point: 2 } } }, (m) => ({ ...m, excludeLines: [3] }));
    expect('ok' in paths.streamed && paths.streamed.ok.provenance.excludedLines).toEqual([3]);
  });

  it('a value that a dataset cannot hold is refused the same way (InvalidCellError)', async () => {
    await expectAllAgree('area.csv', text(['Region;Landareal km2', 'Skåne;-5', 'Kalmar;11']));
  });

  it('personal identity numbers past the preview are found, and only their places are reported', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `Skåne;${i};5`);
    rows.splice(40, 0, 'Kalmar;19121212-1212;1');
    const paths = await expectAllAgree('pnr.csv', text(['Region;Läkemedel;Antal', ...rows]));
    expect('refused' in paths.streamed && paths.streamed.refused.errors).toMatchObject([{ code: 'personal-identity-number', line: 42, column: 2, raw: '[personnummer redacted]' }]);
    expect(JSON.stringify('refused' in paths.streamed && paths.streamed.refused)).not.toContain('1212');
  });

  it('a file by municipality: summed into counties, a county row kept, a rate left out, alike on every path', async () => {
    // Hand figures are checked in municipality-rows.test.ts; here every path must give the reference's datasets and problems.
    const paths = await expectAllAgree('kommun.csv', text([...KOMMUN_LINES.slice(0, 3).map((l, i) => (i === 2 ? `${l},"Per 100 000 invånare"` : l)),
      ...KOMMUN_LINES.slice(3).map((l, i) => `${l},${(i * 7.25).toFixed(2)}`)]));
    // Counts: Stockholm's two county rows, Uppsala's and Gotland's two sums; the rate keeps only Stockholm's county rows.
    expect('ok' in paths.reference && paths.reference.ok.measures.map((m) => [m.name, m.dataset.point.length])).toEqual([['Antal patienter', 6], ['Per 100 000 invånare', 2]]);
    expect('ok' in paths.reference && paths.reference.ok.provenance.notes.join('\n')).toContain('3 municipalities were summed into 2 counties');
    // A rate with the county rows as well keeps them: only its municipality cells are left out.
    const withCounty = await expectAllAgree('kommun-rate.csv', text(['"region","år","Antal patienter","Per 100 000 invånare"',
      '"0380 Uppsala","2022",300,"120,5"', '"03 Uppsala län","2022",340,"110,2"', '"0381 Enköping","2022","X","85,1"']));
    expect('ok' in withCounty.reference && withCounty.reference.ok.measures.map((m) => [m.name, m.dataset.point.length])).toEqual([['Antal patienter', 1], ['Per 100 000 invånare', 1]]);
  });

  it('the replicas of six real export shapes, and a measure column with problems, read alike on every path', async () => {
    for (const sheet of [weeklySheet(), causeOfDeathSheet(), meanPopulationSheet(), rateTitleSheet(), measureColumnSheet()]) {
      const paths = await expectAllAgree(`${sheet.name}.csv`, toCsv(sheet));
      expect('ok' in paths.reference).toBe(true);
    }
    // A name met only after the preview, one no words explain, an empty name below a filled one (fill-down),
    // a rate's decimals beside counts', a repeated row and a count with decimals: the same problems in the same order.
    const named = await expectAllAgree('named.csv', text([
      'Mått;Region;2020;2021',
      'Antal patienter;Skåne;10;12',
      ';Kalmar;4;5',
      'Vårdtillfällen;Skåne;20;22',
      'Patienter per 1000 invånare;Skåne;7,5;8,25',
      'Något annat;Skåne;1;2',
      'Antal patienter;Skåne;10;13',
      'Vårdtillfällen;Kalmar;3,5;6',
    ]));
    expect('refused' in named.reference && named.reference.refused.errors.map((e) => e.code)).toEqual(['not-an-integer', 'conflicting-duplicate']);
    const ok = await expectAllAgree('named-ok.csv', text(['Mått;Region;2020', 'Antal patienter;Skåne;10', 'Vårdtillfällen;Skåne;20', 'Antal patienter;Kalmar;4', 'Något annat;Kalmar;1']));
    expect('ok' in ok.reference && ok.reference.ok.measures.map((m) => [m.name, m.dataset.cellCount])).toEqual([['Antal patienter', 2], ['Vårdtillfällen', 1], ['Något annat', 1]]);
  });

  it('random small tables: the same datasets or the same refusal', async () => {
    const region = fc.constantFrom('Skåne', 'Kalmar län', 'Riket', '12', '', 'Atlantis', ' Gotland ');
    const sex = fc.constantFrom('Män', 'Kvinnor', 'Båda könen', '', 'K');
    const count = fc.constantFrom('0', '5', '12', '1 234', 'X', '-', '..', '', '7,5', 'abc', '-3', '<5', ' 9 ');
    const rate = fc.constantFrom('4,74', '0,5', '12', 'X', '', '1.5');
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(region, sex, count, rate), { minLength: 1, maxLength: 25 }),
      fc.array(fc.integer({ min: 2, max: 27 }), { maxLength: 3 }),
      fc.integer({ min: 16, max: 300 }),
      async (rows, exclude, pieceBytes) => {
        const bytes = text(['Region;Kön;Antal;Patienter/1000 invånare', ...rows.map((r) => r.join(';'))]);
        const paths = await allPaths('random.csv', bytes, {}, (m) => ({ ...m, excludeLines: exclude }), pieceBytes);
        expectSame(paths.built, paths.reference);
        expectSame(paths.streamed, paths.reference);
        expectSame(paths.sampledBuild, paths.reference);
      },
    ), { numRuns: 120 });
  });
});

/** A long-layout file of `rows` rows; `bad` puts an unreadable count on those data rows (1-based). */
function bigFile(rows: number, bad: number[] = []): Uint8Array {
  const regions = ['Stockholms län', 'Uppsala län', 'Skåne län', 'Kalmar län', 'Riket'];
  const lines = ['Region;År;Kön;Läkemedel;Antal patienter'];
  for (let i = 1; i <= rows; i++) {
    const count = bad.includes(i) ? 'n/a' : String((i * 7919) % 500);
    lines.push(`${regions[i % 5]};${2000 + (Math.floor(i / 5) % 24)};${['Män', 'Kvinnor', 'Båda könen'][Math.floor(i / 120) % 3]};D${Math.floor(i / 360)};${count}`);
  }
  return text(lines, '\r\n');
}

describe('reading past the preview', () => {
  it('a preview reads the first rows of a large file; the import reads all of them', async () => {
    const bytes = bigFile(30_000);
    const preview = await analyseFile({ name: 'big.csv', bytes }, { previewRows: 2000 });
    expect(preview.sample).toMatchObject({ complete: false, records: 2000 });
    expect(preview.table.body).toHaveLength(1999);
    expect(preview.sample.estimatedRows).toBeGreaterThan(27_000);
    expect(preview.sample.estimatedRows).toBeLessThan(33_000);
    const built = buildDataset(preview, preview.mapping, META);
    const imported = await importFile({ name: 'big.csv', bytes }, undefined, META);
    expect(built.measures[0]!.dataset.cellCount).toBe(30_000);
    expect(imported.rows).toBe(30_000);
    expect(comparable(imported)).toEqual(comparable(built));
    expect(imported.measures[0]!.dataset.dimensions.find((d) => d.role === 'region')!.values).toEqual(['03', '12', '08', 'national', '01']);
    expect(queryDataset(imported, { region: 'Kalmar', sex: 'Män' }).point).toBe(queryDataset(built, { region: 'Kalmar', sex: 'Män' }).point);
  });

  it('small files are previewed whole by default, large ones from their first rows', async () => {
    expect((await analyseFile({ name: 'a.csv', bytes: bigFile(100) })).sample).toMatchObject({ complete: true, records: 101, estimatedRows: 100 });
    const large = await analyseFile({ name: 'b.csv', bytes: bigFile(80_000) });
    expect(large.file.size).toBeGreaterThan(FULL_PREVIEW_MAX_BYTES);
    expect(large.sample).toMatchObject({ complete: false, records: 2000 });
  });

  it('errors after the preview refuse the import, every one of them listed with its line', async () => {
    const bytes = bigFile(20_000, [5000, 12_000, 19_999]);
    const preview = await analyseFile({ name: 'bad.csv', bytes }, { previewRows: 1000 });
    expect(preview.errors).toEqual([]);
    const lines = [5001, 12_001, 20_000];
    expect(() => buildDataset(preview, preview.mapping, META)).toThrow(ImportRefusedError);
    const refusal = await importFile({ name: 'bad.csv', bytes }, undefined, META).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ImportRefusedError);
    expect((refusal as ImportRefusedError).errors.map((e) => [e.code, e.line, e.column, e.raw])).toEqual(lines.map((l) => ['not-a-number', l, 5, 'n/a']));
  });

  it('maxProblems keeps the first problems and counts the rest', async () => {
    const bad = Array.from({ length: 300 }, (_, i) => i + 1);
    const refusal = await importFile({ name: 'many.csv', bytes: bigFile(1000, bad) }, undefined, META, { maxProblems: 25 }).catch((e: unknown) => e) as ImportRefusedError;
    expect(refusal.errors).toHaveLength(25);
    expect(refusal.omitted).toBe(275);
    expect(refusal.message).toContain('25+ error(s)');
  });
});

describe('progress and cancellation', () => {
  const bytes = bigFile(20_000);

  it('reports progress piece by piece, never decreasing, ending at 1', async () => {
    const seen: number[] = [];
    await importFile({ name: 'p.csv', bytes }, undefined, META, { pieceBytes: 16 * 1024, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(20);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen[0]!).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.filter((f) => f === 1)).toHaveLength(1);
  });

  it('an AbortSignal stops the import between pieces: it rejects, reports nothing more and returns nothing', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = importFile({ name: 'c.csv', bytes }, undefined, META, {
      pieceBytes: 16 * 1024,
      signal: controller.signal,
      onProgress: (f) => {
        seen.push(f);
        if (seen.length === 3) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelledError);
    expect(seen).toHaveLength(3);
    expect(seen[2]!).toBeLessThan(0.5);
  });

  it('a cancel that arrives while the import yields (a worker receiving a message) stops it too', async () => {
    const controller = new AbortController();
    let yields = 0;
    const run = importFile({ name: 'c.csv', bytes }, undefined, META, {
      pieceBytes: 16 * 1024,
      signal: controller.signal,
      yieldControl: () => new Promise((resolve) => {
        if (++yields === 2) setTimeout(() => controller.abort(), 0);
        setTimeout(resolve, 0);
      }),
    });
    await expect(run).rejects.toThrow('Import cancelled');
    expect(yields).toBeLessThan(10);
  });

  it('an import cancelled before it starts reads nothing; the next import of the same file is complete', async () => {
    const controller = new AbortController();
    controller.abort();
    const seen: number[] = [];
    await expect(importFile({ name: 'c.csv', bytes }, undefined, META, { signal: controller.signal, onProgress: (f) => seen.push(f) })).rejects.toBeInstanceOf(ImportCancelledError);
    expect(seen).toEqual([]);
    const again = await importFile({ name: 'c.csv', bytes }, undefined, META);
    expect(again.measures[0]!.dataset.cellCount).toBe(20_000);
  });
});

describe('the columnar interpreter grows when the row estimate is too small', () => {
  it('the same columns and problems with a size hint of 1 as with the exact one (long and wide layouts, duplicates late)', async () => {
    const long = ['Region;År;Kön;Antal', ...Array.from({ length: 300 }, (_, i) => `${['Skåne', 'Kalmar', 'Gotland'][i % 3]};${2000 + Math.floor(i / 6)};${i % 2 ? 'Män' : 'Kvinnor'};${i}`), 'Skåne;2000;Kvinnor;0', 'Kalmar;2049;Män;1'];
    const wide = ['Antal patienter', 'Läkemedel;Kön;2019;2020;2021', ...Array.from({ length: 120 }, (_, i) => `D${i};${i % 2 ? 'Män' : 'Kvinnor'};${i};X;-`), 'D3;Män;3;X;-'];
    for (const lines of [long, wide]) {
      const preview = await analyseFile({ name: 'g.csv', bytes: text(lines) }, { previewRows: 'all' });
      const run = (expectedRows: number) => {
        const it = new ColumnarInterpreter({ file: 'g.csv', headers: preview.table.headers, width: preview.table.width, mapping: preview.mapping, expectedRows });
        for (const r of preview.table.body) it.add(r.line, r.cells);
        return it.finish();
      };
      const small = run(1);
      const exact = run(preview.table.body.length);
      expect(small).toEqual(exact);
      expect(small.problems.map((p) => p.code)).toContain('identical-duplicate');
      expectSame(outcome(() => buildDataset(preview, preview.mapping, META)), outcome(() => referenceBuild(preview, preview.mapping, META)));
    }
  });
});
