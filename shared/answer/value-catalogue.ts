/**
 * The values a study's data has, per dimension, with their counts — what a criterion picker lists, and what
 * `antal values` prints. Diagnosis codes (ICD-10) and drug codes (ATC) come with their hierarchy (ATC:
 * N → N06 → N06B → N06BA → N06BA04), names taken from the data's own labels ("N06BA04 Metylfenidat"), and every
 * value and node can be searched by code or name.
 *
 * Counts are the data's finest cells (no published totals), summed over every other dimension, of each
 * dataset's latest period: "how many patients does the data have under this value now". A node's count is the sum
 * of its values, which over-counts persons when the dimension's values overlap (one child on two drugs); the
 * dimension says so (`overlapping`), and its values' counts stay exact.
 *
 * Selecting a value or a node gives the criterion for it (predicateFor), and its readable label comes from
 * predicateLabel (shared/answer/describe.ts).
 */
import type { Dataset, DimensionRole } from '../counts/dataset';
import { overlappingDimensions } from '../counts/overlap';
import { datasetStructure } from '../estimate/dataset-cache';
import { ALL_VALUE, COUNTY_SLOTS, NATIONAL_SLOT } from '../estimate/dimension-structure';
import type { Interval } from '../utils/interval';
import { isAncestor } from '../icd10/code-set';
import { parsePeriod } from '../utils/period';
import { foldText } from '../utils/text';
import { ATC_LEVEL_LENGTHS, atcLevels, codeOf, detectScheme } from '../criteria/hierarchy';
import type { HierarchyScheme, Predicate } from '../criteria/study';

export interface CatalogueValue {
  /** The value as the data writes it: what a criterion on it selects. */
  value: string;
  /** The value's code and the name the data gives it, when the dimension holds codes. */
  code?: string;
  name?: string;
  count: Interval;
}

export interface CatalogueNode {
  /** The node's code: an ATC level ("N06BA") or an ICD-10 code, category or block. */
  code: string;
  /** A name from the data: the label of a value with exactly this code (absent for levels the data does not name). */
  name?: string;
  /** The data's values under the node (the node itself included when the data has it): what selecting it selects. */
  values: string[];
  /** The sum of those values' counts (not persons when the dimension's values overlap). */
  count: Interval;
  children: CatalogueNode[];
}

export interface CatalogueDimension {
  key: string;
  role: DimensionRole;
  /** The dimension's header as the data wrote it, else its key. */
  label: string;
  /** The code system its values follow, when they follow one. */
  scheme: HierarchyScheme | null;
  /** True when one person can be under several of its values (see counts/overlap.ts). */
  overlapping: boolean;
  /** The periods the counts are from (each dataset's latest), as the data writes them. */
  periods: string[];
  values: CatalogueValue[];
  /** The code hierarchy's roots, when the dimension holds codes. */
  tree: CatalogueNode[] | null;
}

/** Dimensions a criterion can select values of (age, sex, region and period have criteria of their own). */
const SELECTABLE: readonly DimensionRole[] = ['code', 'extra'];

const ZERO: Interval = { low: 0, point: 0, high: 0 };
const add = (a: Interval, b: Interval): Interval => ({ low: a.low + b.low, point: a.point + b.point, high: a.high + b.high });

/** Index of each dataset's latest finest period value, or -1. */
function latestPeriod(dataset: Dataset, periodDim: number, totals: Uint8Array): number {
  let best = -1;
  let bestEnd = Number.NEGATIVE_INFINITY;
  dataset.dimensions[periodDim]!.values.forEach((value, i) => {
    const p = parsePeriod(value);
    if (!totals[i] && p && p.endDay > bestEnd) {
      bestEnd = p.endDay;
      best = i;
    }
  });
  return best;
}

/** Per value of dimension `dim`: the sum of the finest cells of the latest period. */
function valueCounts(dataset: Dataset, dim: number): Map<string, Interval> {
  const structure = datasetStructure(dataset);
  const dims = dataset.dimensions;
  // Which values of every other dimension count: the finest ones (regions: the counties, or the nation when the
  // data has no county), and of the period only the latest.
  const keep = dims.map((d, i) => {
    if (i === dim) return Uint8Array.from(d.values, (v) => (v === ALL_VALUE ? 0 : 1));
    if (d.role === 'region') {
      const counties = Uint8Array.from(structure.slotOf, (slot) => (slot < COUNTY_SLOTS ? 1 : 0));
      return counties.some((c) => c === 1) ? counties : Uint8Array.from(structure.slotOf, (slot) => (slot === NATIONAL_SLOT ? 1 : 0));
    }
    const finest = Uint8Array.from(structure.totals[i]!, (t) => (t ? 0 : 1));
    if (d.role === 'period') {
      const latest = latestPeriod(dataset, i, structure.totals[i]!);
      finest.fill(0);
      if (latest >= 0) finest[latest] = 1;
    }
    return finest;
  });
  const counts = new Map<string, Interval>();
  const values = dims[dim]!.values;
  for (let c = 0; c < dataset.cellCount; c++) {
    let counted = true;
    for (let d = 0; d < dims.length && counted; d++) if (!keep[d]![dataset.columns[d]![c]!]) counted = false;
    if (!counted) continue;
    const value = values[dataset.columns[dim]![c]!]!;
    counts.set(value, add(counts.get(value) ?? ZERO, { low: dataset.low[c]!, point: dataset.point[c]!, high: dataset.high[c]! }));
  }
  return counts;
}

/** The catalogue of every dimension of the datasets whose values a criterion selects (codes and extra columns). */
export function valueCatalogue(datasets: readonly Dataset[]): CatalogueDimension[] {
  const byKey = new Map<string, { key: string; role: DimensionRole; label: string; overlapping: boolean; counts: Map<string, Interval>; periods: Set<string> }>();
  for (const dataset of datasets) {
    const periodDim = dataset.dimensions.findIndex((d) => d.role === 'period');
    const periodTotals = periodDim >= 0 ? datasetStructure(dataset).totals[periodDim]! : null;
    const latest = periodDim >= 0 && periodTotals ? latestPeriod(dataset, periodDim, periodTotals) : -1;
    const overlapping = overlappingDimensions(dataset);
    dataset.dimensions.forEach((d, dim) => {
      if (!SELECTABLE.includes(d.role)) return;
      const entry = byKey.get(d.key) ?? { key: d.key, role: d.role, label: d.label ?? d.key, overlapping: false, counts: new Map<string, Interval>(), periods: new Set<string>() };
      if (d.label) entry.label = d.label;
      if (overlapping.includes(d.key)) entry.overlapping = true;
      if (latest >= 0) entry.periods.add(dataset.dimensions[periodDim]!.values[latest]!);
      for (const value of d.values) if (value !== ALL_VALUE && !entry.counts.has(value)) entry.counts.set(value, ZERO);
      valueCounts(dataset, dim).forEach((count, value) => entry.counts.set(value, add(entry.counts.get(value) ?? ZERO, count)));
      byKey.set(d.key, entry);
    });
  }
  return [...byKey.values()].map((entry) => {
    const raw = [...entry.counts.keys()];
    const scheme = entry.role === 'code' ? 'icd10' : detectScheme(raw);
    const values: CatalogueValue[] = raw
      .map((value): CatalogueValue => {
        const coded = scheme ? codeOf(scheme, value) : null;
        return { value, ...(coded ? { code: coded.code } : {}), ...(coded?.name ? { name: coded.name } : {}), count: entry.counts.get(value)! };
      })
      .sort((a, b) => (a.code ?? a.value).localeCompare(b.code ?? b.value) || a.value.localeCompare(b.value));
    return {
      key: entry.key,
      role: entry.role,
      label: entry.label,
      scheme,
      overlapping: entry.overlapping,
      periods: [...entry.periods].sort(),
      values,
      tree: scheme ? buildTree(scheme, values) : null,
    };
  });
}

/** The hierarchy over the values' codes: every ATC level above a value, ICD-10 categories above their subcategories. */
function buildTree(scheme: HierarchyScheme, values: readonly CatalogueValue[]): CatalogueNode[] {
  const coded = values.filter((v) => v.code !== undefined);
  const codes = new Set<string>();
  for (const v of coded) {
    if (scheme === 'atc') atcLevels(v.code!).forEach((c) => codes.add(c));
    else {
      codes.add(v.code!);
      // A subcategory's category (C187 → C18), so the leaves of one category sit together.
      if (!v.code!.includes('-') && v.code!.length > 3) codes.add(v.code!.slice(0, 3));
    }
  }
  const contains = (outer: string, inner: string): boolean => (scheme === 'atc' ? inner.length > outer.length && inner.startsWith(outer) : isAncestor(outer, inner));
  const all = [...codes];
  const parentOf = new Map<string, string>();
  for (const code of all) {
    // The nearest container: the one no other container of `code` lies inside.
    const containers = all.filter((other) => contains(other, code));
    const nearest = containers.find((c) => !containers.some((o) => o !== c && contains(c, o)));
    if (nearest) parentOf.set(code, nearest);
  }
  const node = (code: string): CatalogueNode => {
    const children = all.filter((c) => parentOf.get(c) === code).sort().map(node);
    const own = coded.filter((v) => v.code === code);
    const valuesUnder = [...new Set([...own.map((v) => v.value), ...children.flatMap((c) => c.values)])];
    const named = own.find((v) => v.name);
    // The children's counts, or the node's own value when none of its children has data (a published total of
    // them is never added to them).
    const childCount = children.reduce((sum, child) => add(sum, child.count), ZERO);
    const ownCount = own.reduce((sum, v) => add(sum, v.count), ZERO);
    return {
      code,
      ...(named?.name ? { name: named.name } : {}),
      values: valuesUnder,
      count: children.some((c) => c.values.length > 0) ? childCount : ownCount,
      children,
    };
  };
  return all.filter((c) => !parentOf.has(c)).sort().map(node);
}

/** The level of an ATC code (1–5), for indentation and filters; 0 when it is not one of ATC's lengths. */
export function atcLevel(code: string): number {
  return (ATC_LEVEL_LENGTHS as readonly number[]).indexOf(code.length) + 1;
}

/** Values whose code starts with the query, or whose name or text contains it (case and diacritics ignored). */
export function searchValues(dimension: CatalogueDimension, query: string): CatalogueValue[] {
  const q = foldText(query);
  if (q === '') return dimension.values;
  return dimension.values.filter((v) => (v.code !== undefined && foldText(v.code).startsWith(q)) || foldText(v.name ?? v.value).includes(q) || foldText(v.value).includes(q));
}

/** Nodes of the hierarchy (at any depth, parents first) whose code starts with the query or whose name contains it. */
export function searchNodes(dimension: CatalogueDimension, query: string): CatalogueNode[] {
  const q = foldText(query);
  const out: CatalogueNode[] = [];
  const visit = (n: CatalogueNode): void => {
    if (q === '' || foldText(n.code).startsWith(q) || (n.name !== undefined && foldText(n.name).includes(q))) out.push(n);
    n.children.forEach(visit);
  };
  (dimension.tree ?? []).forEach(visit);
  return out;
}

/**
 * The criterion that selects a node of the hierarchy (every value below it) or the given values: ICD-10 codes
 * on the data's diagnosis column, a hierarchy node on any other coded column, plain values otherwise.
 */
export function predicateFor(dimension: CatalogueDimension, selection: { node: string } | { values: string[] }): Predicate {
  if ('node' in selection) {
    if (dimension.role === 'code') return { kind: 'codes', codes: [selection.node] };
    if (!dimension.scheme) throw new RangeError(`predicateFor: dimension "${dimension.key}" holds no codes, so it has no hierarchy`);
    return { kind: 'hierarchy', key: dimension.key, scheme: dimension.scheme, codes: [selection.node] };
  }
  if (dimension.role === 'code') return { kind: 'codes', codes: [...selection.values] };
  return { kind: 'extra', key: dimension.key, values: [...selection.values] };
}
