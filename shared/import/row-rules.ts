/**
 * The rules every body row is read by, in one place for both readers of rows: the preview's
 * {@link interpretRows} (objects per cell, for the first rows and a mapping being edited) and the import's
 * {@link ColumnarInterpreter} (straight into typed-array columns, for every row of the file). What a
 * mapping means, how a dimension label is normalised, which cell is an error and what the error says are
 * decided here, so the two cannot drift apart.
 */
import type { DimensionRole } from '../counts/dataset';
import type { DimensionSpec } from '../counts/builder';
import { municipalityCounty, parseRegion } from '../regions/parse';
import { parseAgeBand, formatAgeBand } from '../utils/age-band';
import type { ImportMapping } from './import-mapping';
import type { MeasureSpec } from './measure-kind';
import { parseSex } from './parse-sex';
import { parsePeriodLabel } from './parse-period-label';
import { parseCodeValue } from './parse-code-value';
import { isTotalLabel, isTotalRowLabel } from './member-labels';
import type { NumberFormat } from './swedish-number';
import type { MaskMeaning, MeasureCell } from './value-tokens';
import { detach } from './detach';
import { problem, type ImportProblem, type ProblemCode, type ProblemPlace } from './problems';
import { phrase, rolePhrase, valuePhrase, type Phrase, type PhraseKey, type PhraseParam } from './phrases';

export interface DimColumn {
  /** 0-based column in the file. */
  column: number;
  role: DimensionRole;
  key: string;
  header: string;
  /** The column of measure names: read like a dimension, then each name becomes a measure of its own. */
  measureName?: boolean;
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
  /** The measure-name column among `dims` (its index there) and its names' kinds, or null. */
  measureName: { dim: number; specs: Record<string, MeasureSpec> } | null;
  /** A mapping that does not fit the table (wrong width, a dimension twice, measures spread unevenly). */
  problems: ImportProblem[];
}

const EXPECTED: Record<DimensionRole, Phrase> = {
  region: phrase('expectedRegion'),
  sex: phrase('expectedSex'),
  age: phrase('expectedAge'),
  period: phrase('expectedPeriod'),
  code: phrase('expectedCode'),
  extra: phrase('expectedExtra'),
};

const KIND_WORD: Record<MeasureSpec['kind'], PhraseKey> = { count: 'kindCount', population: 'kindPopulation', rate: 'kindRate', other: 'kindOther' };

/** A dimension label, trimmed, as the dataset stores it; null when it is not a label of that role. */
export function normaliseDimension(role: DimensionRole, raw: string): string | null {
  // Free text: only a bare total word is a total ("Total cholesterol" is a value, not a total).
  if (role === 'extra') return isTotalLabel(raw) ? 'all' : raw.trim();
  if (role === 'region') {
    const ref = parseRegion(raw);
    // "Totalt inrapporterat" (Socialstyrelsen's weekly tables) is the national row.
    if (!ref) {
      if (isTotalRowLabel(raw)) return 'national';
      // A municipality is read as its four-digit code; its county's sum is made once every row is read.
      return municipalityCounty(raw)?.municipality ?? null;
    }
    return ref.kind === 'county' ? ref.code : ref.kind;
  }
  if (role === 'sex') return parseSex(raw) ?? (isTotalRowLabel(raw) ? 'all' : null);
  if (role === 'age') {
    const band = parseAgeBand(raw);
    return band ? formatAgeBand(band) : isTotalRowLabel(raw) ? 'all' : null;
  }
  if (role === 'period') return isTotalRowLabel(raw) ? 'all' : parsePeriodLabel(raw);
  const code = parseCodeValue(raw);
  if (!code) return isTotalRowLabel(raw) ? 'all' : null;
  return code.kind === 'icd10' ? code.code : code.kind === 'total' ? 'all' : null;
}

export function planMapping(headers: readonly string[], width: number, mapping: ImportMapping, file: string): MappingPlan {
  const problems: ImportProblem[] = [];
  const dims: DimColumn[] = [];
  const measureMap = new Map<string, MeasurePlan>();
  if (mapping.columns.length !== width) {
    problems.push(problem('mapping-invalid', 'error', { file, line: null, column: null }, String(mapping.columns.length), phrase('mappingWidthExp', { width }), phrase('mappingWidthMsg')));
  }
  let measureName: MappingPlan['measureName'] = null;
  mapping.columns.forEach((m, c) => {
    if (m.kind === 'dimension') dims.push({ column: c, role: m.role, key: m.key, header: headers[c] ?? '' });
    if (m.kind === 'measure-name') {
      if (measureName) {
        problems.push(problem('mapping-invalid', 'error', cellPlace(file, headers, c, null), headers[c] ?? '', phrase('mappingNamesTwiceExp'), phrase('mappingNamesTwiceMsg')));
        return;
      }
      measureName = { dim: dims.length, specs: m.specs };
      dims.push({ column: c, role: 'extra', key: m.key, header: headers[c] ?? '', measureName: true });
    }
  });
  const dimKeys = new Set(dims.map((d) => d.key));
  if (dimKeys.size !== dims.length) {
    problems.push(problem('mapping-invalid', 'error', { file, line: null, column: null }, dims.map((d) => d.key).join(', '), phrase('mappingSameKeyExp'), phrase('mappingSameKeyMsg')));
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
      problems.push(problem('mapping-invalid', 'error', at, headers[c] ?? '', phrase('mappingSpreadExp'), phrase('mappingSpreadMsg', { measure: m.name })));
    }
    for (const md of memberDims) {
      if (dimKeys.has(md.key)) problems.push(problem('mapping-invalid', 'error', at, headers[c] ?? '', phrase('mappingTwiceExp', { dimension: rolePhrase(md.role) }), phrase('mappingTwiceMsg', { dimension: rolePhrase(md.role) })));
    }
    measure.columns.push(c);
  });
  return { dims, measures: [...measureMap.values()], measureName, problems };
}

/** A label as the rows store it: a dimension's normalised value, or a measure name as written. */
export function normaliseLabel(d: DimColumn, raw: string): string | null {
  return d.measureName ? raw.trim() : normaliseDimension(d.role, raw);
}

/** Where a cell is, as problems name it: 1-based column and the column's header. */
export function cellPlace(file: string, headers: readonly string[], column: number, line: number | null): Required<ProblemPlace> {
  return { file, line, column: column + 1, columnName: headers[column] ?? '' };
}

export function missingDimensionProblem(place: ProblemPlace, d: DimColumn): ImportProblem {
  return problem('missing-value', 'error', place, '', EXPECTED[d.role], phrase('missingDimensionMsg', { column: d.header || d.key }));
}

export function unknownDimensionProblem(place: ProblemPlace, d: DimColumn, raw: string): ImportProblem {
  const code: ProblemCode = d.role === 'region' ? 'unknown-region' : d.role === 'sex' ? 'unknown-sex' : d.role === 'age' ? 'unknown-age' : d.role === 'period' ? 'unknown-period' : 'unknown-code';
  const what = d.role === 'region' ? 'notRegionMsg' : d.role === 'sex' ? 'notSexMsg' : d.role === 'age' ? 'notAgeMsg' : d.role === 'period' ? 'notPeriodMsg' : 'notCodeMsg';
  // A municipality is a place Antal cannot count by: say which county it lies in, not just "no region".
  const municipality = d.role === 'region' ? municipalityCounty(raw) : null;
  if (municipality) {
    return problem(code, 'error', place, raw, EXPECTED[d.role], phrase('municipalityMsg', { raw, code: municipality.municipality, county: valuePhrase('region', municipality.county) }));
  }
  return problem(code, 'error', place, raw, EXPECTED[d.role], phrase(what, { raw }));
}

export function emptyMeasureProblem(place: ProblemPlace): ImportProblem {
  return problem('missing-value', 'error', place, '', phrase('emptyMeasureExp'), phrase('emptyMeasureMsg'));
}

export function notANumberProblem(place: ProblemPlace, trimmed: string, format: NumberFormat): ImportProblem {
  const groups = format.thousands !== 'none' ? phrase('groupsSeparator', { separator: format.thousands }) : '';
  return problem('not-a-number', 'error', place, trimmed, phrase('notANumberExp', { decimal: format.decimal, groups }), phrase('notANumberMsg', { raw: trimmed }));
}

export function unknownTokenProblem(place: ProblemPlace, token: string): ImportProblem {
  return problem('unknown-token-meaning', 'error', place, token, phrase('unknownTokenExp', { token }), phrase('unknownTokenMsg', { token }));
}

export function negativeProblem(place: ProblemPlace, trimmed: string, spec: MeasureSpec): ImportProblem {
  return problem('negative-count', 'error', place, trimmed, phrase('negativeExp'), phrase('negativeMsg', { kind: phrase(KIND_WORD[spec.kind]) }));
}

/**
 * Counts of persons or events are whole numbers, so a decimal in one means the column's format was misread.
 * A population may be fractional: SCB's mean population ("Medelfolkmängd") is the mean of two year-end counts.
 */
export function mustBeWhole(spec: MeasureSpec): boolean {
  return spec.kind === 'count';
}

export function notAnIntegerProblem(place: ProblemPlace, trimmed: string, spec: MeasureSpec): ImportProblem {
  return problem('not-an-integer', 'error', place, trimmed, phrase('notAnIntegerExp', { kind: phrase(spec.kind === 'count' ? 'kindCount' : 'kindPopulation') }), phrase('notAnIntegerMsg', { raw: trimmed }));
}

/** Masked and zero-token cells met while reading rows: they are counted for the import's provenance. */
export interface TokenTally {
  maskedCells: number;
  zeroTokenCells: number;
  /** Each masked token met, with the meaning applied. */
  tokensUsed: Record<string, MaskMeaning>;
}

/** A measure cell read for its measure: the interval it stands for, or the problem that keeps it out. */
export type MeasureReading =
  | { ok: true; low: number; point: number; high: number; masked: boolean; decimals: number }
  | { ok: false; problem: (place: ProblemPlace) => ImportProblem };

/**
 * What a classified measure cell means for a measure of `spec`: numbers exact, a masked token its range, a zero
 * token 0; an empty, unreadable or unknown-token cell, a negative count and a decimal where a count must be
 * whole are problems. The problem is made only when asked for (with the cell's place), so a reader that keeps
 * a bounded number of problems does not build the others. Masked and zero-token cells are counted in `tally`.
 */
export function readMeasureCell(cell: MeasureCell, raw: string, spec: MeasureSpec, whole: boolean, format: NumberFormat, tally: TokenTally): MeasureReading {
  switch (cell.kind) {
    case 'empty':
      return { ok: false, problem: (place) => emptyMeasureProblem(place) };
    case 'invalid':
      return { ok: false, problem: (place) => notANumberProblem(place, detach(raw.trim()), format) };
    case 'masked-unknown':
      return { ok: false, problem: (place) => unknownTokenProblem(place, cell.token) };
    case 'zero-token':
      tally.zeroTokenCells++;
      return { ok: true, low: 0, point: 0, high: 0, masked: false, decimals: 0 };
    case 'masked':
      tally.maskedCells++;
      tally.tokensUsed[cell.token] = cell.meaning;
      return { ok: true, low: cell.meaning.low, point: cell.meaning.point, high: cell.meaning.high, masked: true, decimals: 0 };
    case 'number':
      if (cell.value < 0 && spec.kind !== 'other') return { ok: false, problem: (place) => negativeProblem(place, detach(raw.trim()), spec) };
      if (whole && !Number.isInteger(cell.value)) return { ok: false, problem: (place) => notAnIntegerProblem(place, detach(raw.trim()), spec) };
      return { ok: true, low: cell.value, point: cell.value, high: cell.value, masked: false, decimals: cell.decimals };
  }
}

/** A measure whose words name no known measure is read as a count of persons, and the user is told. */
export function measureAssumedProblem(place: ProblemPlace, name: string): ImportProblem {
  return problem('measure-kind-assumed', 'warning', place, name, phrase('measureAssumedExp'), phrase('measureAssumedMsg'));
}

export function filledDownProblem(place: ProblemPlace, d: DimColumn, cells: number): ImportProblem {
  return problem('filled-down', 'warning', place, '', phrase('filledDownExp'), phrase('filledDownMsg', { cells, column: d.header || d.key }));
}

export function rowsExcludedProblem(file: string, lines: readonly number[]): ImportProblem {
  return problem('rows-excluded', 'warning', { file, line: null, column: null }, lines.join(', '), phrase('rowsExcludedExp'), phrase('rowsExcludedMsg', { n: lines.length }));
}

export function duplicateProblem(place: ProblemPlace, label: PhraseParam, point: number, first: { line: number; point: number }, same: boolean): ImportProblem {
  return same
    ? problem('identical-duplicate', 'warning', place, String(point), phrase('identicalDuplicateExp'), phrase('identicalDuplicateMsg', { label, line: first.line }))
    : problem('conflicting-duplicate', 'error', place, String(point), phrase('conflictingDuplicateExp', { line: first.line, value: String(first.point) }), phrase('conflictingDuplicateMsg', { label, line: first.line, value: String(first.point) }));
}

export function zeroPopulationProblem(place: ProblemPlace, rows: number): ImportProblem {
  return problem('population-zero-with-zero-count', 'warning', place, '0',
    phrase('zeroPopulationExp'), phrase('zeroPopulationMsg', { rows }));
}
