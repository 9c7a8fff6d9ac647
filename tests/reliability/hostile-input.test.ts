/**
 * The hostile-input corpus: every kind of bad file a coordinator might be sent or pick by mistake goes through the
 * real import (shared/import/import-file.ts, the same path the import worker runs). Each one either is refused
 * with problems that name the file, line, column, raw text and what was expected, or gives a documented safe
 * outcome. Nothing crashes, nothing is half-imported, memory stays bounded. Files are generated here, never
 * committed; the 200 MB one is written to the OS temp folder and removed afterwards.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { deflateSync, strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeCsvCell, datasetToCsvText } from '../../renderer/src/datasets/csv-export';
import { importFile, type ImportFileResult } from '../../shared/import/import-file';
import { ImportRefusedError, type ImportProblem, type ProblemCode } from '../../shared/import/problems';
import { REGIONS } from '../../shared/regions/regions';

const META = { publisher: 'Testregistret' };
const utf8 = (text: string) => new TextEncoder().encode(text);

type Outcome = { kind: 'imported'; result: ImportFileResult } | { kind: 'refused'; errors: ImportProblem[]; warnings: ImportProblem[] };

/** Runs the import; anything but a result or an ImportRefusedError (a crash) fails the test. */
async function attempt(name: string, bytes: Uint8Array): Promise<Outcome> {
  try {
    return { kind: 'imported', result: await importFile({ name, bytes }, undefined, META) };
  } catch (error) {
    if (error instanceof ImportRefusedError) return { kind: 'refused', errors: error.errors, warnings: error.warnings };
    throw error;
  }
}

/** Every problem says where (this file), what was found and what was expected, in words. */
function expectWellFormed(problems: readonly ImportProblem[], file: string): void {
  for (const p of problems) {
    expect(p.file).toBe(file);
    expect(p.expected.length, `${p.code}: expected`).toBeGreaterThan(0);
    expect(p.message.length, `${p.code}: message`).toBeGreaterThan(0);
    if (p.line !== null) expect(p.line).toBeGreaterThan(0);
    if (p.column !== null) expect(p.column).toBeGreaterThan(0);
  }
}

async function refused(name: string, bytes: Uint8Array): Promise<ImportProblem[]> {
  const outcome = await attempt(name, bytes);
  if (outcome.kind !== 'refused') throw new Error(`${name} was imported, expected a refusal`);
  expect(outcome.errors.length).toBeGreaterThan(0);
  expectWellFormed([...outcome.errors, ...outcome.warnings], name);
  return outcome.errors;
}

async function imported(name: string, bytes: Uint8Array): Promise<ImportFileResult> {
  const outcome = await attempt(name, bytes);
  if (outcome.kind !== 'imported') throw new Error(`${name} was refused: ${outcome.errors.map((e) => e.message).join('; ')}`);
  expectWellFormed(outcome.result.problems, name);
  return outcome.result;
}

function only(errors: readonly ImportProblem[], code: ProblemCode): ImportProblem {
  const found = errors.filter((e) => e.code === code);
  expect(found, `${code} among ${errors.map((e) => e.code).join(', ')}`).toHaveLength(1);
  return found[0]!;
}

describe('hostile files are refused with a clear error, or give a documented safe outcome', () => {
  it('an unbalanced quote: refused at the line where the quote opens, with the text found', async () => {
    const errors = await refused('ofullständig.csv', utf8('Region;År;Antal\nSkåne;2021;"12\nUppsala;2021;5\n'));
    const e = only(errors, 'unbalanced-quote');
    expect(e.line).toBe(2);
    expect(e.raw).toContain('"12');
  });

  it('mixed delimiters: a line with commas inside a ";" table is kept out of the data and named in a warning', async () => {
    const result = await imported('blandat.csv', utf8('Region;År;Antal\nSkåne,2021,12\nUppsala;2021;5\nHalland;2021;7\n'));
    const warning = result.problems.find((p) => p.code === 'note-inside-table')!;
    expect(warning).toMatchObject({ line: 2, raw: 'Skåne,2021,12', severity: 'warning' });
    expect(result.measures[0]!.dataset.cellCount).toBe(2); // Uppsala and Halland; the comma line is not guessed at
  });

  it('a ZIP and a PDF renamed .csv, and a file of 0 bytes: refused as what they are', async () => {
    expect(only(await refused('arkiv.csv', zipSync({ 'a.txt': strToU8('hej') })), 'xlsx-unreadable').message).toMatch(/not an \.xlsx workbook/);
    const pdf = new Uint8Array([...utf8('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0, 0, 1, 2, ...utf8('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')]);
    const pdfError = only(await refused('brev.csv', pdf), 'binary-file');
    expect(pdfError.message).toMatch(/PDF/);
    expect(only(await refused('tom.csv', new Uint8Array()), 'empty-file').message).toMatch(/0 bytes/);
  });

  it('a line with 100 000 columns: refused at that line, and the raw text in the problem is shortened', async () => {
    const wide = 'Region;År;Antal\nSkåne;2021;' + Array.from({ length: 100_000 }, (_, i) => String(i)).join(';') + '\n';
    const e = only(await refused('bred.csv', utf8(wide)), 'too-many-columns');
    expect(e.line).toBe(2);
    expect(e.raw.length).toBeLessThan(1000);
    expect(e.expected).toMatch(/at most 2000 fields/);
  });

  it('a very long line (5 MB in one cell) does not crash the import: it is a note, named in a warning', async () => {
    const long = `Region;År;Antal\nSkåne;2021;12\nNot: ${'x'.repeat(5_000_000)}\nUppsala;2021;5\n`;
    const result = await imported('lång.csv', utf8(long));
    expect(result.measures[0]!.dataset.cellCount).toBe(2);
    expect(result.problems.find((p) => p.code === 'note-inside-table')?.line).toBe(3);
  });

  it('formula injection: =HYPERLINK(…), @SUM, +cmd and -2+3 stay plain text in the dataset, and the CSV export defuses them', async () => {
    const text = [
      'Region;År;Kategori;Antal',
      'Skåne;2021;"=HYPERLINK(""http://evil.example/"";""klicka"")";12',
      'Uppsala;2021;@SUM(A1:A9);5',
      "Halland;2021;+cmd|' /C calc'!A0;7",
      'Gotland;2021;-2+3;1',
    ].join('\n');
    const result = await imported('formler.csv', utf8(text));
    const dataset = result.measures[0]!.dataset;
    const category = dataset.dimensions.find((d) => d.key === 'kategori')!;
    expect(category.values).toEqual(['=HYPERLINK("http://evil.example/";"klicka")', '@SUM(A1:A9)', "+cmd|' /C calc'!A0", '-2+3']);
    const csv = datasetToCsvText(dataset, { dimension: { region: 'Region', period: 'Period', sex: 'Kön', age: 'Ålder', code: 'Diagnos' }, point: 'Antal', low: 'Lägst', high: 'Högst' });
    // Read back as a spreadsheet would split it: every formula cell now starts with an apostrophe (plain text).
    const rows = Papa.parse<string[]>(csv.trimEnd(), { delimiter: ';', newline: '\r\n' }).data;
    expect(rows.slice(1).map((r) => r[2])).toEqual([`'=HYPERLINK("http://evil.example/";"klicka")`, "'@SUM(A1:A9)", "'+cmd|' /C calc'!A0", "'-2+3"]);
    // A formula in a region column is not a region: refused, with the formula shown as text.
    const e = only(await refused('formel-region.csv', utf8('Region;År;Antal\n=HYPERLINK("http://evil");2021;12\n')), 'unknown-region');
    expect(e).toMatchObject({ line: 2, column: 1, raw: '=HYPERLINK("http://evil")' });
  });

  it('negative, non-numeric, fractional and absurdly large counts: each refused at its line and column with the raw value', async () => {
    const text = 'Region;År;Antal\nSkåne;2021;-5\nUppsala;2021;tolv\nBlekinge;2021;1e308\nGotland;2021;12,5\nHalland;2021;99999999999999999999999\nKalmar;2021;9007199254740993\nJämtland;2021;4\n';
    const errors = await refused('tal.csv', utf8(text));
    expect(errors.map((e) => [e.code, e.line, e.column, e.raw])).toEqual([
      ['negative-count', 2, 3, '-5'],
      ['not-a-number', 3, 3, 'tolv'],
      ['not-a-number', 4, 3, '1e308'],
      ['not-an-integer', 5, 3, '12,5'],
      // Larger than a double holds exactly: refused, never rounded into a different count.
      ['not-a-number', 6, 3, '99999999999999999999999'],
      ['not-a-number', 7, 3, '9007199254740993'],
    ]);
  });

  it('conflicting duplicate cells: refused at the later line, naming the earlier one and its value', async () => {
    const e = only(await refused('dubbletter.csv', utf8('Region;År;Antal\nSkåne;2021;12\nSkåne;2021;13\nUppsala;2021;5\n')), 'conflicting-duplicate');
    expect(e).toMatchObject({ line: 3, column: 3, raw: '13' });
    expect(e.expected).toMatch(/line 2 \(12\)/);
    // The cell is named in words (its columns and the county's name), not by internal keys such as "region=12".
    expect(e.message).toMatch(/^region Skåne County, period 2021 appears on line 2 with 12 and here with a different value/);
  });

  it('invalid UTF-8 is read as Windows-1252 (shown in the preview, overridable): the garbled names are refused, not guessed', async () => {
    const bytes = new Uint8Array([...utf8('Region;År;Antal\nSk'), 0xc3, 0x28, ...utf8('ne;2021;12\n'), 0xff, 0xfe, 0xfd, ...utf8(';2021;5\n')]);
    const errors = await refused('trasig.csv', bytes);
    expect(errors.map((e) => [e.code, e.line, e.column])).toEqual([
      ['unknown-region', 2, 1],
      ['unknown-region', 3, 1],
    ]);
    expect(errors[0]!.raw).toBe('SkÃ(ne');
  });
});

// ---------------------------------------------------------------------------------------------------------
// XLSX zip bombs

const WORKBOOK = strToU8('<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>');
const RELS = strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>');

interface ZipEntry {
  name: string;
  /** Raw deflate stream. */
  data: Uint8Array;
  crc: number;
  size: number;
}

/** A ZIP archive written by hand, so that many entries can share one compressed stream (cheap to build). */
function zipOf(entries: readonly ZipEntry[]): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const header = new DataView(new ArrayBuffer(30));
    header.setUint32(0, 0x04034b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(8, 8, true); // deflate
    header.setUint32(14, e.crc, true);
    header.setUint32(18, e.data.length, true);
    header.setUint32(22, e.size, true);
    header.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, 8, true);
    dir.setUint32(16, e.crc, true);
    dir.setUint32(20, e.data.length, true);
    dir.setUint32(24, e.size, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    local.push(new Uint8Array(header.buffer), name, e.data);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + e.data.length;
  }
  const centralSize = central.reduce((n, part) => n + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const parts = [...local, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const entry = (name: string, bytes: Uint8Array): ZipEntry => ({ name, data: deflateSync(bytes, { level: 1 }), crc: crc32(bytes), size: bytes.length });

/** A workbook whose worksheets are `parts` copies of `sheetBytes` zero bytes each (deflate packs them ~1000:1). */
function zipBomb(parts: number, sheetBytes: number): Uint8Array {
  const sheet = entry('xl/worksheets/sheet1.xml', new Uint8Array(sheetBytes));
  const sheets = Array.from({ length: parts }, (_, i) => ({ ...sheet, name: `xl/worksheets/sheet${i + 1}.xml` }));
  return zipOf([entry('xl/workbook.xml', WORKBOOK), entry('xl/_rels/workbook.xml.rels', RELS), ...sheets]);
}

/** Rewrites the uncompressed size every central-directory entry declares (what the unzipper allocates). */
function declareSizes(zip: Uint8Array, bytes: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, bytes, true);
  }
  return out;
}

describe('XLSX zip bombs are refused before they are inflated', () => {
  it('eight 100 MB worksheets in a 1 MB file (800 MB in all): refused with the size named', { timeout: 120_000 }, async () => {
    const bomb = zipBomb(8, 100 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const e = only(await refused('bomb.xlsx', bomb), 'xlsx-unreadable');
    expect(e.message).toMatch(/would inflate to \d+ bytes/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(300 * 1024 * 1024);
  });

  it('a part that lies about its size (4 GB declared): refused without allocating it', async () => {
    const liar = declareSizes(zipBomb(1, 1024), 0xffff_fff0);
    const e = only(await refused('lögn.xlsx', liar), 'xlsx-unreadable');
    expect(e.message).toMatch(/would inflate to 4294967280 bytes/);
  });

  it('three parts that each declare 300 MB (under the per-part limit, 900 MB together): refused', async () => {
    const liar = declareSizes(zipBomb(3, 1024), 300 * 1024 * 1024);
    only(await refused('lögner.xlsx', liar), 'xlsx-unreadable');
  });
});

// ---------------------------------------------------------------------------------------------------------
// A 200 MB file through the streaming import

const AGES = ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85+'];
const CODES = Array.from({ length: 98 }, (_, i) => `C${String(i).padStart(2, '0')}`);

/** Writes a long-layout export of at least `targetBytes` to `file`, a chunk at a time (never all in memory as text). */
async function writeLargeExport(file: string, targetBytes: number): Promise<number> {
  const out = createWriteStream(file);
  const write = (chunk: string) => new Promise<void>((resolve, reject) => out.write(chunk, (error) => (error ? reject(error) : resolve())));
  await write('Region;Diagnos;Kön;Ålder;År;Antal patienter\r\n');
  let written = 0;
  let rows = 0;
  let chunk: string[] = [];
  outer: for (let year = 1800; year < 2100; year++) {
    for (const region of REGIONS) {
      for (const code of CODES) {
        for (const sex of ['Män', 'Kvinnor']) {
          for (const age of AGES) {
            chunk.push(`${region.countySv};${code};${sex};${age};${year};${(rows * 7919) % 400}`);
            rows++;
            if (chunk.length === 20_000) {
              const text = chunk.join('\r\n') + '\r\n';
              written += Buffer.byteLength(text);
              await write(text);
              chunk = [];
              if (written >= targetBytes) break outer;
            }
          }
        }
      }
    }
  }
  if (chunk.length > 0) await write(chunk.join('\r\n') + '\r\n');
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return rows;
}

describe('a 200 MB file', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports through the streaming import with bounded memory (peak reported)', { timeout: 600_000 }, async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'antal-hostile-'));
    const file = path.join(dir, 'stor.csv');
    const rows = await writeLargeExport(file, 200 * 1024 * 1024);
    const size = (await stat(file)).size;
    expect(size).toBeGreaterThanOrEqual(200 * 1024 * 1024);

    const beforeRead = process.memoryUsage().rss;
    const read = await readFile(file);
    const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength); // no second copy
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const result = await importFile({ name: 'stor.csv', bytes }, undefined, META, { onProgress: sample, yieldControl: async () => sample() });
    sample();

    expect(result.rows).toBe(rows);
    expect(result.measures[0]!.dataset.cellCount).toBe(rows);
    const growth = peak - baseline;
    const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
    console.log(
      `[hostile-input] 200 MB import: ${size} bytes, ${rows} rows; rss before reading ${mb(beforeRead)}, with the bytes ${mb(baseline)}, peak ${mb(peak)}; ` +
        `growth during the import ${(growth / size).toFixed(2)} × the file, peak over before-reading ${((peak - beforeRead) / size).toFixed(2)} × the file`,
    );
    // Generous: the columns are typed arrays; text is parsed a piece at a time, never held whole as objects.
    expect(growth).toBeLessThan(6 * size);
  });
});

describe('escapeCsvCell', () => {
  it('defuses every formula trigger a spreadsheet knows and quotes delimiters', () => {
    expect(['=1+1', '+1', '-1', '@A1', '\tx', '\rx', 'Skåne', '12 %'].map(escapeCsvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@A1", "'\tx", '"\'\rx"', 'Skåne', '12 %']);
  });
});
