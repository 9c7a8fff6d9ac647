/**
 * The estimator's pass over a dataset's cells: one fused loop that adds every cell to its region at every
 * prefix of the predicate steps it survives, for all steps at once.
 *
 * Each cell gets one key, and everything the weight tables say about a cell is looked up by that key in small
 * per-key arrays built per estimate: the last prefix the cell survives (`level`) and, for the few keys whose
 * weights are not exactly 1 up to there (straddling age bands, values coarser than a criterion), the product
 * of the tables' weights prefix by prefix. Two ways to get a key:
 * - packed (the usual case): the cell's dictionary indices of the dimensions the criteria use, in mixed
 *   radix, with the region slot in the low bits. The key column depends on the dataset and that list of
 *   dimensions only, so it is cached with the dataset (dataset-cache.ts) and a study edit costs no pass to
 *   rebuild it. Used when the key space is small (≤ KEY_LIMIT, and not much larger than the dataset).
 * - classes (when the key space would be too large): each table's combinations are grouped into classes that
 *   behave the same (exact cells by the prefix they drop out at; inexact ones by their weights), and the key is
 *   the cell's class in every table in mixed radix. Built per estimate, one pass per table.
 *
 * With packed keys the loop does not even visit cells: the dataset's cells are grouped once by key and region
 * (dataset-cache.ts), every cell of a group being alike for the criteria, and the loop visits groups (one per
 * cell when the criteria look at every dimension, far fewer when they ignore some). Per item it reads the key
 * and region, the summed point and the cell count: exact items, the vast majority, add their point once at the
 * level where they drop out, and the prefix sums are suffix sums of those levels, taken afterwards. Low and high
 * differ from the point only in masked or interval cells, which a second pass over just those items adds as
 * low − point and high − point. Sums are unscaled; estimate.ts applies the annualisation per prefix.
 */
import type { Dataset } from '../counts/dataset';
import { NATIONAL_SLOT, SLOT_COUNT } from './dimension-structure';
import { SLOT_BITS, addScaledColumn, cellItems, datasetStructure, packedGroups, slotColumn, type CellGroups, type DatasetStructure, type DenseGroups } from './dataset-cache';
import { runMarginalPass } from './marginal-pass';
import { NEVER_INEXACT, type WeightTable } from './predicate-tables';

/**
 * Largest packed key space: per-key arrays are rebuilt per estimate (≈ 5 bytes a key, one pass over the keys per
 * table), and grouping the cells once needs a transient index of 4 bytes per key and region slot (16 MB here).
 */
export const KEY_LIMIT = 1 << 17;
/** Largest class key space: keys × 32 slots must fit an unsigned 32-bit integer. */
const CLASS_KEY_LIMIT = 1 << 26;

/** Per exit level and slot: point, low − point, high − point, cells, masked cells. */
export const EXIT_FIELDS = 5;

// Imported constants copied into this module once: under a CommonJS loader (tsx, some test runners) every use of
// an imported binding is a getter call, which the hot loops below cannot afford.
const SLOTS = SLOT_COUNT;
const NATIONAL = NATIONAL_SLOT;
const BITS = SLOT_BITS;
const NEVER = NEVER_INEXACT;

export interface CellPassResult {
  /** exits[((level × SLOTS) + slot) × EXIT_FIELDS + field], unscaled, for exact cells (cells: all cells). */
  exits: Float64Array;
  /** inexact[((k × SLOTS) + slot) × 3 + 0|1|2]: weighted low, point, high of inexact cells at prefix k, unscaled. */
  inexact: Float64Array;
  /** 1 at prefix k when a national cell was only partly inside the criteria at k. */
  nationalInexact: Uint8Array;
  /** Per table, 1 for each combination of an inexact cell that reached the last prefix (for the warnings). */
  usedCombos: Uint8Array[];
  /** How the keys were made, or 'marginals' for the pre-aggregated sums of marginal-pass.ts (reported by tests and the benchmark). */
  keyMode: 'packed' | 'classes' | 'marginals';
}

/** A digit of the key: its radix and, for the table it feeds (or −1), what each digit value adds to that table's combination. */
interface Digit {
  radix: number;
  table: number;
  contribution: Int32Array;
}

interface KeyTables {
  keyCount: number;
  /**
   * Per key, everything the loop needs in one read: ≥ 0, an exact key and the last prefix it survives;
   * −1, not even in the base; ≤ −2, inexact key number −2 − info (see `inexactLevel`, `weights`).
   */
  info: Int32Array;
  /** Per inexact key: the last prefix it survives, and its weights (× (P + 1) × 3). */
  inexactLevel: Int8Array;
  inexactKeys: number[];
  weights: Float64Array;
  digits: Digit[];
}

/** Which key layout and loop to use; tests compare them. */
export interface CellPassOptions {
  forceClasses?: boolean;
  /** Packed keys as a list of groups even where a dense table would be used. */
  forceSparse?: boolean;
  /** The cell pass even where the pre-aggregated sums (marginal-pass.ts) would be used. */
  skipMarginals?: boolean;
}

/** How the latest cell pass ran (for tests and the benchmark: which path their figures came from). */
let lastMode: CellPassResult['keyMode'] | null = null;
export const lastCellPassMode = (): CellPassResult['keyMode'] | null => lastMode;

export function runCellPass(dataset: Dataset, tables: WeightTable[], prefixes: number, options: CellPassOptions = {}): CellPassResult {
  const result = cellPass(dataset, tables, prefixes, options);
  lastMode = result.keyMode;
  return result;
}

function cellPass(dataset: Dataset, tables: WeightTable[], prefixes: number, options: CellPassOptions): CellPassResult {
  if (!options.skipMarginals && !options.forceClasses && !options.forceSparse) {
    const marginals = runMarginalPass(dataset, tables, prefixes, EXIT_FIELDS);
    if (marginals) return { ...marginals, keyMode: 'marginals' };
  }
  const structure = datasetStructure(dataset);
  const packed = options.forceClasses ? null : packedLayout(dataset, tables);
  let items: CellGroups;
  let digits: Digit[];
  if (packed) {
    items = packedGroups(dataset, packed.dims, packed.strides, packed.keyCount, !options.forceSparse);
    digits = packed.digits;
  } else {
    const classes = classKeys(dataset, structure, tables);
    items = cellItems(dataset, classes.keySlot);
    digits = classes.digits;
  }
  const keyTables = composeKeys(tables, digits, prefixes);
  const exits = new Float64Array((prefixes + 1) * SLOTS * EXIT_FIELDS);
  const inexact = new Float64Array((prefixes + 1) * SLOTS * 3);
  const nationalInexact = new Uint8Array(prefixes + 1);
  const usedInexact = new Uint8Array(keyTables.inexactLevel.length);
  const loop: LoopInput = {
    info: keyTables.info,
    inexactLevel: keyTables.inexactLevel,
    weights: keyTables.weights,
    prefixes,
    exits,
    inexact,
    nationalInexact,
    usedInexact,
  };
  if (items.dense) {
    sumDense(loop, items.dense, keyTables.keyCount);
  } else {
    const pending = sumPoints(loop, items.keySlot, items.point, items.cells);
    addInexactCells(loop, items, pending);
  }
  addSpreads(loop, items);
  const usedKeys = keyTables.inexactKeys.filter((_, j) => usedInexact[j]);
  return { exits, inexact, nationalInexact, usedCombos: usedCombos(tables, keyTables, usedKeys), keyMode: packed ? 'packed' : 'classes' };
}

/**
 * Per-key arrays are rebuilt on every estimate and die with it; reusing their memory spares the garbage
 * collector (and V8's accounting of typed-array memory) a few hundred kilobytes per edit. Safe because the
 * estimator is synchronous and nothing keyed by them outlives runCellPass.
 */
const scratch = {
  buffers8: [new Int8Array(0), new Int8Array(0)],
  buffers32: [new Int32Array(0), new Int32Array(0)],
  int8(slot: number, length: number): Int8Array {
    if (this.buffers8[slot]!.length < length) this.buffers8[slot] = new Int8Array(Math.max(length, 1024));
    return this.buffers8[slot]!.subarray(0, length);
  },
  int32(slot: number, length: number): Int32Array {
    if (this.buffers32[slot]!.length < length) this.buffers32[slot] = new Int32Array(Math.max(length, 1024));
    return this.buffers32[slot]!.subarray(0, length);
  },
};

/** Mixed-radix strides, last dimension fastest. */
function stridesOf(sizes: readonly number[]): number[] {
  const strides = new Array<number>(sizes.length);
  let stride = 1;
  for (let j = sizes.length - 1; j >= 0; j--) {
    strides[j] = stride;
    stride *= sizes[j]!;
  }
  return strides;
}

/**
 * The packed layout over the dimensions the tables use, or null when that key space is too large. Only those
 * dimensions: every key is composed per estimate, so a smaller key space is cheaper, and a study whose enabled
 * steps change back and forth finds its few layouts in the cache.
 */
function packedLayout(dataset: Dataset, tables: WeightTable[]): { dims: number[]; strides: number[]; keyCount: number; digits: Digit[] } | null {
  const limit = Math.min(KEY_LIMIT, 4 * dataset.cellCount + 4096);
  const tableOf = new Map<number, number>();
  tables.forEach((t, g) => t.dims.forEach((d) => tableOf.set(d, g)));
  const dims = [...tableOf.keys()].sort((a, b) => a - b);
  const sizes = dims.map((d) => dataset.dimensions[d]!.values.length);
  const keyCount = sizes.reduce((a, b) => a * b, 1);
  if (keyCount > limit) return null;
  const digits = dims.map((d, j): Digit => {
    const g = tableOf.get(d)!;
    const stride = tables[g]!.strides[tables[g]!.dims.indexOf(d)]!;
    return { radix: sizes[j]!, table: g, contribution: Int32Array.from({ length: sizes[j]! }, (_, v) => v * stride) };
  });
  return { dims, strides: stridesOf(sizes), keyCount, digits };
}

/** Class keys: per table, combinations that behave alike share a class; the key is the classes in mixed radix. */
function classKeys(dataset: Dataset, structure: DatasetStructure, tables: WeightTable[]): { keySlot: Uint32Array; digits: Digit[] } {
  const n = dataset.cellCount;
  const classes = tables.map((table) => tableClasses(dataset, table));
  const keyCount = classes.reduce((a, c) => a * c.representatives.length, 1);
  if (keyCount > CLASS_KEY_LIMIT) throw new Error(`The criteria split the cells into too many distinct groups (${keyCount}); split a criterion into separate steps`);
  const strides = stridesOf(classes.map((c) => c.representatives.length));
  const keySlot = slotColumn(structure, n);
  const combos = new Uint32Array(n);
  tables.forEach((table, g) => {
    if (table.dims.length === 0 || classes[g]!.representatives.length === 1) return;
    let column: Uint32Array;
    if (table.dims.length === 1) column = dataset.columns[table.dims[0]!]!;
    else {
      combos.fill(0);
      table.dims.forEach((d, j) => addScaledColumn(combos, dataset.columns[d]!, table.strides[j]!, n));
      column = combos;
    }
    addClassKeys(keySlot, column, classes[g]!.classOf, strides[g]! << BITS, n);
  });
  const digits = classes.map((c, g): Digit => ({ radix: c.representatives.length, table: g, contribution: Int32Array.from(c.representatives) }));
  return { keySlot, digits };
}

function addClassKeys(keys: Uint32Array, column: Uint32Array, classOf: Int32Array, stride: number, n: number): void {
  for (let i = 0; i < n; i++) keys[i]! += classOf[column[i]!]! * stride;
}

/**
 * Exact combinations are alike when they drop out at the same prefix. Inexact ones when their weights and flags
 * are equal; a straddling age band also keeps its own class, so the warning can name it.
 */
function tableClasses(dataset: Dataset, table: WeightTable): { classOf: Int32Array; representatives: number[] } {
  const classOf = new Int32Array(table.size);
  const representatives: number[] = [];
  const ids = new Map<string, number>();
  const width = table.weights.length / Math.max(1, table.size);
  const ageAt = table.dims.findIndex((d) => dataset.dimensions[d]!.role === 'age');
  for (let combo = 0; combo < table.size; combo++) {
    const survive = table.survives[combo]!;
    const exact = table.firstInexact[combo]! > survive;
    let id = `${survive}`;
    if (!exact) {
      const age = ageAt >= 0 && table.flags[combo]! & 1 ? Math.floor(combo / table.strides[ageAt]!) % table.sizes[ageAt]! : -1;
      id = `${survive}|${table.flags[combo]}|${age}|${Array.from(table.weights.subarray(combo * width, (combo + 1) * width)).join(',')}`;
    }
    let cls = ids.get(id);
    if (cls === undefined) {
      cls = representatives.length;
      representatives.push(combo);
      ids.set(id, cls);
    }
    classOf[combo] = cls;
  }
  return { classOf, representatives };
}

/**
 * Per key: the level it survives to and, for inexact keys, the product of the tables' weights per prefix.
 * Table by table over all keys (the keys' combination in a table is built digit by digit with nested loops,
 * no division), then the few inexact keys one by one.
 */
function composeKeys(tables: WeightTable[], digits: Digit[], prefixes: number): KeyTables {
  const keyCount = digits.reduce((a, d) => a * d.radix, 1);
  const level = scratch.int8(0, keyCount).fill(prefixes);
  const firstInexact = scratch.int8(1, keyCount).fill(NEVER);
  let stride = keyCount;
  const strideOf = digits.map((d) => (stride /= d.radix));
  let combo: Int32Array | null = null;
  tables.forEach((table, g) => {
    const own = digits.map((d, j) => ({ d, j })).filter(({ d }) => d.table === g);
    if (own.length === 1) {
      const { d, j } = own[0]!;
      lowerByDigit(level, firstInexact, d.contribution, d.radix, strideOf[j]!, table.survives, table.firstInexact, keyCount);
      return;
    }
    // A table over several dimensions (or none): its combination per key, digit by digit.
    combo ??= scratch.int32(0, keyCount);
    combo.fill(0);
    for (const { d, j } of own) addDigit(combo, d.contribution, d.radix, strideOf[j]!, keyCount);
    lowerByDigit(level, firstInexact, Int32Array.from({ length: table.size }, (_, c) => c), 1, 1, table.survives, table.firstInexact, keyCount, combo);
  });

  const info = scratch.int32(1, keyCount);
  const inexactKeys: number[] = [];
  for (let key = 0; key < keyCount; key++) {
    const survive = level[key]!;
    if (survive >= 0 && firstInexact[key]! <= survive) {
      info[key] = -2 - inexactKeys.length;
      inexactKeys.push(key);
    } else info[key] = survive;
  }
  const width = (prefixes + 1) * 3;
  const weights = new Float64Array(inexactKeys.length * width);
  const inexactLevel = new Int8Array(inexactKeys.length);
  const combos = new Int32Array(tables.length);
  for (let j = 0; j < inexactKeys.length; j++) {
    const key = inexactKeys[j]!;
    inexactLevel[j] = level[key]!;
    combosOfKey(key, digits, combos);
    for (let k = 0; k <= prefixes; k++) {
      let wl = 1;
      let wp = 1;
      let wh = 1;
      for (let g = 0; g < tables.length; g++) {
        const w = tables[g]!.weights;
        const o = combos[g]! * width + k * 3;
        wl *= w[o]!;
        wp *= w[o + 1]!;
        wh *= w[o + 2]!;
      }
      weights[j * width + k * 3] = wl;
      weights[j * width + k * 3 + 1] = wp;
      weights[j * width + k * 3 + 2] = wh;
    }
  }
  return { keyCount, info, inexactLevel, inexactKeys, weights, digits };
}

/** combo[key] += contribution[digit value of key], for a digit of `radix` values and key stride `stride`. */
function addDigit(combo: Int32Array, contribution: Int32Array, radix: number, stride: number, keyCount: number): void {
  let v = 0;
  let r = 0;
  for (let key = 0; key < keyCount; key++) {
    combo[key]! += contribution[v]!;
    if (++r === stride) {
      r = 0;
      if (++v === radix) v = 0;
    }
  }
}

/**
 * level[key] = min(level[key], survives[c]) and the same for firstInexact, where c is the table combination of
 * the key: contribution[digit value] for a one-dimension table, or combo[key] when `combo` is given.
 */
function lowerByDigit(
  level: Int8Array,
  firstInexact: Int8Array,
  contribution: Int32Array,
  radix: number,
  stride: number,
  survives: Int8Array,
  inexactFrom: Int8Array,
  keyCount: number,
  combo?: Int32Array,
): void {
  let v = 0;
  let r = 0;
  for (let key = 0; key < keyCount; key++) {
    const c = combo ? combo[key]! : contribution[v]!;
    const s = survives[c]!;
    if (s < level[key]!) level[key] = s;
    const f = inexactFrom[c]!;
    if (f < firstInexact[key]!) firstInexact[key] = f;
    if (++r === stride) {
      r = 0;
      if (++v === radix) v = 0;
    }
  }
}

/** The tables' combinations a key stands for. */
function combosOfKey(key: number, digits: Digit[], combos: Int32Array): void {
  combos.fill(0);
  let rest = key;
  for (let j = digits.length - 1; j >= 0; j--) {
    const d = digits[j]!;
    const value = rest % d.radix;
    rest = Math.floor(rest / d.radix);
    if (d.table >= 0) combos[d.table]! += d.contribution[value]!;
  }
}

interface LoopInput {
  info: Int32Array;
  inexactLevel: Int8Array;
  weights: Float64Array;
  prefixes: number;
  exits: Float64Array;
  inexact: Float64Array;
  nationalInexact: Uint8Array;
  usedInexact: Uint8Array;
}

/**
 * The hot loop: per item one key read, one lookup, two number reads; no allocation, no closure, typed arrays only.
 * Its own top-level function so V8 optimises it once with stable type feedback (code that ran after a hot loop
 * in the same function once made V8 drop the loop's optimised code on every call).
 */
function sumPoints(input: LoopInput, keySlot: Uint32Array, point: Float64Array, cells: Float64Array): Uint32Array {
  const n = keySlot.length;
  const { info, exits } = input;
  let pending = pendingCells;
  let pendingCount = 0;
  // Local copies: module bindings can compile to property getters (CommonJS interop), too slow in this loop.
  const slotCount = SLOTS;
  const bits = BITS;
  const mask = (1 << BITS) - 1;
  const fields = EXIT_FIELDS;
  // Consecutive cells usually exit at the same level and slot (exports are sorted): sum them in registers and
  // add the run once, instead of chaining every addition through one memory cell.
  let runAt = -1;
  let runPoint = 0;
  let runCells = 0;
  for (let i = 0; i < n; i++) {
    const ks = keySlot[i]!;
    const survive = info[ks >>> bits]!;
    if (survive >= 0) {
      const at = (survive * slotCount + (ks & mask)) * fields;
      if (at !== runAt) {
        if (runAt >= 0) {
          exits[runAt]! += runPoint;
          exits[runAt + 3]! += runCells;
        }
        runAt = at;
        runPoint = 0;
        runCells = 0;
      }
      runPoint += point[i]!;
      runCells += cells[i]!;
    } else if (survive < -1) {
      // Inexact cells are weighted afterwards, so this loop stays small enough to optimise well.
      if (pendingCount === pending.length) pending = growPending(pendingCount);
      pending[pendingCount++] = i;
    }
  }
  if (runAt >= 0) {
    exits[runAt]! += runPoint;
    exits[runAt + 3]! += runCells;
  }
  return pending.subarray(0, pendingCount);
}

/**
 * The pass over a dense table (see DenseGroups): per key one exit-level lookup, then the key's slots added to
 * that level's row of per-slot sums, a branch-free run over contiguous numbers. The rows go to `exits` at the
 * end; inexact keys are weighted slot by slot afterwards, as in addInexactCells.
 */
function sumDense(input: LoopInput, dense: DenseGroups, keyCount: number): void {
  const { info, prefixes, exits } = input;
  const { slots, point, cells, low, high, masked } = dense;
  const width = slots.length;
  const size = (prefixes + 1) * width;
  const sums = denseScratch(size);
  let pending = pendingCells;
  let pendingCount = 0;
  if (low) {
    for (let key = 0; key < keyCount; key++) {
      const survive = info[key]!;
      if (survive >= 0) {
        let o = survive * width * 5;
        const end = (key + 1) * width;
        for (let e = key * width; e < end; e++, o += 5) {
          sums[o]! += point[e]!;
          sums[o + 1]! += low[e]!;
          sums[o + 2]! += high![e]!;
          sums[o + 3]! += cells[e]!;
          sums[o + 4]! += masked![e]!;
        }
      } else if (survive < -1) {
        if (pendingCount === pending.length) pending = growPending(pendingCount);
        pending[pendingCount++] = key;
      }
    }
  } else {
    for (let key = 0; key < keyCount; key++) {
      const survive = info[key]!;
      if (survive >= 0) {
        let o = survive * width * 5;
        const end = (key + 1) * width;
        for (let e = key * width; e < end; e++, o += 5) {
          sums[o]! += point[e]!;
          sums[o + 3]! += cells[e]!;
        }
      } else if (survive < -1) {
        if (pendingCount === pending.length) pending = growPending(pendingCount);
        pending[pendingCount++] = key;
      }
    }
  }
  for (let level = 0; level <= prefixes; level++) {
    for (let s = 0; s < width; s++) {
      const from = (level * width + s) * EXIT_FIELDS;
      const at = (level * SLOTS + slots[s]!) * EXIT_FIELDS;
      for (let f = 0; f < EXIT_FIELDS; f++) exits[at + f]! += sums[from + f]!;
    }
  }
  const { inexactLevel, weights, inexact } = input;
  const P = prefixes;
  for (let c = 0; c < pendingCount; c++) {
    const key = pending[c]!;
    const j = -2 - info[key]!;
    for (let s = 0; s < width; s++) {
      const e = key * width + s;
      if (cells[e] === 0) continue;
      addInexactCell(input, j, slots[s]!, point[e]!, cells[e]!);
      if (!low) continue;
      const survive = inexactLevel[j]!;
      const slot = slots[s]!;
      exits[(survive * SLOTS + slot) * EXIT_FIELDS + 4]! += masked![e]!;
      for (let k = 0; k <= survive; k++) {
        const o = (k * SLOTS + slot) * 3;
        inexact[o]! += weights[(j * (P + 1) + k) * 3]! * low[e]!;
        inexact[o + 2]! += weights[(j * (P + 1) + k) * 3 + 2]! * high![e]!;
      }
    }
  }
}

/** The dense pass's per-level, per-slot sums (EXIT_FIELDS each), zeroed, reused across calls (the estimator is synchronous). */
let denseSums = new Float64Array(0);

function denseScratch(entries: number): Float64Array {
  const size = entries * EXIT_FIELDS;
  if (denseSums.length < size) denseSums = new Float64Array(Math.max(size, 1024));
  return denseSums.subarray(0, size).fill(0);
}

/** Indices of inexact cells, reused across calls (the estimator is synchronous, so one buffer suffices). */
let pendingCells: Uint32Array = new Uint32Array(1024);

function growPending(count: number): Uint32Array {
  const grown = new Uint32Array(Math.max(1024, count * 2));
  grown.set(pendingCells.subarray(0, count));
  pendingCells = grown;
  return grown;
}

function addInexactCells(input: LoopInput, items: CellGroups, pending: Uint32Array): void {
  const mask = (1 << BITS) - 1;
  for (let c = 0; c < pending.length; c++) {
    const i = pending[c]!;
    const ks = items.keySlot[i]!;
    addInexactCell(input, -2 - input.info[ks >>> BITS]!, ks & mask, items.point[i]!, items.cells[i]!);
  }
}

/** An inexact cell, weighted prefix by prefix (rare: straddling age bands and values coarser than a criterion). */
function addInexactCell(input: LoopInput, j: number, slot: number, pt: number, cells: number): void {
  const { inexactLevel, weights, prefixes: P, exits, inexact, nationalInexact, usedInexact } = input;
  const survive = inexactLevel[j]!;
  exits[(survive * SLOTS + slot) * EXIT_FIELDS + 3]! += cells;
  const from = j * (P + 1) * 3;
  for (let k = 0; k <= survive; k++) {
    const o = from + k * 3;
    const wl = weights[o]!;
    const wh = weights[o + 2]!;
    if (slot === NATIONAL && k > 0 && wl !== wh) nationalInexact[k] = 1;
    const s = (k * SLOTS + slot) * 3;
    inexact[s]! += wl * pt;
    inexact[s + 1]! += weights[o + 1]! * pt;
    inexact[s + 2]! += wh * pt;
  }
  if (survive === P) usedInexact[j] = 1;
}

/** Low and high of the cells whose count is an interval, as differences from the point already added. */
function addSpreads(input: LoopInput, items: CellGroups): void {
  const { info, inexactLevel, weights, prefixes: P, exits, inexact } = input;
  const { spreadKeySlot, spreadLow, spreadHigh, spreadMasked } = items;
  const slotCount = SLOTS;
  const bits = BITS;
  const mask = (1 << BITS) - 1;
  const fields = EXIT_FIELDS;
  const width = (P + 1) * 3;
  // Runs of cells with the same exit are summed in registers, as in sumPoints.
  let runAt = -1;
  let runLow = 0;
  let runHigh = 0;
  let runMasked = 0;
  for (let c = 0; c < spreadKeySlot.length; c++) {
    const ks = spreadKeySlot[c]!;
    const slot = ks & mask;
    const code = info[ks >>> bits]!;
    if (code >= 0) {
      const at = (code * slotCount + slot) * fields;
      if (at !== runAt) {
        if (runAt >= 0) {
          exits[runAt + 1]! += runLow;
          exits[runAt + 2]! += runHigh;
          exits[runAt + 4]! += runMasked;
        }
        runAt = at;
        runLow = 0;
        runHigh = 0;
        runMasked = 0;
      }
      runLow += spreadLow[c]!;
      runHigh += spreadHigh[c]!;
      runMasked += spreadMasked[c]!;
    } else if (code < -1) {
      const j = -2 - code;
      const survive = inexactLevel[j]!;
      exits[(survive * slotCount + slot) * fields + 4]! += spreadMasked[c]!;
      for (let k = 0; k <= survive; k++) {
        const s = (k * slotCount + slot) * 3;
        inexact[s]! += weights[j * width + k * 3]! * spreadLow[c]!;
        inexact[s + 2]! += weights[j * width + k * 3 + 2]! * spreadHigh[c]!;
      }
    }
  }
  if (runAt >= 0) {
    exits[runAt + 1]! += runLow;
    exits[runAt + 2]! += runHigh;
    exits[runAt + 4]! += runMasked;
  }
}

/** The tables' combinations behind the keys that inexact cells used at the last prefix. */
function usedCombos(tables: WeightTable[], keyTables: KeyTables, usedKeys: number[]): Uint8Array[] {
  const used = tables.map((t) => new Uint8Array(t.size));
  const combos = new Int32Array(tables.length);
  for (const key of usedKeys) {
    combosOfKey(key, keyTables.digits, combos);
    combos.forEach((combo, g) => (used[g]![combo] = 1));
  }
  return used;
}
