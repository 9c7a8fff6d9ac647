/**
 * Every body row of a file, one at a time, straight into typed-array columns: the import's reader of rows
 * (the preview reads its first rows with {@link interpretRows}, by the same rules in row-rules.ts, and the
 * two are tested to agree cell for cell and problem for problem).
 *
 * Why it is fast and small:
 * - dimension labels are dictionary-encoded once per distinct text (dimension-labels.ts);
 * - a measure cell that is a plain number in the column's format ("123", "12,34") is read by a loop over its
 *   characters (plain-number.ts); everything else (tokens, spaces between groups, signs) takes the general path;
 * - duplicates are found with a hash over the index columns (row-store.ts, tuple-index.ts), not string keys;
 * - nothing is kept per cell but numbers in typed arrays (measure-cells.ts). Sized from a bound on the row
 *   count, the arrays are usually handed to the datasets as they are, without a trimming copy.
 */
import { cellLabel } from './phrases';
import type { ImportMapping } from './import-mapping';
import { classifyMeasureCell, type TokenTable } from './value-tokens';
import {
  cellPlace, duplicateProblem, measureAssumedProblem, mustBeWhole, notAnIntegerProblem, planMapping, readMeasureCell, rowsExcludedProblem, zeroPopulationProblem,
  type DimColumn, type MeasurePlan, type TokenTally,
} from './row-rules';
import type { MeasureSpec } from './measure-kind';
import { assumedMeasureName, namedMeasure, specOfMeasureName } from './measure-names';
import { detach } from './detach';
import { looksPlain, plainDecimals, plainNumber } from './plain-number';
import { ProblemLog } from './problem-log';
import { exact, MeasureCells, type MeasureMapping, type Slot } from './measure-cells';
import { DimensionLabels } from './dimension-labels';
import { RowStore } from './row-store';
import { zeroPopulationCells } from './zero-population';
import type { ColumnarInterpretation, ColumnarMeasure } from './columnar-measure';
import { plainDecimalsBytes, plainNumberBytes, type CellDecoder } from './byte-rows';
import { isMunicipalityValue, planMunicipalitySums, type MunicipalCells, type SumPlan } from './municipality-sum';

export type { ColumnarInterpretation, ColumnarMeasure } from './columnar-measure';

// The hot loop's imported functions copied into this module once: under a CommonJS loader (tsx, the CLI, some
// test runners) every use of an imported binding is a getter call, which a loop over every cell cannot afford.
const readPlain = plainNumber;
const plainDecimalsOf = plainDecimals;
const readPlainBytes = plainNumberBytes;
const plainDecimalsOfBytes = plainDecimalsBytes;

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

export class ColumnarInterpreter {
  private readonly file: string;
  private readonly headers: readonly string[];
  private readonly dims: DimColumn[];
  private readonly dimColumns: Int32Array;
  private readonly labels: DimensionLabels;
  private readonly rows: RowStore;
  /** The file's measures; each has one set of cells, or (with a measure column) one per measure name met. */
  private readonly groups: MeasureGroup[];
  /** With a measure column: its index among the dimensions, and each name's measure (by the name's value index). */
  private readonly nameDim: number;
  private readonly nameSpecs: Readonly<Record<string, MeasureSpec>>;
  private readonly names: { spec: MeasureSpec }[] = [];
  private readonly excluded: ReadonlySet<number>;
  private readonly tokenTable: TokenTable;
  private readonly log: ProblemLog;
  private readonly maxProblems: number;

  private readonly tally: TokenTally = { maskedCells: 0, zeroTokenCells: 0, tokensUsed: {} };
  private readonly excludedLines: number[] = [];
  private bodyRows = 0;
  private ratePopulation: Record<string, string> = {};
  /** Cells of named measures, in the order their names were first met. */
  private readonly created: MeasureCells[] = [];
  /** The row columns trimmed to the rows, made once and shared by every measure with one cell per row. */
  private sharedRows: Uint32Array[] | null = null;

  constructor(options: ColumnarInterpreterOptions) {
    const { file, headers, width, mapping } = options;
    this.file = file;
    this.headers = headers;
    this.maxProblems = options.maxProblems ?? Number.POSITIVE_INFINITY;
    this.log = new ProblemLog(this.maxProblems);
    const plan = planMapping(headers, width, mapping, file);
    for (const p of plan.problems) this.log.push(p);
    this.dims = plan.dims;
    this.dimColumns = Int32Array.from(this.dims, (d) => d.column);
    this.labels = new DimensionLabels(this.dims, file, headers, this.log);
    this.excluded = new Set(mapping.excludeLines);
    this.tokenTable = { masks: mapping.maskTokens, zeros: mapping.zeroTokens, withheld: mapping.withheldTokens ?? [] };
    const capacity = Math.max(16, Math.ceil(options.expectedRows ?? 1024));
    this.rows = new RowStore(this.dims.length, capacity);

    // A token that looks like a plain number ("0" meaning zero, say) must win over the number, as it does
    // in classifyMeasureCell: then that column's cells all take the general path.
    const numericToken = [...Object.keys(mapping.maskTokens), ...mapping.zeroTokens, ...(mapping.withheldTokens ?? [])].some(looksPlain);
    this.nameDim = plan.measureName?.dim ?? -1;
    this.nameSpecs = plan.measureName?.specs ?? {};
    this.groups = plan.measures.map((m) => {
      const canonByMembers = new Map<string, number>();
      const slots: Slot[] = m.columns.map((c) => {
        const cm = mapping.columns[c] as MeasureMapping;
        const members = JSON.stringify(cm.members.map((mr) => mr.value));
        let canon = canonByMembers.get(members);
        if (canon === undefined) {
          canon = canonByMembers.size;
          canonByMembers.set(members, canon);
        }
        return { column: c, mapping: cm, canon, fastDecimal: numericToken ? -1 : cm.numberFormat.decimal.charCodeAt(0), tokens: new Map() };
      });
      const group: MeasureGroup = { plan: m, slots, cells: [], whole: mustBeWhole(m.spec) };
      if (this.nameDim < 0) {
        // Decimals matter only for a rate that expected counts are derived from (its rounding interval).
        group.cells.push(new MeasureCells(m, slots, capacity * slots.length, this.maxProblems, m.spec.kind === 'rate' && m.key in mapping.ratePopulation));
      }
      return group;
    });
    this.ratePopulation = mapping.ratePopulation;
  }

  /** The cells of group `k` for measure name `name` (a value index of the measure column), made when first met. */
  private cellsFor(group: MeasureGroup, name: number): MeasureCells {
    const existing = group.cells[name];
    if (existing) return existing;
    const spec = this.names[name]!.spec;
    const named = namedMeasure(this.labels.values[this.nameDim]![name]!, group.plan, this.groups.length);
    const cells = new MeasureCells(group.plan, group.slots, 1024, this.maxProblems, spec.kind === 'rate' && named.key in this.ratePopulation,
      { ...named, spec, measureNameDim: this.nameDim });
    group.cells[name] = cells;
    this.created.push(cells);
    return cells;
  }

  /** The measure of a name in the measure column, read once per name (with a warning when its words name none). */
  private nameSpec(name: number, line: number): MeasureSpec {
    let known = this.names[name];
    if (!known) {
      const text = this.labels.values[this.nameDim]![name]!;
      let spec = specOfMeasureName(text, this.nameSpecs);
      if (!spec) {
        spec = assumedMeasureName(text);
        this.log.push(measureAssumedProblem(cellPlace(this.file, this.headers, this.dims[this.nameDim]!.column, line), text));
      }
      known = { spec };
      this.names[name] = known;
    }
    return known.spec;
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
    // The row's indexes are written where the row would be stored; it is stored only if every label reads.
    let row = this.rows.next();
    const rowDims = this.rows.columns;
    let rowOk = true;
    let name = -1;
    for (let i = 0; i < dimColumns.length; i++) {
      const index = labels.index(i, cells[dimColumns[i]!] ?? '', line);
      if (index < 0) rowOk = false;
      else rowDims[i]![row] = index;
      if (i === this.nameDim) name = index;
    }
    let group = -1;
    if (rowOk) group = this.rows.keep(line);
    else row = -1;

    const groups = this.groups;
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k]!;
      let measure: MeasureCells | null;
      let spec: MeasureSpec;
      if (this.nameDim < 0) {
        measure = g.cells[0]!;
        spec = g.plan.spec;
      } else if (name >= 0) {
        spec = this.nameSpec(name, line);
        measure = row >= 0 ? this.cellsFor(g, name) : null;
      } else {
        // The row's measure cannot be told (its name is missing): its cells are only checked.
        measure = null;
        spec = g.plan.spec;
      }
      const whole = this.nameDim < 0 ? g.whole : mustBeWhole(spec);
      const slots = g.slots;
      for (let s = 0; s < slots.length; s++) {
        const slot = slots[s]!;
        const raw = cells[slot.column] ?? '';
        // The common case inline: a plain number ("123", "12,34") of a measure that may hold it.
        const plain = slot.fastDecimal >= 0 ? readPlain(raw, slot.fastDecimal) : -1;
        if (plain >= 0 && (!whole || Number.isInteger(plain))) {
          if (row < 0 || measure === null) continue;
          const first = measure.claim(row, group, s, this.rows.capacity);
          if (first >= 0) this.reportDuplicate(measure, s, row, line, plain, plain, plain, first);
          else measure.addExact(row, s, plain, measure.decimals ? plainDecimalsOf(raw, slot.fastDecimal) : 0);
          continue;
        }
        this.addCell(measure, spec, whole, slot, s, raw, row, group, line);
      }
    }
  }

  /**
   * {@link add} for a row read on the bytes (byte-rows.ts): cell c is bytes [bounds[c], bounds[c + 1] - 1) of
   * `bytes`, and the row has exactly `width` fields. The same rules as `add`, kept as a copy of its loop
   * because this is the import's hottest code: labels by their bytes, plain numbers read from the bytes, and
   * a cell decoded as text only when it takes the general path.
   */
  addBytes(line: number, bytes: Uint8Array, bounds: Int32Array, decode: CellDecoder): void {
    if (this.excluded.size > 0 && this.excluded.has(line)) {
      this.excludedLines.push(line);
      return;
    }
    this.bodyRows++;
    const dimColumns = this.dimColumns;
    const labels = this.labels;
    let row = this.rows.next();
    const rowDims = this.rows.columns;
    let rowOk = true;
    let name = -1;
    for (let i = 0; i < dimColumns.length; i++) {
      const c = dimColumns[i]!;
      const index = labels.indexBytes(i, bytes, bounds[c]!, bounds[c + 1]! - 1, line, decode);
      if (index < 0) rowOk = false;
      else rowDims[i]![row] = index;
      if (i === this.nameDim) name = index;
    }
    let group = -1;
    if (rowOk) group = this.rows.keep(line);
    else row = -1;

    const groups = this.groups;
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k]!;
      let measure: MeasureCells | null;
      let spec: MeasureSpec;
      if (this.nameDim < 0) {
        measure = g.cells[0]!;
        spec = g.plan.spec;
      } else if (name >= 0) {
        spec = this.nameSpec(name, line);
        measure = row >= 0 ? this.cellsFor(g, name) : null;
      } else {
        measure = null;
        spec = g.plan.spec;
      }
      const whole = this.nameDim < 0 ? g.whole : mustBeWhole(spec);
      const slots = g.slots;
      for (let s = 0; s < slots.length; s++) {
        const slot = slots[s]!;
        const start = bounds[slot.column]!;
        const end = bounds[slot.column + 1]! - 1;
        const plain = slot.fastDecimal >= 0 ? readPlainBytes(bytes, start, end, slot.fastDecimal) : -1;
        if (plain >= 0 && (!whole || Number.isInteger(plain))) {
          if (row < 0 || measure === null) continue;
          const first = measure.claim(row, group, s, this.rows.capacity);
          if (first >= 0) this.reportDuplicate(measure, s, row, line, plain, plain, plain, first);
          else measure.addExact(row, s, plain, measure.decimals ? plainDecimalsOfBytes(bytes, start, end, slot.fastDecimal) : 0);
          continue;
        }
        this.addCell(measure, spec, whole, slot, s, decode(bytes, start, end), row, group, line);
      }
    }
  }

  /**
   * One measure cell of a row that is not a plain number the measure may hold, of a measure with `spec`
   * (`row` -1 or `measure` null: the row's labels did not read, so the cell is only checked).
   */
  private addCell(measure: MeasureCells | null, spec: MeasureSpec, whole: boolean, slot: Slot, s: number, raw: string, row: number, group: number, line: number): void {
    if (slot.fastDecimal >= 0 && plainNumber(raw, slot.fastDecimal) >= 0) {
      // A plain number with decimals where a count must be whole.
      if (this.log.room) this.log.kept.push(notAnIntegerProblem(this.place(slot, line), detach(raw), spec));
      return;
    }
    let cell = slot.tokens.get(raw);
    if (cell === undefined) {
      cell = classifyMeasureCell(raw, slot.mapping.numberFormat, this.tokenTable);
      if (cell.kind !== 'number' && cell.kind !== 'invalid' && slot.tokens.size < 256) slot.tokens.set(detach(raw), cell);
    }
    const read = readMeasureCell(cell, raw, spec, whole, slot.mapping.numberFormat, this.tally);
    if (!read.ok) {
      if (this.log.room) this.log.kept.push(read.problem(this.place(slot, line)));
      return;
    }
    if (row < 0 || measure === null) return;
    const first = measure.claim(row, group, s, this.rows.capacity);
    if (first >= 0) {
      this.reportDuplicate(measure, s, row, line, read.low, read.point, read.high, first);
      return;
    }
    measure.add(row, s, read.low, read.point, read.high, read.masked, read.decimals);
  }

  private place(slot: Slot, line: number): ReturnType<typeof cellPlace> {
    return cellPlace(this.file, this.headers, slot.column, line);
  }

  private reportDuplicate(measure: MeasureCells, slot: number, row: number, line: number, low: number, point: number, high: number, first: number): void {
    const same = measure.low[first] === low && measure.high[first] === high && measure.point[first] === point;
    if (!measure.duplicates.roomFor(same ? 'warning' : 'error')) return;
    const values = [...this.dims.map((_, i) => this.labels.values[i]![this.rows.columns[i]![row]!]!), ...measure.slots[slot]!.mapping.members.map((mr) => mr.value)];
    const label = cellLabel(measure.plan.dimensions, values);
    const where = cellPlace(this.file, this.headers, measure.slots[slot]!.column, line);
    measure.duplicates.kept.push(duplicateProblem(where, label, point, { line: this.rows.lineOf(measure.rowOf(first)), point: measure.point[first]! }, same));
  }

  /** The measures as columns, and every problem in the preview's order. The interpreter is spent afterwards. */
  finish(): ColumnarInterpretation {
    const problems = new ProblemLog(this.maxProblems);
    problems.omittedErrors = this.log.omittedErrors;
    problems.omittedWarnings = this.log.omittedWarnings;
    for (const p of this.log.kept) problems.push(p);
    for (const p of this.labels.filledDownProblems()) problems.push(p);
    if (this.excludedLines.length > 0) problems.push(rowsExcludedProblem(this.file, this.excludedLines));

    const cellsRead = this.nameDim < 0 ? this.groups.map((g) => g.cells[0]!) : this.created;
    const read: ColumnarMeasure[] = cellsRead.map((m) => {
      for (const p of m.duplicates.kept) problems.push(p);
      problems.omittedErrors += m.duplicates.omittedErrors;
      problems.omittedWarnings += m.duplicates.omittedWarnings;
      return this.columnsOf(m);
    });
    // Municipalities summed into counties: only when a region label was a municipality, so ordinary files pay nothing.
    const plans = this.labels.values.some((v, d) => this.dims[d]!.role === 'region' && v.some(isMunicipalityValue))
      ? this.sumMunicipalities(read, cellsRead, problems)
      : null;
    // A rate given only by municipality has no cells left: it is left out (with its warning).
    const kept = plans ? read.map((_, k) => plans[k]?.out.length !== 0) : null;
    const measures = plans ? read.flatMap((m, k) => (!kept![k] ? [] : plans[k] ? [applySumPlan(m, plans[k]!)] : [m])) : read;
    const all = kept ? cellsRead.filter((_, k) => kept[k]) : cellsRead;
    const keptPlans = plans && kept ? plans.filter((_, k) => kept[k]) : null;
    const zero = zeroPopulationCells(measures);
    if (zero) {
      const cells = all[zero.measure]!;
      const source = keptPlans?.[zero.measure]?.out[zero.cell]?.from[0] ?? zero.cell;
      const slot = cells.slots[cells.slotOf(source)]!;
      problems.push(zeroPopulationProblem({ file: this.file, line: this.rows.lineOf(cells.rowOf(source)), column: slot.column + 1, columnName: measures[zero.measure]!.name }, zero.cells));
    }
    return {
      measures,
      problems: problems.kept,
      omittedProblems: problems.omitted,
      omittedErrors: problems.omittedErrors,
      tokensUsed: { ...this.tally.tokensUsed },
      excludedLines: [...this.excludedLines],
      maskedCells: this.tally.maskedCells,
      zeroTokenCells: this.tally.zeroTokenCells,
      rows: this.bodyRows,
    };
  }

  /** Plans the sums of municipality cells into counties (municipality-sum.ts) and reports what was done. */
  private sumMunicipalities(measures: ColumnarMeasure[], all: MeasureCells[], problems: ProblemLog): (SumPlan | null)[] {
    const views: MunicipalCells[] = measures.map((m, k) => {
      const r = m.dimensions.findIndex((d) => d.role === 'region');
      const others = m.dimensions.map((_, d) => d).filter((d) => d !== r);
      const cells = all[k]!;
      const place = (i: number): ReturnType<typeof cellPlace> => cellPlace(this.file, this.headers, cells.slots[cells.slotOf(i)]!.column, this.rows.lineOf(cells.rowOf(i)));
      return {
        name: m.name,
        spec: m.spec,
        count: r < 0 ? 0 : m.cellCount,
        regionDim: r,
        region: (i) => m.values[r]![m.index[r]![i]!]!,
        key: (i) => others.map((d) => m.index[d]![i]!).join(','),
        low: (i) => m.low[i]!,
        point: (i) => m.point[i]!,
        high: (i) => m.high[i]!,
        masked: (i) => m.masked[i] === 1,
        place,
        label: (i) => cellLabel(others.map((d) => m.dimensions[d]!), others.map((d) => m.values[d]![m.index[d]![i]!]!)),
      };
    });
    const { plans, problems: found } = planMunicipalitySums(views, this.file);
    for (const p of found) problems.push(p);
    return plans;
  }

  /**
   * One measure's cells as dataset columns. A measure with one cell per stored row takes the row columns
   * themselves, and so does every other such measure of the file: datasets are immutable, so they can share
   * them (a file of two measures would otherwise hold its dimension columns twice, at the moment its memory
   * peaks). Whoever moves the datasets to another thread moves them together, each buffer once.
   */
  private columnsOf(m: MeasureCells): ColumnarMeasure {
    const n = m.count;
    const nd = this.dims.length;
    const rowDims = this.rows.columns;
    const index: Uint32Array[] = [];
    let values: string[][];
    const drop = m.output.measureNameDim;
    if (drop >= 0) {
      // A measure of a measure column: its name is no dimension, and only the values its own cells use are kept.
      values = [];
      for (let d = 0; d < nd; d++) {
        if (d === drop) continue;
        const source = rowDims[d]!;
        const remap = new Int32Array(this.labels.values[d]!.length).fill(-1);
        const used: string[] = [];
        const column = new Uint32Array(n);
        for (let i = 0; i < n; i++) {
          const v = source[m.rowOf(i)]!;
          if (remap[v] === -1) {
            remap[v] = used.length;
            used.push(this.labels.values[d]![v]!);
          }
          column[i] = remap[v]!;
        }
        values.push(used);
        index.push(column);
      }
    } else {
      if (m.identity && n === this.rows.count) {
        this.sharedRows ??= rowDims.map((column) => exact(column, n));
        index.push(...this.sharedRows);
      } else {
        for (let d = 0; d < nd; d++) {
          const column = new Uint32Array(n);
          const source = rowDims[d]!;
          for (let i = 0; i < n; i++) column[i] = source[m.rowOf(i)]!;
          index.push(column);
        }
      }
      values = this.labels.values.map((v) => [...v]);
    }
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
      // Re-numbered in order of first appearance among cells (a slot whose every cell failed adds nothing).
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
      key: m.output.key,
      name: m.output.name,
      spec: m.output.spec,
      columns: m.plan.columns,
      dimensions: drop >= 0 ? m.plan.dimensions.filter((_, d) => d !== drop) : m.plan.dimensions,
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
  }
}

/** One of the file's measures while it is read: its columns, and its cells (one set, or one per measure name). */
interface MeasureGroup {
  plan: MeasurePlan;
  slots: Slot[];
  /** Without a measure column: one entry. With one: indexed by the name's value index, made when first met. */
  cells: MeasureCells[];
  /** The file's measure is a count (without a measure column, every cell's measure). */
  whole: boolean;
}

/** A measure's cells after its municipality cells were summed into their counties (or left out) by `plan`. */
function applySumPlan(m: ColumnarMeasure, plan: SumPlan): ColumnarMeasure {
  const n = plan.out.length;
  const r = m.dimensions.findIndex((d) => d.role === 'region');
  const low = new Float64Array(n);
  const point = new Float64Array(n);
  const high = new Float64Array(n);
  const masked = new Uint8Array(n);
  const decimals = m.decimals ? new Uint8Array(n) : null;
  const index = m.index.map(() => new Uint32Array(n));
  // The region's dictionary holds only the values the cells now use, in order of first appearance.
  const regionValues: string[] = [];
  const regionAt = new Map<string, number>();
  let invalid: ColumnarMeasure['invalid'] = null;
  for (let j = 0; j < n; j++) {
    const o = plan.out[j]!;
    const first = o.from[0]!;
    for (let d = 0; d < index.length; d++) if (d !== r) index[d]![j] = m.index[d]![first]!;
    const region = o.county ?? m.values[r]![m.index[r]![first]!]!;
    let at = regionAt.get(region);
    if (at === undefined) {
      at = regionValues.length;
      regionAt.set(region, at);
      regionValues.push(region);
    }
    index[r]![j] = at;
    for (const i of o.from) {
      low[j]! += m.low[i]!;
      point[j]! += m.point[i]!;
      high[j]! += m.high[i]!;
      if (m.masked[i] === 1) masked[j] = 1;
      if (decimals) decimals[j] = Math.max(decimals[j]!, m.decimals![i]!);
    }
    if (o.county === null && m.invalid && m.invalid.cell === first) invalid = { ...m.invalid, cell: j };
  }
  const values = m.values.map((v, d) => (d === r ? regionValues : v));
  return { ...m, values, cellCount: n, index, low, point, high, masked, decimals, invalid };
}
