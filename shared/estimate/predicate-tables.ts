/**
 * Predicate steps compiled into lookup tables over a dataset's dictionaries, so the estimator's cell loop
 * does a few array reads per cell instead of interpreting criteria per cell.
 *
 * Each enabled predicate step becomes one or more conjuncts (an inclusion "all of" is split into its parts,
 * an exclusion becomes "not"). Conjuncts that share a dimension are evaluated together ("age ≥ 18" and, in a
 * later step, "age ≤ 75" on the band 15-19 must give 2/5, not a product of two shares), so the dimensions are
 * grouped with union-find and each group gets one table over the product of its dimensions' dictionaries.
 * Across groups the weights multiply: those dimensions are exact in the data (a code is or is not C18), or,
 * if two of them are uncertain, independence within the cell is the assumption.
 *
 * A table entry holds, for the base (k = 0: 1 unless the cell is left out of the base, e.g. a total) and for
 * every cumulative prefix k of the predicate steps (steps 1..k all applied), the weight triple
 * (low, point, high) the cell contributes with:
 * - three-valued logic per value: True, False or Unknown (the value is coarser than the question: the data
 *   has "C15-C26" and the criterion says "C18"; the data has sex "all" and the criterion says "female");
 * - ages are evaluated year by year over the band: point = share of the band's years that are True
 *   (uniform within the band, or weighted by the population at each year when a population table is given:
 *   see population-weights.ts), low = 1 only if every year is True, high = 1 if any year is True or Unknown.
 *   Open bands ("85+") are assumed to span OPEN_BAND_SHARE_YEARS for a uniform share (with a population table,
 *   the years up to MAX_AGE, weighted) and to reach MAX_AGE for certainty; an age "all" gives no share (point 1
 *   only if every age is True).
 *   Population weights depend on the cell's region and sex, so with a population table the age group's table
 *   is also keyed by the region and sex dimensions.
 * Unknown contributes 0 to the point and the whole cell to the high: there is no defensible share.
 *
 * Speed: most cells are exact (weights 1,1,1 until they drop out), so each table also records per
 * combination how far it survives (`survives`) and the first prefix with a fractional weight
 * (`firstInexact`). The cell loop takes the minimum over tables and, for an exact cell, adds its count once
 * at the level where it drops out; prefix sums are then suffix sums of those levels. Only inexact cells
 * (straddling bands, coarse values) are weighted prefix by prefix.
 */
import type { Dataset } from '../counts/dataset';
import type { Predicate } from '../criteria/study';
import type { Interval } from '../utils/interval';
import { COUNTY_CODES } from '../regions/regions';
import { parseRegion } from '../regions/parse';
import { codeMatches, codePartlyMatches, parseCodeSet } from '../icd10/code-set';
import { hierarchyMatch } from '../criteria/hierarchy';
import { tryNormalizeIcd10 } from '../icd10/normalize';
import { parseAgeBand } from '../utils/age-band';
import { ALL_VALUE, UnreadableDimensionValueError } from './dimension-structure';
import { remainderTruth, remainderView } from './published-remainders';
import type { AgeWeights } from './population-weights';

/** Oldest age considered when deciding whether an open band or "all ages" lies wholly inside a criterion. */
export const MAX_AGE = 120;
/** Width assumed for an open band ("85+") when taking a uniform share of it. */
export const OPEN_BAND_SHARE_YEARS = 10;

const F = 0;
const U = 1;
const T = 2;
type Kleene = typeof F | typeof U | typeof T;

type Node =
  | { kind: 'truth'; dim: number; truth: Uint8Array }
  | { kind: 'age'; dim: number; min: number; max: number }
  | { kind: 'constant'; value: Kleene }
  | { kind: 'and'; parts: Node[] }
  | { kind: 'or'; parts: Node[] }
  | { kind: 'not'; part: Node };

export interface Conjunct {
  predicate: Predicate;
  /** 1-based index of the enabled predicate step it belongs to. */
  prefix: number;
}

export interface WeightTable {
  /** Dataset dimension indices this table is keyed by, with their strides (combo = Σ value × stride). */
  dims: number[];
  strides: number[];
  sizes: number[];
  size: number;
  /** weights[(combo × (prefixes + 1) + k) × 3 + 0|1|2] = low, point, high weight at prefix k (0 = base). */
  weights: Float64Array;
  /** Per combo, for the last prefix: 1 = an age band straddles a limit, 2 = a value was too coarse. */
  flags: Uint8Array;
  /** Per combo: last prefix with a high weight > 0 (−1: not even in the base). */
  survives: Int8Array;
  /** Per combo: first prefix whose weights are not exactly (1, 1, 1), or NEVER_INEXACT. */
  firstInexact: Int8Array;
}

export const NEVER_INEXACT = 127;
/** Prefixes are counted in Int8Array entries; far more predicate steps than any protocol has. */
export const MAX_PREDICATE_STEPS = 100;

export const FLAG_STRADDLE = 1;
export const FLAG_UNRESOLVED = 2;

/**
 * Where straddling age bands take their share, and its range. An age criterion's own prefix keeps a straddling
 * band whole (what the data can decide); the prefix after it, a share row, multiplies the band by its share ×
 * the range (the assumption, shown as its own attrition line). So neither line increases any figure.
 */
export interface AgeShareRows {
  /** 1 at the prefixes (1..prefixes) that are share rows. */
  shareRows: Uint8Array;
  /** Factors of the source's share: low ≤ point ≤ high; a share is capped at the whole band. */
  range: Interval;
}

export function noShareRows(prefixes: number): AgeShareRows {
  return { shareRows: new Uint8Array(prefixes + 1), range: { low: 1, point: 1, high: 1 } };
}

/** Largest table a group may need; beyond it a criterion ties too many large dimensions together. */
const MAX_TABLE_SIZE = 4_000_000;

interface CompileContext {
  dataset: Dataset;
  /** Dimensions a criterion needs but the dataset lacks (reported as unresolved). */
  missing: Set<string>;
}

function findDimension(dataset: Dataset, role: string, key?: string): number {
  return dataset.dimensions.findIndex((d) => (key === undefined ? d.role === role : d.role === 'extra' && d.key === key));
}

function truthTable(ctx: CompileContext, dim: number, classify: (value: string, index: number) => Kleene): Node {
  return { kind: 'truth', dim, truth: Uint8Array.from(ctx.dataset.dimensions[dim]!.values, classify) };
}

function compile(predicate: Predicate, ctx: CompileContext): Node {
  const { dataset } = ctx;
  const missing = (label: string): Node => {
    ctx.missing.add(label);
    return { kind: 'constant', value: U };
  };
  const unreadable = (dim: number, value: string): never => {
    throw new UnreadableDimensionValueError(dataset.id, dataset.dimensions[dim]!.key, value);
  };
  switch (predicate.kind) {
    case 'codes': {
      const dim = findDimension(dataset, 'code');
      if (dim < 0) return missing('code');
      const set = parseCodeSet(predicate.codes);
      const terms = set.terms.map((t) => t.range);
      const remainders = remainderView(dataset);
      return truthTable(ctx, dim, (value, index) => {
        // A published total's remainder ("the chapter but none of its published parts"), seen through its gaps.
        const remainder = remainders?.dim === dim ? remainders.remainders[index] : null;
        if (remainder) return remainderTruth(remainder, terms) as Kleene;
        if (value === ALL_VALUE) return U;
        if (tryNormalizeIcd10(value) === null) return unreadable(dim, value);
        return codeMatches(set, value) ? T : codePartlyMatches(set, value) ? U : F;
      });
    }
    case 'age': {
      const dim = findDimension(dataset, 'age');
      if (dim < 0) return missing('age');
      return { kind: 'age', dim, min: predicate.min ?? 0, max: predicate.max ?? Number.POSITIVE_INFINITY };
    }
    case 'sex': {
      const dim = findDimension(dataset, 'sex');
      if (dim < 0) return missing('sex');
      return truthTable(ctx, dim, (value) => (value === predicate.sex ? T : value === ALL_VALUE ? U : F));
    }
    case 'region': {
      const dim = findDimension(dataset, 'region');
      if (dim < 0) return missing('region');
      const wanted = new Set<string>(predicate.regions);
      const coversAll = COUNTY_CODES.every((c) => wanted.has(c));
      return truthTable(ctx, dim, (value) => {
        const ref = parseRegion(value) ?? unreadable(dim, value);
        if (ref.kind === 'county') return wanted.has(ref.code) ? T : F;
        // The national row holds every county; an unknown region may be any of them.
        return coversAll ? T : U;
      });
    }
    case 'extra': {
      const dim = findDimension(dataset, 'extra', predicate.key);
      if (dim < 0) return missing(predicate.key);
      const wanted = new Set(predicate.values);
      return truthTable(ctx, dim, (value) => (wanted.has(value) ? T : value === ALL_VALUE ? U : F));
    }
    case 'hierarchy': {
      const dim = dataset.dimensions.findIndex((d) => d.key === predicate.key);
      if (dim < 0) return missing(predicate.key);
      const remainders = remainderView(dataset);
      return truthTable(ctx, dim, (value, index) => {
        // A remainder of a code total under another scheme's criterion: which codes it holds is not known.
        if (remainders?.dim === dim && remainders.remainders[index]) return U;
        if (value === ALL_VALUE) return U;
        const match = hierarchyMatch(predicate.scheme, predicate.codes, value);
        return match === 'yes' ? T : match === 'partly' ? U : F;
      });
    }
    case 'and':
      return { kind: 'and', parts: predicate.all.map((p) => compile(p, ctx)) };
    case 'or':
      return { kind: 'or', parts: predicate.any.map((p) => compile(p, ctx)) };
    case 'not':
      return { kind: 'not', part: compile(predicate.predicate, ctx) };
  }
}

function dimsOf(node: Node, into: Set<number>): Set<number> {
  switch (node.kind) {
    case 'truth':
    case 'age':
      into.add(node.dim);
      break;
    case 'and':
    case 'or':
      node.parts.forEach((p) => dimsOf(p, into));
      break;
    case 'not':
      dimsOf(node.part, into);
      break;
    case 'constant':
      break;
  }
  return into;
}

/** Kleene logic with F < U < T: and = min, or = max, not = mirror. */
function evaluate(node: Node, valueOf: Int32Array, age: number): Kleene {
  switch (node.kind) {
    case 'truth':
      return node.truth[valueOf[node.dim]!] as Kleene;
    case 'age':
      return age >= node.min && age <= node.max ? T : F;
    case 'constant':
      return node.value;
    case 'and': {
      let result: Kleene = T;
      for (const part of node.parts) {
        const r = evaluate(part, valueOf, age);
        if (r < result) result = r;
        if (result === F) break;
      }
      return result;
    }
    case 'or': {
      let result: Kleene = F;
      for (const part of node.parts) {
        const r = evaluate(part, valueOf, age);
        if (r > result) result = r;
        if (result === T) break;
      }
      return result;
    }
    case 'not':
      return (T - evaluate(node.part, valueOf, age)) as Kleene;
  }
}

interface AgeSpan {
  /** Years over which certainty (low/high) is judged. */
  certainFrom: number;
  certainTo: number;
  /** Years over which the uniform share is taken; null = no share (age "all"). */
  shareFrom: number | null;
  shareTo: number;
  /** Last year of the population-weighted share (differs from shareTo for open bands only). */
  weightedTo: number;
}

function ageSpans(dataset: Dataset, dim: number): AgeSpan[] {
  return dataset.dimensions[dim]!.values.map((value) => {
    const band = parseAgeBand(value);
    if (!band) throw new UnreadableDimensionValueError(dataset.id, dataset.dimensions[dim]!.key, value);
    if (band.kind === 'all') return { certainFrom: 0, certainTo: MAX_AGE, shareFrom: null, shareTo: 0, weightedTo: 0 };
    if (band.max === null) {
      // Uniform: an assumed width. Weighted: the population itself says how few people are very old.
      const top = Math.max(band.min, MAX_AGE);
      return { certainFrom: band.min, certainTo: top, shareFrom: band.min, shareTo: band.min + OPEN_BAND_SHARE_YEARS - 1, weightedTo: top };
    }
    return { certainFrom: band.min, certainTo: band.max, shareFrom: band.min, shareTo: band.max, weightedTo: band.max };
  });
}

/**
 * Build the weight tables for a dataset: one per group of dimensions tied together by the conjuncts, one per
 * dimension with values left out of the base (`excluded[d][value] = 1`).
 * `prefixes` is the number of enabled predicate steps; every conjunct's prefix lies in 1..prefixes.
 */
export function buildWeightTables(
  dataset: Dataset,
  conjuncts: Conjunct[],
  prefixes: number,
  excluded: (Uint8Array | null)[],
  ageWeights: AgeWeights | null = null,
  ageShare: AgeShareRows = noShareRows(prefixes),
): { tables: WeightTable[]; missingDimensions: string[] } {
  if (prefixes > MAX_PREDICATE_STEPS) throw new Error(`At most ${MAX_PREDICATE_STEPS} enabled predicate steps are supported (got ${prefixes})`);
  const ctx: CompileContext = { dataset, missing: new Set() };
  const compiled = conjuncts
    .map((c) => ({ node: compile(c.predicate, ctx), prefix: c.prefix }))
    .sort((a, b) => a.prefix - b.prefix);

  // Union-find over dimensions; conjuncts without dimensions (all unresolved) form their own group.
  const dimCount = dataset.dimensions.length;
  const parent = Array.from({ length: dimCount }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const conjunctDims = compiled.map((c) => [...dimsOf(c.node, new Set())].sort((a, b) => a - b));
  for (const dims of conjunctDims) for (let i = 1; i < dims.length; i++) parent[find(dims[i]!)] = find(dims[0]!);
  // Population weights differ by region and sex, so the age criteria's table needs those dimensions too.
  const ageDimension = findDimension(dataset, 'age');
  const weighted = ageWeights !== null && ageDimension >= 0 && compiled.some((c) => usesAge(c.node));
  if (weighted) {
    for (const role of ['region', 'sex']) {
      const d = findDimension(dataset, role);
      if (d >= 0) parent[find(d)] = find(ageDimension);
    }
  }

  const groups = new Map<number, { dims: Set<number>; members: number[] }>();
  conjunctDims.forEach((dims, c) => {
    const key = dims.length === 0 ? -1 : find(dims[0]!);
    const group = groups.get(key) ?? { dims: new Set<number>(), members: [] };
    dims.forEach((d) => group.dims.add(d));
    group.members.push(c);
    groups.set(key, group);
  });
  if (weighted) {
    const group = groups.get(find(ageDimension));
    if (group) for (const role of ['region', 'sex']) {
      const d = findDimension(dataset, role);
      if (d >= 0) group.dims.add(d);
    }
  }

  const tables: BareTable[] = [];
  for (const group of groups.values()) {
    const dims = [...group.dims].sort((a, b) => a - b);
    const members = group.members.map((c) => compiled[c]!);
    const ageDim = dims.find((d) => dataset.dimensions[d]!.role === 'age' && members.some((m) => usesAge(m.node)));
    const spans = ageDim === undefined ? null : ageSpans(dataset, ageDim);
    tables.push(fillTable(dataset, dims, members, prefixes, ageDim, spans, ageDim !== undefined && weighted ? ageWeights : null, ageShare));
  }
  excluded.forEach((mask, d) => {
    if (!mask || !mask.some((x) => x === 1)) return;
    // Fold the exclusion into a table already keyed by this dimension: one table (one pass) fewer.
    const owner = tables.find((t) => t.dims.includes(d));
    if (owner) excludeValues(owner, owner.dims.indexOf(d), mask, prefixes);
    else tables.push(baseTable(d, mask, prefixes));
  });
  return { tables: tables.map((t) => withLevels(t, prefixes)), missingDimensions: [...ctx.missing] };
}

function layout(dataset: Dataset, dims: number[]): { sizes: number[]; strides: number[]; size: number } {
  const sizes = dims.map((d) => dataset.dimensions[d]!.values.length);
  const size = sizes.reduce((a, b) => a * b, 1);
  if (size > MAX_TABLE_SIZE) {
    throw new Error(`A criterion combines dimensions ${dims.map((d) => dataset.dimensions[d]!.key).join(' × ')} (${size} combinations); split it into separate steps`);
  }
  return { sizes, strides: stridesOf(sizes), size };
}

function stridesOf(sizes: number[]): number[] {
  const strides: number[] = [];
  let stride = 1;
  for (let i = sizes.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= sizes[i]!;
  }
  return strides;
}

/** Zero every combination whose value on the table's `at`-th dimension is excluded, at every prefix. */
function excludeValues(table: BareTable, at: number, excludedValues: Uint8Array, prefixes: number): void {
  const width = (prefixes + 1) * 3;
  for (let combo = 0; combo < table.size; combo++) {
    if (!excludedValues[Math.floor(combo / table.strides[at]!) % table.sizes[at]!]) continue;
    table.weights.fill(0, combo * width, (combo + 1) * width);
    table.flags[combo] = 0;
  }
}

/** A table that keeps (1) or drops (0) a dimension's values at every prefix, the base included. */
function baseTable(dim: number, excludedValues: Uint8Array, prefixes: number): BareTable {
  const size = excludedValues.length;
  const weights = new Float64Array(size * (prefixes + 1) * 3);
  for (let v = 0; v < size; v++) if (!excludedValues[v]) weights.fill(1, v * (prefixes + 1) * 3, (v + 1) * (prefixes + 1) * 3);
  return { dims: [dim], sizes: [size], strides: [1], size, weights, flags: new Uint8Array(size) };
}

type BareTable = Omit<WeightTable, 'survives' | 'firstInexact'>;

/** Adds `survives` and `firstInexact` (see the file comment). */
function withLevels(table: BareTable, prefixes: number): WeightTable {
  const width = (prefixes + 1) * 3;
  const survives = new Int8Array(table.size);
  const firstInexact = new Int8Array(table.size);
  for (let combo = 0; combo < table.size; combo++) {
    let survive = -1;
    let inexact = NEVER_INEXACT;
    for (let k = 0; k <= prefixes; k++) {
      const o = combo * width + k * 3;
      const low = table.weights[o]!;
      const point = table.weights[o + 1]!;
      const high = table.weights[o + 2]!;
      if (high === 0) break;
      survive = k;
      if (inexact === NEVER_INEXACT && !(low === 1 && point === 1 && high === 1)) inexact = k;
    }
    survives[combo] = survive;
    firstInexact[combo] = inexact;
  }
  return { ...table, survives, firstInexact };
}

function usesAge(node: Node): boolean {
  switch (node.kind) {
    case 'age':
      return true;
    case 'and':
    case 'or':
      return node.parts.some(usesAge);
    case 'not':
      return usesAge(node.part);
    default:
      return false;
  }
}

function fillTable(
  dataset: Dataset,
  dims: number[],
  members: { node: Node; prefix: number }[],
  prefixes: number,
  ageDim: number | undefined,
  spans: AgeSpan[] | null,
  ageWeights: AgeWeights | null,
  ageShare: AgeShareRows,
): BareTable {
  const { sizes, strides, size } = layout(dataset, dims);
  const dimCount = dataset.dimensions.length;
  const width = (prefixes + 1) * 3;
  const weights = new Float64Array(size * width);
  const flags = new Uint8Array(size);
  const valueOf = new Int32Array(dimCount);
  const trueInShare = new Float64Array(prefixes);
  const personsTrue = new Float64Array(prefixes);
  // The same for the years that may be inside (True or Unknown): the high of an assumption line.
  const possibleInShare = new Float64Array(prefixes);
  const personsPossible = new Float64Array(prefixes);
  const regionDim = dims.find((d) => dataset.dimensions[d]!.role === 'region');
  const sexDim = dims.find((d) => dataset.dimensions[d]!.role === 'sex');
  const valueAt = (d: number | undefined): string | null => (d === undefined ? null : dataset.dimensions[d]!.values[valueOf[d]!]!);
  const allTrue = new Uint8Array(prefixes);
  const anyPossible = new Uint8Array(prefixes);
  const sawTrue = new Uint8Array(prefixes);
  const sawFalse = new Uint8Array(prefixes);
  const sawUnknown = new Uint8Array(prefixes);

  for (let combo = 0; combo < size; combo++) {
    for (let i = 0; i < dims.length; i++) valueOf[dims[i]!] = Math.floor(combo / strides[i]!) % sizes[i]!;
    trueInShare.fill(0);
    personsTrue.fill(0);
    possibleInShare.fill(0);
    personsPossible.fill(0);
    allTrue.fill(1);
    anyPossible.fill(0);
    sawTrue.fill(0);
    sawFalse.fill(0);
    sawUnknown.fill(0);

    const span = spans && ageDim !== undefined ? spans[valueOf[ageDim]!]! : null;
    const from = span ? span.certainFrom : 0;
    const to = span ? span.certainTo : 0;
    const profile = ageWeights && span && span.shareFrom !== null ? ageWeights.profile(valueAt(regionDim), valueAt(sexDim)) : null;
    let personsInBand = 0;
    for (let age = from; age <= to; age++) {
      const inShare = span !== null && span.shareFrom !== null && age >= span.shareFrom && age <= span.shareTo;
      const persons = profile && span!.shareFrom !== null && age >= span!.shareFrom && age <= span!.weightedTo ? (profile[age] ?? 0) : 0;
      personsInBand += persons;
      // Cumulative conjunction over prefixes: members are sorted by prefix.
      let cumulative: Kleene = T;
      let m = 0;
      for (let k = 1; k <= prefixes; k++) {
        for (; m < members.length && members[m]!.prefix === k; m++) {
          const r = evaluate(members[m]!.node, valueOf, age);
          if (r < cumulative) cumulative = r;
        }
        const p = k - 1;
        if (cumulative === T) {
          sawTrue[p] = 1;
          anyPossible[p] = 1;
          if (inShare) trueInShare[p]!++;
          personsTrue[p]! += persons;
        } else {
          allTrue[p] = 0;
          if (cumulative === U) {
            sawUnknown[p] = 1;
            anyPossible[p] = 1;
          } else sawFalse[p] = 1;
        }
        if (cumulative !== F) {
          if (inShare) possibleInShare[p]!++;
          personsPossible[p]! += persons;
        }
      }
    }

    // Prefix 0, the base: every combination is in (values left out of the base are zeroed afterwards).
    weights[combo * width] = 1;
    weights[combo * width + 1] = 1;
    weights[combo * width + 2] = 1;
    let prevLow = 1;
    let prevPoint = 1;
    let prevHigh = 1;
    const hasShare = span !== null && span.shareFrom !== null;
    for (let p = 0; p < prefixes; p++) {
      const o = combo * width + (p + 1) * 3;
      let low: number;
      let point: number;
      let high: number;
      // The share of the band's years (or persons) inside every criterion so far, and that may be inside.
      const yearsInBand = hasShare ? span!.shareTo - span!.shareFrom! + 1 : 1;
      const share = !hasShare ? 0 : personsInBand > 0 ? personsTrue[p]! / personsInBand : trueInShare[p]! / yearsInBand;
      const possible = !hasShare ? 1 : personsInBand > 0 ? personsPossible[p]! / personsInBand : possibleInShare[p]! / yearsInBand;
      if (!anyPossible[p]) {
        low = 0;
        point = 0;
        high = 0;
      } else if (allTrue[p]) {
        low = 1;
        point = 1;
        high = 1;
      } else if (sawUnknown[p]) {
        // A value coarser than a criterion: no defensible share; 0 in the low and the point (beyond the years
        // wholly inside), the whole cell in the high — on an assumption line, the whole of the band's share
        // that may be inside.
        const assumed = ageShare.shareRows[p + 1] && hasShare;
        low = assumed ? Math.min(1, share * ageShare.range.low) : 0;
        point = assumed ? Math.min(1, share * ageShare.range.point) : share;
        high = assumed ? Math.min(1, possible * ageShare.range.high) : 1;
      } else if (ageShare.shareRows[p + 1]) {
        // The assumption line: the band's share × the range (capped at the whole band).
        const { range } = ageShare;
        low = hasShare ? Math.min(1, share * range.low) : 0;
        point = hasShare ? Math.min(1, share * range.point) : 0;
        high = hasShare ? Math.min(1, share * range.high) : 1;
      } else {
        // A straddling band on the criterion's own line stays as it was (whole, or its earlier share).
        low = prevLow;
        point = prevPoint;
        high = prevHigh;
      }
      // Criteria only remove patients: no line may give a combination more than the line before it.
      low = Math.min(low, prevLow);
      point = Math.min(point, prevPoint);
      high = Math.min(high, prevHigh);
      if (low > point) low = point;
      weights[o] = low;
      weights[o + 1] = point;
      weights[o + 2] = high;
      prevLow = low;
      prevPoint = point;
      prevHigh = high;
    }
    const last = prefixes - 1;
    if (last >= 0) {
      if (ageDim !== undefined && sawTrue[last] && sawFalse[last]) flags[combo]! |= FLAG_STRADDLE;
      if (sawUnknown[last]) flags[combo]! |= FLAG_UNRESOLVED;
    }
  }
  return { dims, sizes, strides, size, weights, flags };
}

/**
 * A per-cell test of the predicates on the dataset's own dimensions: true where every predicate is wholly true.
 * Only predicates on what the cells are (codes, drugs, any other dimension) apply: not those on a dimension the
 * dataset lacks (a population table has no drug column), not age (the shares are taken from the ages), and not
 * region, sex or period (a cell's profile is already its own region's and sex's, of the table's latest period).
 * Null when no predicate applies.
 */
export function cellFilter(dataset: Dataset, predicates: readonly Predicate[]): ((cell: number) => boolean) | null {
  const nodes: Node[] = [];
  for (const predicate of predicates) {
    const ctx: CompileContext = { dataset, missing: new Set() };
    let node: Node;
    try {
      node = compile(predicate, ctx);
    } catch {
      // A value the criterion cannot read (a code column of another kind): the table is not filtered by it.
      continue;
    }
    if (ctx.missing.size > 0 || usesAge(node)) continue;
    if ([...dimsOf(node, new Set())].some((d) => ['region', 'sex', 'period', 'age'].includes(dataset.dimensions[d]!.role))) continue;
    nodes.push(node);
  }
  if (nodes.length === 0) return null;
  const valueOf = new Int32Array(dataset.dimensions.length);
  const columns = dataset.columns;
  return (cell) => {
    for (let d = 0; d < columns.length; d++) valueOf[d] = columns[d]![cell]!;
    return nodes.every((node) => evaluate(node, valueOf, 0) === T);
  };
}

/** Reads a cell's weight triple at a prefix: the product over the tables (what the cell and overlap passes use). */
export interface CellWeights {
  /** Sets `weight` to cell i's (low, point, high) weight at prefix k. */
  read(i: number, k: number): void;
  weight: Float64Array;
}

export function cellWeights(dataset: Dataset, tables: readonly WeightTable[], prefixes: number): CellWeights {
  const n = dataset.cellCount;
  const width = (prefixes + 1) * 3;
  // Each cell's combination in each table.
  const combos = tables.map((table) => {
    const combo = new Int32Array(n);
    table.dims.forEach((d, j) => {
      const column = dataset.columns[d]!;
      const stride = table.strides[j]!;
      for (let i = 0; i < n; i++) combo[i]! += column[i]! * stride;
    });
    return combo;
  });
  const weight = new Float64Array(3);
  const read = (i: number, k: number): void => {
    let wl = 1;
    let wp = 1;
    let wh = 1;
    for (let g = 0; g < tables.length; g++) {
      const o = combos[g]![i]! * width + k * 3;
      const w = tables[g]!.weights;
      wl *= w[o]!;
      wp *= w[o + 1]!;
      wh *= w[o + 2]!;
    }
    weight[0] = wl;
    weight[1] = wp;
    weight[2] = wh;
  };
  return { read, weight };
}
