/**
 * One measure's cells while a file is read: numbers in growing typed arrays, and what is needed to find a
 * cell with the same dimension values as an earlier one (a duplicate). Nothing is kept per cell but numbers.
 *
 * While every row yields exactly one cell of the measure (one column, no row left out: the usual long
 * layout), cell i is row i, and neither a row index nor a duplicate table is needed; the first departure
 * from that shape switches to recording each cell's row, slot and duplicate key.
 */
import type { ColumnMapping } from './import-mapping';
import type { MeasureSpec } from './measure-kind';
import type { MeasureCell } from './value-tokens';
import { mustBeWhole, type MeasurePlan } from './row-rules';
import { ProblemLog } from './problem-log';

export type MeasureMapping = Extract<ColumnMapping, { kind: 'measure' }>;

/** One file column of a measure. */
export interface Slot {
  column: number;
  mapping: MeasureMapping;
  /** Slots whose headers stand for the same members share one (their cells are the same cell). */
  canon: number;
  /** Char code of the column's decimal separator for plain numbers, or -1 when the general path must decide. */
  fastDecimal: number;
  /** General-path results for tokens and blanks, which repeat ("X", "-", ".."). */
  tokens: Map<string, MeasureCell>;
}

/** The first `n` entries of a typed array: the array itself when it is exactly that long. */
export const exact = <T extends Float64Array | Uint8Array | Uint32Array>(array: T, n: number): T => (array.length === n ? array : (array.slice(0, n) as T));

export class MeasureCells {
  count = 0;
  low: Float64Array;
  point: Float64Array;
  high: Float64Array;
  masked: Uint8Array;
  decimals: Uint8Array | null;
  /** Cell i comes from stored row i (one column, no row left out): then no row index or duplicate table is needed. */
  identity: boolean;
  cellRow: Uint32Array | null = null;
  cellSlot: Uint16Array | null = null;
  /** [row group × canonical slots + slot] → first kept cell, or -1. */
  firstCell: Int32Array | null = null;
  readonly duplicates: ProblemLog;
  invalid: { cell: number; reason: string } | null = null;
  readonly canonCount: number;
  /** A count: every cell must be a whole number. */
  readonly whole: boolean;

  /**
   * `plan`: the file's measure these cells come from; `output`: the measure they become, which differs when a
   * measure column splits the file's measure by name (the measure-name dimension is then dropped).
   */
  constructor(readonly plan: MeasurePlan, readonly slots: Slot[], capacity: number, maxProblems: number, keepDecimals: boolean,
    readonly output: { key: string; name: string; spec: MeasureSpec; measureNameDim: number } = { key: plan.key, name: plan.name, spec: plan.spec, measureNameDim: -1 }) {
    this.whole = mustBeWhole(output.spec);
    this.low = new Float64Array(capacity);
    this.point = new Float64Array(capacity);
    this.high = new Float64Array(capacity);
    this.masked = new Uint8Array(capacity);
    this.decimals = keepDecimals ? new Uint8Array(capacity) : null;
    this.identity = slots.length === 1;
    this.canonCount = slots.reduce((n, s) => Math.max(n, s.canon + 1), 1);
    if (!this.identity) {
      this.cellRow = new Uint32Array(capacity);
      this.cellSlot = new Uint16Array(capacity);
      this.firstCell = new Int32Array(Math.max(16, capacity)).fill(-1);
    }
    this.duplicates = new ProblemLog(maxProblems);
  }

  rowOf(cell: number): number {
    return this.cellRow ? this.cellRow[cell]! : cell;
  }

  slotOf(cell: number): number {
    return this.cellSlot ? this.cellSlot[cell]! : 0;
  }

  /** Leave the one-cell-per-row shape: from now on every cell records its row, slot and duplicate key. */
  private leaveIdentity(rowCapacity: number): void {
    this.identity = false;
    const capacity = this.low.length;
    this.cellRow = new Uint32Array(capacity);
    for (let i = 0; i < this.count; i++) this.cellRow[i] = i;
    this.cellSlot = new Uint16Array(capacity);
    this.firstCell = new Int32Array(Math.max(16, rowCapacity * this.canonCount)).fill(-1);
    // Until now every stored row was its own group with its cell at the same index.
    for (let i = 0; i < this.count; i++) this.firstCell[i * this.canonCount] = i;
  }

  /**
   * The first kept cell with the same dimension values as a new cell of `row` (in `group`) and `slot`, or -1
   * after reserving the key for the cell about to be added.
   */
  claim(row: number, group: number, slot: number, rowCapacity: number): number {
    if (this.identity) {
      if (group !== row) {
        if (group < this.count) {
          this.leaveIdentity(rowCapacity);
          return group;
        }
        this.leaveIdentity(rowCapacity);
      } else if (row === this.count) {
        return -1;
      } else {
        this.leaveIdentity(rowCapacity);
      }
    }
    const key = group * this.canonCount + this.slots[slot]!.canon;
    let table = this.firstCell!;
    if (key >= table.length) {
      const grown = new Int32Array(Math.max(key + 1, table.length * 2)).fill(-1);
      grown.set(table);
      this.firstCell = table = grown;
    }
    const first = table[key]!;
    if (first >= 0) return first;
    table[key] = this.count;
    return -1;
  }

  /** A plain number read by the fast path: finite, not negative, exact. */
  addExact(row: number, slot: number, value: number, decimals: number): void {
    const i = this.count;
    if (i === this.low.length) this.grow();
    this.low[i] = value;
    this.point[i] = value;
    this.high[i] = value;
    if (this.decimals) this.decimals[i] = decimals;
    if (this.cellRow) {
      this.cellRow[i] = row;
      this.cellSlot![i] = slot;
    }
    this.count = i + 1;
  }

  add(row: number, slot: number, low: number, point: number, high: number, masked: boolean, decimals: number): void {
    const i = this.count;
    if (i === this.low.length) this.grow();
    if (this.invalid === null) {
      // What DatasetBuilder checks, kept for the same refusal (InvalidCellError) when nothing else is wrong.
      if (!(Number.isFinite(low) && Number.isFinite(point) && Number.isFinite(high))) {
        this.invalid = { cell: i, reason: `count is not a finite number (${low}, ${point}, ${high})` };
      } else if (!(low >= 0 && low <= point && point <= high)) {
        this.invalid = { cell: i, reason: `count must satisfy 0 ≤ low ≤ point ≤ high (got ${low}, ${point}, ${high})` };
      }
    }
    this.low[i] = low;
    this.point[i] = point;
    this.high[i] = high;
    this.masked[i] = masked ? 1 : 0;
    if (this.decimals) this.decimals[i] = decimals;
    if (this.cellRow) {
      this.cellRow[i] = row;
      this.cellSlot![i] = slot;
    }
    this.count = i + 1;
  }

  private grow(): void {
    const capacity = Math.max(16, this.low.length * 2);
    const grow = <T extends Float64Array | Uint8Array | Uint32Array | Uint16Array>(array: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(array);
      return next;
    };
    this.low = grow(this.low, (n) => new Float64Array(n));
    this.point = grow(this.point, (n) => new Float64Array(n));
    this.high = grow(this.high, (n) => new Float64Array(n));
    this.masked = grow(this.masked, (n) => new Uint8Array(n));
    if (this.decimals) this.decimals = grow(this.decimals, (n) => new Uint8Array(n));
    if (this.cellRow) this.cellRow = grow(this.cellRow, (n) => new Uint32Array(n));
    if (this.cellSlot) this.cellSlot = grow(this.cellSlot, (n) => new Uint16Array(n));
  }
}
