/**
 * Applies a mapping to every body row: dimension labels are normalised (with fill-down of blank category
 * cells), measure cells become intervals (numbers exact, masked tokens as their documented range, zero
 * tokens 0), and every value that cannot be read is an error naming line, column and raw text. Unknown
 * stays unknown: an empty or ".." cell is never turned into 0.
 */
import { cellLabel } from './phrases';
import type { DimensionSpec } from '../counts/builder';
import { foldText } from '../utils/text';
import { totalValueMask } from '../estimate/dimension-structure';
import type { TableStructure } from './table-structure';
import type { ImportMapping } from './import-mapping';
import type { MeasureSpec } from './measure-kind';
import { classifyMeasureCell, type MaskMeaning, type TokenTable } from './value-tokens';
import { assumedMeasureName, namedMeasure, specOfMeasureName } from './measure-names';
import type { ImportProblem } from './problems';
import { planMunicipalitySums, type MunicipalCells } from './municipality-sum';
import {
  cellPlace, duplicateProblem, filledDownProblem, measureAssumedProblem, missingDimensionProblem, mustBeWhole, normaliseLabel, planMapping, readMeasureCell,
  rowsExcludedProblem, unknownDimensionProblem, zeroPopulationProblem, type TokenTally,
} from './row-rules';

export interface InterpretedCell {
  line: number;
  column: number;
  /** Values in the order of the measure's dimensions. */
  values: string[];
  low: number;
  point: number;
  high: number;
  masked: boolean;
  /** Decimals as printed (rates: the rounding interval). */
  decimals: number;
}

export interface InterpretedMeasure {
  key: string;
  name: string;
  spec: MeasureSpec;
  columns: number[];
  dimensions: DimensionSpec[];
  cells: InterpretedCell[];
}

export interface TotalsReport {
  dimension: string;
  value: string;
  /** Cells (over all measures) that carry this published total. */
  cells: number;
}

export interface Interpretation {
  measures: InterpretedMeasure[];
  problems: ImportProblem[];
  totals: TotalsReport[];
  maskedCells: number;
  zeroTokenCells: number;
  /** Masked tokens met, with the meaning applied (for provenance). */
  tokensUsed: Record<string, MaskMeaning>;
  excludedLines: number[];
  /** Per body row: line and its normalised dimension values (first rows are shown in the preview). */
  rows: { line: number; dimensions: Record<string, string>; measures: Record<string, string> }[];
}

const MAX_SAMPLE_ROWS = 20;

export function interpretRows(table: TableStructure, mapping: ImportMapping, file: string): Interpretation {
  const plan = planMapping(table.headers, table.width, mapping, file);
  const problems: ImportProblem[] = [...plan.problems];
  const excluded = new Set(mapping.excludeLines);
  const tokens: TokenTable = { masks: mapping.maskTokens, zeros: mapping.zeroTokens, withheld: mapping.withheldTokens ?? [] };
  const dims = plan.dims;
  const groups: InterpretedMeasure[] = plan.measures.map((m) => ({ ...m, cells: [] }));
  // A measure column splits each of the file's measures by the name on each row (see measure-names.ts).
  const nameDim = plan.measureName?.dim ?? -1;
  const nameSpecs = new Map<string, MeasureSpec>();
  const named = new Map<string, InterpretedMeasure>();
  const namedOrder: InterpretedMeasure[] = [];
  const nameSpec = (name: string, line: number): MeasureSpec => {
    let spec = nameSpecs.get(name);
    if (!spec) {
      spec = specOfMeasureName(name, plan.measureName!.specs) ?? undefined;
      if (!spec) {
        spec = assumedMeasureName(name);
        problems.push(measureAssumedProblem(at(dims[nameDim]!.column, line), name));
      }
      nameSpecs.set(name, spec);
    }
    return spec;
  };
  const namedFor = (k: number, name: string, spec: MeasureSpec): InterpretedMeasure => {
    const id = `${k}\u0001${name}`;
    let measure = named.get(id);
    if (!measure) {
      measure = { ...groups[k]!, ...namedMeasure(name, groups[k]!, groups.length), spec, cells: [] };
      named.set(id, measure);
      namedOrder.push(measure);
    }
    return measure;
  };
  const at = (column: number, line: number | null) => cellPlace(file, table.headers, column, line);

  // Labels repeat on every row; normalising each distinct label once per column makes large files fast.
  const caches: Map<string, string | null>[] = dims.map(() => new Map());
  const last: (string | null)[] = dims.map(() => null);
  const filled: number[] = dims.map(() => 0);
  const firstFilledLine: (number | null)[] = dims.map(() => null);
  const rows: Interpretation['rows'] = [];
  const tally: TokenTally = { maskedCells: 0, zeroTokenCells: 0, tokensUsed: {} };
  const excludedLines: number[] = [];

  for (const record of table.body) {
    if (excluded.has(record.line)) {
      excludedLines.push(record.line);
      continue;
    }
    const values: string[] = [];
    let rowOk = true;
    dims.forEach((d, i) => {
      let raw = (record.cells[d.column] ?? '').trim();
      if (raw === '') {
        const previous = last[i];
        if (previous === null || previous === undefined) {
          problems.push(missingDimensionProblem(at(d.column, record.line), d));
          rowOk = false;
          values.push('');
          return;
        }
        // A label shown only on the first of several rows ("C18" then blanks) applies to the rows below it.
        raw = previous;
        filled[i]!++;
        firstFilledLine[i] ??= record.line;
      }
      last[i] = raw;
      const cache = caches[i]!;
      let value = cache.get(raw);
      if (value === undefined) {
        value = normaliseLabel(d, raw);
        cache.set(raw, value);
      }
      if (value === null) {
        problems.push(unknownDimensionProblem(at(d.column, record.line), d, raw));
        rowOk = false;
        values.push('');
        return;
      }
      values.push(value);
    });
    const sampled = rows.length < MAX_SAMPLE_ROWS;
    const rowMeasures: Record<string, string> = {};
    const rowName = nameDim >= 0 ? values[nameDim]! : '';
    for (let k = 0; k < groups.length; k++) {
      const group = groups[k]!;
      let spec = group.spec;
      let target: InterpretedMeasure | null = group;
      if (nameDim >= 0) {
        target = null;
        if (rowName !== '') {
          spec = nameSpec(rowName, record.line);
          if (rowOk) target = namedFor(k, rowName, spec);
        }
      }
      for (const c of group.columns) {
        const m = mapping.columns[c]!;
        if (m.kind !== 'measure') continue;
        const raw = record.cells[c] ?? '';
        if (sampled) rowMeasures[table.headers[c] ?? String(c + 1)] = raw;
        const cell = classifyMeasureCell(raw, m.numberFormat, tokens);
        const read = readMeasureCell(cell, raw, spec, mustBeWhole(spec), m.numberFormat, tally);
        if (!read.ok) {
          problems.push(read.problem(at(c, record.line)));
          continue;
        }
        if (!rowOk || !target) continue;
        const memberValues = m.members.map((mr) => mr.value);
        target.cells.push({ line: record.line, column: c + 1, values: [...values, ...memberValues], low: read.low, point: read.point, high: read.high, masked: read.masked, decimals: read.decimals });
      }
    }
    if (sampled) {
      const dimensions: Record<string, string> = {};
      dims.forEach((d, i) => (dimensions[d.key] = values[i]!));
      rows.push({ line: record.line, dimensions, measures: rowMeasures });
    }
  }

  dims.forEach((d, i) => {
    if (filled[i]! > 0) {
      problems.push(filledDownProblem(at(d.column, firstFilledLine[i]!), d, filled[i]!));
    }
  });
  if (excludedLines.length > 0) {
    problems.push(rowsExcludedProblem(file, excludedLines));
  }

  const read = nameDim >= 0 ? namedOrder : groups;
  checkDuplicates(read, problems, file, table);
  // The measure name was compared like a dimension; it is none.
  const measures = nameDim < 0 ? read : read.map((m) => ({
    ...m,
    dimensions: m.dimensions.filter((_, d) => d !== nameDim),
    cells: m.cells.map((c) => ({ ...c, values: c.values.filter((_, d) => d !== nameDim) })),
  }));
  const summed = sumMunicipalities(measures, problems, file, table);
  const totals = findTotals(summed);
  checkZeroPopulation(summed, problems, file);
  return { measures: summed, problems, totals, ...tally, excludedLines, rows };
}

function checkDuplicates(measures: InterpretedMeasure[], problems: ImportProblem[], file: string, table: TableStructure): void {
  for (const measure of measures) {
    const seen = new Map<string, InterpretedCell>();
    const kept: InterpretedCell[] = [];
    for (const cell of measure.cells) {
      const key = cell.values.join('\u0001');
      const first = seen.get(key);
      if (!first) {
        seen.set(key, cell);
        kept.push(cell);
        continue;
      }
      const same = first.low === cell.low && first.high === cell.high && first.point === cell.point;
      const where = { file, line: cell.line, column: cell.column, columnName: table.headers[cell.column - 1] ?? '' };
      const label = cellLabel(measure.dimensions, cell.values);
      problems.push(duplicateProblem(where, label, cell.point, first, same));
    }
    measure.cells = kept;
  }
}

/** Municipality cells summed into their counties (municipality-sum.ts); measures without any stay as they are. */
function sumMunicipalities(measures: InterpretedMeasure[], problems: ImportProblem[], file: string, table: TableStructure): InterpretedMeasure[] {
  const views: MunicipalCells[] = measures.map((m) => {
    const r = m.dimensions.findIndex((d) => d.role === 'region');
    const cells = m.cells;
    const others = m.dimensions.map((_, d) => d).filter((d) => d !== r);
    return {
      name: m.name,
      spec: m.spec,
      count: r < 0 ? 0 : cells.length,
      regionDim: r,
      region: (i) => cells[i]!.values[r]!,
      key: (i) => others.map((d) => cells[i]!.values[d]!).join('\u0001'),
      low: (i) => cells[i]!.low,
      point: (i) => cells[i]!.point,
      high: (i) => cells[i]!.high,
      masked: (i) => cells[i]!.masked,
      place: (i) => ({ file, line: cells[i]!.line, column: cells[i]!.column, columnName: table.headers[cells[i]!.column - 1] ?? '' }),
      label: (i) => cellLabel(others.map((d) => m.dimensions[d]!), others.map((d) => cells[i]!.values[d]!)),
    };
  });
  const { plans, problems: found } = planMunicipalitySums(views, file);
  problems.push(...found);
  return measures.flatMap((m, k) => {
    const plan = plans[k];
    if (!plan) return [m];
    if (plan.out.length === 0) return [];
    const r = views[k]!.regionDim;
    const cells = plan.out.map((o): InterpretedCell => {
      const first = m.cells[o.from[0]!]!;
      if (o.county === null) return first;
      const sum: InterpretedCell = { ...first, values: [...first.values], low: 0, point: 0, high: 0, masked: false, decimals: 0 };
      sum.values[r] = o.county;
      for (const i of o.from) {
        const c = m.cells[i]!;
        sum.low += c.low;
        sum.point += c.point;
        sum.high += c.high;
        sum.masked ||= c.masked;
        sum.decimals = Math.max(sum.decimals, c.decimals);
      }
      return sum;
    });
    return [{ ...m, cells }];
  });
}

function findTotals(measures: InterpretedMeasure[]): TotalsReport[] {
  const counts = new Map<string, TotalsReport>();
  for (const measure of measures) {
    measure.dimensions.forEach((d, i) => {
      const values = [...new Set(measure.cells.map((c) => c.values[i]!))];
      let mask: Uint8Array;
      try {
        mask = totalValueMask(measure.key, { key: d.key, role: d.role, values });
      } catch {
        return;
      }
      const totalValues = new Set(values.filter((_, k) => mask[k] === 1));
      if (totalValues.size === 0) return;
      for (const cell of measure.cells) {
        const v = cell.values[i]!;
        if (!totalValues.has(v)) continue;
        const id = `${d.key}\u0001${v}`;
        const report = counts.get(id) ?? { dimension: d.key, value: v, cells: 0 };
        report.cells++;
        counts.set(id, report);
      }
    });
  }
  return [...counts.values()];
}

/** Socialstyrelsen prints population 0 where the count is 0; that 0 is not the real population. */
function checkZeroPopulation(measures: InterpretedMeasure[], problems: ImportProblem[], file: string): void {
  const population = measures.find((m) => m.spec.kind === 'population');
  const count = measures.find((m) => m.spec.kind === 'count');
  if (!population || !count || population.dimensions.length !== count.dimensions.length) return;
  const countByKey = new Map(count.cells.map((c) => [c.values.join('\u0001'), c]));
  let n = 0;
  let first: InterpretedCell | null = null;
  for (const cell of population.cells) {
    if (cell.high !== 0) continue;
    const match = countByKey.get(cell.values.join('\u0001'));
    if (match && match.high === 0) {
      n++;
      first ??= cell;
    }
  }
  if (n > 0 && first) {
    problems.push(zeroPopulationProblem({ file, line: first.line, column: first.column, columnName: population.name }, n));
  }
}

/** Case- and diacritic-insensitive equality, for matching user-typed filter values to labels. */
export function sameLabel(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}
