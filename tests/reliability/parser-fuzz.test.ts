/**
 * Property-based fuzzing (fast-check) of the parsers every imported cell goes through: numbers, periods, regions,
 * ages, ICD-10 codes and the CSV reader. For any input they answer (a value or "not this kind", never an
 * unexpected exception), their answers respect their invariants, and where a value can be printed and read back
 * it round-trips.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidIcd10Error, normalizeIcd10, tryNormalizeIcd10 } from '../../shared/icd10/normalize';
import { parseRecords } from '../../shared/import/parse-records';
import { parsePeriodLabel } from '../../shared/import/parse-period-label';
import type { Dialect } from '../../shared/import/sniff-dialect';
import { parseSwedishNumber, type NumberFormat } from '../../shared/import/swedish-number';
import { parseRegion } from '../../shared/regions/parse';
import { REGIONS } from '../../shared/regions/regions';
import { formatAgeBand, parseAgeBand } from '../../shared/utils/age-band';
import { parsePeriod } from '../../shared/utils/period';

const RUNS = { numRuns: 500 };
/** Any text, including lone surrogates, control characters and every plane of Unicode. */
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 40 }));
/** Text made of the characters the parsers look for, so the fuzzer reaches their branches. */
const parserAlphabet = (chars: string) => fc.string({ unit: fc.constantFrom(...chars), maxLength: 24 });

const FORMATS: NumberFormat[] = [
  { decimal: ',', thousands: 'none' },
  { decimal: ',', thousands: '.' },
  { decimal: '.', thousands: ',' },
  { decimal: '.', thousands: 'none' },
];

describe('parseSwedishNumber', () => {
  it('answers every input with null or a finite number no larger than a double holds exactly', () => {
    const numberish = fc.oneof(anyText, parserAlphabet('0123456789 ,.-+−\u00a0\u202f\u2009eE'));
    fc.assert(
      fc.property(numberish, fc.constantFrom(...FORMATS), (raw, format) => {
        const parsed = parseSwedishNumber(raw, format);
        if (parsed === null) return;
        expect(Number.isFinite(parsed.value)).toBe(true);
        expect(Math.abs(parsed.value)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
        expect(Number.isInteger(parsed.decimals) && parsed.decimals >= 0).toBe(true);
        expect(Object.is(parsed.value, -0)).toBe(false);
      }),
      RUNS,
    );
  });

  it('reads back every whole number as sv-SE prints it ("1 234 567" with no-break spaces) and as plain digits', () => {
    const sv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseSwedishNumber(sv.format(n), { decimal: ',', thousands: 'none' })?.value).toBe(n);
        expect(parseSwedishNumber(String(n), { decimal: ',', thousands: 'none' })?.value).toBe(n);
      }),
      RUNS,
    );
  });

  it('reads back decimal-comma rates with their number of decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 4 }), (scaled, decimals) => {
        const text = (scaled / 10 ** decimals).toFixed(decimals).replace('.', ',');
        const parsed = parseSwedishNumber(text, { decimal: ',', thousands: 'none' });
        expect(parsed?.decimals).toBe(decimals);
        expect(parsed!.value).toBeCloseTo(scaled / 10 ** decimals, 10);
      }),
      RUNS,
    );
  });
});

describe('periods', () => {
  it('parsePeriodLabel answers every input; what it returns is a canonical label parsePeriod reads as a real range', () => {
    const periodish = fc.oneof(anyText, parserAlphabet('0123456789-/ QqKkWwVv'), fc.constantFrom('2021', '2021-02-29', '2020-02-29', 'mars 2021', '2021 kv 3', 'v. 53 2020', 'vecka 53 2021', '1799', '2201'));
    fc.assert(
      fc.property(periodish, (raw) => {
        const label = parsePeriodLabel(raw);
        if (label === null) return;
        const range = parsePeriod(label);
        expect(range, label).not.toBeNull();
        expect(range!.startDay).toBeLessThanOrEqual(range!.endDay);
        expect(parsePeriodLabel(label)).toBe(label);
      }),
      RUNS,
    );
  });

  it('every month of 1800–2200 written "YYYY-M", "YYYY/MM" or "YYYYmMM" reads as that month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2200 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const canonical = `${year}-${String(month).padStart(2, '0')}`;
        for (const written of [`${year}-${month}`, `${year}/${String(month).padStart(2, '0')}`, `${year}m${String(month).padStart(2, '0')}`]) {
          expect(parsePeriodLabel(written)).toBe(canonical);
        }
        const range = parsePeriod(canonical)!;
        expect(new Date(range.startDay * 86_400_000).toISOString().slice(0, 10)).toBe(`${canonical}-01`);
      }),
      RUNS,
    );
  });

  it('a real date reads back as that single day; an impossible one (2021-02-30) is refused', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parsePeriodLabel(iso)).toBe(iso);
        expect(parsePeriod(iso)!.startDay).toBe(Math.floor(Date.parse(iso) / 86_400_000));
      }),
      RUNS,
    );
    expect(parsePeriodLabel('2021-02-30')).toBeNull();
  });
});

describe('parseRegion', () => {
  it('answers every input without throwing, with a county, the nation, unknown or null', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, parserAlphabet('0123456789 -SEse')), (raw) => {
        const region = parseRegion(raw);
        if (region?.kind === 'county') expect(REGIONS.map((r) => r.code)).toContain(region.code);
      }),
      RUNS,
    );
  });

  it('finds each county however its name is written (case, "Region …", "… län", number, ISO code)', () => {
    const region = fc.constantFrom(...REGIONS);
    const caseOf = fc.constantFrom((s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s.toLowerCase());
    fc.assert(
      fc.property(region, caseOf, (r, recase) => {
        for (const written of [r.countySv, `Region ${r.nameSv}`, r.nameEn, r.code, r.iso, `${r.code} ${r.countySv}`]) {
          expect(parseRegion(recase(written)), written).toEqual({ kind: 'county', code: r.code });
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseAgeBand', () => {
  it('answers every input; a band it returns is ordered and within 0–130', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, parserAlphabet('0123456789 -+–\u00adårsyeaoldrchv')), (raw) => {
        const band = parseAgeBand(raw);
        if (band === null || band.kind === 'all') return;
        expect(band.min).toBeGreaterThanOrEqual(0);
        expect(band.max === null || (band.min <= band.max && band.max <= 130)).toBe(true);
      }),
      RUNS,
    );
  });

  it('round-trips: every band printed canonically ("0-4", "85+", "7") and with Swedish words reads back as itself', () => {
    const band = fc.oneof(
      fc.integer({ min: 0, max: 130 }).chain((min) => fc.integer({ min, max: 130 }).map((max) => ({ kind: 'band' as const, min, max }))),
      fc.integer({ min: 0, max: 130 }).map((min) => ({ kind: 'band' as const, min, max: null })),
    );
    fc.assert(
      fc.property(band, (b) => {
        expect(parseAgeBand(formatAgeBand(b))).toEqual(b);
        const swedish = b.max === null ? `${b.min} år och äldre` : `${b.min}–${b.max} år`;
        expect(parseAgeBand(swedish)).toEqual(b);
      }),
      RUNS,
    );
  });
});

describe('ICD-10', () => {
  it('tryNormalizeIcd10 answers every input (only InvalidIcd10Error is ever thrown by normalizeIcd10); its output is a fixed point', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, parserAlphabet('ACDZ0123456789.-–† *')), (raw) => {
        let thrown: unknown = null;
        try {
          normalizeIcd10(raw);
        } catch (error) {
          thrown = error;
        }
        if (thrown !== null) expect(thrown).toBeInstanceOf(InvalidIcd10Error);
        const code = tryNormalizeIcd10(raw);
        if (code !== null) {
          expect(code).toMatch(/^[A-Z]\d{2}[0-9A-Z]{0,3}(-[A-Z]\d{2}[0-9A-Z]{0,3})?$/);
          expect(normalizeIcd10(code)).toBe(code);
        }
      }),
      RUNS,
    );
  });

  it('reads every code however it is dotted, spaced or cased, and blocks with any dash', () => {
    const code = fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.integer({ min: 0, max: 99 }), fc.option(fc.stringMatching(/^[0-9A-Z]{1,3}$/), { nil: undefined }));
    fc.assert(
      fc.property(code, code, fc.constantFrom('-', '–', '—', ' - ', '−'), ([l1, n1, s1], [l2, n2, s2], dash) => {
        const head = `${l1}${String(n1).padStart(2, '0')}`;
        const canonical = head + (s1 ?? '');
        expect(normalizeIcd10(s1 ? `${head.toLowerCase()}.${s1.toLowerCase()}` : head.toLowerCase())).toBe(canonical);
        expect(normalizeIcd10(` ${head} ${s1 ?? ''} `)).toBe(canonical);
        const other = `${l2}${String(n2).padStart(2, '0')}${s2 ?? ''}`;
        const [from, to] = canonical <= other ? [canonical, other] : [other, canonical];
        expect(normalizeIcd10(`${from}${dash}${to}`)).toBe(from === to ? from : `${from}-${to}`);
      }),
      RUNS,
    );
  });
});

describe('the CSV reader (parseRecords)', () => {
  const dialect = (delimiter: Dialect['delimiter']): Dialect => ({ delimiter, quoteChar: '"', lineEnding: '\n', evidence: 'test' });

  it('answers every text with records and problems, never an exception, however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, parserAlphabet('ab;,\t"\n\r ')), fc.constantFrom<Dialect['delimiter']>(';', ',', '\t', '|'), fc.integer({ min: 16, max: 64 }), async (text, delimiter, chunkChars) => {
        const { records, problems } = await parseRecords(text, dialect(delimiter), 'fuzz.csv', { chunkChars, maxColumns: 50 });
        for (const r of records) {
          expect(r.line).toBeGreaterThan(0);
          expect(r.cells.length).toBeLessThanOrEqual(50);
        }
        for (const p of problems) expect(p.file).toBe('fuzz.csv');
      }),
      RUNS,
    );
  });

  it('round-trips any table written with RFC 4180 quoting: the same cells, on the lines where each record starts', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Å', '1', ';', ',', '"', '\n', ' ', '='), maxLength: 6 });
    const table = fc.integer({ min: 2, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom<Dialect['delimiter']>(';', ','), fc.integer({ min: 16, max: 64 }), async (rows, delimiter, chunkChars) => {
        // A row of empty cells is a blank line, which the reader skips by design; keep one visible cell.
        const visible = rows.map((r) => (r.every((c) => c === '') ? ['x', ...r.slice(1)] : r));
        const quote = (c: string) => (/[;,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
        const lines = visible.map((r) => r.map(quote).join(delimiter));
        const text = lines.join('\n') + '\n';
        const { records, problems } = await parseRecords(text, dialect(delimiter), 'tabell.csv', { chunkChars });
        expect(problems).toEqual([]);
        expect(records.map((r) => r.cells)).toEqual(visible);
        let line = 1;
        const starts = lines.map((l) => {
          const at = line;
          line += l.split('\n').length;
          return at;
        });
        expect(records.map((r) => r.line)).toEqual(starts);
      }),
      RUNS,
    );
  });
});
