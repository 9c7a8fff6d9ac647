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
  const digitOf = new Map(dims.map((d, j) => [d, j]));
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
  const acc = new Float64Array(width * FIELDS);
  const counts0 = new Float64Array(width);

  for (let k = 0; k <= P; k++) {
    const active = tables.map((_, g) => g).filter((g) => k > trivialTo[g]!);
    let mask = 0;
    for (const g of active) for (const d of tables[g]!.dims) mask |= 1 << (D - 1 - digitOf.get(d)!);
    const sums = marginal(cube, mask);
    // Strides of the kept digits within that marginal.
    const stride = new Array<number>(D).fill(0);
    let s = 1;
    for (let j = D - 1; j >= 0; j--) {
      if (mask & (1 << (D - 1 - j))) {
        stride[j] = s;
        s *= sizes[j]!;
      }
    }
    // Per active table, per surviving combination: its offset in the marginal, its weights at k, whether inexact.
    const lists = active.map((g) => {
      const table = tables[g]!;
      const combos = surviving[g]![k]!;
      const offset = new Int32Array(combos.length);
      const wl = new Float64Array(combos.length);
      const wp = new Float64Array(combos.length);
      const wh = new Float64Array(combos.length);
      const inexactCombo = new Uint8Array(combos.length);
      combos.forEach((c, i) => {
        let o = 0;
        table.dims.forEach((d, t) => {
          o += (Math.floor(c / table.strides[t]!) % table.sizes[t]!) * stride[digitOf.get(d)!]!;
        });
        offset[i] = o;
        wl[i] = table.weights[c * W + k * 3]!;
        wp[i] = table.weights[c * W + k * 3 + 1]!;
        wh[i] = table.weights[c * W + k * 3 + 2]!;
        inexactCombo[i] = table.firstInexact[c]! <= k ? 1 : 0;
      });
      return { g, combos, offset, wl, wp, wh, inexactCombo };
    });
    acc.fill(0);
    // Cell counts are read for the base and the final figure only.
    const counts = k === 0 || k === P;
    if (lists.some((l) => l.combos.length === 0)) {
      // Nothing survives to k.
    } else {
      // Odometer over the product of the lists.
      const at = new Int32Array(lists.length);
      for (;;) {
        let o = 0;
        let l = 1;
        let p = 1;
        let h = 1;
        let anyInexact = 0;
        for (let t = 0; t < lists.length; t++) {
          const list = lists[t]!;
          const i = at[t]!;
          o += list.offset[i]!;
          l *= list.wl[i]!;
          p *= list.wp[i]!;
          h *= list.wh[i]!;
          anyInexact |= list.inexactCombo[i]!;
        }
        const seen = addKey(sums, o * width * FIELDS, width, l, p, h, acc, counts);
        if (seen && anyInexact) {
          if (k > 0 && l !== h && nationalAt >= 0 && sums[(o * FIELDS + 3) * width + nationalAt]! > 0) nationalInexact[k] = 1;
          if (k === P) for (let t = 0; t < lists.length; t++) usedCombos[lists[t]!.g]![lists[t]!.combos[at[t]!]!] = 1;
        }
        let t = lists.length - 1;
        while (t >= 0 && ++at[t]! === lists[t]!.combos.length) at[t--] = 0;
        if (t < 0) break;
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
 * One key's row added with weights (l, p, h) to acc (per field a run of `width` slots: point, low, high, and
 * with `counts` cells and masked cells); true when the row holds any cell. A row of the sums is field-major too
 * (see Cube), so each field is one short contiguous run.
 */
function addKey(sums: Float64Array, from: number, width: number, l: number, p: number, h: number, acc: Float64Array, counts: boolean): boolean {
  const lo = from + width;
  const hi = from + 2 * width;
  const w2 = 2 * width;
  for (let e = 0; e < width; e++) {
    const pt = sums[from + e]!;
    acc[e]! += p * pt;
    acc[width + e]! += l * (pt + sums[lo + e]!);
    acc[w2 + e]! += h * (pt + sums[hi + e]!);
  }
  const cells = from + 3 * width;
  let any = 0;
  if (counts) {
    const masked = from + 4 * width;
    const w3 = 3 * width;
    const w4 = 4 * width;
    for (let e = 0; e < width; e++) {
      const c = sums[cells + e]!;
      acc[w3 + e]! += c;
      acc[w4 + e]! += sums[masked + e]!;
      any += c;
    }
  } else for (let e = 0; e < width; e++) any += sums[cells + e]!;
  return any > 0;
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
  return { dims, sizes, slots, width, finest: dims.map((d) => structure.totals[d]!.map((t) => (t ? 0 : 1))), marginals };
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
