/**
 * The auditor's fast path, before any solver call: bounds every reader can derive by propagating each relation
 * (sound, never tighter than the truth), the independent parts of the table, and assignments consistent with the
 * print found by a short depth-first search. An assignment is checked against every relation before it is used:
 * it then proves that a value can be reached. What no assignment reaches is left to the exact solver.
 */
import type { LpColumn, LpRow } from './milp';

const INF = Number.POSITIVE_INFINITY;
const EPS = 1e-9;

export interface Box {
  low: Float64Array;
  high: Float64Array;
}

export const copyBox = (b: Box): Box => ({ low: Float64Array.from(b.low), high: Float64Array.from(b.high) });

/** Which rows touch each column. */
export function rowsByColumn(columns: number, rows: readonly LpRow[]): number[][] {
  const by: number[][] = Array.from({ length: columns }, () => []);
  rows.forEach((row, r) => row.entries.forEach(([c]) => by[c]!.push(r)));
  return by;
}

/**
 * Tightens the box by every row until nothing changes (integer columns rounded inwards). Returns false when some
 * column's range becomes empty: no assignment fits. `active` limits which rows take part (null: all).
 */
export function propagate(box: Box, columns: readonly LpColumn[], rows: readonly LpRow[], byColumn: readonly number[][], start: Iterable<number>, active: ((row: number) => boolean) | null = null): boolean {
  const queued = new Uint8Array(rows.length);
  const queue: number[] = [];
  for (const r of start) {
    if (!queued[r] && (active === null || active(r))) {
      queued[r] = 1;
      queue.push(r);
    }
  }
  let steps = 0;
  while (queue.length > 0) {
    if (++steps > 200_000) return true; // creeping bounds: stop tightening (still sound), the solver decides the rest
    const r = queue.shift()!;
    queued[r] = 0;
    const row = rows[r]!;
    let minFinite = 0;
    let maxFinite = 0;
    let minInf = 0;
    let maxInf = 0;
    for (const [c, a] of row.entries) {
      const lo = a > 0 ? a * box.low[c]! : a * box.high[c]!;
      const hi = a > 0 ? a * box.high[c]! : a * box.low[c]!;
      if (lo === -INF) minInf++;
      else minFinite += lo;
      if (hi === INF) maxInf++;
      else maxFinite += hi;
    }
    for (const [c, a] of row.entries) {
      const lo = a > 0 ? a * box.low[c]! : a * box.high[c]!;
      const hi = a > 0 ? a * box.high[c]! : a * box.low[c]!;
      const othersMin = minInf - (lo === -INF ? 1 : 0) > 0 ? -INF : minFinite - (lo === -INF ? 0 : lo);
      const othersMax = maxInf - (hi === INF ? 1 : 0) > 0 ? INF : maxFinite - (hi === INF ? 0 : hi);
      // a·x ∈ [L − othersMax, U − othersMin]
      const termLow = row.lower === -INF || othersMax === INF ? -INF : row.lower - othersMax;
      const termHigh = row.upper === INF || othersMin === -INF ? INF : row.upper - othersMin;
      let newLow = a > 0 ? termLow / a : termHigh / a;
      let newHigh = a > 0 ? termHigh / a : termLow / a;
      if (columns[c]!.integer) {
        newLow = Math.ceil(newLow - EPS);
        newHigh = Math.floor(newHigh + EPS);
      }
      let changed = false;
      if (newLow > box.low[c]! + EPS) {
        box.low[c] = newLow;
        changed = true;
      }
      if (newHigh < box.high[c]! - EPS) {
        box.high[c] = newHigh;
        changed = true;
      }
      if (box.low[c]! > box.high[c]! + EPS) return false;
      if (changed) {
        for (const other of byColumn[c]!) {
          if (!queued[other] && other !== r && (active === null || active(other))) {
            queued[other] = 1;
            queue.push(other);
          }
        }
      }
    }
  }
  return true;
}

/** Every row (or those `active`) holds for the assignment, and every value lies in its column's box. */
export function satisfies(x: Float64Array, box: Box, rows: readonly LpRow[], rowIds: Iterable<number>, columnIds: Iterable<number>): boolean {
  for (const c of columnIds) if (x[c]! < box.low[c]! - 1e-7 || x[c]! > box.high[c]! + 1e-7) return false;
  for (const r of rowIds) {
    const row = rows[r]!;
    let sum = 0;
    for (const [c, a] of row.entries) sum += a * x[c]!;
    if (sum < row.lower - 1e-7 || sum > row.upper + 1e-7) return false;
  }
  return true;
}

/** The parts of the table that share no open value: columns connected through rows over columns still open. */
export function components(box: Box, rows: readonly LpRow[], byColumn: readonly number[][], count: number): { columns: number[]; rows: number[] }[] {
  const open = (c: number) => box.low[c]! < box.high[c]!;
  const seen = new Uint8Array(count);
  const found: { columns: number[]; rows: number[] }[] = [];
  for (let start = 0; start < count; start++) {
    if (seen[start] || !open(start)) continue;
    const cols: number[] = [];
    const rowSet = new Set<number>();
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const c = stack.pop()!;
      cols.push(c);
      for (const r of byColumn[c]!) {
        if (rowSet.has(r)) continue;
        rowSet.add(r);
        for (const [other] of rows[r]!.entries) {
          if (!seen[other] && open(other)) {
            seen[other] = 1;
            stack.push(other);
          }
        }
      }
    }
    found.push({ columns: cols.sort((a, b) => a - b), rows: [...rowSet].sort((a, b) => a - b) });
  }
  return found;
}

/**
 * An assignment of the component's columns within `box` (already narrowed by the caller) that satisfies its rows:
 * depth-first, each choice propagated, values tried from the hint outwards. Null when none is found within the
 * node budget (not a proof that none exists).
 */
export function findAssignment(
  box: Box,
  columns: readonly LpColumn[],
  rows: readonly LpRow[],
  byColumn: readonly number[][],
  part: { columns: number[]; rows: number[] },
  hint: Float64Array | null,
  budget = 400,
): Float64Array | null {
  const inPart = new Set(part.rows);
  const active = (r: number) => inPart.has(r);
  if (!propagate(box, columns, rows, byColumn, part.rows, active)) return null;
  let nodes = 0;
  const solve = (b: Box): Float64Array | null => {
    if (++nodes > budget) return null;
    let pick = -1;
    let width = INF;
    for (const c of part.columns) {
      const w = b.high[c]! - b.low[c]!;
      if (w > 0 && w < width) {
        width = w;
        pick = c;
      } else if (w > 0 && pick === -1) pick = c;
    }
    if (pick === -1) {
      const x = Float64Array.from(b.low);
      return satisfies(x, b, rows, part.rows, part.columns) ? x : null;
    }
    const lo = b.low[pick]!;
    const hi = b.high[pick]!;
    const preferred = hint && hint[pick]! >= lo && hint[pick]! <= hi ? hint[pick]! : lo;
    const candidates = [preferred, lo, Number.isFinite(hi) ? hi : lo + 1, Math.floor((lo + (Number.isFinite(hi) ? hi : lo + 2)) / 2)].filter((v, i, all) => v >= lo && v <= hi && all.indexOf(v) === i);
    for (const v of candidates) {
      const next = copyBox(b);
      next.low[pick] = v;
      next.high[pick] = v;
      if (!propagate(next, columns, rows, byColumn, byColumn[pick]!, active)) continue;
      const found = solve(next);
      if (found) return found;
      if (nodes > budget) return null;
    }
    return null;
  };
  return solve(box);
}
