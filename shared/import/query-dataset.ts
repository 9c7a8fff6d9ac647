/**
 * Answers "how many, for these filters?" from an imported file, the way a coordinator checks a number
 * before using it: a published cell that answers the question exactly is preferred (Riket, Båda könen,
 * Totalt, a chapter or block row, a year beside its weeks are kept as published); where none does, the
 * question is split along one dimension into the coarsest values the file publishes inside it (a chapter's
 * blocks, a range's weeks, the nation's counties), and each part is answered the same way. The parts of one
 * split never overlap, so nothing is counted twice: a chapter row is never added to its own blocks, and a
 * block spanning a single code ("B99–B99") is the same value as that code's row.
 *
 * The sum of the finest cells is reported beside the answer, because the two differ in real data (a person
 * dispensed drugs in two län is one person in Riket but two in the sum of the län; a chapter holds codes
 * that the file does not list on their own). Rates cannot be added up, persons and events are never added
 * together, and a population cannot be added over periods or codes: such a question is refused, saying why.
 */
import type { Dataset, DimensionRole } from '../counts/dataset';
import { foldText } from '../utils/text';
import type { ImportResult, MeasureDataset } from './build-dataset';
import { classifyMeasureHeader, isAdditive } from './measure-kind';
import { english, phrase, rolePhrase, type Phrase } from './phrases';
import { filterTarget, FilterError, type FilterTarget } from './query-filters';
import { contains, extentsOf, overlaps, type Extent } from './value-extents';
import { CoverSearch, finestCells, type CoverNode } from './cover-cells';
import { totalValueMask, UnreadableDimensionValueError } from '../estimate/dimension-structure';
import type { Interval } from '../utils/interval';

export interface QueryFilters {
  /** Measure key, name ("Antal patienter") or kind ("persons", "events", "population", "rate"). */
  measure?: string;
  /** Any region form ("Skåne", "12", "SE-M") or "national". */
  region?: string;
  sex?: string;
  /** "A-B" or "A+". */
  age?: string;
  /** ICD-10 code, block or chapter ("C18", "C18.7", "C18-C20", "C00-D48"). */
  code?: string;
  /** A period ("2020", "2020-03", "2020-W10") or a range ("2010-2017", "2020-01..2020-06", "2020-W10..2020-W20"). */
  period?: string;
  /** Other dimensions by key or header: { "lakemedel": "C02AC02 Guanfacin" }. */
  where?: Record<string, string>;
}

export interface QueryResult extends Interval {
  source: 'published-total' | 'sum';
  /** Cells behind the answer, and how many of them were masked in the source. */
  cells: number;
  masked: number;
  /** The sum of the finest cells matching the same filters, when the answer is made of coarser ones. */
  sum?: Interval & { cells: number; masked: number };
  measure: string;
  /** Notes on the answer, in English (`notes` has the same as phrases, for the user's language). */
  warnings: string[];
  notes: Phrase[];
}

export type QueryErrorCode = 'unknown-measure' | 'rate-not-summable' | 'not-additive' | 'mixed-measures' | 'no-such-dimension' | 'invalid-filter' | 'no-matching-cells';

export class QueryError extends Error {
  /** `message` as a phrase, for the user's language. */
  readonly what: Phrase;
  constructor(readonly code: QueryErrorCode, what: Phrase | string) {
    const because = typeof what === 'string' ? phrase('verbatim', { text: what }) : what;
    super(english(because));
    this.what = because;
    this.name = 'QueryError';
  }
}

const quotedList = (texts: readonly string[]): Phrase[] => texts.map((text) => phrase('quoted', { text }));

/** A dimension as messages name it: by its role in the user's language, an extra dimension by its key (from its header). */
const dimensionWord = (role: DimensionRole, key: string): Phrase | string => (role === 'extra' ? key : rolePhrase(role));

export function selectMeasure(result: ImportResult, wanted?: string): MeasureDataset {
  const measures = result.measures;
  if (measures.length === 0) throw new QueryError('unknown-measure', phrase('qNoMeasures'));
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
  throw new QueryError('unknown-measure', phrase('qUnknownMeasure', { wanted, measures: quotedList(measures.map((m) => m.name)) }));
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

/** One dimension as the query sees it: each value's extent, the question's place on it, and each value's relation to it. */
interface Axis {
  role: DimensionRole;
  key: string;
  values: string[];
  column: Uint32Array;
  extents: (Extent | null | undefined)[];
  target: FilterTarget;
  /** Index of the value the question names exactly, or -1. */
  exact: number;
  /** 1 for values inside the question (or equal to it). */
  inside: Uint8Array;
  /** 1 for values that hold another value of the dimension (published totals). */
  total: Uint8Array;
}

/** Which values of a dimension are published totals of others (as the estimator reads them). */
function totalMask(dataset: Dataset, d: number): Uint8Array {
  try {
    return totalValueMask(dataset.id, dataset.dimensions[d]!);
  } catch (error) {
    if (error instanceof UnreadableDimensionValueError) return new Uint8Array(dataset.dimensions[d]!.values.length);
    throw error;
  }
}

function axisOf(dataset: Dataset, d: number, filter: string | undefined): Axis {
  const dim = dataset.dimensions[d]!;
  const extents = extentsOf(dim);
  let target: FilterTarget;
  if (filter !== undefined) {
    try {
      target = filterTarget(dim.role, filter, dim.values);
    } catch (error) {
      if (error instanceof FilterError) throw new QueryError('invalid-filter', error.what);
      throw error;
    }
  } else if (dim.values.length === 1) {
    // Nothing asked, and one value (the file's only age band or year): that value.
    target = { value: dim.values[0]!, extent: extents[0] ?? null, label: dim.values[0]! };
  } else {
    target = { value: dim.role === 'region' ? 'national' : 'all', extent: null, label: 'all' };
  }
  const exact = target.value === null ? -1 : dim.values.indexOf(target.value);
  const inside = Uint8Array.from(extents, (e, i) => (i === exact || (e !== undefined && contains(target.extent, e)) ? 1 : 0));
  return { role: dim.role, key: dim.key, values: dim.values, column: dataset.columns[d]!, extents, target, exact, inside, total: totalMask(dataset, d) };
}

interface Sum extends Interval {
  cells: number;
  masked: number;
}

function sumOf(dataset: Dataset, cells: readonly number[]): Sum {
  const s: Sum = { low: 0, point: 0, high: 0, cells: cells.length, masked: 0 };
  for (const c of cells) {
    s.low += dataset.low[c]!;
    s.point += dataset.point[c]!;
    s.high += dataset.high[c]!;
    if (dataset.masked[c]) s.masked++;
  }
  return s;
}

/** Values left out because they lie partly inside the question (age bands, periods, codes), or hold more than it (codes). */
function edgeNotes(axes: readonly Axis[], candidates: number, all: number): Phrase[] {
  const notes: Phrase[] = [];
  for (const axis of axes) {
    if (axis.role !== 'age' && axis.role !== 'period' && axis.role !== 'code') continue;
    const target = axis.target.extent;
    if (target === null) continue;
    const seen = new Uint8Array(axis.values.length);
    for (let c = 0; c < all; c++) seen[axis.column[c]!] = 1;
    const present: number[] = [];
    seen.forEach((s, v) => {
      if (s === 1) present.push(v);
    });
    const partly: string[] = [];
    const coarser: string[] = [];
    for (const v of present) {
      const e = axis.extents[v];
      if (e === undefined || e === null || axis.inside[v]) continue;
      // A coarser code (a block holding the code asked for) is a level of the hierarchy; a coarser age band or
      // period ("65+" for "70+") only overlaps the question.
      if (axis.role === 'code' && contains(e, target)) coarser.push(axis.values[v]!);
      else if (overlaps(e, target)) partly.push(axis.values[v]!);
    }
    const label = axis.target.label;
    if (partly.length > 0) {
      const key = axis.role === 'age' ? 'qAgePartly' : axis.role === 'period' ? 'qPeriodPartly' : 'qCodePartly';
      notes.push(phrase(key, { values: partly.join(', '), filter: label }));
    }
    // A coarser code that is published while the code asked for is not: the codes listed inside may not be all of it.
    if (axis.role === 'code' && axis.exact < 0 && coarser.length > 0 && candidates > 0) {
      // Only the innermost: "C15-C26 holds C15-C20", not every chapter above it.
      const at = (v: string): number => axis.values.indexOf(v);
      const innermost = coarser.filter((v) => !coarser.some((w) => w !== v && contains(axis.extents[at(v)]!, axis.extents[at(w)]!)));
      notes.push(phrase('qCodeCoarser', { values: innermost.join(', '), filter: label }));
    }
  }
  return notes;
}

/** Values of an extra dimension that name measures of different kinds ("Number of patients", "Admissions"). */
function mixedMeasures(axis: Axis, used: ReadonlySet<number>): string[] | null {
  if (axis.role !== 'extra' || used.size < 2) return null;
  const kinds = new Map<string, string>();
  for (const v of used) {
    const spec = classifyMeasureHeader(axis.values[v]!);
    if (spec) kinds.set(`${spec.kind}:${spec.unit ?? ''}:${spec.ratePer ?? ''}`, axis.values[v]!);
  }
  return kinds.size >= 2 ? [...kinds.values()] : null;
}

export function queryDataset(result: ImportResult, filters: QueryFilters): QueryResult {
  const measure = selectMeasure(result, filters.measure);
  const dataset = measure.dataset;
  const usedWhere = new Set<string>();
  const roles = new Set(dataset.dimensions.map((d) => d.role));
  const dimensionKeys = dataset.dimensions.map((d) => dimensionWord(d.role, d.key));
  for (const role of ['region', 'sex', 'age', 'code', 'period'] as const) {
    if (filters[role] !== undefined && !roles.has(role)) {
      throw new QueryError('no-such-dimension', phrase('qNoDimension', { role: rolePhrase(role), dimensions: dimensionKeys }));
    }
  }
  const axes = dataset.dimensions.map((dim, d) => axisOf(dataset, d, filterFor(dim.role, dim.key, filters, usedWhere)));
  for (const k of Object.keys(filters.where ?? {})) {
    if (!usedWhere.has(k)) throw new QueryError('no-such-dimension', phrase('qNoDimensionNamed', { name: k, dimensions: dimensionKeys }));
  }

  // The cells inside the question on every dimension.
  let count = 0;
  const inside = new Int32Array(dataset.cellCount);
  for (let c = 0; c < dataset.cellCount; c++) {
    let ok = true;
    for (let d = 0; d < axes.length && ok; d++) ok = axes[d]!.inside[axes[d]!.column[c]!] === 1;
    if (ok) inside[count++] = c;
  }
  const candidates = inside.subarray(0, count);
  const notes = edgeNotes(axes, candidates.length, dataset.cellCount);
  const start: CoverNode = {
    exact: Int32Array.from(axes, (a) => a.exact),
    extents: axes.map((a) => (a.exact >= 0 ? a.extents[a.exact] ?? a.target.extent : a.target.extent)),
  };
  const answer: number[] = [];
  new CoverSearch(axes).cover(candidates, start, answer);
  const finest = finestCells(axes, candidates);
  const base = { measure: measure.name };

  if (answer.length === 0) {
    throw new QueryError('no-matching-cells', notes.length > 0 ? phrase('qNoCellsBecause', { notes }) : phrase('qNoCells'));
  }

  const spread = axes.map((a) => new Set(answer.map((c) => a.column[c]!)));
  axes.forEach((axis, d) => {
    const mixed = mixedMeasures(axis, spread[d]!);
    if (mixed) throw new QueryError('mixed-measures', phrase('qMixedMeasures', { dimension: dimensionWord(axis.role, axis.key), values: quotedList(mixed) }));
  });

  // A published total only when one cell is the question itself (a leaf standing in for its code is a sum of one).
  const published = answer.length === 1 && axes.every((a) => a.exact >= 0 && a.column[answer[0]!] === a.exact);
  if (!isAdditive(measure.spec)) {
    if (answer.length === 1) {
      const s = sumOf(dataset, answer);
      return { low: s.low, point: s.point, high: s.high, source: 'published-total', cells: 1, masked: s.masked, ...base, warnings: notes.map(english), notes };
    }
    const why = measure.spec.kind === 'rate'
      ? phrase('qRate', { measure: measure.name, per: measure.spec.ratePer ? phrase('qRatePer', { per: measure.spec.ratePer }) : '', cells: answer.length })
      : phrase('qNotAdditive', { measure: measure.name, cells: answer.length });
    throw new QueryError(measure.spec.kind === 'rate' ? 'rate-not-summable' : 'not-additive', why);
  }

  // Sums over periods, drugs or codes count a person once per group; a population cannot be summed there at all.
  axes.forEach((axis, d) => {
    const n = spread[d]!.size;
    if (n < 2 || axis.role === 'region' || axis.role === 'sex' || axis.role === 'age') return;
    if (measure.spec.kind === 'population') {
      throw new QueryError('not-additive', phrase('qPopulationOver', { measure: measure.name, n, dimension: dimensionWord(axis.role, axis.key) }));
    }
    if (measure.spec.unit === 'persons') notes.push(phrase('qCountedTwice', { n, dimension: dimensionWord(axis.role, axis.key) }));
  });

  const s = sumOf(dataset, answer);
  const out: QueryResult = { low: s.low, point: s.point, high: s.high, source: published ? 'published-total' : 'sum', cells: s.cells, masked: s.masked, ...base, warnings: notes.map(english), notes };
  answer.sort((a, b) => a - b);
  finest.sort((a, b) => a - b);
  const sameCells = finest.length === answer.length && finest.every((c, i) => c === answer[i]);
  if (!sameCells && finest.length > 0) out.sum = sumOf(dataset, finest);
  return out;
}
