/**
 * The estimate from pre-aggregated sums (marginals) instead of a pass over every cell or group.
 *
 * The figure after prefix k of the predicate steps is Σ over cells of Π over weight tables of the table's weight at
 * k for the cell's combination. The weight tables partition the dimensions the criteria use, so this is a
 * multilinear sum: a table whose every finest combination is wholly inside at k (weight exactly 1, and not yet
 * inexact) contributes nothing but "add all of my finest values". Its dimensions can be summed out beforehand.
 * What remains at prefix k is the product of the other tables' surviving combinations over the cells' sums with
 * only those tables' dimensions kept — for a typical study a few hundred keys instead of a million cells: the
 * base needs the period alone, the first criterion the period and its own dimension, and so on.
 *
 * The sums kept per dataset and list of dimensions the criteria use (the cube): per combination of those
 * dimensions and region slot, the point, low − point, high − point, the number of cells and of masked cells. From
 * it, per subset of its dimensions, the same sums with the other dimensions summed out over their finest values
 * (published totals never join a sum: a cell with a total on a summed-out dimension is left out, as the weight
 * tables leave it out of the base). Both are made when first needed and kept with the dataset, so an edit of a
 * code, an age limit or a share costs no pass over the cells; a new list of dimensions (a step on a dimension no
 * other step looks at) builds one cube, about one pass over the cells.
 *
 * What is computed is the cell pass's result (cell-pass.ts), in its layout: the weighted low, point and high per
 * prefix go where the cell pass puts inexact cells' sums, the cell counts where it puts its exits. The sums are
 * the same numbers added in another order: whole counts give the same bits; fractional counts and shares of
 * straddling age bands (a share × the sum of a band's cells, not the sum of share × cell) can differ in the last
 * bits, far below anything shown.
 *
 * Not used (null: the cell pass runs instead) when a table includes the region dimension (population-weighted
 * age shares: the region is the accumulator slot and cannot be summed out), when the cube would be large or
 * mostly empty, or when the study's criteria leave so many combinations at every prefix that the product sets
 * cost more than a pass over the cube's keys.
 */
import type { Dataset } from '../counts/dataset';
import { datasetStructure, type DatasetStructure } from './dataset-cache';
import { NATIONAL_SLOT, SLOT_COUNT } from './dimension-structure';
import type { WeightTable } from './predicate-tables';

/** Per cube entry: point, low − point, high − point, cells, masked cells (the cell pass's exit fields). */
const FIELDS = 5;
/** Largest cube, in entries (key × region slot): 40 MB of sums, plus at most about as much again for its marginals. */
export const MAX_CUBE_ENTRIES = 1 << 20;
/** A cube is made only when the dataset's cells fill at least this share of it (else the cell pass is cheaper). */
const MIN_FILL = 0.5;
/** Cubes kept per dataset (one per list of dimensions the criteria use, most recently used last): two lets a step on a dimension of its own be switched on and off without rebuilding, and bounds the memory (a 1M-cell dataset's cube with its marginals: ≈ 26 MB). */
const CUBES_KEPT = 2;

// Imported constants copied once: under a CommonJS loader every use of an imported binding is a getter call.
const SLOTS = SLOT_COUNT;
const NATIONAL = NATIONAL_SLOT;

interface Cube {
  /** Dataset dimensions (ascending): the digits of a key, the first the most significant. */
  dims: number[];
  sizes: number[];
  /** Region slots present, ascending; an entry's slot is its index here. */
  slots: Int32Array;
  width: number;
  /** Per digit: 1 for the values a summed-out dimension adds (not published totals). */
  finest: Uint8Array[];
  /**
   * Sums by bit mask of the digits kept (all digits: the cube itself). Per key a row of FIELDS runs of `width`
   * numbers (field-major: the hot loop adds each field as one contiguous run).
   */
  marginals: Map<number, Float64Array>;
  /** Per marginal (same keys): 1 for the rows that hold any cell, so that a line that needs no cell counts reads no counts. */
  occupied: Map<number, Uint8Array>;
  /** Per-estimate work arrays (see Scratch), made by the first estimate that uses this cube. */
  scratch: Scratch | null;
}

const cubes = new WeakMap<Dataset, Map<string, Cube | null>>();

/** What runMarginalPass returns: the cell pass's result fields (see CellPassResult in cell-pass.ts). */
export interface MarginalPassResult {
  exits: Float64Array;
  inexact: Float64Array;
  nationalInexact: Uint8Array;
  usedCombos: Uint8Array[];
}

export function runMarginalPass(dataset: Dataset, tables: readonly WeightTable[], prefixes: number, exitFields: number): MarginalPassResult | null {
  const structure = datasetStructure(dataset);
  const dims = [...new Set(tables.flatMap((t) => t.dims))].sort((a, b) => a - b);
  if (structure.regionDim >= 0 && dims.includes(structure.regionDim)) return null;
  const D = dims.length;
  // Per dataset dimension: its digit in the cube's key (only the dimensions the tables use are read).
  const digitOf = new Int32Array(dataset.dimensions.length);
  dims.forEach((d, j) => (digitOf[d] = j));
  const sizes = dims.map((d) => dataset.dimensions[d]!.values.length);
  const keyCount = sizes.reduce((a, b) => a * b, 1);

  // Per table: the last prefix up to which it is trivial (every finest combination wholly inside and exact,
  // every combination with a total left out), −1 when never.
  const P = prefixes;
  const trivialTo = tables.map((table) => trivialUntil(table, structure, P));
  const surviving = tables.map((table) => survivingAt(table, P));
  // Work of the product sets, against a pass over the cube's keys (the cell pass looks at every key; with a few
  // keys to spare, as both are negligible for a small key space).
  let work = 0;
  for (let k = 0; k <= P; k++) {
    let product = 1;
    tables.forEach((_, g) => {
      if (k > trivialTo[g]!) product *= surviving[g]![k]!.length;
    });
    work += product;
  }
  if (work > keyCount + 64) return null;
  const cube = cubeFor(dataset, structure, dims, sizes);
  if (!cube) return null;

  const width = cube.width;
  const W = (P + 1) * 3;
  const exits = new Float64Array((P + 1) * SLOTS * exitFields);
  const inexact = new Float64Array((P + 1) * SLOTS * 3);
  const nationalInexact = new Uint8Array(P + 1);
  const usedCombos = tables.map((t) => new Uint8Array(t.size));
  const nationalAt = cube.slots.indexOf(NATIONAL);
  const scratch = scratchFor(cube, keyCount + 64);
  const { acc, counts0 } = scratch;
  const stride = new Int32Array(D);
  const listLengths = new Int32Array(tables.length);
  const listTables = new Int32Array(tables.length);

  for (let k = 0; k <= P; k++) {
    let mask = 0;
    let lists = 0;
    for (let g = 0; g < tables.length; g++) {
      if (k <= trivialTo[g]!) continue;
      listTables[lists++] = g;
      for (const d of tables[g]!.dims) mask |= 1 << (D - 1 - digitOf[d]!);
    }
    const sums = marginal(cube, mask);
    const occupied = occupiedRows(cube, mask, sums);
    // Strides of the kept digits within that marginal.
    let s = 1;
    for (let j = D - 1; j >= 0; j--) {
      stride[j] = 0;
      if (mask & (1 << (D - 1 - j))) {
        stride[j] = s;
        s *= sizes[j]!;
      }
    }
    // The product of the active tables' surviving combinations, in odometer order (the last table fastest):
    // per entry its row in the marginal, the product of the weights at k and whether some factor is inexact.
    let entries = 1;
    scratch.offset[0] = 0;
    scratch.wl[0] = 1;
    scratch.wp[0] = 1;
    scratch.wh[0] = 1;
    scratch.inexact[0] = 0;
    for (let t = 0; t < lists; t++) {
      const table = tables[listTables[t]!]!;
      const combos = surviving[listTables[t]!]![k]!;
      listLengths[t] = combos.length;
      entries = expandProduct(scratch, entries, table, combos, k, W, stride, digitOf);
    }
    acc.fill(0);
    // Cell counts are read for the base and the final figure only.
    const counts = k === 0 || k === P;
    addRows(sums, occupied, scratch, entries, width, acc, counts);
    // Entries that hold cells and have an inexact factor: the national flag, and at the last prefix the
    // combinations that reached the final figure only in part (for the warnings).
    for (let e = 0; e < entries; e++) {
      if (!scratch.seen[e] || !scratch.inexact[e]) continue;
      if (k > 0 && scratch.wl[e] !== scratch.wh[e] && nationalAt >= 0 && sums[(scratch.offset[e]! * FIELDS + 3) * width + nationalAt]! > 0) nationalInexact[k] = 1;
      if (k === P) {
        let rest = e;
        for (let t = lists - 1; t >= 0; t--) {
          const g = listTables[t]!;
          usedCombos[g]![surviving[g]![k]![rest % listLengths[t]!]!] = 1;
          rest = Math.floor(rest / listLengths[t]!);
        }
      }
    }
    for (let e = 0; e < width; e++) {
      const slot = cube.slots[e]!;
      const o = (k * SLOTS + slot) * 3;
      inexact[o] = acc[width + e]!;
      inexact[o + 1] = acc[e]!;
      inexact[o + 2] = acc[2 * width + e]!;
      if (k === 0) counts0[e] = acc[3 * width + e]!;
      if (k === P) {
        // The cell pass's exits hold each cell at its exit level; only their totals are read: all of them for
        // the cells in the base, the last level's for the cells and masked cells in the final figure.
        const last = (P * SLOTS + slot) * exitFields;
        exits[last + 3] = acc[3 * width + e]!;
        exits[last + 4] = acc[4 * width + e]!;
        if (P > 0) exits[slot * exitFields + 3] = counts0[e]! - acc[3 * width + e]!;
      }
    }
  }
  return { exits, inexact, nationalInexact, usedCombos };
}

/**
 * Typed arrays an estimate fills and throws away, kept with the cube (one estimate runs at a time: the
 * estimator is synchronous): per product entry its row offset, weights and inexact and seen flags, and the
 * per-slot sums. Reusing them keeps a warm estimate from allocating per entry, and the hot loops below see
 * only typed arrays of fixed kinds, so V8 optimises them once and keeps them.
 */
interface Scratch {
  offset: Int32Array;
  wl: Float64Array;
  wp: Float64Array;
  wh: Float64Array;
  inexact: Uint8Array;
  seen: Uint8Array;
  acc: Float64Array;
  counts0: Float64Array;
}

function scratchFor(cube: Cube, entries: number): Scratch {
  const known = cube.scratch;
  if (known && known.offset.length >= entries) return known;
  const scratch: Scratch = {
    offset: new Int32Array(entries),
    wl: new Float64Array(entries),
    wp: new Float64Array(entries),
    wh: new Float64Array(entries),
    inexact: new Uint8Array(entries),
    seen: new Uint8Array(entries),
    acc: new Float64Array(cube.width * FIELDS),
    counts0: new Float64Array(cube.width),
  };
  cube.scratch = scratch;
  return scratch;
}

/**
 * The product so far (`entries` entries at the start of the scratch arrays) times one table's surviving
 * combinations at prefix k, in place: entry e × combination i becomes entry e × n + i. Walked from the last entry
 * down so that no entry is overwritten before it is read. Weights are multiplied in table order, starting from 1,
 * as the product is defined; returns the new number of entries.
 */
function expandProduct(scratch: Scratch, entries: number, table: WeightTable, combos: readonly number[], k: number, W: number, stride: Int32Array, digitOf: Int32Array): number {
  const n = combos.length;
  const { offset, wl, wp, wh, inexact } = scratch;
  const { weights, firstInexact, dims, strides, sizes } = table;
  for (let e = entries - 1; e >= 0; e--) {
    const o0 = offset[e]!;
    const l0 = wl[e]!;
    const p0 = wp[e]!;
    const h0 = wh[e]!;
    const x0 = inexact[e]!;
    for (let i = n - 1; i >= 0; i--) {
      const c = combos[i]!;
      let o = 0;
      for (let t = 0; t < dims.length; t++) o += (Math.floor(c / strides[t]!) % sizes[t]!) * stride[digitOf[dims[t]!]!]!;
      const to = e * n + i;
      offset[to] = o0 + o;
      wl[to] = l0 * weights[c * W + k * 3]!;
      wp[to] = p0 * weights[c * W + k * 3 + 1]!;
      wh[to] = h0 * weights[c * W + k * 3 + 2]!;
      inexact[to] = x0 | (firstInexact[c]! <= k ? 1 : 0);
    }
  }
  return entries * n;
}

/**
 * Each entry's row of the marginal added with its weights to acc (per field a run of `width` slots: point, low,
 * high, and with `counts` cells and masked cells); seen[e] = 1 when the row holds any cell (from `occupied`). A row of the sums is
 * field-major too (see Cube), so each field is one short contiguous run.
 */
function addRows(sums: Float64Array, occupied: Uint8Array, scratch: Scratch, entries: number, width: number, acc: Float64Array, counts: boolean): void {
  const { offset, wl, wp, wh, seen } = scratch;
  const rowLength = width * FIELDS;
  const w2 = 2 * width;
  const w3 = 3 * width;
  const w4 = 4 * width;
  for (let x = 0; x < entries; x++) {
    const from = offset[x]! * rowLength;
    const l = wl[x]!;
    const p = wp[x]!;
    const h = wh[x]!;
    const lo = from + width;
    const hi = from + w2;
    for (let e = 0; e < width; e++) {
      const pt = sums[from + e]!;
      acc[e]! += p * pt;
      acc[width + e]! += l * (pt + sums[lo + e]!);
      acc[w2 + e]! += h * (pt + sums[hi + e]!);
    }
    seen[x] = occupied[offset[x]!]!;
    if (!counts) continue;
    const cells = from + w3;
    const masked = from + w4;
    for (let e = 0; e < width; e++) {
      acc[w3 + e]! += sums[cells + e]!;
      acc[w4 + e]! += sums[masked + e]!;
    }
  }
}

/** The marginal's rows that hold any cell (see Cube.occupied), made once per marginal. */
function occupiedRows(cube: Cube, mask: number, sums: Float64Array): Uint8Array {
  const known = cube.occupied.get(mask);
  if (known) return known;
  const width = cube.width;
  const rowLength = width * FIELDS;
  const rows = sums.length / rowLength;
  const out = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const cells = r * rowLength + 3 * width;
    for (let e = 0; e < width; e++) {
      if (sums[cells + e]! > 0) {
        out[r] = 1;
        break;
      }
    }
  }
  cube.occupied.set(mask, out);
  return out;
}

/** Per prefix, the table's combinations that survive to it (ascending). */
function survivingAt(table: WeightTable, P: number): number[][] {
  const lists = Array.from({ length: P + 1 }, (): number[] => []);
  for (let c = 0; c < table.size; c++) for (let k = 0; k <= table.survives[c]!; k++) lists[k]!.push(c);
  return lists;
}

/** The last prefix at which the table leaves every cell as the cube's marginal counts it (−1: none). */
function trivialUntil(table: WeightTable, structure: DatasetStructure, P: number): number {
  let until = P;
  for (let c = 0; c < table.size; c++) {
    let finest = true;
    table.dims.forEach((d, t) => {
      if (structure.totals[d]![Math.floor(c / table.strides[t]!) % table.sizes[t]!]) finest = false;
    });
    if (!finest) {
      // A combination with a total must be out of every prefix, as the marginals leave it out.
      if (table.survives[c]! >= 0) return -1;
      continue;
    }
    // Wholly inside and exact up to prefix k: survives ≥ k and first inexact > k.
    until = Math.min(until, table.survives[c]!, table.firstInexact[c]! - 1);
  }
  return until;
}

function cubeFor(dataset: Dataset, structure: DatasetStructure, dims: number[], sizes: number[]): Cube | null {
  let kept = cubes.get(dataset);
  if (!kept) cubes.set(dataset, (kept = new Map()));
  const id = dims.join(',');
  if (kept.has(id)) {
    const known = kept.get(id)!;
    kept.delete(id);
    kept.set(id, known);
    return known;
  }
  const cube = buildCube(dataset, structure, dims, sizes);
  kept.set(id, cube);
  if (kept.size > CUBES_KEPT) kept.delete(kept.keys().next().value!);
  return cube;
}

function buildCube(dataset: Dataset, structure: DatasetStructure, dims: number[], sizes: number[]): Cube | null {
  const n = dataset.cellCount;
  const { slotOf, regionColumn } = structure;
  const slots = Int32Array.from(new Set(slotOf)).sort();
  const width = slots.length;
  const keyCount = sizes.reduce((a, b) => a * b, 1);
  const entries = keyCount * width;
  if (entries > MAX_CUBE_ENTRIES || entries * MIN_FILL > n) return null;
  const local = new Int32Array(SLOTS);
  slots.forEach((slot, e) => (local[slot] = e));
  // Each cell's place: its key's row (FIELDS × width numbers), then its slot within each field's run.
  const entryOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) entryOf[i] = local[slotOf[regionColumn[i]!]!]!;
  let stride = width * FIELDS;
  for (let j = dims.length - 1; j >= 0; j--) {
    addScaled(entryOf, dataset.columns[dims[j]!]!, stride, n);
    stride *= sizes[j]!;
  }
  const full = new Float64Array(entries * FIELDS);
  fillCube(full, entryOf, width, dataset.point, dataset.low, dataset.high, dataset.masked, n);
  const marginals = new Map<number, Float64Array>([[(1 << dims.length) - 1, full]]);
  return { dims, sizes, slots, width, finest: dims.map((d) => structure.totals[d]!.map((t) => (t ? 0 : 1))), marginals, occupied: new Map(), scratch: null };
}

function addScaled(keys: Uint32Array, column: Uint32Array, stride: number, n: number): void {
  for (let i = 0; i < n; i++) keys[i]! += column[i]! * stride;
}

function fillCube(full: Float64Array, entryOf: Uint32Array, width: number, point: Float64Array, low: Float64Array, high: Float64Array, masked: Uint8Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const o = entryOf[i]!;
    const pt = point[i]!;
    full[o]! += pt;
    full[o + width]! += low[i]! - pt;
    full[o + 2 * width]! += high[i]! - pt;
    full[o + 3 * width]! += 1;
    full[o + 4 * width]! += masked[i]!;
  }
}

/** The cube's sums with only the digits in `mask` kept (bit D − 1 − j for digit j), the others summed over their finest values. */
function marginal(cube: Cube, mask: number): Float64Array {
  const known = cube.marginals.get(mask);
  if (known) return known;
  const D = cube.dims.length;
  const full = cube.marginals.get((1 << D) - 1)!;
  const { sizes, finest, width } = cube;
  const target = new Array<number>(D).fill(0);
  let kept = 1;
  for (let j = D - 1; j >= 0; j--) {
    if (mask & (1 << (D - 1 - j))) {
      target[j] = kept;
      kept *= sizes[j]!;
    }
  }
  const out = new Float64Array(kept * width * FIELDS);
  const keyCount = sizes.reduce((a, b) => a * b, 1);
  const digit = new Int32Array(D);
  const rowLength = width * FIELDS;
  for (let key = 0; key < keyCount; key++) {
    let to = 0;
    let use = true;
    for (let j = 0; j < D; j++) {
      const v = digit[j]!;
      if (mask & (1 << (D - 1 - j))) to += v * target[j]!;
      else if (!finest[j]![v]) use = false;
    }
    if (use) addRow(out, to * rowLength, full, key * rowLength, rowLength);
    for (let j = D - 1; j >= 0; j--) {
      if (++digit[j]! < sizes[j]!) break;
      digit[j] = 0;
    }
  }
  cube.marginals.set(mask, out);
  return out;
}

function addRow(out: Float64Array, to: number, from: Float64Array, at: number, length: number): void {
  for (let f = 0; f < length; f++) out[to + f]! += from[at + f]!;
}
