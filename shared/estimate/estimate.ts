/**
 * estimateEligible: how many patients meet a study's criteria, per region, per healthcare region and
 * nationally, each as low / point / high.
 *
 * Method (this block is the source of the method text shown to readers):
 *
 * 1. Basis. The study states what it counts (incident or prevalent; persons or events; by region of residence
 *    or of care). Only datasets of exactly that basis are used; a linked dataset of another basis blocks the
 *    answer (a BlockingProblem naming the dataset, each field that differs and the one-click fixes: count the
 *    study on the dataset's basis, or unlink the dataset), never a silent 0. Datasets of one basis given together
 *    are assumed disjoint (e.g. one per region) and are added.
 * 2. Period. The estimate's period (a property of the study, not a criterion) chooses the periods of each
 *    dataset it is computed from: the latest, all, or those wholly inside a range, less excluded spans. Incident
 *    counts become an annual rate scaled to the enrolment window: every cell × windowYears / years selected.
 *    Prevalent counts are taken from the latest period, or the mean over the periods selected. A period that
 *    selects none of a dataset's periods blocks the answer.
 * 3. Totals are never added to their own parts. A value is a published total when it contains other values
 *    present in the same dimension: region "national", sex/age/period/extra "all", an ICD-10 category,
 *    block or chapter that is an ancestor of codes present, an age band or period containing other bands or
 *    periods present. Region sums use only cells whose every value is at the finest level present.
 *    What a file publishes only at a coarser level is not lost: a code total (a chapter, a block, "all") whose
 *    published parts (the coarsest codes inside it among the cells alike in every other dimension) do not add up
 *    to it gets a remainder, T − Σ parts (an interval with masked cells, never negative; with codes that overlap
 *    for persons, from T − min(T, Σ parts) up to T itself, as a part's persons may hold the gaps' codes too), which joins the finest cells as "T but
 *    none of its parts": wholly inside a criterion that holds T or every stretch of T the parts leave uncovered,
 *    outside one that meets none of those stretches, otherwise coarser than the criterion (point 4). Where codes
 *    overlap, a total whose parts and remainder are all wholly inside counts as the total itself
 *    (published-remainders.ts), and at every line what is kept under a published total has at most the total's
 *    high (overlap-pass.ts; remainders and masked parts can add up to more).
 * 4. Criteria the data can see (predicate steps) are evaluated per cell, exactly where a cell lies wholly
 *    inside or outside. A value coarser than the criterion (a block for a category, sex "all" for "female")
 *    contributes 0 to the point and the whole cell to the high. Masked cells contribute their interval
 *    (Socialstyrelsen's "X": 1–3, point 2). An exclusion predicate removes what it matches. Predicates are
 *    conjoined cumulatively, so several steps on the same dimension combine exactly.
 * 5. An age band straddling an age limit (band 0–19, criterion 6–17) stays whole on the criterion's own line;
 *    the line after it, the age-share assumption, multiplies it by its share inside the limits × the study's
 *    range (default 0.75–1.25 of the share, capped at the whole band): the share of the band's years (uniform),
 *    or of its persons in a table by age — a population table, or a finer table of the same measure — for the
 *    cell's region and sex where the table has them (population-weights.ts). Open bands ("85+") are taken as 10
 *    years wide for a uniform share.
 * 6. Criteria the data cannot see (proportion steps) multiply each region's count: low×low, point×point,
 *    high×high for an inclusion; for an exclusion the share kept is 1 − share, so low×(1 − high share) and
 *    high×(1 − low share). A per-region share replaces the overall share for that region. Multiplying
 *    marginal proportions assumes the criteria are independent (warning "independence").
 * 7. A joint count (a region's own count of patients meeting all criteria, in the estimate's unit) replaces
 *    that region's value from its step on, capped at the value before its step; later steps do not change it.
 * 8. Overlapping values. Where a dimension's values overlap (one person under several: drugs, diagnoses; see
 *    counts/overlap.ts), a figure combining several of its values is an interval from the sum over groups of
 *    cells alike in every other dimension of the group's largest cell, to the sum of all cells; its point lies
 *    midway (the overlap is unknown). The figure carries an OverlapNote. Regions of persons that overlap are
 *    still added (the national figure is the sum of regions), with a note.
 * 9. National = sum of the 21 regions (intervals add). When the published national rows answer the question
 *    exactly (see AttritionStep.totalPublished) they are reported beside the sum, which they usually differ
 *    from (a person counted in two regions). Patients with an unknown region are reported separately.
 *    Healthcare regions sum their regions; Halland is split by the chosen HallandRule.
 * 10. Attrition: a base row, then one row per step in order (and after an age criterion that met a straddling
 *    band, its assumption line), each with total and per-region intervals, remainingShare (point vs base) and
 *    lostShare (point vs the previous enabled line). No line increases any figure. Disabled steps are listed,
 *    change nothing and lose nothing. The most limiting step is the enabled step that loses most (an age
 *    criterion together with its assumption line).
 */
import type { Dataset } from '../counts/dataset';
import { overlappingDimensions } from '../counts/overlap';
import { basisMismatches } from '../criteria/basis';
import type { CriterionStep, EstimatePeriod, Predicate, Study } from '../criteria/study';
import { assertValidStudy } from '../criteria/validate';
import { COUNTY_CODES, HEALTHCARE_REGION_IDS, type CountyCode, type HallandRule, type HealthcareRegionId } from '../regions/regions';
import { healthcareRegionShares } from '../regions/healthcare-shares';
import { parseAgeBand } from '../utils/age-band';
import { parsePeriod } from '../utils/period';
import { hashJson } from '../utils/stable-json';
import { COUNTY_SLOTS, NATIONAL_SLOT, SLOT_COUNT, UNKNOWN_SLOT, dimensionIndexByRole } from './dimension-structure';
import { FLAG_STRADDLE, FLAG_UNRESOLVED, buildWeightTables, cellFilter, type AgeShareRows, type Conjunct } from './predicate-tables';
import { EXIT_FIELDS, runCellPass, type CellPassOptions, type CellPassResult } from './cell-pass';
import { datasetStructure } from './dataset-cache';
import { runOverlapPass } from './overlap-pass';
import { withPublishedRemainders } from './published-remainders';
import { ageWeightsFrom, InvalidPopulationTableError, type AgeWeights } from './population-weights';
import { ZERO_INTERVAL, addIntervals, multiplyIntervals, scaleInterval, type Interval } from '../utils/interval';
import type {
  AgeShareLine,
  AttritionStep,
  BlockingProblem,
  EstimateBasis,
  EstimatePeriodUsed,
  EstimateResult,
  EstimateWarning,
  HealthcareRegionEstimate,
  OverlapNote,
  RegionEstimate,
} from './types';

const SLOTS = SLOT_COUNT;
const FIELDS = EXIT_FIELDS;

export interface EstimateOptions {
  hallandRule: HallandRule;
  /**
   * The table straddling age bands are shared by (the study's age-share source): a population table (persons by
   * single year of age, with region and sex where available, e.g. SCB's BE0101N1), or a finer table of the same
   * measure. Null or absent: uniform within the band.
   */
  population?: Dataset | null;
  /** For tests: how the cell pass builds its keys (cell-pass.ts). The result does not depend on it. */
  cellPass?: CellPassOptions;
}

/** Sums per cumulative predicate prefix and region slot, filled by the cell loop. */
interface Accumulators {
  prefixes: number;
  /** sums[((k × SLOT_COUNT) + slot) × 3 + 0|1|2] = low, point, high after predicate prefix k (k = 0: base). */
  sums: Float64Array;
  /** What the unions of overlapping values take off the low and the point, per prefix and slot. */
  unionLow: Float64Array;
  unionPoint: Float64Array;
  /** Per prefix and slot: the overlapping dimensions (key → label) some figure combined. */
  unions: Map<number, Map<string, string | undefined>>;
  /** Cells (and masked cells) contributing after all predicate steps, per slot. */
  cells: Float64Array;
  maskedCells: Float64Array;
  /** Cells present in the base, per slot (shows whether a slot has data at all). */
  baseCells: Float64Array;
  /** 1 at prefix k when some national cell was only partly inside the criteria. */
  nationalInexact: Uint8Array;
  straddlingBands: Set<string>;
  unresolvedDimensions: Set<string>;
  cellPass: CellPassOptions;
}

/** How the steps map onto the cell pass's cumulative prefixes. */
interface StepLayout {
  conjuncts: Conjunct[];
  prefixes: number;
  /** Per enabled predicate step: its prefix, and the prefix of its age-share line when it looks at age. */
  prefixOf: Map<string, { criterion: number; share: number | null }>;
  shareRows: Uint8Array;
}

function usesAge(predicate: Predicate): boolean {
  switch (predicate.kind) {
    case 'age':
      return true;
    case 'and':
      return predicate.all.some(usesAge);
    case 'or':
      return predicate.any.some(usesAge);
    case 'not':
      return usesAge(predicate.predicate);
    default:
      return false;
  }
}

function stepLayout(steps: CriterionStep[]): StepLayout {
  const conjuncts: Conjunct[] = [];
  const prefixOf = new Map<string, { criterion: number; share: number | null }>();
  const shares: number[] = [];
  let prefix = 0;
  for (const step of steps) {
    if (!step.enabled || step.rule.kind !== 'predicate') continue;
    prefix++;
    const predicate = step.rule.predicate;
    if (step.type === 'exclusion') conjuncts.push({ predicate: { kind: 'not', predicate }, prefix });
    // Splitting "all of" lets each part join only the dimensions it uses (smaller tables).
    else if (predicate.kind === 'and') predicate.all.forEach((part: Predicate) => conjuncts.push({ predicate: part, prefix }));
    else conjuncts.push({ predicate, prefix });
    const criterion = prefix;
    let share: number | null = null;
    if (usesAge(predicate)) {
      prefix++;
      share = prefix;
      shares.push(prefix);
    }
    prefixOf.set(step.id, { criterion, share });
  }
  const shareRows = new Uint8Array(prefix + 1);
  for (const k of shares) shareRows[k] = 1;
  return { conjuncts, prefixes: prefix, prefixOf, shareRows };
}

/** Years a dataset's counts span when it has no period column: its provenance period. */
function provenanceYears(dataset: Dataset): number {
  const from = parsePeriod(dataset.provenance.periodFrom);
  const to = parsePeriod(dataset.provenance.periodTo);
  if (!from || !to) return Number.NaN;
  // Whole months, so that 2019..2023 is exactly 5 years despite leap days.
  return Math.round(((to.endDay - from.startDay + 1) / 365.25) * 12) / 12;
}

const inside = (period: { startDay: number; endDay: number }, span: { from: string; to: string }): boolean => {
  const from = parsePeriod(span.from);
  const to = parsePeriod(span.to);
  return !!from && !!to && period.startDay >= from.startDay && period.endDay <= to.endDay;
};

interface PeriodChoice {
  /** Per value of the period dimension: 1 when selected (null: no period dimension). */
  selected: Uint8Array | null;
  labels: string[];
  years: number;
  count: number;
  /** The dataset's own first and last period. */
  dataFrom: string;
  dataTo: string;
}

/** The periods of a dataset the estimate's period selects (see the method text, point 2). */
function choosePeriods(dataset: Dataset, periodDim: number, totals: Uint8Array | null, setting: EstimatePeriod): PeriodChoice {
  if (periodDim < 0 || !totals) {
    const from = dataset.provenance.periodFrom;
    const to = dataset.provenance.periodTo;
    const years = provenanceYears(dataset);
    const range = parsePeriod(from) && parsePeriod(to) ? { startDay: parsePeriod(from)!.startDay, endDay: parsePeriod(to)!.endDay } : null;
    const fits = setting.kind !== 'range' || (range !== null && inside(range, setting));
    return { selected: null, labels: [], years: fits ? years : 0, count: fits ? 1 : 0, dataFrom: from, dataTo: to };
  }
  const values = dataset.dimensions[periodDim]!.values;
  const finest = values.map((v, i) => (totals[i] ? null : parsePeriod(v)));
  const selected = new Uint8Array(values.length);
  let first = -1;
  let last = -1;
  finest.forEach((p, i) => {
    if (!p) return;
    if (first < 0 || p.startDay < finest[first]!.startDay) first = i;
    if (last < 0 || p.endDay > finest[last]!.endDay) last = i;
  });
  if (setting.kind === 'latest') {
    if (last >= 0) selected[last] = 1;
  } else {
    const excluded = setting.exclude ?? [];
    finest.forEach((p, i) => {
      if (!p) return;
      if (setting.kind === 'range' && !inside(p, setting)) return;
      if (excluded.some((span) => inside(p, span))) return;
      selected[i] = 1;
    });
  }
  let years = 0;
  let count = 0;
  const labels: string[] = [];
  finest.forEach((p, i) => {
    if (!p || !selected[i]) return;
    years += p.years;
    count++;
    labels.push(values[i]!);
  });
  labels.sort((a, b) => parsePeriod(a)!.startDay - parsePeriod(b)!.startDay);
  return { selected, labels, years, count, dataFrom: first >= 0 ? values[first]! : '', dataTo: last >= 0 ? values[last]! : '' };
}

function accumulateDataset(
  published: Dataset,
  layout: StepLayout,
  acc: Accumulators,
  ageWeights: AgeWeights | null,
  ageShare: AgeShareRows,
  choice: PeriodChoice,
  scale: number,
): void {
  // What the file publishes only at a coarser level (a chapter beside a few of its codes) is kept as remainders.
  const dataset = withPublishedRemainders(published);
  const dims = dataset.dimensions;
  const structure = datasetStructure(dataset);
  const periodDim = dimensionIndexByRole(dataset, 'period');
  const P = acc.prefixes;

  // Which dictionary values keep a cell out of the sums: totals, and the periods the estimate does not use.
  const excluded = structure.totals.map((mask) => Uint8Array.from(mask));
  if (choice.selected && periodDim >= 0) excluded[periodDim] = Uint8Array.from(choice.selected, (s) => (s ? 0 : 1));
  // The region dimension's national value is not excluded: it feeds the national slot.
  if (structure.regionDim >= 0) excluded[structure.regionDim]!.fill(0);

  const { tables, missingDimensions } = buildWeightTables(dataset, layout.conjuncts, P, excluded, ageWeights, ageShare);
  missingDimensions.forEach((d) => acc.unresolvedDimensions.add(d));
  const pass = runCellPass(dataset, tables, P, acc.cellPass);
  foldExits(pass, scale, acc);
  pass.nationalInexact.forEach((flag, k) => {
    if (flag) acc.nationalInexact[k] = 1;
  });

  // Unions of overlapping values (other than regions, which are slots of their own).
  const overlapping = overlappingDimensions(dataset);
  const overlapDims = dims
    .map((d, i) => ({ d, i }))
    .filter(({ d, i }) => d.role !== 'region' && overlapping.includes(d.key) && structure.totals[i]!.filter((t) => t === 0).length >= 2)
    .map(({ i }) => i);
  if (overlapDims.length > 0) {
    const union = runOverlapPass(dataset, tables, P, scale, overlapDims);
    for (let at = 0; at < union.unionLow.length; at++) {
      acc.sums[at * 3]! += union.pinLow[at]!;
      acc.sums[at * 3 + 1]! += union.pinPoint[at]!;
      acc.sums[at * 3 + 2]! += union.capHigh[at]!;
      acc.unionLow[at]! += union.unionLow[at]! - union.sumLow[at]!;
      acc.unionPoint[at]! += (union.unionPoint[at]! - union.sumPoint[at]!) / 2;
      union.dims.forEach((d, j) => {
        if (!union.combined[at * union.dims.length + j]) return;
        const notes = acc.unions.get(at) ?? new Map<string, string | undefined>();
        notes.set(dims[d]!.key, dims[d]!.label);
        acc.unions.set(at, notes);
      });
    }
  }

  // Warnings about cells that reached the final result only in part.
  tables.forEach((table, g) => {
    const ageAt = table.dims.findIndex((d) => dims[d]!.role === 'age');
    const used = pass.usedCombos[g]!;
    for (let c = 0; c < table.size; c++) {
      if (!used[c]) continue;
      const flag = table.flags[c]!;
      if (flag & FLAG_STRADDLE && ageAt >= 0) {
        const ageDim = table.dims[ageAt]!;
        const valueIndex = Math.floor(c / table.strides[ageAt]!) % dims[ageDim]!.values.length;
        acc.straddlingBands.add(dims[ageDim]!.values[valueIndex]!);
      }
      if (flag & FLAG_UNRESOLVED) table.dims.forEach((d) => acc.unresolvedDimensions.add(dims[d]!.key));
    }
  });
}

/**
 * A cell that exits at level L counts fully at every prefix 0..L: the prefix sums are suffix sums of the exits,
 * each multiplied by the dataset's scale. Inexact cells were summed per prefix already.
 */
function foldExits(pass: CellPassResult, scale: number, acc: Accumulators): void {
  const P = acc.prefixes;
  // Local copies: imported bindings can be getter calls under a CommonJS loader.
  const SLOT_COUNT = SLOTS;
  const EXIT_FIELDS = FIELDS;
  const { exits, inexact } = pass;
  const { sums, cells, maskedCells, baseCells } = acc;
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    let pt = 0;
    let lo = 0;
    let hi = 0;
    for (let k = P; k >= 0; k--) {
      const from = (k * SLOT_COUNT + slot) * EXIT_FIELDS;
      pt += exits[from]!;
      lo += exits[from]! + exits[from + 1]!;
      hi += exits[from]! + exits[from + 2]!;
      baseCells[slot]! += exits[from + 3]!;
      const at = (k * SLOT_COUNT + slot) * 3;
      sums[at]! += scale * (lo + inexact[at]!);
      sums[at + 1]! += scale * (pt + inexact[at + 1]!);
      sums[at + 2]! += scale * (hi + inexact[at + 2]!);
    }
    const last = (P * SLOT_COUNT + slot) * EXIT_FIELDS;
    cells[slot]! += exits[last + 3]!;
    maskedCells[slot]! += exits[last + 4]!;
  }
}

function ageBandStart(label: string): number {
  const band = parseAgeBand(label);
  return band?.kind === 'band' ? band.min : -1;
}

function keptShare(step: CriterionStep, share: Interval): Interval {
  // An exclusion keeps 1 − share; the largest excluded share gives the lowest kept share.
  return step.type === 'exclusion'
    ? { low: 1 - share.high, point: 1 - share.point, high: 1 - share.low }
    : { low: share.low, point: share.point, high: share.high };
}

const sumCounties = (values: Interval[]): Interval => {
  let total: Interval = ZERO_INTERVAL;
  for (let s = 0; s < COUNTY_SLOTS; s++) total = addIntervals(total, values[s]!);
  return total;
};

const perRegionRecord = (values: Interval[]): Partial<Record<CountyCode, Interval>> =>
  Object.fromEntries(COUNTY_CODES.map((code, s) => [code, values[s]!]));

const componentMin = (a: Interval, b: Interval): Interval => ({ low: Math.min(a.low, b.low), point: Math.min(a.point, b.point), high: Math.min(a.high, b.high) });

/** The datasets of the study's basis; a problem for every other one. */
function datasetsOfBasis(study: Study, datasets: readonly Dataset[], blocking: BlockingProblem[]): Dataset[] {
  return datasets.filter((dataset) => {
    const mismatches = basisMismatches(study, dataset);
    if (mismatches.length === 0) return true;
    blocking.push({
      code: 'basis-mismatch',
      dataset: { id: dataset.id, name: dataset.name },
      mismatches,
      fixes: [
        { kind: 'set-basis', basis: Object.fromEntries(mismatches.map((m) => [m.field, m.dataset])) },
        { kind: 'unlink-dataset', datasetId: dataset.id },
      ],
    });
    return false;
  });
}

/** The age limits of the enabled criteria up to `stepIndex`, when they are plain inclusion limits. */
function ageLimits(steps: CriterionStep[], stepIndex: number): { min: number | null; max: number | null } | null {
  let min: number | null = null;
  let max: number | null = null;
  for (const step of steps.slice(0, stepIndex + 1)) {
    if (!step.enabled || step.rule.kind !== 'predicate' || !usesAge(step.rule.predicate)) continue;
    const predicate = step.rule.predicate;
    const parts = predicate.kind === 'and' ? predicate.all : [predicate];
    if (step.type !== 'inclusion') return null;
    for (const part of parts) {
      if (part.kind === 'age') {
        if (part.min !== null) min = min === null ? part.min : Math.max(min, part.min);
        if (part.max !== null) max = max === null ? part.max : Math.min(max, part.max);
      } else if (usesAge(part)) return null;
    }
  }
  return { min, max };
}

/** The share of a band's persons (or years) inside the limits, from a profile of persons by age (null: uniform). */
function bandShare(band: { min: number; max: number | null }, limits: { min: number | null; max: number | null }, profile: Float64Array | null): number | null {
  const top = band.max ?? band.min + 9;
  let inside = 0;
  let all = 0;
  for (let age = band.min; age <= top; age++) {
    const weight = profile ? (profile[age] ?? 0) : 1;
    all += weight;
    if ((limits.min === null || age >= limits.min) && (limits.max === null || age <= limits.max)) inside += weight;
  }
  return all > 0 ? inside / all : null;
}

const capped = (share: number, factor: number): number => Math.min(1, share * factor);

function ageShareLine(
  study: Study,
  step: CriterionStep,
  stepIndex: number,
  datasets: readonly Dataset[],
  ageWeights: AgeWeights | null,
  table: Dataset | null,
  straddling: Set<string>,
): AgeShareLine {
  const ages = ageLimits(study.steps, stepIndex);
  const range = study.ageShare.range;
  const bandLabels = new Set<string>();
  for (const dataset of datasets) {
    const dim = dimensionIndexByRole(dataset, 'age');
    if (dim < 0) continue;
    const totals = datasetStructure(dataset).totals[dim]!;
    dataset.dimensions[dim]!.values.forEach((label, i) => {
      const band = parseAgeBand(label);
      if (totals[i] || band?.kind !== 'band' || !ages) return;
      const share = bandShare(band, ages, null);
      if (share !== null && share > 0 && share < 1) bandLabels.add(label);
    });
  }
  if (!ages) straddling.forEach((b) => bandLabels.add(b));
  const bands = [...bandLabels]
    .sort((a, b) => ageBandStart(a) - ageBandStart(b) || a.localeCompare(b))
    .map((label) => {
      const band = parseAgeBand(label);
      if (!ages || band?.kind !== 'band') return { band: label, share: null };
      const point = bandShare(band, ages, ageWeights ? ageWeights.profile(null, null) : null);
      if (point === null) return { band: label, share: null };
      const line: AgeShareLine['bands'][number] = { band: label, share: { low: capped(point, range.low), point: capped(point, range.point), high: capped(point, range.high) } };
      if (ageWeights?.hasRegions) {
        line.regions = {};
        for (const code of COUNTY_CODES) {
          const own = bandShare(band, ages, ageWeights.profile(code, null));
          if (own !== null) line.regions[code] = capped(own, range.point);
        }
      }
      return line;
    });
  return {
    kind: 'age-share',
    stepId: step.id,
    source: table ? { kind: 'table', datasetId: table.id, name: table.name } : { kind: 'uniform' },
    range: { ...range },
    note: study.ageShare.note,
    ages,
    bands,
  };
}

function emptyPeriodUsed(study: Study): EstimatePeriodUsed {
  return { setting: study.population.period, kind: study.population.kind, windowYears: study.population.windowYears, datasets: [] };
}

export function estimateEligible(study: Study, datasets: readonly Dataset[], options: EstimateOptions): EstimateResult {
  assertValidStudy(study);

  const warnings: EstimateWarning[] = [];
  const blocking: BlockingProblem[] = [];
  if (datasets.length === 0) blocking.push({ code: 'no-data', fixes: [] });
  const layout = stepLayout(study.steps);
  const prefixes = layout.prefixes;
  const acc: Accumulators = {
    prefixes,
    sums: new Float64Array((prefixes + 1) * SLOT_COUNT * 3),
    unionLow: new Float64Array((prefixes + 1) * SLOT_COUNT),
    unionPoint: new Float64Array((prefixes + 1) * SLOT_COUNT),
    unions: new Map(),
    cells: new Float64Array(SLOT_COUNT),
    maskedCells: new Float64Array(SLOT_COUNT),
    baseCells: new Float64Array(SLOT_COUNT),
    nationalInexact: new Uint8Array(prefixes + 1),
    straddlingBands: new Set(),
    unresolvedDimensions: new Set(),
    cellPass: options.cellPass ?? {},
  };
  const basis: EstimateBasis = { kind: study.population.kind, windowYears: study.population.windowYears, datasets: [], unit: study.population.unit, regionBasis: study.population.regionBasis };
  const period = emptyPeriodUsed(study);

  // The age-share table, filtered by the study's other criteria on the dimensions it has.
  let ageWeights: AgeWeights | null = null;
  const table = options.population ?? null;
  if (table) {
    try {
      ageWeights = ageWeightsFrom(table, cellFilter(table, layout.conjuncts.map((c) => c.predicate)) ?? undefined);
    } catch (error) {
      if (!(error instanceof InvalidPopulationTableError)) throw error;
      blocking.push({ code: 'age-share-table-unusable', dataset: { id: table.id, name: table.name }, reason: error.reason, fixes: [{ kind: 'set-age-share-source', source: { kind: 'uniform' } }] });
    }
  }
  const ageShare: AgeShareRows = { shareRows: layout.shareRows, range: study.ageShare.range };

  const used = datasetsOfBasis(study, datasets, blocking);
  if (study.population.unit === 'events' && used.length > 0) warnings.push({ code: 'events-not-persons' });
  const counted: Dataset[] = [];
  for (const dataset of used) {
    const periodDim = dimensionIndexByRole(dataset, 'period');
    const choice = choosePeriods(dataset, periodDim, periodDim >= 0 ? datasetStructure(dataset).totals[periodDim]! : null, study.population.period);
    if (choice.count === 0 || !(choice.years > 0)) {
      blocking.push({
        code: 'no-period',
        dataset: { id: dataset.id, name: dataset.name },
        period: study.population.period,
        dataPeriod: { from: choice.dataFrom, to: choice.dataTo },
        // A dataset that names no period at all is helped by no period setting: the period must be given to it.
        fixes: choice.dataFrom === '' && choice.dataTo === '' ? [] : [{ kind: 'set-period', period: { kind: 'latest' } }, { kind: 'set-period', period: { kind: 'all' } }],
      });
      continue;
    }
    const scale = study.population.kind === 'incident' ? study.population.windowYears / choice.years : 1 / choice.count;
    if (dataset.provenance.synthetic) warnings.push({ code: 'synthetic-data', dataset: dataset.id });
    accumulateDataset(dataset, layout, acc, ageWeights, ageShare, choice, scale);
    counted.push(dataset);
    basis.datasets.push({ id: dataset.id, yearsCovered: choice.years, scale, yearsUsed: choice.years, scaleUsed: scale });
    period.datasets.push({
      id: dataset.id,
      periods: choice.labels,
      from: choice.labels[0] ?? dataset.provenance.periodFrom,
      to: choice.labels[choice.labels.length - 1] ?? dataset.provenance.periodTo,
      years: choice.years,
      scale,
    });
  }
  basis.ageShares = ageWeights ? { kind: 'population', datasetId: ageWeights.datasetId } : { kind: 'uniform' };
  if (study.ageShare.source.kind === 'table' && !table && acc.straddlingBands.size > 0) {
    blocking.push({ code: 'age-share-table-missing', datasetId: study.ageShare.source.datasetId, fixes: [{ kind: 'set-age-share-source', source: { kind: 'uniform' } }] });
  }

  // Regions of persons that overlap: the sum over regions counts a person in two regions twice.
  const regionOverlap = counted
    .map((d) => ({ d, dim: d.dimensions.find((x) => x.role === 'region') }))
    .find(({ d, dim }) => dim !== undefined && overlappingDimensions(d).includes(dim.key));
  const regionNote: OverlapNote | null = regionOverlap?.dim ? { dimension: regionOverlap.dim.key, ...(regionOverlap.dim.label ? { label: regionOverlap.dim.label } : {}), combined: 'sum' } : null;

  // Walk the steps in order: predicate steps advance the cell-level prefix, proportion steps multiply,
  // joint counts pin a region.
  let prefix = 0;
  const multiplier: Interval[] = Array.from({ length: SLOT_COUNT }, () => ({ low: 1, point: 1, high: 1 }));
  const joint: (Interval | null)[] = Array.from({ length: SLOT_COUNT }, () => null);
  let publishedComparable = true;
  const slotInterval = (slot: number): Interval => {
    const at = prefix * SLOT_COUNT + slot;
    const high = Math.max(0, acc.sums[at * 3 + 2]!);
    const point = Math.min(high, Math.max(0, acc.sums[at * 3 + 1]! + acc.unionPoint[at]!));
    const low = Math.min(point, Math.max(0, acc.sums[at * 3]! + acc.unionLow[at]!));
    return { low, point, high };
  };
  const valuesNow = (): Interval[] => Array.from({ length: SLOT_COUNT }, (_, s) => joint[s] ?? multiplyIntervals(slotInterval(s), multiplier[s]!));
  const hasNational = acc.baseCells[NATIONAL_SLOT]! > 0;
  const published = (values: Interval[]): Interval | undefined =>
    hasNational && publishedComparable && !acc.nationalInexact[prefix] && !acc.unions.has(prefix * SLOT_COUNT + NATIONAL_SLOT) ? values[NATIONAL_SLOT] : undefined;
  const notesAt = (slots: readonly number[], values: Interval[]): OverlapNote[] | undefined => {
    const union = new Map<string, string | undefined>();
    for (const s of slots) acc.unions.get(prefix * SLOT_COUNT + s)?.forEach((label, key) => union.set(key, label));
    const notes: OverlapNote[] = [...union].map(([dimension, label]) => ({ dimension, ...(label ? { label } : {}), combined: 'union' as const }));
    if (regionNote && slots.length > 1 && slots.filter((s) => s < COUNTY_SLOTS && values[s]!.high > 0).length >= 2) notes.push(regionNote);
    return notes.length > 0 ? notes : undefined;
  };
  const countySlots = Array.from({ length: COUNTY_SLOTS }, (_, s) => s);

  let values = valuesNow();
  const baseTotal = sumCounties(values);
  const row = (stepId: string, label: string, type: AttritionStep['type'], enabled: boolean, lostShare: number): AttritionStep => {
    const total = sumCounties(values);
    const line: AttritionStep = {
      stepId,
      label,
      type,
      enabled,
      total,
      perRegion: perRegionRecord(values),
      remainingShare: baseTotal.point > 0 ? total.point / baseTotal.point : 0,
      lostShare,
      totalPublished: published(values),
    };
    const notes = notesAt(countySlots, values);
    if (notes) line.overlap = notes;
    return line;
  };
  const attrition: AttritionStep[] = [row('base', 'base', 'base', true, 0)];
  attrition[0]!.remainingShare = baseTotal.point > 0 ? 1 : 0;
  let previousEnabled = baseTotal;
  let mostLimitingStepId: string | null = null;
  let largestLoss = 0;
  const jointRegions = new Set<CountyCode>();
  const proportionSteps: string[] = [];
  const lost = (total: Interval, before: Interval): number => (before.point > 0 ? 1 - total.point / before.point : 0);

  study.steps.forEach((step, stepIndex) => {
    const before = previousEnabled;
    if (step.enabled) {
      const rule = step.rule;
      if (rule.kind === 'predicate') prefix = layout.prefixOf.get(step.id)!.criterion;
      else if (rule.kind === 'proportion') {
        proportionSteps.push(step.id);
        const overall = keptShare(step, rule.share);
        for (let s = 0; s < SLOT_COUNT; s++) {
          const own = s < COUNTY_SLOTS ? rule.perRegion?.[COUNTY_CODES[s]!] : undefined;
          multiplier[s] = multiplyIntervals(multiplier[s]!, own ? keptShare(step, own) : overall);
        }
        // A national figure with the overall share would answer a different question than the regions'.
        if (rule.perRegion && Object.keys(rule.perRegion).length > 0) publishedComparable = false;
      } else {
        const s = COUNTY_CODES.indexOf(rule.region);
        const current = values[s]!;
        const count = componentMin({ ...rule.count }, current);
        if (count.low < rule.count.low - 1e-9 || count.point < rule.count.point - 1e-9 || count.high < rule.count.high - 1e-9) {
          warnings.push({ code: 'joint-count-capped', stepId: step.id, region: rule.region });
        }
        joint[s] = count;
        jointRegions.add(rule.region);
        publishedComparable = false;
      }
      values = valuesNow();
    }
    const total = sumCounties(values);
    const stepLoss = step.enabled ? lost(total, before) : 0;
    attrition.push(row(step.id, step.label, step.type, step.enabled, stepLoss));
    if (!step.enabled) return;
    previousEnabled = total;
    let combinedLoss = stepLoss;
    const sharePrefix = step.rule.kind === 'predicate' ? layout.prefixOf.get(step.id)!.share : null;
    if (sharePrefix !== null) {
      const criterionValues = values;
      prefix = sharePrefix;
      values = valuesNow();
      const changed = values.some((v, s) => v.low !== criterionValues[s]!.low || v.point !== criterionValues[s]!.point || v.high !== criterionValues[s]!.high);
      if (changed) {
        const shareTotal = sumCounties(values);
        const line = row(`${step.id}:age-share`, '', 'assumption', true, lost(shareTotal, total));
        line.assumption = ageShareLine(study, step, stepIndex, counted, ageWeights, ageWeights ? table : null, acc.straddlingBands);
        attrition.push(line);
        previousEnabled = shareTotal;
        combinedLoss = lost(shareTotal, before);
      }
    }
    if (combinedLoss > largestLoss) {
      largestLoss = combinedLoss;
      mostLimitingStepId = step.id;
    }
  });

  const regions: RegionEstimate[] = COUNTY_CODES.map((code, s) => {
    const region: RegionEstimate = {
      region: code,
      eligible: values[s]!,
      cells: acc.cells[s]!,
      maskedCells: acc.maskedCells[s]!,
      jointCount: jointRegions.has(code),
    };
    const notes = notesAt([s], values);
    if (notes) region.overlap = notes;
    return region;
  });
  const healthcareTotals = new Map<HealthcareRegionId, Interval>(HEALTHCARE_REGION_IDS.map((id) => [id, ZERO_INTERVAL]));
  for (const r of regions) {
    for (const { id, share } of healthcareRegionShares(r.region, options.hallandRule)) {
      healthcareTotals.set(id, addIntervals(healthcareTotals.get(id)!, scaleInterval(r.eligible, share)));
    }
  }
  const healthcareRegions: HealthcareRegionEstimate[] = HEALTHCARE_REGION_IDS.map((id) => ({ id, eligible: healthcareTotals.get(id)! }));

  let maskedCount = 0;
  for (let s = 0; s < COUNTY_SLOTS; s++) maskedCount += acc.maskedCells[s]!;
  if (maskedCount > 0) warnings.push({ code: 'masked-cells', count: maskedCount });
  if (acc.straddlingBands.size > 0) {
    // Youngest band first: a stable order whichever way the cell pass found them.
    const bands = [...acc.straddlingBands].sort((a, b) => ageBandStart(a) - ageBandStart(b) || a.localeCompare(b));
    warnings.push({ code: 'straddling-age-band', bands, weighting: ageWeights ? 'population' : 'uniform' });
  }
  if (acc.unresolvedDimensions.size > 0) warnings.push({ code: 'unresolved-criterion', dimensions: [...acc.unresolvedDimensions] });
  if (proportionSteps.length >= 2) warnings.push({ code: 'independence', steps: proportionSteps });
  const overlapKeys = [...new Set(attrition.flatMap((a) => (a.overlap ?? []).map((n) => n.dimension)))];
  if (overlapKeys.length > 0) warnings.push({ code: 'overlapping-values', dimensions: overlapKeys });

  const result: EstimateResult = {
    inputHash: hashJson({
      study,
      datasets: datasets.map((d) => ({ id: d.id, sha256: d.provenance.sha256, overlapping: overlappingDimensions(d) })),
      // The settings that change numbers (a population table by its hash, not its arrays).
      options: table ? { hallandRule: options.hallandRule, population: table.provenance.sha256 } : { hallandRule: options.hallandRule },
    }),
    blocking,
    period,
    regions,
    healthcareRegions,
    national: sumCounties(values),
    basis,
    attrition,
    mostLimitingStepId,
    warnings,
  };
  const nationalNotes = notesAt(countySlots, values);
  if (nationalNotes) result.nationalOverlap = nationalNotes;
  const nationalPublished = published(values);
  if (nationalPublished) result.nationalPublished = nationalPublished;
  if (acc.baseCells[UNKNOWN_SLOT]! > 0) result.unknownRegion = values[UNKNOWN_SLOT]!;
  return result;
}
