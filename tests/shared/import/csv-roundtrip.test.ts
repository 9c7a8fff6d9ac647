import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRecords } from '../../../shared/import/parse-records';
import type { Dialect, Delimiter } from '../../../shared/import/sniff-dialect';

const dialect = (delimiter: Delimiter): Dialect => ({ delimiter, quoteChar: '"', lineEnding: '\r\n', evidence: 'test' });

function writeCsv(rows: string[][], delimiter: string, eol: string): string {
  return rows.map((row) => row.map((cell) => (/["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter)).join(eol);
}

describe('parseRecords', () => {
  it('round-trips any table through quoting, in small chunks, with the right start lines', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'å', ';', ',', '"', '\n', '\r\n', ' ', '1', '\u00ad'), maxLength: 6 });
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 })),
      fc.constantFrom<Delimiter>(';', ',', '\t'),
      fc.constantFrom('\n', '\r\n'),
      fc.integer({ min: 16, max: 64 }),
      async (rows, delimiter, eol, chunkChars) => {
        // A row of one empty cell is a blank line, which is written as nothing; make it visible.
        const table = rows.map((r) => (r.length === 1 && r[0] === '' ? ['x'] : r));
        const text = writeCsv(table, delimiter, eol);
        const parsed = await parseRecords(text, dialect(delimiter), 't.csv', { chunkChars });
        expect(parsed.problems).toEqual([]);
        // Line breaks inside quoted cells come back as LF: the parser counts lines the way editors do.
        expect(parsed.records.map((r) => r.cells)).toEqual(table.map((r) => r.map((c) => c.replace(/\r\n/g, '\n'))));
        let line = 1;
        parsed.records.forEach((r, i) => {
          expect(r.line).toBe(line);
          line += 1 + table[i]!.join('').split(/\r\n|\n/).length - 1;
        });
      },
    ), { numRuns: 150 });
  });

  it('reports progress, and stops when cancelled', async () => {
    const text = Array.from({ length: 2000 }, (_, i) => `${i};x`).join('\n');
    const seen: number[] = [];
    await parseRecords(text, dialect(';'), 't.csv', { chunkChars: 1000, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen[seen.length - 1]).toBe(1);
    const signal = { aborted: false };
    await expect(parseRecords(text, dialect(';'), 't.csv', {
      chunkChars: 1000,
      signal,
      onProgress: () => { signal.aborted = true; },
      yieldControl: () => Promise.resolve(),
    })).rejects.toThrow('cancelled');
  });

  it('names the line of an unbalanced quote', async () => {
    const parsed = await parseRecords('a;b\n1;2\n3;"open\n4;5\n', dialect(';'), 't.csv');
    expect(parsed.problems).toMatchObject([{ code: 'unbalanced-quote', line: 3, file: 't.csv' }]);
  });
});
