import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInspect } from '../../cli/commands/inspect';
import type { CommandIo } from '../../cli/inputs';
import { runQuery } from '../../cli/commands/query';
import { utf8 } from '../shared/import/helpers';
import { benchCsvText } from '../bench/bench-import';

const REAL = path.resolve(__dirname, '../../../shared/fixtures/real');

function fakeIo(files: Record<string, string | Uint8Array>): CommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(s: string) { io.out += s; },
    stderr(s: string) { io.err += s; },
    readFile(p: string): Uint8Array {
      const f = files[p];
      if (f === undefined) {
        if (existsSync(p)) return new Uint8Array(readFileSync(p));
        throw new Error(`ENOENT: no such file, open '${p}'`);
      }
      return typeof f === 'string' ? utf8(f) : f;
    },
  };
  return io;
}

// The reports below are read in English (--lang en); Swedish is the default, tested at the end.
const SMALL = 'Titel: antal patienter\n\nRegion;Kön;Antal patienter\nRiket;Båda könen;50\nSkåne;Män;X\nSkåne;Kvinnor;20\nKalmar;Män;12\nKalmar;Kvinnor;10\n';

describe('antal inspect', () => {
  it('prints dialect, layout, roles, totals and masked cells; exit 0', async () => {
    const io = fakeIo({ 'a.csv': SMALL });
    expect(await runInspect(['--lang', 'en', 'a.csv'], io)).toBe(0);
    expect(io.out).toContain('Dialect: delimiter ";"');
    expect(io.out).toContain('Layout: long, 1 header row(s), 5 data rows');
    expect(io.out).toContain('1. Region: dimension region');
    expect(io.out).toContain('3. Antal patienter: measure "Antal patienter" [count persons]');
    expect(io.out).toContain('Totals: region=national (1 cells), sex=all (1 cells)');
    expect(io.out).toContain('Masked cells: 1');
    expect(io.out).toContain('Note line 1 (title): Titel: antal patienter');
    expect(io.out).toContain('Errors: 0');
  });

  it('--json prints the preview as JSON; errors give exit 1 with file, line and column', async () => {
    const io = fakeIo({ 'b.csv': 'Region;Antal\nSkåne;-4\n' });
    expect(await runInspect(['--lang', 'en', 'b.csv', '--json'], io)).toBe(1);
    const json = JSON.parse(io.out);
    expect(json.errors).toMatchObject([{ code: 'negative-count', file: 'b.csv', line: 2, column: 2, raw: '-4' }]);
    expect(json.table).toBeUndefined();
    const text = fakeIo({ 'b.csv': 'Region;Antal\nSkåne;-4\n' });
    await runInspect(['--lang', 'en', 'b.csv'], text);
    expect(text.out).toContain('error: b.csv, line 2, column 2 (Antal): a count cannot be negative; found "-4"; expected zero or more [negative-count]');
  });

  it('usage errors exit 2; unreadable files exit 1', async () => {
    const io = fakeIo({});
    expect(await runInspect(['--lang', 'en'], io)).toBe(2);
    expect(await runInspect(['--lang', 'en', 'x.csv', '--bogus'], io)).toBe(2);
    expect(await runInspect(['--lang', 'en', 'x.csv', '--mask', 'X=3-1'], io)).toBe(2);
    expect(await runInspect(['--lang', 'en', 'missing.csv'], io)).toBe(1);
    expect(io.err).toContain('cannot read missing.csv');
  });
});

/** A file past the whole-preview size (25 000 rows, 1.3 MB) with an unreadable count on data row 20 000. */
function largeWithError(): string {
  const lines = benchCsvText(25_000).split('\r\n');
  const cells = lines[20_000]!.split(';');
  cells[5] = 'n/a';
  lines[20_000] = cells.join(';');
  return lines.join('\r\n');
}

describe('antal inspect on a large file', () => {
  const text = largeWithError();

  it('previews the first lines but reports the errors of every row; exit 1', async () => {
    const io = fakeIo({ 'big.csv': text });
    expect(await runInspect(['--lang', 'en', 'big.csv'], io)).toBe(1);
    expect(io.out).toContain('Preview: the first 2000 lines analysed in detail (--full for all); every row read for errors');
    expect(io.out).toContain('Errors: 1');
    expect(io.out).toContain('error: big.csv, line 20001, column 6 (Antal patienter): "n/a" is not a number');
    const json = fakeIo({ 'big.csv': text });
    expect(await runInspect(['--lang', 'en', 'big.csv', '--json'], json)).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ sample: { complete: false, records: 2000 }, dataRows: null, errors: [{ code: 'not-a-number', line: 20_001 }] });
  });

  it('--full analyses every row in detail; a file without errors reports its row count', async () => {
    const full = fakeIo({ 'big.csv': text });
    expect(await runInspect(['--lang', 'en', 'big.csv', '--full'], full)).toBe(1);
    expect(full.out).toContain('Layout: long, 1 header row(s), 25000 data rows');
    expect(full.out).not.toContain('Preview: the first');
    const clean = fakeIo({ 'ok.csv': benchCsvText(25_000) });
    expect(await runInspect(['--lang', 'en', 'ok.csv', '--json'], clean)).toBe(0);
    expect(JSON.parse(clean.out)).toMatchObject({ dataRows: 25_000, errors: [] });
  });

  it('query reads every row: the error after the preview refuses it', async () => {
    const io = fakeIo({ 'big.csv': text });
    expect(await runQuery(['--lang', 'en', 'big.csv', '--region', 'Skåne'], io)).toBe(1);
    expect(io.err).toContain('line 20001, column 6');
  });
});

describe('antal query', () => {
  it('prints the JSON shape, preferring the published total', async () => {
    const io = fakeIo({ 'a.csv': SMALL });
    expect(await runQuery(['--lang', 'en', 'a.csv', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ low: 50, point: 50, high: 50, source: 'published-total', cells: 1, masked: 0, sum: { low: 43, point: 44, high: 45 } });
  });

  it('filters by region, sex and where; masked cells are intervals', async () => {
    const io = fakeIo({ 'a.csv': SMALL });
    expect(await runQuery(['--lang', 'en', 'a.csv', '--region', 'Region Skåne', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ low: 21, point: 22, high: 23, source: 'sum', cells: 2, masked: 1, measure: 'Antal patienter' });
    const io2 = fakeIo({ 'a.csv': SMALL });
    expect(await runQuery(['--lang', 'en', 'a.csv', '--sex', 'K', '--where', 'Region=Kalmar'], io2)).toBe(0);
    // The one published cell is also the finest: no "sum of 1 cell" beside it.
    expect(io2.out).toBe('Antal patienter: 10 — published total\n');
  });

  it('a sum of a rate is exit 1 with the reason', async () => {
    const io = fakeIo({ 'r.csv': 'Region;Patienter/1000 invånare\nSkåne;4,5\nKalmar;3,1\n' });
    expect(await runQuery(['--lang', 'en', 'r.csv'], io)).toBe(1);
    expect(io.err).toMatch(/\[rate-not-summable\].*rates of different groups cannot be added/);
  });

  it('a refused file is exit 1 with each error on its own line', async () => {
    const io = fakeIo({ 'p.csv': 'Region;Antal\nSkåne;5\n811218-9876;1\n' });
    expect(await runQuery(['--lang', 'en', 'p.csv'], io)).toBe(1);
    expect(io.err).toContain('p.csv, line 3, column 1');
    expect(io.err).not.toContain('9876');
  });

  it.skipIf(!existsSync(REAL))('answers the README facts from the real files', async () => {
    const io = fakeIo({});
    expect(await runQuery(['--lang', 'en', path.join(REAL, 'BE0101N1_20230704-171432.csv'), '--region', '01 Stockholm county', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ low: 2377081, point: 2377081, high: 2377081, source: 'sum', cells: 101, masked: 0 });
    const io2 = fakeIo({});
    expect(await runQuery(['--lang', 'en', path.join(REAL, 'socialstyrelsen_2022-02-18.csv'), '--measure', 'Befolkning', '--region', 'Stockholms län', '--sex', 'Båda könen', '--period', '2020', '--where', 'Läkemedel=C02AC02 Guanfacin', '--json'], io2)).toBe(0);
    expect(JSON.parse(io2.out)).toMatchObject({ point: 571226, source: 'published-total' });
  });
});

describe('inspect and query in Swedish (the default)', () => {
  it('prints the report, the reasons and the problems in Swedish', async () => {
    const io = fakeIo({ 'b.csv': 'Region;Antal\nSkåne;-4\n' });
    expect(await runInspect(['b.csv'], io)).toBe(1);
    expect(io.out).toContain('Dialekt: avgränsare ";", citattecken ", ”;” delar rubrikraden');
    expect(io.out).toContain('1. Region: dimension region (nyckel region)');
    expect(io.out).toContain('       rubriken ”Region” anger region');
    expect(io.out).toContain('Fel: 1');
    expect(io.out).toContain('  fel: b.csv, rad 2, kolumn 2 (Antal): värdet kan inte vara negativt (antal); hittade ”-4”; förväntat noll eller mer [negative-count]');
    const query = fakeIo({ 'b.csv': 'Region;Antal\nSkåne;-4\n' });
    expect(await runQuery(['b.csv'], query)).toBe(1);
    expect(query.err).toContain('fel: b.csv, rad 2, kolumn 2 (Antal): värdet kan inte vara negativt');
    // Roles, kinds, units and total values are Swedish words too (the column's key, which study files use, is kept).
    const small = fakeIo({ 'a.csv': SMALL });
    expect(await runInspect(['a.csv'], small)).toBe(0);
    expect(small.out).toContain('3. Antal patienter: mått ”Antal patienter” [antal personer]');
    expect(small.out).toContain('Totaler: region=riket (1 celler), kön=alla (1 celler)');
    expect(small.out).toContain('Anteckning rad 1 (rubrik): Titel: antal patienter');
    expect(small.out).not.toMatch(/\[count|\bpersons\b|=national|=all\b|\(title\)/);
    const bad = fakeIo({});
    expect(await runInspect(['b.csv', '--lang', 'de'], bad)).toBe(2);
    expect(bad.err).toContain('--lang must be sv or en');
  });
});

