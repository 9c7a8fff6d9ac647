/**
 * What a file publishes only at a coarser level. A diagnosis table may publish a chapter (C00-D48), a block
 * inside it (C15-C26) and a few selected codes (C18), and nothing else: the chapter's patients outside the block
 * are in no finer cell. Summing only the finest cells would lose them, so every published total T of the code
 * dimension gets a *remainder*: T minus its published parts (the coarsest values strictly inside T among the
 * cells alike in every other dimension). The remainder is a value of its own, "T but none of its parts", and
 * joins the finest cells; T itself stays a total that is never added to its parts.
 *
 * - Counts: T − Σ parts, as an interval when T or a part is an interval (masked cells), never negative. Where
 *   the dimension's values overlap for persons (one patient under two codes), the parts' union lies between
 *   the largest part and min(T, Σ parts), so the persons under none of the parts number between
 *   T − min(T, Σ parts) and T − the largest part: that is the remainder's low and point. They are disjoint from
 *   the parts (the overlap pass adds a remainder to its parts' union instead of taking a maximum). But a person
 *   under a part may also hold a code of the gaps, so the persons with a gap's code number up to T itself: that
 *   is the remainder's high, and a remainder is made wherever the parts leave a gap, even when T − the largest
 *   part is 0.
 * - A criterion sees the remainder through its gaps (the stretches of T no part covers): wholly inside when T
 *   is inside the criterion or every gap is; outside when no gap meets the criterion (a criterion on codes the
 *   parts hold); otherwise coarser than the criterion (unknown: 0 in the low and the point, whole in the high).
 * - A remainder that is exactly 0 (the parts add up to T) is not made, so a file whose finest level is complete
 *   is estimated exactly as before.
 *
 * The view is a new dataset (the original's cells, then one cell per nonzero remainder, with new dictionary
 * values on the code dimension), kept per dataset object like the rest of the estimator's derived data.
 */
import type { Dataset } from '../counts/dataset';
import { overlappingDimensions } from '../counts/overlap';
import { codeRange, type CodeRange } from '../icd10/code-set';
import { ALL_VALUE, totalValueMask } from './dimension-structure';

/** A stretch of the code axis (string order, as code-set.ts ranges); open ends exclude the end itself. */
export interface Gap {
  lo: string;
  loOpen: boolean;
  hi: string;
  hiOpen: boolean;
}

export interface Remainder {
  /** The total's value index and its parts' value indexes (original dictionary). */
  total: number;
  parts: number[];
  /** The total's extent (null: "all") and the stretches of it no part covers. */
  extent: CodeRange | null;
  gaps: Gap[];
}

export interface RemainderView {
  /** The code dimension's index. */
  dim: number;
  /** Per value of the view's code dimension: 1 for published totals (the originals' mask, 0 for remainders). */
  totals: Uint8Array;
  /** Per value of the view's code dimension: its remainder, or null for an original value. */
  remainders: (Remainder | null)[];
  /** Cells from here on are remainders (added, not taken as a maximum, in unions of overlapping values). */
  firstRemainderCell: number;
  /**
   * Per cell of the view: the published total it is a part of (its nearest container among the cells alike in
   * every other dimension; a remainder's is its total), or −1. Where every cell under a total is wholly inside a
   * criterion, the total itself is what they add up to (the overlap pass uses this to cap unions).
   */
  parentCell: Int32Array;
  /** Per cell of the view: 1 for a published total that has parts or a remainder in its group. */
  hasParts: Uint8Array;
  /** The cells with parts, deepest first (a total inside another before it), for passes that go bottom-up. */
  deepestFirst: Int32Array;
}

const views = new WeakMap<Dataset, Dataset>();
const infos = new WeakMap<Dataset, RemainderView>();

/** The remainder information of a view made by withPublishedRemainders, or null for any other dataset. */
export function remainderView(dataset: Dataset): RemainderView | null {
  return infos.get(dataset) ?? null;
}

const WHOLE: CodeRange = { lo: '', hi: '\uffff\uffff' };

function extentOf(value: string): CodeRange | null {
  return value === ALL_VALUE ? null : codeRange(value);
}

const containsRange = (outer: CodeRange | null, inner: CodeRange | null): boolean =>
  outer === null || (inner !== null && outer.lo <= inner.lo && inner.hi <= outer.hi);

/**
 * The smallest code string after every code that starts with `stem` ("C18" → "C19", "C1Z" → "C2"), or null. Codes
 * are upper-case letters and digits, so nothing real lies between stem + U+FFFF and this.
 */
function nextStem(stem: string): string | null {
  if (stem === '') return null;
  const last = stem[stem.length - 1]!;
  if (last === 'Z') return nextStem(stem.slice(0, -1));
  return stem.slice(0, -1) + (last === '9' ? 'A' : String.fromCharCode(last.charCodeAt(0) + 1));
}

/** Where the real codes of a gap start: after an open end "C18" + U+FFFF, at "C19". */
function realStart(gap: Gap): string {
  if (!gap.loOpen || !gap.lo.endsWith('\uffff')) return gap.lo;
  return nextStem(gap.lo.replace(/\uffff+$/, '')) ?? gap.lo;
}

/** Whether a gap holds no real code (between "C20" + U+FFFF and "C21" there is none). */
function emptyGap(gap: Gap): boolean {
  const start = realStart(gap);
  return gap.hiOpen ? start >= gap.hi : start > gap.hi;
}

/** The stretches of `outer` that none of `parts` (disjoint or nested, any order) covers and that hold real codes. */
export function gapsOf(outer: CodeRange | null, parts: readonly CodeRange[]): Gap[] {
  const whole = outer ?? WHOLE;
  const sorted = [...parts].sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const gaps: Gap[] = [];
  let lo = whole.lo;
  let loOpen = false;
  for (const part of sorted) {
    if (part.hi < lo || (part.hi === lo && loOpen)) continue;
    if (lo < part.lo) gaps.push({ lo, loOpen, hi: part.lo, hiOpen: true });
    if (part.hi > lo || (part.hi === lo && !loOpen)) {
      lo = part.hi;
      loOpen = true;
    }
  }
  if (lo < whole.hi) gaps.push({ lo, loOpen, hi: whole.hi, hiOpen: false });
  return gaps.filter((g) => !emptyGap(g));
}

/** Whether the closed range `term` shares a point with `gap`. */
export function gapMeets(gap: Gap, term: CodeRange): boolean {
  const startsBeforeEnd = term.lo < gap.hi || (term.lo === gap.hi && !gap.hiOpen);
  const endsAfterStart = term.hi >= realStart(gap) && (term.hi > gap.lo || (term.hi === gap.lo && !gap.loOpen));
  return startsBeforeEnd && endsAfterStart;
}

/** Whether the closed range `term` holds every real code of `gap`. */
export function gapInside(gap: Gap, term: CodeRange): boolean {
  if (term.lo > realStart(gap)) return false;
  if (gap.hi <= term.hi) return true;
  // An open end "C18": every real code before it is at most "C17" + U+FFFF.
  if (!gap.hiOpen || !term.hi.endsWith('\uffff')) return false;
  const next = nextStem(term.hi.replace(/\uffff+$/, ''));
  return next !== null && next >= gap.hi;
}

/**
 * How a criterion over code ranges sees a remainder: 2 wholly inside, 0 outside, 1 coarser than the criterion
 * (the same three values as the estimator's Kleene logic).
 */
export function remainderTruth(remainder: Remainder, terms: readonly CodeRange[]): 0 | 1 | 2 {
  if (remainder.extent !== null && terms.some((t) => containsRange(t, remainder.extent))) return 2;
  const met = remainder.gaps.filter((g) => terms.some((t) => gapMeets(g, t)));
  if (met.length === 0) return 0;
  if (met.length === remainder.gaps.length && remainder.gaps.every((g) => terms.some((t) => gapInside(g, t)))) return 2;
  return 1;
}

/**
 * The dataset with a remainder cell for every published code total whose parts do not add up to it; the dataset
 * itself when it has no code totals. Cached per dataset object (datasets are immutable).
 */
export function withPublishedRemainders(dataset: Dataset): Dataset {
  const known = views.get(dataset);
  if (known) return known;
  const view = buildView(dataset) ?? dataset;
  views.set(dataset, view);
  return view;
}

function buildView(dataset: Dataset): Dataset | null {
  const dim = dataset.dimensions.findIndex((d) => d.role === 'code');
  if (dim < 0) return null;
  const dimension = dataset.dimensions[dim]!;
  const totals = totalValueMask(dataset.id, dimension);
  if (!totals.some((t) => t === 1)) return null;
  const n = dataset.cellCount;
  const values = dimension.values;
  const extents = values.map(extentOf);
  // Every value's rank by start ascending, then end descending ("all" first), so a container precedes what it holds.
  const order = values.map((_, v) => v).sort((a, b) => {
    const x = extents[a] ?? null;
    const y = extents[b] ?? null;
    if (x === null || y === null) return x === y ? a - b : x === null ? -1 : 1;
    if (x.lo !== y.lo) return x.lo < y.lo ? -1 : 1;
    if (x.hi !== y.hi) return x.hi > y.hi ? -1 : 1;
    return a - b;
  });
  const rank = new Int32Array(values.length);
  order.forEach((v, r) => (rank[v] = r));

  // Cells alike in every other dimension form a group; counting sort of the cells by group, then by rank.
  const groupOf = groupCells(dataset, dim);
  const groupCount = groupOf.count;
  const column = dataset.columns[dim]!;
  const byGroup = sortCells(n, groupCount, groupOf.of, column, rank, values.length);

  const overlapping = overlappingDimensions(dataset).includes(dimension.key);
  const { low, point, high } = dataset;
  const newValues: string[] = [];
  const newRemainders: Remainder[] = [];
  const valueId = new Map<string, number>();
  const cellValue: number[] = [];
  const cellFrom: number[] = [];
  const cellLow: number[] = [];
  const cellPoint: number[] = [];
  const cellHigh: number[] = [];

  // Each value's last rank strictly inside it: in rank order a value holds exactly the ranks up to there, so the
  // cell loop below compares integers only.
  const inside = new Int32Array(values.length);
  {
    const open: number[] = [];
    for (let r = 0; r < order.length; r++) {
      const e = extents[order[r]!] ?? null;
      while (open.length > 0) {
        const top = extents[order[open[open.length - 1]!]!] ?? null;
        if (containsRange(top, e) && !(top === null ? e === null : e !== null && top.lo === e.lo && top.hi === e.hi)) break;
        open.pop();
      }
      for (const o of open) inside[order[o]!] = r;
      open.push(r);
      inside[order[r]!] = r;
    }
  }
  const holds = (outer: number, inner: number): boolean => rank[inner]! > rank[outer]! && rank[inner]! <= inside[outer]!;

  const stack: number[] = [];
  const parentOf = new Int32Array(n).fill(-1);
  // Per total cell: its parts as a list (first child, next sibling), and their sums.
  const firstChild = new Int32Array(n).fill(-1);
  const nextSibling = new Int32Array(n).fill(-1);
  const sumLow = new Float64Array(n);
  const sumPoint = new Float64Array(n);
  const sumHigh = new Float64Array(n);
  const maxLow = new Float64Array(n);
  const maxPoint = new Float64Array(n);
  const partSet: number[] = [];
  for (let g = 0; g < groupCount; g++) {
    const from = byGroup.start[g]!;
    const to = byGroup.start[g + 1]!;
    let anyTotal = false;
    for (let i = from; i < to; i++) if (totals[column[byGroup.cells[i]!]!]) anyTotal = true;
    if (!anyTotal) continue;
    // Each cell's nearest container in its group: a stack of open containers (values nest, so this is a tree).
    stack.length = 0;
    for (let i = from; i < to; i++) {
      const c = byGroup.cells[i]!;
      const v = column[c]!;
      while (stack.length > 0 && !holds(column[stack[stack.length - 1]!]!, v) && column[stack[stack.length - 1]!] !== v) stack.pop();
      const top = stack.length > 0 ? stack[stack.length - 1]! : -1;
      // A second cell with the very same value is a sibling of the first, not inside it.
      const parent = top < 0 ? -1 : column[top] !== v ? top : parentOf[top]!;
      parentOf[c] = parent;
      if (parent >= 0) {
        nextSibling[c] = firstChild[parent]!;
        firstChild[parent] = c;
        sumLow[parent]! += low[c]!;
        sumPoint[parent]! += point[c]!;
        sumHigh[parent]! += high[c]!;
        if (low[c]! > maxLow[parent]!) maxLow[parent] = low[c]!;
        if (point[c]! > maxPoint[parent]!) maxPoint[parent] = point[c]!;
      }
      stack.push(c);
    }
    for (let i = from; i < to; i++) {
      const t = byGroup.cells[i]!;
      if (!totals[column[t]!]) continue;
      let rLow: number;
      let rHigh: number;
      let rPoint: number;
      if (overlapping) {
        // The parts' union: at least the largest part, at most their sum and at most T; its point midway.
        const unionHigh = Math.min(high[t]!, sumHigh[t]!);
        const unionPoint = Math.min(point[t]!, (maxPoint[t]! + sumPoint[t]!) / 2);
        rLow = Math.max(0, low[t]! - unionHigh);
        rHigh = Math.max(0, high[t]! - maxLow[t]!);
        rPoint = point[t]! - unionPoint;
      } else {
        rLow = Math.max(0, low[t]! - sumHigh[t]!);
        rHigh = Math.max(0, high[t]! - sumLow[t]!);
        rPoint = point[t]! - sumPoint[t]!;
      }
      rPoint = Math.min(rHigh, Math.max(rLow, rPoint));
      if (rHigh <= 0 && !(overlapping && high[t]! > 0)) continue;
      partSet.length = 0;
      for (let c = firstChild[t]!; c >= 0; c = nextSibling[c]!) partSet.push(column[c]!);
      const partValues = partSet.length > 1 ? [...new Set(partSet)].sort((x, y) => x - y) : partSet.slice();
      const id = `${column[t]}|${partValues.join(',')}`;
      let v = valueId.get(id);
      if (v === undefined) {
        v = values.length + newValues.length;
        valueId.set(id, v);
        const total = column[t]!;
        newValues.push(`${values[total]}\\${partValues.map((p) => values[p]).join(',')}`);
        const extent = extents[total] ?? null;
        const partExtents = partValues.map((p) => extents[p]).filter((e): e is CodeRange => e !== null && e !== undefined);
        newRemainders.push({ total, parts: partValues, extent, gaps: gapsOf(extent, partExtents) });
      }
      if (overlapping) {
        // Any of the total's persons may hold a code of its gaps besides a part's code: persons counted under a
        // gap's codes number up to the total. (Where the parts leave no gap, no criterion meets the remainder
        // without holding the whole total.)
        if (newRemainders[v - values.length]!.gaps.length === 0 && rHigh <= 0) continue;
        rHigh = high[t]!;
      }
      cellValue.push(v);
      cellFrom.push(t);
      cellLow.push(rLow);
      cellPoint.push(rPoint);
      cellHigh.push(rHigh);
    }
  }
  if (cellValue.length === 0) return null;

  const m = n + cellValue.length;
  const columns = dataset.columns.map((col, d) => {
    const out = new Uint32Array(m);
    out.set(col);
    for (let j = 0; j < cellValue.length; j++) out[n + j] = d === dim ? cellValue[j]! : col[cellFrom[j]!]!;
    return out;
  });
  const extend = (src: Float64Array, add: number[]): Float64Array => {
    const out = new Float64Array(m);
    out.set(src);
    out.set(add, n);
    return out;
  };
  const masked = new Uint8Array(m);
  masked.set(dataset.masked);
  const view: Dataset = {
    ...dataset,
    dimensions: dataset.dimensions.map((d, i) => (i === dim ? { ...d, values: [...values, ...newValues] } : d)),
    cellCount: m,
    columns,
    low: extend(dataset.low, cellLow),
    point: extend(dataset.point, cellPoint),
    high: extend(dataset.high, cellHigh),
    masked,
  };
  const parentCell = new Int32Array(m);
  parentCell.set(parentOf);
  for (let j = 0; j < cellFrom.length; j++) parentCell[n + j] = cellFrom[j]!;
  const hasParts = new Uint8Array(m);
  for (let c = 0; c < m; c++) if (parentCell[c]! >= 0) hasParts[parentCell[c]!] = 1;
  const viewTotals = new Uint8Array(values.length + newValues.length);
  viewTotals.set(totals);
  infos.set(view, {
    dim,
    totals: viewTotals,
    remainders: [...values.map(() => null), ...newRemainders],
    firstRemainderCell: n,
    parentCell,
    hasParts,
    deepestFirst: totalsDeepestFirst(parentCell, hasParts),
  });
  return view;
}

function totalsDeepestFirst(parentCell: Int32Array, hasParts: Uint8Array): Int32Array {
  const totals: number[] = [];
  const depth: number[] = [];
  for (let c = 0; c < parentCell.length; c++) {
    if (!hasParts[c]) continue;
    let d = 0;
    for (let a = parentCell[c]!; a >= 0; a = parentCell[a]!) d++;
    totals.push(c);
    depth.push(d);
  }
  const order = totals.map((_, i) => i).sort((a, b) => depth[b]! - depth[a]! || totals[a]! - totals[b]!);
  return Int32Array.from(order, (i) => totals[i]!);
}

/** A group id per cell over every dimension but `skip` (mixed radix when it fits exactly, else by text). */
function groupCells(dataset: Dataset, skip: number): { of: Int32Array; count: number } {
  const n = dataset.cellCount;
  const dims = dataset.dimensions.map((_, d) => d).filter((d) => d !== skip);
  const of = new Int32Array(n);
  const ids = new Map<number | string, number>();
  const space = dims.reduce((a, d) => a * Math.max(1, dataset.dimensions[d]!.values.length), 1);
  for (let i = 0; i < n; i++) {
    let key: number | string;
    if (space < Number.MAX_SAFE_INTEGER) {
      let k = 0;
      for (const d of dims) k = k * dataset.dimensions[d]!.values.length + dataset.columns[d]![i]!;
      key = k;
    } else key = dims.map((d) => dataset.columns[d]![i]!).join(',');
    let g = ids.get(key);
    if (g === undefined) {
      g = ids.size;
      ids.set(key, g);
    }
    of[i] = g;
  }
  return { of, count: ids.size };
}

/** Cells ordered by group, and within a group by the rank of their value; `start[g]` where group g begins. */
function sortCells(n: number, groups: number, groupOf: Int32Array, column: Uint32Array, rank: Int32Array, ranks: number): { cells: Int32Array; start: Int32Array } {
  // By rank first, then (stably) by group.
  const byRank = new Int32Array(n);
  const rankStart = new Int32Array(ranks + 1);
  for (let i = 0; i < n; i++) rankStart[rank[column[i]!]! + 1]!++;
  for (let r = 0; r < ranks; r++) rankStart[r + 1]! += rankStart[r]!;
  for (let i = 0; i < n; i++) byRank[rankStart[rank[column[i]!]!]!++] = i;
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) start[groupOf[i]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groups);
  const cells = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = byRank[j]!;
    cells[fill[groupOf[i]!]!++] = i;
  }
  return { cells, start };
}
