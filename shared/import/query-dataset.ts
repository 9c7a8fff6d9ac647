/**
 * Answers "how many, for these filters?" from an imported file, the way a coordinator checks a number
 * before using it: a published total that matches the filters exactly is preferred (Riket, Båda könen,
 * Totalt are kept as published), and the sum of the finest cells is reported beside it, because the two
 * differ in real data (a person dispensed drugs in two län is one person in Riket but two in the sum of
 * the län). Rates cannot be added up; asking for a sum of a rate is an error that says why.
 */
import type { Dataset, DimensionRole } from '../counts/dataset';
import type { Interval } from '../estimate/types';
import { totalValueMask } from '../estimate/dimension-structure';
import { parseRegion } from '../regions/parse';
import { parseAgeBand, formatAgeBand, type AgeBand } from '../utils/age-band';
import { parsePeriod } from '../utils/period';
import { foldText } from '../utils/text';
import { normalizeIcd10, tryNormalizeIcd10 } from '../icd10/normalize';
import { codeMatches, codePartlyMatches } from '../icd10/code-set';
import type { ImportResult, MeasureDataset } from './build-dataset';
import { isAdditive } from './measure-kind';
import { parseSex } from './parse-sex';
import { parsePeriodLabel } from './parse-period-label';

export interface QueryFilters {
  /** Measure key, name ("Antal patienter") or kind ("persons", "events", "population", "rate"). */
  measure?: string;
  /** Any region form ("Skåne", "12", "SE-M") or "national". */
  region?: string;
  sex?: string;
  /** "A-B" or "A+". */
  age?: string;
  /** ICD-10 prefix ("C18") or range ("C18-C20"). */
  code?: string;
  period?: string;
  /** Other dimensions by key or header: { "lakemedel": "C02AC02 Guanfacin" }. */
  where?: Record<string, string>;
}

export interface QueryResult extends Interval {
  source: 'published-total' | 'sum';
  /** Cells behind the answer, and how many of them were masked in the source. */
  cells: number;
  masked: number;
  /** With a published total: the sum of the finest cells matching the same filters. */
  sum?: Interval & { cells: number; masked: number };
  measure: string;
  warnings: string[];
}

export type QueryErrorCode = 'unknown-measure' | 'rate-not-summable' | 'not-additive' | 'no-such-dimension' | 'invalid-filter' | 'no-matching-cells';

export class QueryError extends Error {
  constructor(readonly code: QueryErrorCode, message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

export function selectMeasure(result: ImportResult, wanted?: string): MeasureDataset {
  const measures = result.measures;
  if (measures.length === 0) throw new QueryError('unknown-measure', 'the import has no measures');
  if (wanted === undefined || wanted.trim() === '') {
    return measures.find((m) => !m.derivedFrom && m.spec.kind === 'count' && m.spec.unit === 'persons')
      ?? measures.find((m) => !m.derivedFrom && m.spec.kind === 'count')
      ?? measures.find((m) => m.spec.kind === 'population')
      ?? measures[0]!;
  }
  const w = foldText(wanted);
  const byName = measures.find((m) => m.key === wanted || foldText(m.name) === w || foldText(m.key) === w);
  if (byName) return byName;
  const byKind = measures.find((m) => !m.derivedFrom && (m.spec.kind === w || m.spec.unit === w));
  if (byKind) return byKind;
  throw new QueryError('unknown-measure', `no measure "${wanted}"; the file has ${measures.map((m) => `"${m.name}"`).join(', ')}`);
}

interface Target {
  /** Value indexes that are exactly the asked-for group (a published total or cell). */
  exact: Set<number>;
  /** Finest value indexes inside the asked-for group, to be summed. */
  fine: Set<number>;
}

function parseAgeFilter(raw: string): AgeBand {
  const band = parseAgeBand(raw);
  if (!band) throw new QueryError('invalid-filter', `age "${raw}" is not "A-B" or "A+"`);
  return band;
}

function ageWithin(inner: AgeBand, outer: AgeBand): boolean {
  if (outer.kind === 'all') return true;
  if (inner.kind === 'all') return false;
  const innerMax = inner.max ?? Number.POSITIVE_INFINITY;
  const outerMax = outer.max ?? Number.POSITIVE_INFINITY;
  return inner.min >= outer.min && innerMax <= outerMax;
}

function ageOverlaps(a: AgeBand, b: AgeBand): boolean {
  if (a.kind === 'all' || b.kind === 'all') return true;
  return a.min <= (b.max ?? Infinity) && b.min <= (a.max ?? Infinity);
}

/** The filter text for a dimension, from the named filters or `where`. */
function filterFor(role: DimensionRole, key: string, filters: QueryFilters, usedWhere: Set<string>): string | undefined {
  for (const [k, v] of Object.entries(filters.where ?? {})) {
    const fk = foldText(k).replace(/[^a-z0-9]+/g, '-');
    if (fk === key || fk === role) {
      usedWhere.add(k);
      return v;
    }
  }
  if (role === 'region') return filters.region;
  if (role === 'sex') return filters.sex;
  if (role === 'age') return filters.age;
  if (role === 'code') return filters.code;
  if (role === 'period') return filters.period;
  return undefined;
}

function targetFor(dataset: Dataset, d: number, filter: string | undefined, warnings: string[]): Target {
  const dim = dataset.dimensions[d]!;
  const values = dim.values;
  const isTotal = totalValueMask(dataset.id, dim);
  const all = values.map((_, i) => i);
  const exact = new Set<number>();
  const fine = new Set<number>();
  const nonTotal = all.filter((i) => isTotal[i] === 0);
  if (filter === undefined) {
    // Nothing asked: the whole dimension. A dimension with one value (the file's only age band) is that value.
    if (values.length === 1) return { exact: new Set([0]), fine: new Set([0]) };
    const totalValue = dim.role === 'region' ? 'national' : 'all';
    all.filter((i) => values[i] === totalValue).forEach((i) => exact.add(i));
    nonTotal.forEach((i) => fine.add(i));
    return { exact, fine };
  }
  switch (dim.role) {
    case 'region': {
      const ref = foldText(filter) === 'national' ? { kind: 'national' as const } : parseRegion(filter);
      if (!ref) throw new QueryError('invalid-filter', `region "${filter}" is not a Swedish county, "national" or "unknown"`);
      const wanted = ref.kind === 'county' ? ref.code : ref.kind;
      all.filter((i) => values[i] === wanted).forEach((i) => exact.add(i));
      (wanted === 'national' ? nonTotal : all.filter((i) => values[i] === wanted)).forEach((i) => fine.add(i));
      break;
    }
    case 'sex': {
      const sex = parseSex(filter);
      if (!sex) throw new QueryError('invalid-filter', `sex "${filter}" is not male/female/all (Män/Kvinnor/Båda könen)`);
      all.filter((i) => values[i] === sex).forEach((i) => exact.add(i));
      (sex === 'all' ? nonTotal : all.filter((i) => values[i] === sex)).forEach((i) => fine.add(i));
      break;
    }
    case 'age': {
      const band = parseAgeFilter(filter);
      const label = formatAgeBand(band);
      all.filter((i) => values[i] === label).forEach((i) => exact.add(i));
      const straddling: string[] = [];
      for (const i of nonTotal) {
        const b = parseAgeBand(values[i]!);
        if (!b) continue;
        if (ageWithin(b, band)) fine.add(i);
        else if (ageOverlaps(b, band)) straddling.push(values[i]!);
      }
      if (straddling.length > 0) warnings.push(`age bands ${straddling.join(', ')} lie partly inside ${label}; they are left out of the sum`);
      break;
    }
    case 'code': {
      let code: string;
      try {
        code = normalizeIcd10(filter);
      } catch {
        throw new QueryError('invalid-filter', `code "${filter}" is not an ICD-10 code, prefix or range ("C18", "C18.7", "C18-C20")`);
      }
      all.filter((i) => values[i] === code).forEach((i) => exact.add(i));
      const partly: string[] = [];
      for (const i of nonTotal) {
        const v = values[i]!;
        if (v === 'all' || !tryNormalizeIcd10(v)) continue;
        if (codeMatches(code, v)) fine.add(i);
        else if (codePartlyMatches(code, v)) partly.push(v);
      }
      if (partly.length > 0) warnings.push(`codes ${partly.join(', ')} are coarser than ${code} and only partly inside it; they are left out of the sum`);
      break;
    }
    case 'period': {
      const label = foldText(filter) === 'all' ? 'all' : parsePeriodLabel(filter);
      if (!label) throw new QueryError('invalid-filter', `period "${filter}" is not a year, month ("2021-03") or ISO week ("2021-W07")`);
      all.filter((i) => values[i] === label).forEach((i) => exact.add(i));
      const outer = label === 'all' ? null : parsePeriod(label);
      for (const i of nonTotal) {
        const p = parsePeriod(values[i]!);
        if (!outer || (p && p.startDay >= outer.startDay && p.endDay <= outer.endDay)) fine.add(i);
      }
      break;
    }
    case 'extra': {
      const f = foldText(filter);
      all.filter((i) => foldText(values[i]!) === f || (f === 'all' && values[i] === 'all')).forEach((i) => {
        exact.add(i);
        if (isTotal[i] === 0) fine.add(i);
      });
      if (exact.size === 0) throw new QueryError('invalid-filter', `"${filter}" is not a value of ${dim.key}; values are ${values.slice(0, 8).map((v) => `"${v}"`).join(', ')}`);
      if (values[[...exact][0]!] === 'all') nonTotal.forEach((i) => fine.add(i));
      break;
    }
  }
  return { exact, fine };
}

interface Accumulated extends Interval {
  cells: number;
  masked: number;
  /** Per dimension, the distinct values summed over. */
  spread: Set<number>[];
}

function accumulate(dataset: Dataset, sets: Set<number>[]): Accumulated {
  const acc: Accumulated = { low: 0, point: 0, high: 0, cells: 0, masked: 0, spread: sets.map(() => new Set()) };
  const n = dataset.cellCount;
  outer: for (let i = 0; i < n; i++) {
    for (let d = 0; d < sets.length; d++) if (!sets[d]!.has(dataset.columns[d]![i]!)) continue outer;
    acc.low += dataset.low[i]!;
    acc.point += dataset.point[i]!;
    acc.high += dataset.high[i]!;
    acc.cells++;
    if (dataset.masked[i]) acc.masked++;
    for (let d = 0; d < sets.length; d++) acc.spread[d]!.add(dataset.columns[d]![i]!);
  }
  return acc;
}

const ROLE_WORD: Record<DimensionRole, string> = { region: 'regions', sex: 'sexes', age: 'age bands', period: 'periods', code: 'codes', extra: 'values' };

export function queryDataset(result: ImportResult, filters: QueryFilters): QueryResult {
  const measure = selectMeasure(result, filters.measure);
  const dataset = measure.dataset;
  const warnings: string[] = [];
  const usedWhere = new Set<string>();
  const roles = new Set(dataset.dimensions.map((d) => d.role));
  for (const [name, role] of [['region', 'region'], ['sex', 'sex'], ['age', 'age'], ['code', 'code'], ['period', 'period']] as const) {
    if (filters[name] !== undefined && !roles.has(role)) {
      throw new QueryError('no-such-dimension', `the file has no ${role} dimension to filter on (its dimensions: ${dataset.dimensions.map((d) => d.key).join(', ')})`);
    }
  }
  const targets = dataset.dimensions.map((dim, d) => targetFor(dataset, d, filterFor(dim.role, dim.key, filters, usedWhere), warnings));
  for (const k of Object.keys(filters.where ?? {})) {
    if (!usedWhere.has(k)) throw new QueryError('no-such-dimension', `no dimension "${k}"; the file has ${dataset.dimensions.map((d) => d.key).join(', ')}`);
  }

  const exact = accumulate(dataset, targets.map((t) => t.exact));
  const fine = accumulate(dataset, targets.map((t) => t.fine));
  const base = { measure: measure.name, warnings };

  if (!isAdditive(measure.spec)) {
    if (exact.cells === 1) return { low: exact.low, point: exact.point, high: exact.high, source: 'published-total', cells: 1, masked: exact.masked, ...base };
    const why = measure.spec.kind === 'rate'
      ? `"${measure.name}" is a rate${measure.spec.ratePer ? ` per ${measure.spec.ratePer}` : ''}: rates of different groups cannot be added (each has its own denominator); filter down to one published cell, or query the count or the expected counts derived from rate × population`
      : `"${measure.name}" is not a count or population, so its cells are not known to add up; filter down to one published cell`;
    throw new QueryError(measure.spec.kind === 'rate' ? 'rate-not-summable' : 'not-additive', `${why} (the filters match ${fine.cells} cells)`);
  }

  // Sums over periods, drugs or codes count a person once per group; a population cannot be summed there at all.
  const answer = exact.cells === 1 ? exact : fine;
  dataset.dimensions.forEach((dim, d) => {
    const spread = fine.spread[d]!.size;
    if (spread < 2 || dim.role === 'region' || dim.role === 'sex' || dim.role === 'age') return;
    if (answer === fine && measure.spec.kind === 'population') {
      throw new QueryError('not-additive', `"${measure.name}" is a population: it cannot be added over ${spread} ${ROLE_WORD[dim.role]} of ${dim.key} (the same people are counted in each); filter ${dim.key} to one value`);
    }
    if (answer === fine && measure.spec.unit === 'persons') {
      warnings.push(`summed over ${spread} ${ROLE_WORD[dim.role]} of ${dim.key}: a person in several of them is counted more than once`);
    }
  });

  if (exact.cells === 1) {
    const out: QueryResult = { low: exact.low, point: exact.point, high: exact.high, source: 'published-total', cells: 1, masked: exact.masked, ...base };
    if (fine.cells > 0) out.sum = { low: fine.low, point: fine.point, high: fine.high, cells: fine.cells, masked: fine.masked };
    return out;
  }
  if (fine.cells === 0) throw new QueryError('no-matching-cells', `no cells match the filters${warnings.length ? ` (${warnings.join('; ')})` : ''}`);
  return { low: fine.low, point: fine.point, high: fine.high, source: 'sum', cells: fine.cells, masked: fine.masked, ...base };
}
