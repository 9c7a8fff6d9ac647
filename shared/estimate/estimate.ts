/**
 * estimateEligible: how many patients meet a study's criteria, per region, per healthcare region and
 * nationally, each as low / point / high.
 *
 * Method (this block is the source of the method text shown to readers):
 *
 * 1. Base population. Only datasets whose count kind matches the study's population are used (incident vs
 *    prevalent counts are never summed; a mismatching dataset is skipped with a warning). Incident counts are
 *    annualised and scaled to the enrolment window: every cell × windowYears / (years the dataset's periods
 *    cover). Prevalent counts use the latest period only. Datasets given together are assumed disjoint
 *    (e.g. one per region) and are added.
 * 2. Totals are never added to their own parts. A value is a published total when it contains other values
 *    present in the same dimension: region "national", sex/age/period/extra "all", an ICD-10 category,
 *    block or chapter that is an ancestor of codes present, an age band or period containing other bands or
 *    periods present. Region sums use only cells whose every value is at the finest level present.
 * 3. Criteria the data can see (predicate steps) are evaluated per cell, exactly where a cell lies wholly
 *    inside or outside. An age band straddling a limit contributes the uniform share f of its years to the
 *    point, 0 to the low and the whole band to the high. A value coarser than the criterion (a block for a
 *    category, sex "all" for "female") contributes 0 to the point and the whole cell to the high. Masked
 *    cells contribute their interval (Socialstyrelsen's "X": 1–3, point 2). An exclusion predicate removes
 *    what it matches. Predicates are conjoined cumulatively, so several steps on the same dimension combine
 *    exactly. Open age bands ("85+") are taken as 10 years wide for the share. A period criterion filters
 *    cells like any other; the annualisation divisor stays the years the whole dataset covers.
 * 4. Criteria the data cannot see (proportion steps) multiply each region's count: low×low, point×point,
 *    high×high for an inclusion; for an exclusion the share kept is 1 − share, so low×(1 − high share) and
 *    high×(1 − low share). A per-region share replaces the overall share for that region. Multiplying
 *    marginal proportions assumes the criteria are independent (warning "independence").
 * 5. A joint count (a region's own count of patients meeting all criteria, in the estimate's unit) replaces
 *    that region's value from its step on; later steps do not change that region.
 * 6. National = sum of the 21 regions (intervals add). When the published national rows answer the question
 *    exactly (see AttritionStep.totalPublished) they are reported beside the sum, which they usually differ
 *    from (a person counted in two regions). Patients with an unknown region are reported separately.
 *    Healthcare regions sum their regions; Halland is split by the chosen HallandRule.
 * 7. Attrition: a base row, then one row per step in order, each with total and per-region intervals,
 *    remainingShare (point vs base) and lostShare (point vs the previous enabled step). Disabled steps are
 *    listed, change nothing and lose nothing. The most limiting step is the enabled step that loses most.
 */
import type { Dataset } from '../counts/dataset';
import type { CriterionStep, Predicate, ProportionRange, Study } from '../criteria/study';
import { assertValidStudy } from '../criteria/validate';
import { COUNTY_CODES, HEALTHCARE_REGION_IDS, type CountyCode, type HallandRule, type HealthcareRegionId } from '../regions/regions';
import { healthcareRegionShares } from '../regions/healthcare-shares';
import { parsePeriod } from '../utils/period';
import { hashJson } from '../utils/stable-json';
import {
  COUNTY_SLOTS,
  NATIONAL_SLOT,
  SLOT_COUNT,
  UNKNOWN_SLOT,
  dimensionIndexByRole,
  regionSlots,
  totalValueMask,
} from './dimension-structure';
import { FLAG_STRADDLE, FLAG_UNRESOLVED, NEVER_INEXACT, buildWeightTables, type Conjunct, type WeightTable } from './predicate-tables';
import { ZERO_INTERVAL, addIntervals, multiplyIntervals, scaleInterval } from './interval';
import type { AttritionStep, EstimateBasis, EstimateResult, EstimateWarning, HealthcareRegionEstimate, Interval, RegionEstimate } from './types';

export interface EstimateOptions {
  hallandRule: HallandRule;
}

/** Sums per cumulative predicate prefix and region slot, filled by the cell loop. */
interface Accumulators {
  prefixes: number;
  /** sums[((k × SLOT_COUNT) + slot) × 3 + 0|1|2] = low, point, high after predicate steps 1..k (k = 0: base). */
  sums: Float64Array;
  /** Cells (and masked cells) contributing after all predicate steps, per slot. */
  cells: Float64Array;
  maskedCells: Float64Array;
  /** Cells present in the base, per slot (shows whether a slot has data at all). */
  baseCells: Float64Array;
  /** 1 at prefix k when some national cell was only partly inside the criteria. */
  nationalInexact: Uint8Array;
  straddlingBands: Set<string>;
  unresolvedDimensions: Set<string>;
}

function conjunctsOf(steps: CriterionStep[]): { conjuncts: Conjunct[]; prefixes: number } {
  const conjuncts: Conjunct[] = [];
  let prefix = 0;
  for (const step of steps) {
    if (!step.enabled || step.rule.kind !== 'predicate') continue;
    prefix++;
    const predicate = step.rule.predicate;
    if (step.type === 'exclusion') conjuncts.push({ predicate: { kind: 'not', predicate }, prefix });
    // Splitting "all of" lets each part join only the dimensions it uses (smaller tables).
    else if (predicate.kind === 'and') predicate.all.forEach((part: Predicate) => conjuncts.push({ predicate: part, prefix }));
    else conjuncts.push({ predicate, prefix });
  }
  return { conjuncts, prefixes: prefix };
}

/** Years a dataset's counts span: its finest periods, or its provenance period when it has no period column. */
function yearsCovered(dataset: Dataset, periodDim: number, isTotal: Uint8Array | null): number {
  if (periodDim >= 0 && isTotal) {
    let years = 0;
    dataset.dimensions[periodDim]!.values.forEach((value, i) => {
      if (!isTotal[i]) years += parsePeriod(value)?.years ?? 0;
    });
    return years;
  }
  const from = parsePeriod(dataset.provenance.periodFrom);
  const to = parsePeriod(dataset.provenance.periodTo);
  if (!from || !to) return Number.NaN;
  // Whole months, so that 2019..2023 is exactly 5 years despite leap days.
  return Math.round(((to.endDay - from.startDay + 1) / 365.25) * 12) / 12;
}

/** Index of the latest finest period (the prevalent base), or -1. */
function latestPeriod(dataset: Dataset, periodDim: number, isTotal: Uint8Array): number {
  let best = -1;
  let bestEnd = Number.NEGATIVE_INFINITY;
  dataset.dimensions[periodDim]!.values.forEach((value, i) => {
    const period = parsePeriod(value);
    if (!isTotal[i] && period && period.endDay > bestEnd) {
      bestEnd = period.endDay;
      best = i;
    }
  });
  return best;
}

function accumulateDataset(
  study: Study,
  dataset: Dataset,
  conjuncts: Conjunct[],
  acc: Accumulators,
): { yearsCovered: number; scale: number } {
  const n = dataset.cellCount;
  const dims = dataset.dimensions;
  const totals = dims.map((d) => totalValueMask(dataset.id, d));
  const periodDim = dimensionIndexByRole(dataset, 'period');

  // Which dictionary values keep a cell out of the sums: totals, plus (prevalent) every period but the latest.
  const excluded = totals.map((mask) => Uint8Array.from(mask));
  let covered = Number.NaN;
  let scale = 1;
  if (study.population.kind === 'incident') {
    covered = yearsCovered(dataset, periodDim, periodDim >= 0 ? totals[periodDim]! : null);
    if (!(covered > 0)) throw new Error(`Dataset "${dataset.id}": cannot tell which years its counts cover`);
    scale = study.population.windowYears / covered;
  } else if (periodDim >= 0) {
    const latest = latestPeriod(dataset, periodDim, totals[periodDim]!);
    excluded[periodDim]!.fill(1);
    if (latest >= 0) excluded[periodDim]![latest] = 0;
    covered = latest >= 0 ? (parsePeriod(dims[periodDim]!.values[latest]!)?.years ?? Number.NaN) : Number.NaN;
  }
  const regionDim = dimensionIndexByRole(dataset, 'region');
  // The region dimension's national value is not excluded: it feeds the national slot.
  if (regionDim >= 0) excluded[regionDim]!.fill(0);
  const slotOf = regionDim >= 0 ? regionSlots(dataset.id, dims[regionDim]!) : new Int32Array([NATIONAL_SLOT]);
  // A dataset without a region column is national: every cell reads slot 0 of a one-value table.
  const regionColumn = regionDim >= 0 ? dataset.columns[regionDim]! : new Uint32Array(n);

  const { tables, missingDimensions } = buildWeightTables(dataset, conjuncts, acc.prefixes, excluded);
  missingDimensions.forEach((d) => acc.unresolvedDimensions.add(d));

  const used = tables.map((t) => new Uint8Array(t.size));
  accumulateCells({
    n,
    prefixes: acc.prefixes,
    scale,
    regionColumn,
    slotOf,
    indexColumns: tables.map((t) => comboColumn(dataset, t, n)),
    tables,
    used,
    low: dataset.low,
    point: dataset.point,
    high: dataset.high,
    masked: dataset.masked,
    acc,
  });

  // Warnings about cells that reached the final result only in part.
  tables.forEach((table, g) => {
    const ageAt = table.dims.findIndex((d) => dims[d]!.role === 'age');
    for (let c = 0; c < table.size; c++) {
      if (!used[g]![c]) continue;
      const flag = table.flags[c]!;
      if (flag & FLAG_STRADDLE && ageAt >= 0) {
        const ageDim = table.dims[ageAt]!;
        const valueIndex = Math.floor(c / table.strides[ageAt]!) % dims[ageDim]!.values.length;
        acc.straddlingBands.add(dims[ageDim]!.values[valueIndex]!);
      }
      if (flag & FLAG_UNRESOLVED) table.dims.forEach((d) => acc.unresolvedDimensions.add(dims[d]!.key));
    }
  });
  return { yearsCovered: covered, scale };
}

/** Each cell's combination index in `table`: the column itself for a one-dimension table, else computed column by column. */
function comboColumn(dataset: Dataset, table: WeightTable, n: number): Uint32Array {
  if (table.dims.length === 1) return dataset.columns[table.dims[0]!]!;
  const combos = new Uint32Array(n);
  for (let j = 0; j < table.dims.length; j++) addScaledColumn(combos, dataset.columns[table.dims[j]!]!, table.strides[j]!, n);
  return combos;
}

/** combos[i] += column[i] × stride (top level for the same reason as lowerTo). */
function addScaledColumn(combos: Uint32Array, column: Uint32Array, stride: number, n: number): void {
  for (let i = 0; i < n; i++) combos[i]! += column[i]! * stride;
}

/**
 * target[i] = min(target[i], levels[combos[i]]). A top-level function rather than a closure, so the JIT
 * keeps one optimised copy with stable type feedback across calls.
 */
function lowerTo(target: Int8Array, combos: Uint32Array, levels: Int8Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const level = levels[combos[i]!]!;
    if (level < target[i]!) target[i] = level;
  }
}

interface CellLoopInput {
  n: number;
  prefixes: number;
  scale: number;
  regionColumn: Uint32Array;
  slotOf: Int32Array;
  /** Per table, each cell's combination index. */
  indexColumns: Uint32Array[];
  tables: WeightTable[];
  used: Uint8Array[];
  low: Float64Array;
  point: Float64Array;
  high: Float64Array;
  masked: Uint8Array;
  acc: Accumulators;
}

/** Per exit level and slot: low, point, high, cells, masked cells of exact cells (see predicate-tables.ts). */
const EXIT_FIELDS = 5;

/**
 * The hot loops, with no allocation per cell. First, table by table, each cell's survival level (the last
 * prefix it reaches) and first inexact prefix are taken as minima over the tables: simple column passes the
 * JIT compiles tightly, rather than one loop over a variable number of tables. Then one pass adds each exact
 * cell (weights 1 until it drops out, the usual case) once, at its survival level; the prefix sums are
 * suffix sums of those levels, added at the end. Only inexact cells are weighted prefix by prefix.
 * Each loop lives in its own small function: code that runs once after a hot loop, in the same function,
 * made V8 throw away the loop's optimised code on every call.
 */
function accumulateCells(input: CellLoopInput): void {
  const { n, prefixes: P, indexColumns, tables } = input;
  const never = NEVER_INEXACT;
  const survival = new Int8Array(n).fill(P);
  const inexactFrom = new Int8Array(n).fill(never);
  for (let g = 0; g < tables.length; g++) {
    const table = tables[g]!;
    lowerTo(survival, indexColumns[g]!, table.survives, n);
    // Most tables are exact everywhere (codes, sex, periods); only the others need this pass.
    if (table.firstInexact.some((x) => x !== never)) lowerTo(inexactFrom, indexColumns[g]!, table.firstInexact, n);
  }
  const exits = new Float64Array((P + 1) * SLOT_COUNT * EXIT_FIELDS);
  const run = new Float64Array(EXIT_FIELDS + 1).fill(0);
  run[EXIT_FIELDS] = -1;
  sumCells(input, survival, inexactFrom, exits, run);
  flushRun(exits, run);
  foldExits(input, exits);
}

/**
 * Exact cells are summed into `run` (low, point, high, cells, masked, key) while their (level, slot) key
 * stays the same, and flushed into `exits` when it changes: exports are usually sorted by region, and adding
 * each cell into one memory cell would chain every addition to the previous one.
 */
function sumCells(input: CellLoopInput, survival: Int8Array, inexactFrom: Int8Array, exits: Float64Array, run: Float64Array): void {
  const { n, prefixes: P, scale, regionColumn, slotOf, indexColumns, tables, used, low, point, high, masked } = input;
  const { sums, cells, maskedCells, baseCells, nationalInexact } = input.acc;
  // Local copies: module bindings can compile to property getters (CommonJS interop), too slow in this loop.
  const national = NATIONAL_SLOT;
  const slotCount = SLOT_COUNT;
  const G = tables.length;
  const width = (P + 1) * 3;
  let runKey = run[EXIT_FIELDS]!;
  let runLow = 0;
  let runPoint = 0;
  let runHigh = 0;
  let runCells = 0;
  let runMasked = 0;
  for (let i = 0; i < n; i++) {
    const survive = survival[i]!;
    if (survive < 0) continue;
    const slot = slotOf[regionColumn[i]!]!;
    if (inexactFrom[i]! > survive) {
      const key = survive * slotCount + slot;
      if (key !== runKey) {
        if (runKey >= 0) {
          const at = runKey * EXIT_FIELDS;
          exits[at]! += runLow;
          exits[at + 1]! += runPoint;
          exits[at + 2]! += runHigh;
          exits[at + 3]! += runCells;
          exits[at + 4]! += runMasked;
        }
        runKey = key;
        runLow = 0;
        runPoint = 0;
        runHigh = 0;
        runCells = 0;
        runMasked = 0;
      }
      runLow += low[i]!;
      runPoint += point[i]!;
      runHigh += high[i]!;
      runCells += 1;
      runMasked += masked[i]!;
      continue;
    }
    // Inexact: the product of the tables' weights, prefix by prefix.
    const lo = low[i]! * scale;
    const pt = point[i]! * scale;
    const hi = high[i]! * scale;
    for (let k = 0; k <= survive; k++) {
      let wl = 1;
      let wp = 1;
      let wh = 1;
      for (let g = 0; g < G; g++) {
        const o = indexColumns[g]![i]! * width + k * 3;
        const w = tables[g]!.weights;
        wl *= w[o]!;
        wp *= w[o + 1]!;
        wh *= w[o + 2]!;
      }
      if (slot === national && k > 0 && wl !== wh) nationalInexact[k] = 1;
      const at = (k * slotCount + slot) * 3;
      sums[at]! += wl * lo;
      sums[at + 1]! += wp * pt;
      sums[at + 2]! += wh * hi;
    }
    baseCells[slot]! += 1;
    if (survive === P) {
      cells[slot]! += 1;
      maskedCells[slot]! += masked[i]!;
      for (let g = 0; g < G; g++) used[g]![indexColumns[g]![i]!] = 1;
    }
  }
  run[0] = runLow;
  run[1] = runPoint;
  run[2] = runHigh;
  run[3] = runCells;
  run[4] = runMasked;
  run[EXIT_FIELDS] = runKey;
}

/** Adds the last open run of exact cells to `exits`. */
function flushRun(exits: Float64Array, run: Float64Array): void {
  const key = run[EXIT_FIELDS]!;
  if (key < 0) return;
  for (let f = 0; f < EXIT_FIELDS; f++) exits[key * EXIT_FIELDS + f]! += run[f]!;
}

/** A cell that exits at level L counts fully at every prefix 0..L. Exact cells were summed unscaled. */
function foldExits(input: CellLoopInput, exits: Float64Array): void {
  const { prefixes: P, scale } = input;
  const { sums, cells, maskedCells, baseCells } = input.acc;
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    let lo = 0;
    let pt = 0;
    let hi = 0;
    for (let k = P; k >= 0; k--) {
      const from = (k * SLOT_COUNT + slot) * EXIT_FIELDS;
      lo += exits[from]! * scale;
      pt += exits[from + 1]! * scale;
      hi += exits[from + 2]! * scale;
      baseCells[slot]! += exits[from + 3]!;
      const at = (k * SLOT_COUNT + slot) * 3;
      sums[at]! += lo;
      sums[at + 1]! += pt;
      sums[at + 2]! += hi;
    }
    const last = (P * SLOT_COUNT + slot) * EXIT_FIELDS;
    cells[slot]! += exits[last + 3]!;
    maskedCells[slot]! += exits[last + 4]!;
  }
}

function keptShare(step: CriterionStep, share: ProportionRange): Interval {
  // An exclusion keeps 1 − share; the largest excluded share gives the lowest kept share.
  return step.type === 'exclusion'
    ? { low: 1 - share.high, point: 1 - share.point, high: 1 - share.low }
    : { low: share.low, point: share.point, high: share.high };
}

const slotInterval = (sums: Float64Array, prefix: number, slot: number): Interval => {
  const at = (prefix * SLOT_COUNT + slot) * 3;
  return { low: sums[at]!, point: sums[at + 1]!, high: sums[at + 2]! };
};

const sumCounties = (values: Interval[]): Interval => {
  let total: Interval = ZERO_INTERVAL;
  for (let s = 0; s < COUNTY_SLOTS; s++) total = addIntervals(total, values[s]!);
  return total;
};

const perRegionRecord = (values: Interval[]): Partial<Record<CountyCode, Interval>> =>
  Object.fromEntries(COUNTY_CODES.map((code, s) => [code, values[s]!]));

export function estimateEligible(study: Study, datasets: readonly Dataset[], options: EstimateOptions): EstimateResult {
  assertValidStudy(study);
  if (datasets.length === 0) throw new Error('estimateEligible needs at least one dataset');

  const warnings: EstimateWarning[] = [];
  const { conjuncts, prefixes } = conjunctsOf(study.steps);
  const acc: Accumulators = {
    prefixes,
    sums: new Float64Array((prefixes + 1) * SLOT_COUNT * 3),
    cells: new Float64Array(SLOT_COUNT),
    maskedCells: new Float64Array(SLOT_COUNT),
    baseCells: new Float64Array(SLOT_COUNT),
    nationalInexact: new Uint8Array(prefixes + 1),
    straddlingBands: new Set(),
    unresolvedDimensions: new Set(),
  };
  const basis: EstimateBasis = { kind: study.population.kind, windowYears: study.population.windowYears, datasets: [] };

  for (const dataset of datasets) {
    if (dataset.basis.kind !== study.population.kind) {
      warnings.push({ code: 'basis-mismatch', detail: `Dataset "${dataset.id}" holds ${dataset.basis.kind} counts; the study asks for ${study.population.kind}. Not used.` });
      continue;
    }
    if (dataset.basis.unit !== 'persons') {
      warnings.push({ code: 'basis-mismatch', detail: `Dataset "${dataset.id}" counts ${dataset.basis.unit}, not persons: one patient may be counted more than once.` });
    }
    if (dataset.provenance.synthetic) warnings.push({ code: 'synthetic-data', dataset: dataset.id });
    const { yearsCovered: covered, scale } = accumulateDataset(study, dataset, conjuncts, acc);
    basis.datasets.push({ id: dataset.id, yearsCovered: covered, scale });
  }

  // Walk the steps in order: predicate steps advance the cell-level prefix, proportion steps multiply,
  // joint counts pin a region.
  let prefix = 0;
  const multiplier: Interval[] = Array.from({ length: SLOT_COUNT }, () => ({ low: 1, point: 1, high: 1 }));
  const joint: (Interval | null)[] = Array.from({ length: SLOT_COUNT }, () => null);
  let publishedComparable = true;
  const valuesNow = (): Interval[] =>
    Array.from({ length: SLOT_COUNT }, (_, s) => joint[s] ?? multiplyIntervals(slotInterval(acc.sums, prefix, s), multiplier[s]!));
  const hasNational = acc.baseCells[NATIONAL_SLOT]! > 0;
  const published = (values: Interval[]): Interval | undefined =>
    hasNational && publishedComparable && !acc.nationalInexact[prefix] ? values[NATIONAL_SLOT] : undefined;

  let values = valuesNow();
  const baseTotal = sumCounties(values);
  const attrition: AttritionStep[] = [
    { stepId: 'base', label: 'base', type: 'base', enabled: true, total: baseTotal, perRegion: perRegionRecord(values), remainingShare: baseTotal.point > 0 ? 1 : 0, lostShare: 0, totalPublished: published(values) },
  ];
  let previousEnabled = baseTotal;
  let mostLimitingStepId: string | null = null;
  let largestLoss = 0;
  const jointRegions = new Set<CountyCode>();
  const proportionSteps: string[] = [];

  for (const step of study.steps) {
    if (step.enabled) {
      const rule = step.rule;
      if (rule.kind === 'predicate') prefix++;
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
        joint[COUNTY_CODES.indexOf(rule.region)] = { ...rule.count };
        jointRegions.add(rule.region);
        publishedComparable = false;
      }
      values = valuesNow();
    }
    const total = sumCounties(values);
    const lostShare = step.enabled && previousEnabled.point > 0 ? 1 - total.point / previousEnabled.point : 0;
    attrition.push({
      stepId: step.id,
      label: step.label,
      type: step.type,
      enabled: step.enabled,
      total,
      perRegion: perRegionRecord(values),
      remainingShare: baseTotal.point > 0 ? total.point / baseTotal.point : 0,
      lostShare,
      totalPublished: published(values),
    });
    if (step.enabled) {
      previousEnabled = total;
      if (lostShare > largestLoss) {
        largestLoss = lostShare;
        mostLimitingStepId = step.id;
      }
    }
  }

  const regions: RegionEstimate[] = COUNTY_CODES.map((code, s) => ({
    region: code,
    eligible: values[s]!,
    cells: acc.cells[s]!,
    maskedCells: acc.maskedCells[s]!,
    jointCount: jointRegions.has(code),
  }));
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
  if (acc.straddlingBands.size > 0) warnings.push({ code: 'straddling-age-band', bands: [...acc.straddlingBands] });
  if (acc.unresolvedDimensions.size > 0) warnings.push({ code: 'unresolved-criterion', dimensions: [...acc.unresolvedDimensions] });
  if (proportionSteps.length >= 2) warnings.push({ code: 'independence', steps: proportionSteps });

  const result: EstimateResult = {
    inputHash: hashJson({
      study,
      datasets: datasets.map((d) => ({ id: d.id, sha256: d.provenance.sha256 })),
      options,
    }),
    regions,
    healthcareRegions,
    national: sumCounties(values),
    basis,
    attrition,
    mostLimitingStepId,
    warnings,
  };
  const nationalPublished = published(values);
  if (nationalPublished) result.nationalPublished = nationalPublished;
  if (acc.baseCells[UNKNOWN_SLOT]! > 0) result.unknownRegion = values[UNKNOWN_SLOT]!;
  return result;
}
