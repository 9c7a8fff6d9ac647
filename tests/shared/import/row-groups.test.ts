/**
 * RowGroups answers "which earlier row has the same dimension values?" while rows arrive one at a time and
 * their dictionaries grow. Checked against the plainest possible oracle, a Map of joined keys, on random
 * tables: random cardinalities per column (from one value to many thousands, so that packed keys outgrow
 * their bit widths, one column or several in the same row), random column orders, and repeated rows.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RowGroups } from '../../../shared/import/tuple-index';

/** Feed `rows` (value tuples) to RowGroups the way the importer does: write the row, then ask for its group. */
function groupsOf(rows: readonly (readonly number[])[], dimensions: number, capacity: number): number[] {
  let columns = Array.from({ length: dimensions }, () => new Uint32Array(capacity));
  const groups = new RowGroups(columns, capacity);
  const out: number[] = [];
  rows.forEach((tuple, row) => {
    if (row === columns[0]!.length) {
      columns = columns.map((c) => {
        const next = new Uint32Array(c.length * 2);
        next.set(c);
        return next;
      });
      groups.setColumns(columns);
    }
    tuple.forEach((v, d) => (columns[d]![row] = v));
    out.push(groups.groupOf(row));
  });
  return out;
}

/** The oracle: the first row with the same joined key. */
function oracle(rows: readonly (readonly number[])[]): number[] {
  const first = new Map<string, number>();
  return rows.map((tuple, row) => {
    const key = tuple.join(',');
    const seen = first.get(key);
    if (seen !== undefined) return seen;
    first.set(key, row);
    return row;
  });
}

describe('RowGroups', () => {
  it('two columns outgrowing their bit widths in the same row (the stack-overflow case)', () => {
    // Distinct small values first (a repeat would hand over to the full index), so the packed layout gives
    // each column a few bits; then one row where two columns jump past 26 bits together.
    const rows: number[][] = [];
    for (let i = 0; i < 16; i++) rows.push([i % 4, i >> 2, 0]);
    rows.push([5000, 70000, 1]);
    rows.push([5000, 70000, 1]);
    rows.push([1, 1, 0]);
    expect(groupsOf(rows, 3, 16)).toEqual(oracle(rows));
  });

  it('matches a map of joined keys for random cardinalities, column orders and repeats', () => {
    const table = fc.record({
      // Per column, how many distinct values it grows to (dictionary indexes are 0..n-1, as the importer makes them).
      cardinalities: fc.array(fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 300 }), fc.integer({ min: 300, max: 200_000 })), { minLength: 1, maxLength: 6 }),
      rows: fc.integer({ min: 1, max: 400 }),
      seed: fc.integer(),
      repeatShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
      growing: fc.boolean(),
    });
    fc.assert(fc.property(table, ({ cardinalities, rows: n, seed, repeatShare, growing }) => {
      let state = seed >>> 0 || 1;
      const random = (): number => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (state >>> 0) / 2 ** 32;
      };
      const rows: number[][] = [];
      for (let r = 0; r < n; r++) {
        if (rows.length > 0 && random() < repeatShare) {
          rows.push([...rows[Math.floor(random() * rows.length)]!]);
          continue;
        }
        // Dictionaries grow as rows arrive: with `growing`, a column's largest index so far rises with the row number.
        rows.push(cardinalities.map((k) => {
          const limit = growing ? Math.max(1, Math.min(k, Math.ceil(((r + 1) / n) * k))) : k;
          return Math.floor(random() * limit);
        }));
      }
      expect(groupsOf(rows, cardinalities.length, 16)).toEqual(oracle(rows));
    }), { numRuns: 300 });
  });
});
