/**
 * What the estimator derives from a dataset alone, kept per dataset object so that a study edit (the common
 * case: the user changes a criterion and everything is recomputed) does not derive it again: which dictionary
 * values are published totals, each region value's accumulator slot, the few cells whose count is an interval,
 * and the cells grouped by the dimensions the criteria look at (see cell-pass.ts).
 *
 * Datasets are immutable once built (the importer and the builder hand out fresh arrays and nothing writes to
 * them), which is what makes caching by object identity sound. A WeakMap lets a dataset and its derived data be
 * collected together.
 */
import type { Dataset } from '../counts/dataset';
import { NATIONAL_SLOT, dimensionIndexByRole, regionSlots, totalValueMask } from './dimension-structure';
import { remainderView } from './published-remainders';

export interface DatasetStructure {
  /** Per dimension: 1 for values that are totals of other values present (see dimension-structure.ts). */
  totals: Uint8Array[];
  regionDim: number;
  /** Accumulator slot per region value; a dataset without a region column is national (one value). */
  slotOf: Int32Array;
  /** The region column, or zeros (slot 0 of a one-value table) for a dataset without one. */
  regionColumn: Uint32Array;
  /**
   * Cells whose count is not one exact number (masked, or low < high as in derived expected counts), with their
   * low − point, high − point and masked flag. The cell pass adds every cell's point; these cells' differences
   * are added in a second, short pass.
   */
  spreadCells: Uint32Array;
  spreadLow: Float64Array;
  spreadHigh: Float64Array;
  spreadMasked: Float64Array;
  /** 1 per cell (the cell count of a cell), made when first needed. */
  ones: Float64Array | null;
  /** Grouped cells by dimension list, most recently used last (see packedGroups). */
  groups: Map<string, CellGroups>;
}

/**
 * What the cell pass reads: items with a key and region slot (key × 32 + slot), the sum of their points and
 * their number of cells, and the same for the items holding interval cells. An item is either one cell, or all
 * cells with the same key and region (see packedGroups).
 */
export interface CellGroups {
  keySlot: Uint32Array;
  point: Float64Array;
  cells: Float64Array;
  spreadKeySlot: Uint32Array;
  spreadLow: Float64Array;
  spreadHigh: Float64Array;
  spreadMasked: Float64Array;
  /**
   * The same sums as a dense table when the groups fill most of it (null otherwise): then keySlot and point
   * are empty, and the interval items above hold only what `dense` does not (all of them, or none).
   */
  dense: DenseGroups | null;
}

/**
 * Groups as a dense table, key-major: entry key × slots.length + s holds the sums of the cells with that key
 * and region slot `slots[s]` (zeros where there are none). A key's slots are contiguous, so the cell pass looks
 * up each key's exit level once and adds a short run of numbers with no key reads and no branches. The pass
 * is bound by how many bytes it reads, so the entries are stored as small as they are exact: points as 32-bit
 * floats, cell counts and interval widths as 16-bit integers (a table whose sums do not fit is not made dense).
 */
export interface DenseGroups {
  /** The region slots the dataset has, ascending. */
  slots: Int32Array;
  point: Float32Array;
  cells: Uint16Array;
  /** Low − point, high − point and masked cells per entry when at least a quarter of the groups hold interval cells; else null. */
  low: Int16Array | null;
  high: Int16Array | null;
  masked: Uint16Array | null;
}

/** A dense table is used when the groups fill at least this share of it (so it is at most twice their number). */
const DENSE_FILL = 0.5;
/** Interval cells go into the dense table when at least this share of the groups hold some. */
const DENSE_SPREAD_SHARE = 0.25;

/** Region slots fit in the low bits of a key: SLOT_COUNT ≤ 32. */
export const SLOT_BITS = 5;

const structures = new WeakMap<Dataset, DatasetStructure>();

/** Grouped layouts kept per dataset: a study touches one or two, and each costs about 24 bytes a group. */
const LAYOUTS_KEPT = 3;

export function datasetStructure(dataset: Dataset): DatasetStructure {
  const known = structures.get(dataset);
  if (known) return known;
  const n = dataset.cellCount;
  const regionDim = dimensionIndexByRole(dataset, 'region');
  const spread: number[] = [];
  const { low, point, high, masked } = dataset;
  for (let i = 0; i < n; i++) if (masked[i] || low[i] !== point[i] || high[i] !== point[i]) spread.push(i);
  const spreadCells = Uint32Array.from(spread);
  const spreadLow = new Float64Array(spreadCells.length);
  const spreadHigh = new Float64Array(spreadCells.length);
  const spreadMasked = new Float64Array(spreadCells.length);
  for (let c = 0; c < spreadCells.length; c++) {
    const i = spreadCells[c]!;
    spreadLow[c] = low[i]! - point[i]!;
    spreadHigh[c] = high[i]! - point[i]!;
    spreadMasked[c] = masked[i]!;
  }
  // A view with remainders of published totals knows its code dimension's totals (remainders are not totals).
  const remainders = remainderView(dataset);
  const structure: DatasetStructure = {
    totals: dataset.dimensions.map((d, i) => (remainders?.dim === i ? remainders.totals : totalValueMask(dataset.id, d))),
    regionDim,
    slotOf: regionDim >= 0 ? regionSlots(dataset.id, dataset.dimensions[regionDim]!) : new Int32Array([NATIONAL_SLOT]),
    regionColumn: regionDim >= 0 ? dataset.columns[regionDim]! : new Uint32Array(n),
    spreadCells,
    spreadLow,
    spreadHigh,
    spreadMasked,
    ones: null,
    groups: new Map(),
  };
  structures.set(dataset, structure);
  return structure;
}

/**
 * The cells grouped by key (Σ columns[dims[j]] × strides[j], below keyCount) and region slot: every cell of a
 * group is treated alike by any study whose criteria look only at those dimensions, so the cell pass needs one
 * item per group instead of one per cell. Groups are ordered by slot, then key, so that neighbours usually exit
 * at the same level. Computed once per dataset and dimension list.
 */
export function packedGroups(dataset: Dataset, dims: readonly number[], strides: readonly number[], keyCount: number, allowDense = true): CellGroups {
  const structure = datasetStructure(dataset);
  const id = dims.map((d, j) => `${d}:${strides[j]}`).join(',') + (allowDense ? '' : '|sparse');
  const known = structure.groups.get(id);
  if (known) {
    // Most recently used last, so the oldest is evicted first.
    structure.groups.delete(id);
    structure.groups.set(id, known);
    return known;
  }
  const n = dataset.cellCount;
  const keySlot = slotColumn(structure, n);
  for (let j = 0; j < dims.length; j++) addScaledColumn(keySlot, dataset.columns[dims[j]!]!, strides[j]! << SLOT_BITS, n);
  const cells = group(keySlot, null, keyCount, [dataset.point]);
  const spread = group(keySlot, structure.spreadCells, keyCount, [structure.spreadLow, structure.spreadHigh, structure.spreadMasked]);
  let packed: CellGroups = {
    keySlot: cells.keySlot,
    point: cells.sums[0]!,
    cells: cells.count,
    spreadKeySlot: spread.keySlot,
    spreadLow: spread.sums[0]!,
    spreadHigh: spread.sums[1]!,
    spreadMasked: spread.sums[2]!,
    dense: null,
  };
  if (allowDense) packed = densify(packed, structure.slotOf, keyCount);
  structure.groups.set(id, packed);
  if (structure.groups.size > LAYOUTS_KEPT) structure.groups.delete(structure.groups.keys().next().value!);
  return packed;
}

/**
 * Items (cells `at[c]`, or every cell when `at` is null) grouped by keySlot: per group its keySlot, the sum of
 * each of `values` (indexed like the items) and the number of items. A counting pass, then slot-major ids.
 */
function group(keySlot: Uint32Array, at: Uint32Array | null, keyCount: number, values: Float64Array[]): { keySlot: Uint32Array; sums: Float64Array[]; count: Float64Array } {
  const items = at ? at.length : keySlot.length;
  const space = keyCount << SLOT_BITS;
  const id = new Int32Array(space);
  for (let c = 0; c < items; c++) id[keySlot[at ? at[c]! : c]!]!++;
  let groups = 0;
  for (let slot = 0; slot < 1 << SLOT_BITS; slot++) {
    for (let key = 0; key < keyCount; key++) {
      const ks = (key << SLOT_BITS) | slot;
      if (id[ks]! > 0) id[ks] = ++groups;
    }
  }
  const keys = new Uint32Array(groups);
  const count = new Float64Array(groups);
  const sums = values.map(() => new Float64Array(groups));
  for (let c = 0; c < items; c++) {
    const ks = keySlot[at ? at[c]! : c]!;
    const g = id[ks]! - 1;
    keys[g] = ks;
    count[g]! += 1;
    for (let v = 0; v < values.length; v++) sums[v]![g]! += values[v]![c]!;
  }
  return { keySlot: keys, sums, count };
}

/**
 * The groups as a dense table (see DenseGroups) when they fill enough of it and fit its number types; else as
 * they are. One pass per list fills the table and checks the types; a value that does not fit abandons it.
 */
function densify(groups: CellGroups, slotOf: Int32Array, keyCount: number): CellGroups {
  const slots = Int32Array.from(new Set(slotOf)).sort();
  const width = slots.length;
  const size = keyCount * width;
  const count = groups.keySlot.length;
  if (count < DENSE_FILL * size) return groups;
  const local = new Int32Array(1 << SLOT_BITS);
  slots.forEach((slot, s) => (local[slot] = s));
  const point = new Float32Array(size);
  const cells = new Uint16Array(size);
  if (!fillDense(groups.keySlot, groups.point, groups.cells, point, cells, local, width)) return groups;
  const none = { keySlot: new Uint32Array(0), point: new Float64Array(0), cells: new Float64Array(0) };
  if (groups.spreadKeySlot.length < DENSE_SPREAD_SHARE * count) return { ...groups, ...none, dense: { slots, point, cells, low: null, high: null, masked: null } };
  const low = new Int16Array(size);
  const high = new Int16Array(size);
  const masked = new Uint16Array(size);
  if (!fillDenseSpreads(groups, low, high, masked, local, width)) return groups;
  return {
    ...none,
    spreadKeySlot: new Uint32Array(0),
    spreadLow: new Float64Array(0),
    spreadHigh: new Float64Array(0),
    spreadMasked: new Float64Array(0),
    dense: { slots, point, cells, low, high, masked },
  };
}

const ENTRY_MASK = (1 << SLOT_BITS) - 1;

/** Points as exact 32-bit floats and cell counts as 16-bit integers into the table; false when one does not fit. */
function fillDense(keySlot: Uint32Array, sums: Float64Array, counts: Float64Array, point: Float32Array, cells: Uint16Array, local: Int32Array, width: number): boolean {
  for (let g = 0; g < keySlot.length; g++) {
    const ks = keySlot[g]!;
    const e = (ks >>> SLOT_BITS) * width + local[ks & ENTRY_MASK]!;
    const p = sums[g]!;
    const c = counts[g]!;
    point[e] = p;
    cells[e] = c;
    if (point[e] !== p || cells[e] !== c) return false;
  }
  return true;
}

/** The interval cells' sums as 16-bit integers into the table; false when one does not fit. */
function fillDenseSpreads(groups: CellGroups, low: Int16Array, high: Int16Array, masked: Uint16Array, local: Int32Array, width: number): boolean {
  const { spreadKeySlot, spreadLow, spreadHigh, spreadMasked } = groups;
  for (let c = 0; c < spreadKeySlot.length; c++) {
    const ks = spreadKeySlot[c]!;
    const e = (ks >>> SLOT_BITS) * width + local[ks & ENTRY_MASK]!;
    low[e] = spreadLow[c]!;
    high[e] = spreadHigh[c]!;
    masked[e] = spreadMasked[c]!;
    if (low[e] !== spreadLow[c] || high[e] !== spreadHigh[c] || masked[e] !== spreadMasked[c]) return false;
  }
  return true;
}

/** The per-cell form of CellGroups, for keys computed per estimate (cell-pass.ts, class keys). */
export function cellItems(dataset: Dataset, keySlot: Uint32Array): CellGroups {
  const structure = datasetStructure(dataset);
  structure.ones ??= new Float64Array(dataset.cellCount).fill(1);
  return {
    keySlot,
    point: dataset.point,
    cells: structure.ones,
    spreadKeySlot: gather(keySlot, structure.spreadCells),
    spreadLow: structure.spreadLow,
    spreadHigh: structure.spreadHigh,
    spreadMasked: structure.spreadMasked,
    dense: null,
  };
}

/** Each cell's region slot, the starting point of a key column. */
export function slotColumn(structure: DatasetStructure, n: number): Uint32Array {
  const slots = new Uint32Array(n);
  const { slotOf, regionColumn } = structure;
  for (let i = 0; i < n; i++) slots[i] = slotOf[regionColumn[i]!]!;
  return slots;
}

export function gather(column: Uint32Array, at: Uint32Array): Uint32Array {
  const out = new Uint32Array(at.length);
  for (let c = 0; c < at.length; c++) out[c] = column[at[c]!]!;
  return out;
}

/** keys[i] += column[i] × stride. A top-level function so the JIT keeps one optimised copy for every call. */
export function addScaledColumn(keys: Uint32Array, column: Uint32Array, stride: number, n: number): void {
  for (let i = 0; i < n; i++) keys[i]! += column[i]! * stride;
}
