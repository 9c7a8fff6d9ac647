/**
 * estimateEligible: how many patients meet a study's criteria, per region, per healthcare region and
 * nationally, each as low / point / high.
 *
 * Method (this block is the source of the method text shown to readers):
 *
 * 1. Base population. Datasets given together are assumed disjoint (e.g. one per region) and are added, but
 *    only when they share one basis; data of different basis is never combined silently. Used: datasets of
 *    the study's kind (incident or prevalent); of those, persons if any counts persons, else events; of those,
 *    the region basis (residence or care) of the first. Every dataset left out gets a 'basis-mismatch'
 *    warning naming it (a warning rather than an error, so that one stray file does not blank the screen;
 *    the numbers shown are those of the data that was used). Events are used only when no persons data is
 *    given, with a warning that one patient may be counted more than once.
 *    Incident counts are annualised and scaled to the enrolment window: every cell × windowYears / (years
 *    the dataset's periods cover). A period criterion chooses which years the rate is taken from, so from
 *    its step on the divisor is the years of the periods it selects wholly (a criterion "2019–2023" on data
 *    for 2016–2023 divides by 5, not 8; excluding 2020 divides by 7): a period step does not lose patients,
 *    it changes the years the annual rate is based on, and its row may rise or fall. Only criteria on the
 *    period alone choose years; if none of the data's periods lies wholly inside, the divisor stays as before.
 *    Prevalent counts use the latest period only.
 * 2. Totals are never added to their own parts. A value is a published total when it contains other values
 *    present in the same dimension: region "national", sex/age/period/extra "all", an ICD-10 category,
 *    block or chapter that is an ancestor of codes present, an age band or period containing other bands or
 *    periods present. Region sums use only cells whose every value is at the finest level present.
 * 3. Criteria the data can see (predicate steps) are evaluated per cell, exactly where a cell lies wholly
 *    inside or outside. An age band straddling a limit contributes a share f to the point, 0 to the low and
 *    the whole band to the high: f is the share of the band's years inside the limit (uniform), or, when a
 *    population table is given (options.population), the share of the band's population of the cell's region
 *    and sex at those ages (population-weights.ts). A value coarser than the criterion (a block for a
 *    category, sex "all" for "female") contributes 0 to the point and the whole cell to the high. Masked
 *    cells contribute their interval (Socialstyrelsen's "X": 1–3, point 2). An exclusion predicate removes
 *    what it matches. Predicates are conjoined cumulatively, so several steps on the same dimension combine
 *    exactly. Open age bands ("85+") are taken as 10 years wide for a uniform share. A period criterion
 *    filters cells like any other and changes the annualisation divisor (point 1).
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
import type { Basis, Dataset } from '../counts/dataset';
import type { CriterionStep, Predicate, ProportionRange, Study } from '../criteria/study';
import { assertValidStudy } from '../criteria/validate';
import { COUNTY_CODES, HEALTHCARE_REGION_IDS, type CountyCode, type HallandRule, type HealthcareRegionId } from '../regions/regions';
import { healthcareRegionShares } from '../regions/healthcare-shares';
import { parseAgeBand } from '../utils/age-band';
import { parsePeriod } from '../utils/period';
import { hashJson } from '../utils/stable-json';
import { COUNTY_SLOTS, NATIONAL_SLOT, SLOT_COUNT, UNKNOWN_SLOT, dimensionIndexByRole } from './dimension-structure';
import { FLAG_STRADDLE, FLAG_UNRESOLVED, buildWeightTables, periodSelection, type Conjunct } from './predicate-tables';
import { EXIT_FIELDS, runCellPass, type CellPassOptions, type CellPassResult } from './cell-pass';
import { datasetStructure } from './dataset-cache';
import { ageWeightsFrom, type AgeWeights } from './population-weights';
import { ZERO_INTERVAL, addIntervals, multiplyIntervals, scaleInterval } from './interval';
import type { AttritionStep, EstimateBasis, EstimateResult, EstimateWarning, HealthcareRegionEstimate, Interval, RegionEstimate } from './types';

const SLOTS = SLOT_COUNT;
const FIELDS = EXIT_FIELDS;

export interface EstimateOptions {
  hallandRule: HallandRule;
  /**
   * A population table (persons by single year of age, with region and sex where available, e.g. SCB's
   * BE0101N1): age bands straddling an age criterion then count a population-weighted share instead of a
   * uniform one (see population-weights.ts). Null or absent: uniform.
   */
  population?: Dataset | null;
  /** For tests: how the cell pass builds its keys (cell-pass.ts). The result does not depend on it. */
  cellPass?: CellPassOptions;
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
  cellPass: CellPassOptions;
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
  ageWeights: AgeWeights | null,
): { yearsCovered: number; scale: number; yearsUsed: number; scaleUsed: number } {
  const dims = dataset.dimensions;
  const structure = datasetStructure(dataset);
  const totals = structure.totals;
  const periodDim = dimensionIndexByRole(dataset, 'period');
  const P = acc.prefixes;

  // Which dictionary values keep a cell out of the sums: totals, plus (prevalent) every period but the latest.
  const excluded = totals.map((mask) => Uint8Array.from(mask));
  let covered = Number.NaN;
  // Per prefix: the factor counts are multiplied by (incident: window / years of the periods selected so far).
  const scales = new Float64Array(P + 1).fill(1);
  const years = new Float64Array(P + 1).fill(Number.NaN);
  if (study.population.kind === 'incident') {
    covered = yearsCovered(dataset, periodDim, periodDim >= 0 ? totals[periodDim]! : null);
    if (!(covered > 0)) throw new Error(`Dataset "${dataset.id}": cannot tell which years its counts cover`);
    const selection = periodDim >= 0 ? periodSelection(dataset, conjuncts, P) : null;
    for (let k = 0; k <= P; k++) {
      let selected = covered;
      if (selection && k > 0) {
        selected = 0;
        dims[periodDim]!.values.forEach((value, v) => {
          if (!totals[periodDim]![v] && selection[k]![v]) selected += parsePeriod(value)?.years ?? 0;
        });
        // No whole period selected: the divisor stays as it was (the cells the criterion half-selects count
        // only in the high, and dividing by 0 years would be meaningless).
        if (!(selected > 0)) selected = years[k - 1]!;
      }
      years[k] = selected;
      scales[k] = study.population.windowYears / selected;
    }
  } else if (periodDim >= 0) {
    const latest = latestPeriod(dataset, periodDim, totals[periodDim]!);
    excluded[periodDim]!.fill(1);
    if (latest >= 0) excluded[periodDim]![latest] = 0;
    covered = latest >= 0 ? (parsePeriod(dims[periodDim]!.values[latest]!)?.years ?? Number.NaN) : Number.NaN;
    years.fill(covered);
  } else years.fill(covered);
  // The region dimension's national value is not excluded: it feeds the national slot.
  if (structure.regionDim >= 0) excluded[structure.regionDim]!.fill(0);

  const { tables, missingDimensions } = buildWeightTables(dataset, conjuncts, P, excluded, ageWeights);
  missingDimensions.forEach((d) => acc.unresolvedDimensions.add(d));
  const pass = runCellPass(dataset, tables, P, acc.cellPass);
  foldExits(pass, scales, acc);
  pass.nationalInexact.forEach((flag, k) => {
    if (flag) acc.nationalInexact[k] = 1;
  });

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
  return { yearsCovered: covered, scale: scales[0]!, yearsUsed: years[P]!, scaleUsed: scales[P]! };
}

/**
 * A cell that exits at level L counts fully at every prefix 0..L: the prefix sums are suffix sums of the exits,
 * each multiplied by that prefix's scale. Inexact cells were summed per prefix already.
 */
function foldExits(pass: CellPassResult, scales: Float64Array, acc: Accumulators): void {
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
      const scale = scales[k]!;
      sums[at]! += scale * (lo + inexact[at]!);
      sums[at + 1]! += scale * (pt + inexact[at + 1]!);
      sums[at + 2]! += scale * (hi + inexact[at + 2]!);
    }
    const last = (P * SLOT_COUNT + slot) * EXIT_FIELDS;
    cells[slot]! += exits[last + 3]!;
    maskedCells[slot]! += exits[last + 4]!;
  }
}

/**
 * The datasets that are added together, all of one basis (see the method text, point 1): the study's kind;
 * persons if any dataset counts persons, else events; the region basis of the first such dataset. Every
 * other dataset is left out with a 'basis-mismatch' warning naming it.
 */
function datasetsOfOneBasis(study: Study, datasets: readonly Dataset[], warnings: EstimateWarning[]): { used: Dataset[]; reference: Basis | null } {
  const warn = (dataset: Dataset, detail: string): void => void warnings.push({ code: 'basis-mismatch', dataset: dataset.id, detail });
  const ofKind = datasets.filter((d) => {
    if (d.basis.kind === study.population.kind) return true;
    warn(d, `Dataset "${d.id}" holds ${d.basis.kind} counts; the study asks for ${study.population.kind}. Not used.`);
    return false;
  });
  if (ofKind.length === 0) return { used: [], reference: null };
  const unit = ofKind.some((d) => d.basis.unit === 'persons') ? 'persons' : ofKind[0]!.basis.unit;
  const ofUnit = ofKind.filter((d) => {
    if (d.basis.unit === unit) return true;
    warn(d, `Dataset "${d.id}" counts ${d.basis.unit}, the other data ${unit}: they cannot be added. Not used.`);
    return false;
  });
  const regionBasis = ofUnit[0]!.basis.regionBasis;
  const used = ofUnit.filter((d) => {
    if (d.basis.regionBasis === regionBasis) return true;
    warn(d, `Dataset "${d.id}" places patients by ${d.basis.regionBasis} region, the other data by ${regionBasis} region: they cannot be added. Not used.`);
    return false;
  });
  if (unit !== 'persons') {
    for (const d of used) warn(d, `Dataset "${d.id}" counts ${d.basis.unit}, not persons: one patient may be counted more than once.`);
  }
  return { used, reference: { unit, kind: study.population.kind, regionBasis } };
}

function ageBandStart(label: string): number {
  const band = parseAgeBand(label);
  return band?.kind === 'band' ? band.min : -1;
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
    cellPass: options.cellPass ?? {},
  };
  const basis: EstimateBasis = { kind: study.population.kind, windowYears: study.population.windowYears, datasets: [] };
  const ageWeights = options.population ? ageWeightsFrom(options.population) : null;

  const { used, reference } = datasetsOfOneBasis(study, datasets, warnings);
  if (reference) {
    basis.unit = reference.unit;
    basis.regionBasis = reference.regionBasis;
  }
  for (const dataset of used) {
    if (dataset.provenance.synthetic) warnings.push({ code: 'synthetic-data', dataset: dataset.id });
    const { yearsCovered: covered, scale, yearsUsed, scaleUsed } = accumulateDataset(study, dataset, conjuncts, acc, ageWeights);
    basis.datasets.push({ id: dataset.id, yearsCovered: covered, scale, yearsUsed, scaleUsed });
  }
  if (ageWeights) basis.ageShares = { kind: 'population', datasetId: ageWeights.datasetId };
  else basis.ageShares = { kind: 'uniform' };

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
  if (acc.straddlingBands.size > 0) {
    // Youngest band first: a stable order whichever way the cell pass found them.
    const bands = [...acc.straddlingBands].sort((a, b) => ageBandStart(a) - ageBandStart(b) || a.localeCompare(b));
    warnings.push({ code: 'straddling-age-band', bands, weighting: ageWeights ? 'population' : 'uniform' });
  }
  if (acc.unresolvedDimensions.size > 0) warnings.push({ code: 'unresolved-criterion', dimensions: [...acc.unresolvedDimensions] });
  if (proportionSteps.length >= 2) warnings.push({ code: 'independence', steps: proportionSteps });

  const result: EstimateResult = {
    inputHash: hashJson({
      study,
      datasets: datasets.map((d) => ({ id: d.id, sha256: d.provenance.sha256 })),
      // The settings that change numbers (a population table by its hash, not its arrays).
      options: options.population
        ? { hallandRule: options.hallandRule, population: options.population.provenance.sha256 }
        : { hallandRule: options.hallandRule },
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
