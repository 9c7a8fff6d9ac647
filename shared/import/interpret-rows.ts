/**
 * Applies a mapping to every body row: dimension labels are normalised (with fill-down of blank category
 * cells), measure cells become intervals (numbers exact, masked tokens as their documented range, zero
 * tokens 0), and every value that cannot be read is an error naming line, column and raw text. Unknown
 * stays unknown: an empty or ".." cell is never turned into 0.
 */
import type { DimensionRole } from '../counts/dataset';
import type { DimensionSpec } from '../counts/builder';
import { parseRegion } from '../regions/parse';
import { parseAgeBand, formatAgeBand } from '../utils/age-band';
import { foldText } from '../utils/text';
import { totalValueMask } from '../estimate/dimension-structure';
import type { TableStructure } from './table-structure';
import type { ImportMapping } from './import-mapping';
import type { MeasureSpec } from './measure-kind';
import { parseSex } from './parse-sex';
import { parsePeriodLabel } from './parse-period-label';
import { parseCodeValue } from './parse-code-value';
import { isTotalLabel } from './member-labels';
import { classifyMeasureCell, type MaskMeaning, type TokenTable } from './value-tokens';
import { problem, type ImportProblem } from './problems';

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

interface DimColumn {
  column: number;
  role: DimensionRole;
  key: string;
  header: string;
}

const EXPECTED: Record<DimensionRole, string> = {
  region: 'a Swedish county ("Skåne län", "12", "SE-M", "12 Skåne county"), a national total ("Riket") or an unknown region ("Okänd")',
  sex: 'Män/Kvinnor/Båda könen, Man/Kvinna, M/K, Male/Female/Both sexes or Totalt',
  age: 'an age band such as "0-4", "85+", "90–", "0 years" or Totalt/Samtliga',
  period: 'a period such as "2021", "2021-03", "2021M03", "2021-W07" or "2021K2"',
  code: 'an ICD-10 code, block or chapter ("C18.7", "C18", "C15–C26", "C00 – D48")',
  extra: 'any text',
};

function normaliseDimension(role: DimensionRole, raw: string): string | null {
  if (role === 'extra') return isTotalLabel(raw) ? 'all' : raw.trim();
  if (role === 'region') {
    const ref = parseRegion(raw);
    return ref ? (ref.kind === 'county' ? ref.code : ref.kind) : null;
  }
  if (role === 'sex') return parseSex(raw);
  if (role === 'age') {
    const band = parseAgeBand(raw);
    return band ? formatAgeBand(band) : null;
  }
  if (role === 'period') return isTotalLabel(raw) ? 'all' : parsePeriodLabel(raw);
  const code = parseCodeValue(raw);
  if (!code) return null;
  return code.kind === 'icd10' ? code.code : code.kind === 'total' ? 'all' : null;
}

export function interpretRows(table: TableStructure, mapping: ImportMapping, file: string): Interpretation {
  const problems: ImportProblem[] = [];
  const excluded = new Set(mapping.excludeLines);
  const tokens: TokenTable = { masks: mapping.maskTokens, zeros: mapping.zeroTokens };
  const dims: DimColumn[] = [];
  const measureMap = new Map<string, InterpretedMeasure>();
  const at = (column: number, line: number | null): { file: string; line: number | null; column: number; columnName: string } =>
    ({ file, line, column: column + 1, columnName: table.headers[column] ?? '' });

  if (mapping.columns.length !== table.width) {
    problems.push(problem('mapping-invalid', 'error', { file, line: null, column: null }, String(mapping.columns.length), `${table.width} column mappings`, 'the mapping does not fit the table'));
  }
  mapping.columns.forEach((m, c) => {
    if (m.kind === 'dimension') dims.push({ column: c, role: m.role, key: m.key, header: table.headers[c] ?? '' });
  });
  const dimKeys = new Set(dims.map((d) => d.key));
  if (dimKeys.size !== dims.length) {
    problems.push(problem('mapping-invalid', 'error', { file, line: null, column: null }, dims.map((d) => d.key).join(', '), 'a distinct key per dimension', 'two columns map to the same dimension'));
  }
  mapping.columns.forEach((m, c) => {
    if (m.kind !== 'measure') return;
    let measure = measureMap.get(m.measure);
    const memberDims = m.members.map((mr) => ({ key: mr.role, role: mr.role as DimensionRole }));
    if (!measure) {
      measure = { key: m.measure, name: m.name, spec: m.spec, columns: [], dimensions: [...dims.map((d) => ({ key: d.key, role: d.role })), ...memberDims], cells: [] };
      measureMap.set(m.measure, measure);
    } else if (memberDims.length + dims.length !== measure.dimensions.length) {
      problems.push(problem('mapping-invalid', 'error', at(c, null), table.headers[c] ?? '', 'the same member dimensions as the other columns of this measure', `column spreads measure "${m.name}" over other dimensions than its siblings`));
    }
    for (const md of memberDims) {
      if (dimKeys.has(md.key)) problems.push(problem('mapping-invalid', 'error', at(c, null), table.headers[c] ?? '', `a ${md.key} given either by a column or by headers, not both`, `the header names a ${md.key} although column(s) hold the ${md.key}`));
    }
    measure.columns.push(c);
  });
  const measures = [...measureMap.values()];

  // Labels repeat on every row; normalising each distinct label once per column makes large files fast.
  const caches: Map<string, string | null>[] = dims.map(() => new Map());
  const last: (string | null)[] = dims.map(() => null);
  const filled: number[] = dims.map(() => 0);
  const firstFilledLine: (number | null)[] = dims.map(() => null);
  const rows: Interpretation['rows'] = [];
  const tokensUsed: Record<string, MaskMeaning> = {};
  let maskedCells = 0;
  let zeroTokenCells = 0;
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
          problems.push(problem('missing-value', 'error', at(d.column, record.line), '', EXPECTED[d.role], `the ${d.header || d.key} cell is empty and there is no row above to fill it from`));
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
        value = normaliseDimension(d.role, raw);
        cache.set(raw, value);
      }
      if (value === null) {
        const code = d.role === 'region' ? 'unknown-region' : d.role === 'sex' ? 'unknown-sex' : d.role === 'age' ? 'unknown-age' : d.role === 'period' ? 'unknown-period' : 'unknown-code';
        problems.push(problem(code, 'error', at(d.column, record.line), raw, EXPECTED[d.role], `"${raw}" is not a ${d.role === 'code' ? 'ICD-10 code' : d.role}`));
        rowOk = false;
        values.push('');
        return;
      }
      values.push(value);
    });
    const sampled = rows.length < MAX_SAMPLE_ROWS;
    const rowMeasures: Record<string, string> = {};
    for (const measure of measures) {
      for (const c of measure.columns) {
        const m = mapping.columns[c]!;
        if (m.kind !== 'measure') continue;
        const raw = record.cells[c] ?? '';
        if (sampled) rowMeasures[table.headers[c] ?? String(c + 1)] = raw;
        const cell = classifyMeasureCell(raw, m.numberFormat, tokens);
        const place = at(c, record.line);
        const additive = m.spec.kind === 'count' || m.spec.kind === 'population';
        let low: number;
        let point: number;
        let high: number;
        let masked = false;
        let decimals = 0;
        switch (cell.kind) {
          case 'empty':
            problems.push(problem('missing-value', 'error', place, '', 'a number, a masked token ("X", "<5") or a zero token ("-")', 'the cell is empty; an unknown value is not a zero'));
            continue;
          case 'invalid':
            problems.push(problem('not-a-number', 'error', place, raw.trim(), `a number in the column's format (decimal "${m.numberFormat.decimal}"${m.numberFormat.thousands !== 'none' ? `, groups "${m.numberFormat.thousands}"` : ''}), a masked token or a zero token`, `"${raw.trim()}" is not a number`));
            continue;
          case 'masked-unknown':
            problems.push(problem('unknown-token-meaning', 'error', place, cell.token, `a meaning for "${cell.token}" for this source (e.g. 1–3), or the row excluded`, `"${cell.token}" marks a withheld value whose size this source does not document`));
            continue;
          case 'zero-token':
            low = point = high = 0;
            zeroTokenCells++;
            break;
          case 'masked':
            ({ low, point, high } = cell.meaning);
            masked = true;
            maskedCells++;
            tokensUsed[cell.token] = cell.meaning;
            break;
          case 'number':
            low = point = high = cell.value;
            decimals = cell.decimals;
            if (cell.value < 0 && m.spec.kind !== 'other') {
              problems.push(problem('negative-count', 'error', place, raw.trim(), 'zero or more', `a ${m.spec.kind} cannot be negative`));
              continue;
            }
            if (additive && !Number.isInteger(cell.value)) {
              problems.push(problem('not-an-integer', 'error', place, raw.trim(), `a whole number (a ${m.spec.kind === 'count' ? 'count' : 'population'})`, `"${raw.trim()}" has decimals; is the column's decimal separator right?`));
              continue;
            }
            break;
        }
        if (!rowOk) continue;
        const memberValues = m.members.map((mr) => mr.value);
        measure.cells.push({ line: record.line, column: c + 1, values: [...values, ...memberValues], low, point, high, masked, decimals });
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
      problems.push(problem('filled-down', 'warning', at(d.column, firstFilledLine[i]!), '', 'a value in every cell', `${filled[i]} blank ${d.header || d.key} cells took the value of the row above (fill-down)`));
    }
  });
  if (excludedLines.length > 0) {
    problems.push(problem('rows-excluded', 'warning', { file, line: null, column: null }, excludedLines.join(', '), 'nothing', `${excludedLines.length} line(s) excluded by the user`));
  }

  checkDuplicates(measures, problems, file, table);
  const totals = findTotals(measures);
  checkZeroPopulation(measures, problems, file);
  return { measures, problems, totals, maskedCells, zeroTokenCells, tokensUsed, excludedLines, rows };
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
      const label = measure.dimensions.map((d, i) => `${d.key}=${cell.values[i]}`).join(', ');
      if (same) {
        problems.push(problem('identical-duplicate', 'warning', where, String(cell.point), 'each combination of dimension values once', `${label} repeats line ${first.line} with the same value; counted once`));
      } else {
        problems.push(problem('conflicting-duplicate', 'error', where, String(cell.point), `the value of line ${first.line} (${first.point}) or the row removed`, `${label} appears on line ${first.line} with ${first.point} and here with a different value`));
      }
    }
    measure.cells = kept;
  }
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
    problems.push(problem('population-zero-with-zero-count', 'warning', { file, line: first.line, column: first.column, columnName: population.name }, '0',
      'the population of the group', `${n} rows give population 0 where the count is 0; the source leaves the population out there, so these zeros are not real populations`));
  }
}

/** Case- and diacritic-insensitive equality, for matching user-typed filter values to labels. */
export function sameLabel(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}
