/**
 * The rules every body row is read by, in one place for both readers of rows: the preview's
 * {@link interpretRows} (objects per cell, for the first rows and a mapping being edited) and the import's
 * {@link ColumnarInterpreter} (straight into typed-array columns, for every row of the file). What a
 * mapping means, how a dimension label is normalised, which cell is an error and what the error says are
 * decided here, so the two cannot drift apart.
 */
import type { DimensionRole } from '../counts/dataset';
import type { DimensionSpec } from '../counts/builder';
import { parseRegion } from '../regions/parse';
import { parseAgeBand, formatAgeBand } from '../utils/age-band';
import type { ImportMapping } from './import-mapping';
import type { MeasureSpec } from './measure-kind';
import { parseSex } from './parse-sex';
import { parsePeriodLabel } from './parse-period-label';
import { parseCodeValue } from './parse-code-value';
import { isTotalLabel } from './member-labels';
import type { NumberFormat } from './swedish-number';
import { problem, type ImportProblem, type ProblemCode, type ProblemPlace } from './problems';

export interface DimColumn {
  /** 0-based column in the file. */
  column: number;
  role: DimensionRole;
  key: string;
  header: string;
}

export interface MeasurePlan {
  key: string;
  name: string;
  spec: MeasureSpec;
  /** 0-based columns of this measure (several in a wide layout). */
  columns: number[];
  /** The file's dimension columns, then the member dimensions the columns' headers stand for. */
  dimensions: DimensionSpec[];
}

export interface MappingPlan {
  dims: DimColumn[];
  measures: MeasurePlan[];
  /** A mapping that does not fit the table (wrong width, a dimension twice, measures spread unevenly). */
  problems: ImportProblem[];
}

export const EXPECTED: Record<DimensionRole, string> = {
  region: 'a Swedish county ("Skåne län", "12", "SE-M", "12 Skåne county"), a national total ("Riket") or an unknown region ("Okänd")',
  sex: 'Män/Kvinnor/Båda könen, Man/Kvinna, M/K, Male/Female/Both sexes or Totalt',
  age: 'an age band such as "0-4", "85+", "90–", "0 years" or Totalt/Samtliga',
  period: 'a period such as "2021", "2021-03", "2021M03", "2021-W07" or "2021K2"',
  code: 'an ICD-10 code, block or chapter ("C18.7", "C18", "C15–C26", "C00 – D48")',
  extra: 'any text',
};

/** A dimension label, trimmed, as the dataset stores it; null when it is not a label of that role. */
export function normaliseDimension(role: DimensionRole, raw: string): string | null {
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

export function planMapping(headers: readonly string[], width: number, mapping: ImportMapping, file: string): MappingPlan {
  const problems: ImportProblem[] = [];
  const dims: DimColumn[] = [];
  const measureMap = new Map<string, MeasurePlan>();
  if (mapping.columns.length !== width) {
    problems.push(problem('mapping-invalid', 'error', { file, line: null, column: null }, String(mapping.columns.length), `${width} column mappings`, 'the mapping does not fit the table'));
  }
  mapping.columns.forEach((m, c) => {
    if (m.kind === 'dimension') dims.push({ column: c, role: m.role, key: m.key, header: headers[c] ?? '' });
  });
  const dimKeys = new Set(dims.map((d) => d.key));
  if (dimKeys.size !== dims.length) {
    problems.push(problem('mapping-invalid', 'error', { file, line: null, column: null }, dims.map((d) => d.key).join(', '), 'a distinct key per dimension', 'two columns map to the same dimension'));
  }
  mapping.columns.forEach((m, c) => {
    if (m.kind !== 'measure') return;
    let measure = measureMap.get(m.measure);
    const memberDims = m.members.map((mr) => ({ key: mr.role, role: mr.role as DimensionRole }));
    const at = cellPlace(file, headers, c, null);
    if (!measure) {
      measure = { key: m.measure, name: m.name, spec: m.spec, columns: [], dimensions: [...dims.map((d) => ({ key: d.key, role: d.role })), ...memberDims] };
      measureMap.set(m.measure, measure);
    } else if (memberDims.length + dims.length !== measure.dimensions.length) {
      problems.push(problem('mapping-invalid', 'error', at, headers[c] ?? '', 'the same member dimensions as the other columns of this measure', `column spreads measure "${m.name}" over other dimensions than its siblings`));
    }
    for (const md of memberDims) {
      if (dimKeys.has(md.key)) problems.push(problem('mapping-invalid', 'error', at, headers[c] ?? '', `a ${md.key} given either by a column or by headers, not both`, `the header names a ${md.key} although column(s) hold the ${md.key}`));
    }
    measure.columns.push(c);
  });
  return { dims, measures: [...measureMap.values()], problems };
}

/** Where a cell is, as problems name it: 1-based column and the column's header. */
export function cellPlace(file: string, headers: readonly string[], column: number, line: number | null): Required<ProblemPlace> {
  return { file, line, column: column + 1, columnName: headers[column] ?? '' };
}

export function missingDimensionProblem(place: ProblemPlace, d: DimColumn): ImportProblem {
  return problem('missing-value', 'error', place, '', EXPECTED[d.role], `the ${d.header || d.key} cell is empty and there is no row above to fill it from`);
}

export function unknownDimensionProblem(place: ProblemPlace, d: DimColumn, raw: string): ImportProblem {
  const code: ProblemCode = d.role === 'region' ? 'unknown-region' : d.role === 'sex' ? 'unknown-sex' : d.role === 'age' ? 'unknown-age' : d.role === 'period' ? 'unknown-period' : 'unknown-code';
  return problem(code, 'error', place, raw, EXPECTED[d.role], `"${raw}" is not a ${d.role === 'code' ? 'ICD-10 code' : d.role}`);
}

export function emptyMeasureProblem(place: ProblemPlace): ImportProblem {
  return problem('missing-value', 'error', place, '', 'a number, a masked token ("X", "<5") or a zero token ("-")', 'the cell is empty; an unknown value is not a zero');
}

export function notANumberProblem(place: ProblemPlace, trimmed: string, format: NumberFormat): ImportProblem {
  return problem('not-a-number', 'error', place, trimmed, `a number in the column's format (decimal "${format.decimal}"${format.thousands !== 'none' ? `, groups "${format.thousands}"` : ''}), a masked token or a zero token`, `"${trimmed}" is not a number`);
}

export function unknownTokenProblem(place: ProblemPlace, token: string): ImportProblem {
  return problem('unknown-token-meaning', 'error', place, token, `a meaning for "${token}" for this source (e.g. 1–3), or the row excluded`, `"${token}" marks a withheld value whose size this source does not document`);
}

export function negativeProblem(place: ProblemPlace, trimmed: string, spec: MeasureSpec): ImportProblem {
  return problem('negative-count', 'error', place, trimmed, 'zero or more', `a ${spec.kind} cannot be negative`);
}

export function notAnIntegerProblem(place: ProblemPlace, trimmed: string, spec: MeasureSpec): ImportProblem {
  return problem('not-an-integer', 'error', place, trimmed, `a whole number (a ${spec.kind === 'count' ? 'count' : 'population'})`, `"${trimmed}" has decimals; is the column's decimal separator right?`);
}

export function filledDownProblem(place: ProblemPlace, d: DimColumn, cells: number): ImportProblem {
  return problem('filled-down', 'warning', place, '', 'a value in every cell', `${cells} blank ${d.header || d.key} cells took the value of the row above (fill-down)`);
}

export function rowsExcludedProblem(file: string, lines: readonly number[]): ImportProblem {
  return problem('rows-excluded', 'warning', { file, line: null, column: null }, lines.join(', '), 'nothing', `${lines.length} line(s) excluded by the user`);
}

export function duplicateProblem(place: ProblemPlace, label: string, point: number, first: { line: number; point: number }, same: boolean): ImportProblem {
  return same
    ? problem('identical-duplicate', 'warning', place, String(point), 'each combination of dimension values once', `${label} repeats line ${first.line} with the same value; counted once`)
    : problem('conflicting-duplicate', 'error', place, String(point), `the value of line ${first.line} (${first.point}) or the row removed`, `${label} appears on line ${first.line} with ${first.point} and here with a different value`);
}

export function zeroPopulationProblem(place: ProblemPlace, rows: number): ImportProblem {
  return problem('population-zero-with-zero-count', 'warning', place, '0',
    'the population of the group', `${rows} rows give population 0 where the count is 0; the source leaves the population out there, so these zeros are not real populations`);
}
