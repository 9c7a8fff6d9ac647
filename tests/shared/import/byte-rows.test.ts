/**
 * The import's reading of rows on the bytes (byte-rows.ts) against the general path, PapaParse on the decoded
 * text (`readBytes: false`): the same datasets, provenance, warnings and refusals, on random files made of what
 * breaks a byte splitter (quotes with delimiters, line breaks and doubled quotes inside, empty lines, blank and
 * space-led cells, runs of ten digits and personal identity numbers, rows too short or too long, every
 * delimiter, LF/CRLF/CR, a BOM, Windows-1252, non-ASCII labels) and on every real export. Then its parts:
 * the splitter against PapaParse, numbers read from bytes against the text reader, the label table against a Map.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { importFile, type ImportFileOptions, type ImportFileResult } from '../../../shared/import/import-file';
import { ImportRefusedError } from '../../../shared/import/problems';
import { InvalidCellError } from '../../../shared/counts/builder';
import { ByteLabelMap, cellsOf, plainDecimalsBytes, plainNumberBytes, UnquotedByteSplitter } from '../../../shared/import/byte-rows';
import { plainDecimals, plainNumber } from '../../../shared/import/plain-number';

const REAL = path.resolve(__dirname, '../../../../shared/fixtures/real');
const META = { publisher: 'test', extractedAt: '2025-01-09' };

type Outcome = { ok: ImportFileResult } | { refused: { errors: unknown; warnings: unknown } } | { invalid: string };

async function run(name: string, bytes: Uint8Array, readBytes: boolean, options: ImportFileOptions): Promise<Outcome> {
  try {
    return { ok: await importFile({ name, bytes }, undefined, META, { ...options, readBytes }) };
  } catch (error) {
    if (error instanceof ImportRefusedError) return { refused: { errors: error.errors, warnings: error.warnings } };
    if (error instanceof InvalidCellError) return { invalid: error.message };
    throw error;
  }
}

/** Both paths on the same file: equal outcomes (datasets to the bit, problems with their lines, columns and texts). */
async function expectBothAgree(name: string, bytes: Uint8Array, options: ImportFileOptions = {}): Promise<Outcome> {
  const general = await run(name, bytes, false, options);
  const fast = await run(name, bytes, true, options);
  expect(fast).toEqual(general);
  return fast;
}

const REGIONS = ['Stockholm', 'Västra Götaland', 'Örebro', 'Skåne', 'Riket', ' Uppsala', 'Jämtland Härjedalen', '', '  ', 'Gävleborg '];
const CODES = ['C18', 'C18.7', 'E11', 'I21.9', 'A00–Y98', ''];
const SEXES = ['Män', 'Kvinnor', 'Båda könen', 'Totalt'];
const VALUES = ['0', '7', '12', '400', '12,5', '4,74', '1.5', '1 234', '1\u00a0234', 'X', '..', '-', '', ' 12', '12 ', '-3', '0012',
  '1234567890', '19121212-1212', '121212-1212', '9007199254740993', '12,', ',5', 'x', '–'];
const QUOTED = ['"Stockholm"', '"Skåne; Blekinge"', '"rad\nbrytning"', '"sa ""hej"""', '"öppet', '""'];
const NOTES = ['Källa: Socialstyrelsen', 'X = färre än 4 fall', '', 'Rapporterande region'];

interface FileShape {
  delimiter: ';' | ',' | '\t' | '|';
  lineBreak: '\n' | '\r\n' | '\r';
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  finalBreak: boolean;
  pieceBytes: number;
}

const shapeArb: fc.Arbitrary<FileShape> = fc.record({
  delimiter: fc.constantFrom(';', ',', '\t', '|'),
  lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252'),
  finalBreak: fc.boolean(),
  pieceBytes: fc.integer({ min: 16, max: 400 }),
});

const CLEAN_VALUES = ['0', '7', '12', '400', '12,5', '4,74', '0,1'];

/**
 * A line, given a year of its own (so that data rows do not collide as duplicates): mostly a data row of the
 * table's five fields, sometimes something a real export also has. `clean` files hold plain numbers only, so
 * that many import; the others mostly refuse, with errors both paths must report alike.
 */
const lineArb = (d: string, clean: boolean): fc.Arbitrary<(year: number) => string> => fc.oneof(...[
  { weight: 12, arbitrary: fc.tuple(fc.constantFrom(...REGIONS), fc.constantFrom(...CODES), fc.constantFrom(...SEXES), fc.constantFrom(...(clean ? CLEAN_VALUES : VALUES)))
    .map(([r, c, s, v]) => (y: number) => [clean ? r.trim() || 'Riket' : r, clean ? c || 'C18' : c, s, String(y), v].join(d)) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...REGIONS), fc.constantFrom(...QUOTED), fc.constantFrom(...SEXES), fc.constantFrom(...VALUES))
    .map(([r, q, s, v]) => (y: number) => [clean ? `"${r.trim() || 'Riket'}"` : r, clean ? '"C18"' : q, s, String(y), clean ? '"12,5"' : v].join(d)) },
  { weight: 1, arbitrary: fc.constantFrom(...NOTES).map((n) => () => n) },
  { weight: 1, arbitrary: fc.constantFrom(...(clean ? CLEAN_VALUES : VALUES)).map((v) => (y: number) => ['Skåne', 'C18', 'Män', String(y), v, '', ''].join(d)) },
  ...(clean ? [] : [
    { weight: 1, arbitrary: fc.constantFrom(...VALUES).map((v) => (y: number) => ['Skåne', 'C18', 'Män', String(y), v, 'extra'].join(d)) },
    { weight: 1, arbitrary: fc.constantFrom(...VALUES).map((v) => () => ['Skåne', 'C18', v].join(d)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => () => s.replace(/[\r\n]/g, ' ')) },
  ]),
]);

/** Windows-1252 bytes of text in its range (the generator's texts are), else UTF-8 with or without a BOM. */
function encode(text: string, encoding: FileShape['encoding']): Uint8Array {
  if (encoding === 'windows-1252') {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      out[i] = code === 0x2013 ? 0x96 : code < 256 ? code : 0x3f;
    }
    return out;
  }
  const body = new TextEncoder().encode(text);
  if (encoding === 'utf-8') return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

describe('rows read on the bytes and rows read by PapaParse give the same import', () => {
  it('random files: quotes, empty lines, odd delimiters, line breaks and encodings', async () => {
    // How many files took each outcome, so that a generator that only ever gets refused cannot pass unnoticed.
    const seen = { ok: 0, refused: 0, invalid: 0 };
    const files = shapeArb.chain((shape) => fc.tuple(fc.constant(shape), fc.boolean().chain((clean) => fc.array(lineArb(shape.delimiter, clean), { minLength: 8, maxLength: 40 }))));
    await fc.assert(fc.asyncProperty(files, async ([shape, lines]) => {
      const header = ['Region', 'Diagnos', 'Kön', 'År', 'Patienter per 100 000 invånare'].join(shape.delimiter);
      const text = [header, ...lines.map((line, i) => line(1900 + i))].join(shape.lineBreak) + (shape.finalBreak ? shape.lineBreak : '');
      const outcome = await expectBothAgree('random.csv', encode(text, shape.encoding), { previewRows: 3, pieceBytes: shape.pieceBytes });
      seen['ok' in outcome ? 'ok' : 'refused' in outcome ? 'refused' : 'invalid']++;
    }), { numRuns: 300, seed: 20261207 });
    expect(seen.ok).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(20);
  });

  it('a long clean file with a few unusual lines far past the preview', async () => {
    const lines = ['Region;Diagnos;Kön;År;Antal;Patienter/100 000 invånare'];
    for (let i = 0; i < 3000; i++) lines.push(`${REGIONS[i % 7]!.trim()};${CODES[Math.floor(i / 7) % 5]};${SEXES[i % 3]};${2000 + Math.floor(i / 35)};${(i * 7) % 400};${i % 40},${i % 10}`);
    lines[1500] = 'Stockholm;"C18";Män;1999;"1 234";12';
    lines[2100] = '';
    lines[2101] = 'Delsumma';
    lines[2500] = 'Skåne;C18;Män;1999; 12 ;0,5';
    const bytes = new TextEncoder().encode(`${lines.join('\r\n')}\r\nKälla: test\r\n`);
    const outcome = await expectBothAgree('long.csv', bytes, { previewRows: 50 });
    // 3 000 data lines, two of them replaced by a blank line and a sub-heading: 2 998 rows.
    expect('ok' in outcome && outcome.ok.rows).toBe(2998);
  });

  it.skipIf(!existsSync(REAL))('every real export', async () => {
    const files = readdirSync(REAL).filter((f) => /\.(csv|txt)$/i.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(path.join(REAL, file)));
      // The preview reads a few rows, so that nearly all of the file goes through the pass under test.
      const outcome = await expectBothAgree(file, bytes, { previewRows: 20 });
      expect('ok' in outcome && outcome.ok.preview.sample.complete).toBe(false);
    }
  });
});

describe('the byte path, part by part', () => {
  it('splits lines without quotes as PapaParse does once CRLF and CR are made LF', () => {
    const textArb = fc.array(fc.constantFrom('a', 'Ö', ';', ',', '\n', '\r\n', '\r', ' ', '1', 'é', '\t'), { maxLength: 60 }).map((cs) => cs.join(''));
    fc.assert(fc.property(textArb, fc.constantFrom(';', ',', '\t'), (text, delimiter) => {
      const bytes = new TextEncoder().encode(text);
      const got: string[][] = [];
      const decoder = new TextDecoder();
      new UnquotedByteSplitter(delimiter.charCodeAt(0)).split(bytes, (b, bounds, fields) => {
        got.push(cellsOf(b, bounds, fields, (x, s, e) => decoder.decode(x.subarray(s, e))));
      });
      const lf = text.replace(/\r\n?/g, '\n');
      const expected = lf === '' ? [] : Papa.parse<string[]>(lf, { delimiter, newline: '\n', quoteChar: '"' }).data;
      // PapaParse reports an empty record after a final line break; a reader of pieces drops it.
      if (lf.endsWith('\n')) expected.pop();
      expect(got).toEqual(expected);
    }), { numRuns: 500 });
  });

  it('flags a field with ten digits (a possible personal identity number), and only then', () => {
    const seen: boolean[] = [];
    new UnquotedByteSplitter(59).split(new TextEncoder().encode('a;123456789;1-2-3-4-5-6-7-8-9\nb;19121212-1212\n12345;67890\n'), (_b, _bounds, _fields, ten) => seen.push(ten));
    expect(seen).toEqual([false, true, false]);
  });

  it('reads plain numbers from bytes as the text reader does', () => {
    const cellArb = fc.array(fc.constantFrom('0', '1', '5', '9', ',', '.', ' ', '-', 'ö', 'X'), { maxLength: 18 }).map((cs) => cs.join(''));
    fc.assert(fc.property(cellArb, fc.constantFrom(44, 46), (cell, decimal) => {
      const bytes = new TextEncoder().encode(`;${cell};`);
      const end = bytes.length - 1;
      const value = plainNumberBytes(bytes, 1, end, decimal);
      expect(Object.is(value, plainNumber(cell, decimal))).toBe(true);
      if (value >= 0) expect(plainDecimalsBytes(bytes, 1, end, decimal)).toBe(plainDecimals(cell, decimal));
    }), { numRuns: 2000 });
    expect(plainNumberBytes(new TextEncoder().encode('12,34'), 0, 5, 44)).toBe(12.34);
    expect(plainNumberBytes(new TextEncoder().encode('1 234'), 0, 5, 44)).toBe(-1);
  });

  it('finds a label by its bytes as a Map finds it by its text, across growth and its key limit', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (keys, maxKeys) => {
      const table = new ByteLabelMap<number>(maxKeys);
      const reference = new Map<string, number>();
      keys.forEach((key, i) => {
        const bytes = new TextEncoder().encode(`|${key}|`);
        const found = table.get(bytes, 1, bytes.length - 1);
        if (found === undefined) {
          table.set(bytes, 1, bytes.length - 1, i);
          if (!reference.has(key) && reference.size < maxKeys) reference.set(key, i);
        } else {
          expect(found).toBe(reference.get(key));
        }
      });
      expect(table.size).toBe(reference.size);
      for (const [key, value] of reference) {
        const bytes = new TextEncoder().encode(key);
        expect(table.get(bytes, 0, bytes.length)).toBe(value);
      }
    }), { numRuns: 300 });
  });
});
