/**
 * Every body row of a file, one at a time, straight into typed-array columns: the import's reader of rows
 * (the preview reads its first rows with {@link interpretRows}, by the same rules in row-rules.ts, and the
 * two are tested to agree cell for cell and problem for problem).
 *
 * Why it is fast and small:
 * - a dimension cell is looked up by its raw text first; each distinct text is trimmed, normalised and
 *   dictionary-encoded once, so a million rows of twenty regions cost a million Map lookups, not a million
 *   parses;
 * - a measure cell that is a plain number in the column's format ("123", "12,34") is read by a loop over its
 *   characters; everything else (tokens, spaces between groups, signs) takes the general path;
 * - duplicates are found with a hash over the index columns (see {@link TupleIndex}), not string keys;
 * - nothing is kept per cell but numbers in typed arrays; while every row yields one cell per measure (the
 *   usual case) the cells need no row index and no duplicate table of their own. Sized from a bound on the
 *   row count, the arrays are usually handed to the datasets as they are, without a trimming copy.
 */
import type { DimensionSpec } from '../counts/builder';
import type { ColumnMapping, ImportMapping } from './import-mapping';
import { classifyMeasureCell, type MaskMeaning, type MeasureCell, type TokenTable } from './value-tokens';
import type { ImportProblem } from './problems';
import {
  cellPlace, duplicateProblem, emptyMeasureProblem, filledDownProblem, missingDimensionProblem, negativeProblem, normaliseDimension,
  notAnIntegerProblem, notANumberProblem, planMapping, rowsExcludedProblem, unknownDimensionProblem, unknownTokenProblem, zeroPopulationProblem,
  type DimColumn, type MeasurePlan,
} from './row-rules';
import { RowGroups, TupleIndex } from './tuple-index';

type MeasureMapping = Extract<ColumnMapping, { kind: 'measure' }>;

export interface ColumnarInterpreterOptions {
  file: string;
  headers: readonly string[];
  width: number;
  mapping: ImportMapping;
  /** An upper bound on the body rows (e.g. from counting line breaks); the arrays grow if it is too small. */
  expectedRows?: number;
  /** Problems kept in full; the rest are only counted (a file with a wrong format can have one per cell). */
  maxProblems?: number;
}

/** One measure's cells, column by column, ready to become a Dataset. */
export interface ColumnarMeasure {
  key: string;
  name: string;
  spec: MeasurePlan['spec'];
  /** 0-based file columns of this measure. */
  columns: number[];
  dimensions: DimensionSpec[];
  /** Per dimension, its values in order of first appearance (the dictionary). */
  values: string[][];
  cellCount: number;
  /** Per dimension, each cell's index into `values`. Exactly `cellCount` long. */
  index: Uint32Array[];
  low: Float64Array;
  point: Float64Array;
  high: Float64Array;
  masked: Uint8Array;
  /** Decimals as printed, for a rate that expected counts are derived from (their rounding interval); else null. */
  decimals: Uint8Array | null;
  /** The first cell that a Dataset cannot hold (e.g. a negative value of an "other" measure), if any. */
  invalid: { cell: number; reason: string } | null;
}

export interface ColumnarInterpretation {
  measures: ColumnarMeasure[];
  /** In the order the preview's interpretRows reports them. */
  problems: ImportProblem[];
  /** Problems found but not kept because of `maxProblems`. */
  omittedProblems: number;
  /** Of those, errors (the rest are warnings). */
  omittedErrors: number;
  tokensUsed: Record<string, MaskMeaning>;
  excludedLines: number[];
  maskedCells: number;
  zeroTokenCells: number;
  /** Body rows read (excluded lines not counted). */
  rows: number;
}

/**
 * A copy of `text` that does not keep the piece of file text it was cut from alive. V8 represents a
 * substring of 13 or more characters as a slice of its parent, so a label kept in a cache (or a problem's
 * raw text) would otherwise hold on to a whole decoded piece, for as long as the import runs.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (` ${text}`).slice(1);
}

const EMPTY = -2;
const INVALID = -1;

interface Label {
  /** Index into the dimension's values, or INVALID / EMPTY. */
  index: number;
  trimmed: string;
}

interface Slot {
  column: number;
  mapping: MeasureMapping;
  /** Slots whose headers stand for the same members share one (their cells are the same cell). */
  canon: number;
  /** Char code of the column's decimal separator for plain numbers, or -1 when the general path must decide. */
  fastDecimal: number;
  additive: boolean;
  /** General-path results for tokens and blanks, which repeat ("X", "-", ".."). */
  tokens: Map<string, MeasureCell>;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
let plainDecimals = 0;

/**
 * "123" or "12,34" (with the column's decimal separator), at most 15 digits: its value, with the decimals in
 * `plainDecimals`; -1 for anything else. Digits over 10^d is the same double as Number("ddd.dd"): both
 * are the correctly rounded value of the same exact fraction.
 */
function plainNumber(text: string, decimal: number): number {
  const n = text.length;
  if (n === 0 || n > 16) return -1;
  let value = 0;
  let i = 0;
  for (; i < n; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  if (i === 0) return -1;
  if (i === n) {
    if (n > 15) return -1;
    plainDecimals = 0;
    return value;
  }
  if (text.charCodeAt(i) !== decimal || i === n - 1) return -1;
  const fractionStart = ++i;
  for (; i < n; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  if (n - 1 > 15) return -1;
  plainDecimals = n - fractionStart;
  return value / POW10[plainDecimals]!;
}

class ProblemLog {
  readonly kept: ImportProblem[] = [];
  /** Problems not kept, by severity, so that the totals stay exact. */
  omittedErrors = 0;
  omittedWarnings = 0;
  constructor(private readonly max: number) {}
  get omitted(): number {
    return this.omittedErrors + this.omittedWarnings;
  }
  /** Room for one more error (the kind every per-cell problem is); counts it as omitted when there is none. */
  get room(): boolean {
    return this.roomFor('error');
  }
  roomFor(severity: ImportProblem['severity']): boolean {
    if (this.kept.length < this.max) return true;
    if (severity === 'error') this.omittedErrors++;
    else this.omittedWarnings++;
    return false;
  }
}

/** The cells of one measure, in growing typed arrays. */
class MeasureCells {
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

  constructor(readonly plan: MeasurePlan, readonly slots: Slot[], capacity: number, maxProblems: number, keepDecimals: boolean) {
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

const exact = <T extends Float64Array | Uint8Array | Uint32Array>(array: T, n: number): T => (array.length === n ? array : (array.slice(0, n) as T));

export class ColumnarInterpreter {
  private readonly file: string;
  private readonly headers: readonly string[];
  private readonly dims: DimColumn[];
  private readonly labels: Map<string, Label>[];
  private readonly values: string[][];
  private readonly valueIndex: Map<string, number>[];
  private readonly last: (Label | null)[];
  /** The previous row's raw text and label per dimension: labels repeat down a column far more often than not. */
  private readonly previousRaw: (string | null)[];
  private readonly previousLabel: (Label | null)[];
  private readonly filled: number[];
  private readonly firstFilledLine: number[];
  private readonly dimColumns: Int32Array;
  private readonly measures: MeasureCells[];
  private readonly excluded: ReadonlySet<number>;
  private readonly tokenTable: TokenTable;
  private readonly log: ProblemLog;
  private readonly maxProblems: number;

  private rowDims: Uint32Array[];
  /** Line of each stored row, once rows stop following each other line by line; until then line = row + lineOffset. */
  private rowLine: Int32Array | null = null;
  private lineOffset = 0;
  private rowCapacity: number;
  private rowCount = 0;
  private readonly rowGroups: RowGroups;

  private readonly tokensUsed: Record<string, MaskMeaning> = {};
  private readonly excludedLines: number[] = [];
  private maskedCells = 0;
  private zeroTokenCells = 0;
  private bodyRows = 0;

  constructor(options: ColumnarInterpreterOptions) {
    const { file, headers, width, mapping } = options;
    this.file = file;
    this.headers = headers;
    this.maxProblems = options.maxProblems ?? Number.POSITIVE_INFINITY;
    this.log = new ProblemLog(this.maxProblems);
    const plan = planMapping(headers, width, mapping, file);
    for (const p of plan.problems) if (this.log.room) this.log.kept.push(p);
    this.dims = plan.dims;
    this.excluded = new Set(mapping.excludeLines);
    this.tokenTable = { masks: mapping.maskTokens, zeros: mapping.zeroTokens };
    const capacity = Math.max(16, Math.ceil(options.expectedRows ?? 1024));
    this.labels = this.dims.map(() => new Map());
    this.values = this.dims.map(() => []);
    this.valueIndex = this.dims.map(() => new Map());
    this.last = this.dims.map(() => null);
    this.previousRaw = this.dims.map(() => null);
    this.previousLabel = this.dims.map(() => null);
    this.filled = this.dims.map(() => 0);
    this.firstFilledLine = this.dims.map(() => -1);
    this.dimColumns = Int32Array.from(this.dims, (d) => d.column);
    this.rowDims = this.dims.map(() => new Uint32Array(capacity));
    this.rowCapacity = capacity;
    this.rowGroups = new RowGroups(this.rowDims, capacity);

    // A token that looks like a plain number ("0" meaning zero, say) must win over the number, as it does
    // in classifyMeasureCell: then that column's cells all take the general path.
    const numericToken = [...Object.keys(mapping.maskTokens), ...mapping.zeroTokens].some((t) => plainNumber(t, 44) >= 0 || plainNumber(t, 46) >= 0);
    this.measures = plan.measures.map((m) => {
      const canonByMembers = new Map<string, number>();
      const slots: Slot[] = m.columns.map((c) => {
        const cm = mapping.columns[c] as MeasureMapping;
        const members = JSON.stringify(cm.members.map((mr) => mr.value));
        let canon = canonByMembers.get(members);
        if (canon === undefined) {
          canon = canonByMembers.size;
          canonByMembers.set(members, canon);
        }
        return {
          column: c,
          mapping: cm,
          canon,
          fastDecimal: numericToken ? -1 : cm.numberFormat.decimal.charCodeAt(0),
          additive: cm.spec.kind === 'count' || cm.spec.kind === 'population',
          tokens: new Map(),
        };
      });
      // Decimals matter only for a rate that expected counts are derived from (its rounding interval).
      const keepDecimals = m.spec.kind === 'rate' && m.key in mapping.ratePopulation;
      return new MeasureCells(m, slots, capacity * slots.length, this.maxProblems, keepDecimals);
    });
  }

  /** One body row (a record as wide as the table) that starts on `line`. */
  add(line: number, cells: readonly string[]): void {
    if (this.excluded.size > 0 && this.excluded.has(line)) {
      this.excludedLines.push(line);
      return;
    }
    this.bodyRows++;
    const dimColumns = this.dimColumns;
    const labels = this.labels;
    const previousRaw = this.previousRaw;
    const previousLabel = this.previousLabel;
    // The row's indexes are written where the row would be stored; it is stored only if every label reads.
    let row = this.rowCount;
    if (row === this.rowCapacity) this.growRows();
    const rowDims = this.rowDims;
    let rowOk = true;
    for (let i = 0; i < dimColumns.length; i++) {
      const raw = cells[dimColumns[i]!] ?? '';
      let label: Label;
      if (raw === previousRaw[i]) {
        label = previousLabel[i]!;
      } else {
        label = labels[i]!.get(raw) ?? this.readLabel(i, raw);
        previousRaw[i] = detach(raw);
        previousLabel[i] = label;
      }
      if (label.index < 0) {
        const read = this.unusualLabel(i, label, line);
        if (read === null) {
          rowOk = false;
          continue;
        }
        label = read;
      } else {
        this.last[i] = label;
      }
      rowDims[i]![row] = label.index;
    }

    let group = -1;
    if (rowOk) {
      if (this.rowLine) this.rowLine[row] = line;
      else if (row === 0) this.lineOffset = line;
      else if (line !== row + this.lineOffset) this.storeLines(row, line);
      this.rowCount = row + 1;
      group = this.rowGroups.groupOf(row);
    } else {
      row = -1;
    }

    const measures = this.measures;
    for (let k = 0; k < measures.length; k++) {
      const measure = measures[k]!;
      const slots = measure.slots;
      for (let s = 0; s < slots.length; s++) {
        const slot = slots[s]!;
        const raw = cells[slot.column] ?? '';
        let low: number;
        let point: number;
        let high: number;
        let masked = false;
        let decimals = 0;
        const plain = slot.fastDecimal >= 0 ? plainNumber(raw, slot.fastDecimal) : -1;
        if (plain >= 0) {
          decimals = plainDecimals;
          if (slot.additive && decimals > 0 && !Number.isInteger(plain)) {
            if (this.log.room) this.log.kept.push(notAnIntegerProblem(cellPlace(this.file, this.headers, slot.column, line), detach(raw), slot.mapping.spec));
            continue;
          }
          if (row < 0) continue;
          const first = measure.claim(row, group, s, this.rowCapacity);
          if (first >= 0) this.reportDuplicate(measure, s, row, line, plain, plain, plain, first);
          else measure.addExact(row, s, plain, decimals);
          continue;
        } else {
          let cell = slot.tokens.get(raw);
          if (cell === undefined) {
            cell = classifyMeasureCell(raw, slot.mapping.numberFormat, this.tokenTable);
            if (cell.kind !== 'number' && cell.kind !== 'invalid' && slot.tokens.size < 256) slot.tokens.set(detach(raw), cell);
          }
          switch (cell.kind) {
            case 'empty':
              if (this.log.room) this.log.kept.push(emptyMeasureProblem(cellPlace(this.file, this.headers, slot.column, line)));
              continue;
            case 'invalid':
              if (this.log.room) this.log.kept.push(notANumberProblem(cellPlace(this.file, this.headers, slot.column, line), detach(raw.trim()), slot.mapping.numberFormat));
              continue;
            case 'masked-unknown':
              if (this.log.room) this.log.kept.push(unknownTokenProblem(cellPlace(this.file, this.headers, slot.column, line), cell.token));
              continue;
            case 'zero-token':
              low = point = high = 0;
              this.zeroTokenCells++;
              break;
            case 'masked':
              ({ low, point, high } = cell.meaning);
              masked = true;
              this.maskedCells++;
              this.tokensUsed[cell.token] = cell.meaning;
              break;
            case 'number':
              low = point = high = cell.value;
              decimals = cell.decimals;
              if (cell.value < 0 && slot.mapping.spec.kind !== 'other') {
                if (this.log.room) this.log.kept.push(negativeProblem(cellPlace(this.file, this.headers, slot.column, line), detach(raw.trim()), slot.mapping.spec));
                continue;
              }
              if (slot.additive && !Number.isInteger(cell.value)) {
                if (this.log.room) this.log.kept.push(notAnIntegerProblem(cellPlace(this.file, this.headers, slot.column, line), detach(raw.trim()), slot.mapping.spec));
                continue;
              }
              break;
          }
        }
        if (row < 0) continue;
        const first = measure.claim(row, group, s, this.rowCapacity);
        if (first >= 0) {
          this.reportDuplicate(measure, s, row, line, low, point, high, first);
          continue;
        }
        measure.add(row, s, low, point, high, masked, decimals);
      }
    }
  }

  /**
   * A blank label (filled down from the row above, or an error on the first row) or one that does not read
   * (an error): the label to store, or null when the row cannot be stored.
   */
  private unusualLabel(i: number, label: Label, line: number): Label | null {
    const d = this.dims[i]!;
    if (label.index === EMPTY) {
      const previous = this.last[i];
      if (previous === null) {
        if (this.log.room) this.log.kept.push(missingDimensionProblem(cellPlace(this.file, this.headers, d.column, line), d));
        return null;
      }
      // A label shown only on the first of several rows ("C18" then blanks) applies to the rows below it.
      label = previous!;
      this.filled[i]!++;
      if (this.firstFilledLine[i] === -1) this.firstFilledLine[i] = line;
    }
    this.last[i] = label;
    if (label.index === INVALID) {
      if (this.log.room) this.log.kept.push(unknownDimensionProblem(cellPlace(this.file, this.headers, d.column, line), d, label.trimmed));
      return null;
    }
    return label;
  }

  private readLabel(i: number, cell: string): Label {
    const raw = detach(cell);
    const trimmed = detach(raw.trim());
    let label: Label;
    if (trimmed === '') {
      label = { index: EMPTY, trimmed };
    } else {
      const value = normaliseDimension(this.dims[i]!.role, trimmed);
      if (value === null) {
        label = { index: INVALID, trimmed };
      } else {
        const index = this.valueIndex[i]!;
        let at = index.get(value);
        if (at === undefined) {
          at = this.values[i]!.length;
          this.values[i]!.push(value);
          index.set(value, at);
        }
        label = { index: at, trimmed };
      }
    }
    this.labels[i]!.set(raw, label);
    return label;
  }

  private reportDuplicate(measure: MeasureCells, slot: number, row: number, line: number, low: number, point: number, high: number, first: number): void {
    const same = measure.low[first] === low && measure.high[first] === high && measure.point[first] === point;
    if (!measure.duplicates.roomFor(same ? 'warning' : 'error')) return;
    const values = [...this.dims.map((_, i) => this.values[i]![this.rowDims[i]![row]!]!), ...measure.slots[slot]!.mapping.members.map((mr) => mr.value)];
    const label = measure.plan.dimensions.map((d, i) => `${d.key}=${values[i]}`).join(', ');
    const where = cellPlace(this.file, this.headers, measure.slots[slot]!.column, line);
    measure.duplicates.kept.push(duplicateProblem(where, label, point, { line: this.lineOf(measure.rowOf(first)), point: measure.point[first]! }, same));
  }

  private lineOf(row: number): number {
    return this.rowLine ? this.rowLine[row]! : row + this.lineOffset;
  }

  /** Rows no longer follow line by line (a blank line, a note, an excluded or multi-line record): keep each row's line. */
  private storeLines(row: number, line: number): void {
    const lines = new Int32Array(this.rowCapacity);
    for (let r = 0; r < row; r++) lines[r] = r + this.lineOffset;
    lines[row] = line;
    this.rowLine = lines;
  }

  private growRows(): void {
    const capacity = Math.max(16, this.rowCapacity * 2);
    this.rowDims = this.rowDims.map((c) => {
      const next = new Uint32Array(capacity);
      next.set(c);
      return next;
    });
    if (this.rowLine) {
      const lines = new Int32Array(capacity);
      lines.set(this.rowLine);
      this.rowLine = lines;
    }
    this.rowCapacity = capacity;
    this.rowGroups.setColumns(this.rowDims);
  }

  /** The measures as columns, and every problem in the preview's order. The interpreter is spent afterwards. */
  finish(): ColumnarInterpretation {
    const problems = new ProblemLog(this.maxProblems);
    problems.omittedErrors = this.log.omittedErrors;
    problems.omittedWarnings = this.log.omittedWarnings;
    const push = (p: ImportProblem): void => {
      if (problems.roomFor(p.severity)) problems.kept.push(p);
    };
    for (const p of this.log.kept) push(p);
    this.dims.forEach((d, i) => {
      if (this.filled[i]! > 0) push(filledDownProblem(cellPlace(this.file, this.headers, d.column, this.firstFilledLine[i]!), d, this.filled[i]!));
    });
    if (this.excludedLines.length > 0) push(rowsExcludedProblem(this.file, this.excludedLines));

    let rowColumnsTaken = false;
    const measures: ColumnarMeasure[] = this.measures.map((m) => {
      for (const p of m.duplicates.kept) push(p);
      problems.omittedErrors += m.duplicates.omittedErrors;
      problems.omittedWarnings += m.duplicates.omittedWarnings;
      const n = m.count;
      const nd = this.dims.length;
      const index: Uint32Array[] = [];
      if (m.identity && n === this.rowCount) {
        // One cell per stored row: the row columns are this measure's columns. The first such measure takes
        // them; later ones get copies, so that no two datasets share a buffer (a buffer transferred to
        // another thread with one dataset must not vanish from the next).
        for (let d = 0; d < nd; d++) index.push(rowColumnsTaken ? this.rowDims[d]!.slice(0, n) : exact(this.rowDims[d]!, n));
        rowColumnsTaken = true;
      } else {
        for (let d = 0; d < nd; d++) {
          const column = new Uint32Array(n);
          const source = this.rowDims[d]!;
          for (let i = 0; i < n; i++) column[i] = source[m.rowOf(i)]!;
          index.push(column);
        }
      }
      const values = this.values.map((v) => [...v]);
      // Member dimensions (wide layouts): values in order of first appearance among the kept cells.
      const memberCount = m.plan.dimensions.length - nd;
      for (let j = 0; j < memberCount; j++) {
        const dictionary = new Map<string, number>();
        const slotIndex = m.slots.map((s) => {
          const value = s.mapping.members[j]?.value ?? '';
          let at = dictionary.get(value);
          if (at === undefined) {
            at = dictionary.size;
            dictionary.set(value, at);
          }
          return at;
        });
        // Re-number in order of first appearance among cells (a slot whose every cell failed adds nothing).
        const order = new Int32Array(dictionary.size).fill(-1);
        const ordered: string[] = [];
        const names = [...dictionary.keys()];
        const column = new Uint32Array(n);
        for (let i = 0; i < n; i++) {
          const local = slotIndex[m.slotOf(i)]!;
          if (order[local] === -1) {
            order[local] = ordered.length;
            ordered.push(names[local]!);
          }
          column[i] = order[local]!;
        }
        values.push(ordered);
        index.push(column);
      }
      return {
        key: m.plan.key,
        name: m.plan.name,
        spec: m.plan.spec,
        columns: m.plan.columns,
        dimensions: m.plan.dimensions,
        values,
        cellCount: n,
        index,
        low: exact(m.low, n),
        point: exact(m.point, n),
        high: exact(m.high, n),
        masked: exact(m.masked, n),
        decimals: m.decimals ? exact(m.decimals, n) : null,
        invalid: m.invalid,
      };
    });
    const zero = this.zeroPopulation(measures);
    if (zero) push(zero);
    return {
      measures,
      problems: problems.kept,
      omittedProblems: problems.omitted,
      omittedErrors: problems.omittedErrors,
      tokensUsed: { ...this.tokensUsed },
      excludedLines: [...this.excludedLines],
      maskedCells: this.maskedCells,
      zeroTokenCells: this.zeroTokenCells,
      rows: this.bodyRows,
    };
  }

  /** Socialstyrelsen prints population 0 where the count is 0; that 0 is not the real population. */
  private zeroPopulation(measures: ColumnarMeasure[]): ImportProblem | null {
    const pAt = measures.findIndex((m) => m.spec.kind === 'population');
    const c = measures.find((m) => m.spec.kind === 'count');
    const p = measures[pAt];
    if (!p || !c || p.dimensions.length !== c.dimensions.length) return null;
    let zeros = false;
    for (let i = 0; i < p.cellCount && !zeros; i++) zeros = p.high[i] === 0;
    if (!zeros) return null;
    // Cells match by their values position by position, as the row's labels do.
    const translate = p.values.map((values, d) => {
      const other = new Map(c.values[d]!.map((v, k) => [v, k]));
      return Int32Array.from(values, (v) => other.get(v) ?? -1);
    });
    const countIndex = new TupleIndex(c.index, c.cellCount);
    for (let i = 0; i < c.cellCount; i++) countIndex.findOrInsert(i);
    const tuple = new Uint32Array(p.dimensions.length);
    let n = 0;
    let first = -1;
    for (let i = 0; i < p.cellCount; i++) {
      if (p.high[i] !== 0) continue;
      let known = true;
      for (let d = 0; d < tuple.length; d++) {
        const k = translate[d]![p.index[d]![i]!]!;
        if (k < 0) {
          known = false;
          break;
        }
        tuple[d] = k;
      }
      if (!known) continue;
      const match = countIndex.find(tuple);
      if (match >= 0 && c.high[match] === 0) {
        n++;
        if (first < 0) first = i;
      }
    }
    if (n === 0) return null;
    const cells = this.measures[pAt]!;
    const slot = cells.slots[cells.slotOf(first)]!;
    return zeroPopulationProblem({ file: this.file, line: this.lineOf(cells.rowOf(first)), column: slot.column + 1, columnName: p.name }, n);
  }
}
