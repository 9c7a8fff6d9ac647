/**
 * The population of a study's criteria — inhabitants of its age, sex and region — per region, for the nation as
 * the sum of the regions and as a table's national rows, for one period of the data.
 *
 * The population dataset is a linked table (e.g. SCB's BE0101N1, persons by county and single year of age) or the
 * population column a file carries beside its counts (Socialstyrelsen's "Befolkning"). Its period: the data's
 * own period if the table has it, else the table's latest earlier period (SCB counts the population on 31
 * December, so the previous year's table is the population at the start of the year, the convention
 * Socialstyrelsen's own rates use), else none. A table without a period column serves every period. A population
 * column that a file repeats for every drug or code is read once per region, sex, age and period, from the drugs
 * or codes the criteria include.
 *
 * The estimator answers the criteria's age, sex and region on the table, so totals, sexes and age bands are read
 * exactly as for the counts; a band straddling an age limit gives a shared population (`exact: false`).
 */
import type { Dataset } from '../counts/dataset';
import type { Study } from '../criteria/study';
import { estimateEligible } from '../estimate/estimate';
import type { EstimateResult } from '../estimate/types';
import { codeMatches, parseCodeSet } from '../icd10/code-set';
import { COUNTY_CODES, DEFAULT_HALLAND_RULE, type CountyCode } from '../regions/regions';
import { cutsOf, presence, slice, type Cut } from './slice';
import { includedValues, populationStudy } from './study-parts';
import { periodSpan, type PeriodSpan } from './time';

export interface SeriesPopulation {
  /** Inhabitants of the criteria's age, sex and region (the point, when an age band is shared). */
  persons: number;
  /** The population period used (the same period, or the latest earlier one). */
  period: string;
  /** False when an age band straddles the criteria's age limits and its population was shared. */
  exact: boolean;
  /**
   * True when a population cell inside the criteria is 0 in this period although the same region, sex and age has
   * a real population in another period (≥ 100 persons): the table did not report it (Socialstyrelsen writes 0
   * where a drug was not reported), so the population, and any rate from it, is incomplete.
   */
  incomplete: boolean;
}

/** Why a population is missing or doubtful. */
export type PopulationIssue =
  | { code: 'none-given' }
  | { code: 'mixed-criteria'; steps: string[] }
  | { code: 'unresolved'; dimensions: string[] }
  | { code: 'repeated-values-differ'; period: string; region: string };

export interface PopulationAt {
  /** The population period used. */
  period: string;
  regions: Partial<Record<CountyCode, SeriesPopulation>>;
  /** The sum of the regions' populations. */
  national: SeriesPopulation | null;
  /** The table's own national rows (or, for a table without them, the sum of its regions). */
  published: SeriesPopulation | null;
}

export interface PopulationReader {
  datasetId: string;
  issues: PopulationIssue[];
  /** The population for a data period, or null when the table has none for it (or cannot answer the criteria). */
  at(period: string): PopulationAt | null;
}

/**
 * A population dataset with its code and extra columns read once: per region, sex, age and period the value of
 * the cells whose codes/drugs the study includes (the largest of them: a drug not yet reported carries 0 there).
 */
function collapsePopulation(population: Dataset, study: Study, issues: PopulationIssue[]): Dataset {
  const collapse = population.dimensions.map((d, k) => ({ d, k })).filter(({ d }) => d.role === 'code' || d.role === 'extra');
  if (collapse.length === 0) return population;
  const included = includedValues(study);
  const codeSets = included.codes.map((codes) => parseCodeSet(codes));
  const allowed = collapse.map(({ d }) =>
    Uint8Array.from(d.values, (value) => {
      if (d.role === 'extra') return !included.extra.has(d.key) || included.extra.get(d.key)!.has(value) ? 1 : 0;
      return codeSets.every((set) => codeMatches(set, value)) ? 1 : 0;
    }),
  );
  const keepDims = population.dimensions.map((d, k) => ({ d, k })).filter(({ d }) => d.role !== 'code' && d.role !== 'extra');
  const groups = new Map<string, { cell: number; value: number; positive: number[] }>();
  for (let i = 0; i < population.cellCount; i++) {
    if (!collapse.every(({ k }, c) => allowed[c]![population.columns[k]![i]!])) continue;
    const key = keepDims.map(({ k }) => population.columns[k]![i]).join(',');
    const value = population.point[i]!;
    const group = groups.get(key);
    if (!group) groups.set(key, { cell: i, value, positive: value > 0 ? [value] : [] });
    else {
      if (value > group.value) {
        group.value = value;
        group.cell = i;
      }
      if (value > 0) group.positive.push(value);
    }
  }
  const cells = [...groups.values()];
  for (const g of cells) {
    if (g.positive.some((v) => v !== g.positive[0]) && issues.length < 20) {
      const at = (role: 'period' | 'region'): string => {
        const k = population.dimensions.findIndex((d) => d.role === role);
        return k < 0 ? '' : population.dimensions[k]!.values[population.columns[k]![g.cell]!]!;
      };
      issues.push({ code: 'repeated-values-differ', period: at('period'), region: at('region') });
    }
  }
  const pick = <T extends Uint32Array | Float64Array | Uint8Array>(source: T, make: (n: number) => T): T => {
    const out = make(cells.length);
    cells.forEach((g, n) => (out[n] = source[g.cell]!));
    return out;
  };
  return {
    ...population,
    id: `${population.id}#once`,
    dimensions: keepDims.map(({ d }) => d),
    cellCount: cells.length,
    columns: keepDims.map(({ k }) => pick(population.columns[k]!, (n) => new Uint32Array(n))),
    low: pick(population.low, (n) => new Float64Array(n)),
    point: pick(population.point, (n) => new Float64Array(n)),
    high: pick(population.high, (n) => new Float64Array(n)),
    masked: pick(population.masked, (n) => new Uint8Array(n)),
  };
}

/** The population dataset's period for a data period: the same, else the latest earlier one. */
function populationPeriodFor(span: PeriodSpan, populationPeriods: PeriodSpan[]): PeriodSpan | null {
  const same = populationPeriods.find((p) => p.label === span.label);
  if (same) return same;
  let best: PeriodSpan | null = null;
  for (const p of populationPeriods) if (p.end <= span.start + 1e-9 && (!best || p.end > best.end)) best = p;
  return best;
}


const valueOf = (result: EstimateResult, key: CountyCode | 'national' | 'published') =>
  key === 'national' ? result.national : key === 'published' ? result.nationalPublished : result.regions.find((r) => r.region === key)?.eligible;

function populationOf(result: EstimateResult, unreported: EstimateResult, key: CountyCode | 'national' | 'published', period: string, exact: boolean): SeriesPopulation | null {
  const value = valueOf(result, key);
  if (!value) return null;
  return { persons: value.point, period, exact: exact && value.low === value.high, incomplete: (valueOf(unreported, key)?.high ?? 0) > 0 };
}

/** A real population is never this small for a whole region, sex and single age band in another year. */
const REAL_POPULATION = 100;

/**
 * 1 for every cell that is 0 while its region, sex and age have at least REAL_POPULATION persons in another
 * period; answering the criteria on it tells whether an unreported cell lies inside them.
 */
function unreportedCells(population: Dataset): Dataset {
  const periodDim = population.dimensions.findIndex((d) => d.role === 'period');
  const others = population.dimensions.map((_, k) => k).filter((k) => k !== periodDim);
  const keyOf = (i: number): string => others.map((k) => population.columns[k]![i]).join(',');
  const largest = new Map<string, number>();
  for (let i = 0; i < population.cellCount; i++) {
    const key = keyOf(i);
    largest.set(key, Math.max(largest.get(key) ?? 0, population.high[i]!));
  }
  const flag = new Float64Array(population.cellCount);
  for (let i = 0; i < population.cellCount; i++) if (population.high[i] === 0 && (largest.get(keyOf(i)) ?? 0) >= REAL_POPULATION) flag[i] = 1;
  return { ...population, id: `${population.id}#unreported`, low: flag, point: flag, high: flag, masked: new Uint8Array(population.cellCount) };
}

/** Reads a population dataset for a study; periods are answered on demand and kept. */
export function populationReader(study: Study, population: Dataset, options: { ageShares?: Dataset } = {}): PopulationReader {
  const issues: PopulationIssue[] = [];
  const parts = populationStudy(study);
  if ('mixed' in parts) {
    issues.push({ code: 'mixed-criteria', steps: parts.mixed });
    return { datasetId: population.id, issues, at: () => null };
  }
  const popStudy = parts.study;
  const estimateOptions = { hallandRule: DEFAULT_HALLAND_RULE, ...(options.ageShares ? { population: options.ageShares } : {}) };
  const once = collapsePopulation(population, study, issues);
  const prepared: Dataset = { ...once, basis: { unit: 'persons', kind: 'prevalent', regionBasis: once.basis.regionBasis } };
  const cut: Cut | null = cutsOf(prepared);
  const flagged = unreportedCells(prepared);
  const spans = cut ? [...cut.periods.keys()].map((label) => periodSpan(label)!) : [];
  const cache = new Map<string, PopulationAt | null>();

  const answer = (dataset: Dataset, flags: Dataset, label: string): PopulationAt | null => {
    const result = estimateEligible(popStudy, [dataset], estimateOptions);
    const unreported = estimateEligible(popStudy, [flags], estimateOptions);
    const unresolved = result.warnings.find((w) => w.code === 'unresolved-criterion');
    if (unresolved && unresolved.code === 'unresolved-criterion') {
      if (!issues.some((i) => i.code === 'unresolved')) issues.push({ code: 'unresolved', dimensions: unresolved.dimensions });
      return null;
    }
    const exact = !result.warnings.some((w) => w.code === 'straddling-age-band');
    const seen = presence(dataset);
    const regions: Partial<Record<CountyCode, SeriesPopulation>> = {};
    for (const code of COUNTY_CODES) {
      if (!seen.counties.has(code)) continue;
      const value = populationOf(result, unreported, code, label, exact);
      if (value) regions[code] = value;
    }
    const national = seen.counties.size > 0 ? populationOf(result, unreported, 'national', label, exact) : null;
    // The published national count goes with the published national population; a table without national rows
    // has the whole country only as the sum of its regions.
    const published = seen.national ? populationOf(result, unreported, 'published', label, exact) : national;
    return { period: label, regions, national, published };
  };

  return {
    datasetId: population.id,
    issues,
    at(period: string): PopulationAt | null {
      const span = periodSpan(period);
      if (!span) return null;
      if (!cut || cut.periods.size === 0) {
        // A table without a period column (one period, e.g. county totals) serves every period.
        if (!cache.has('')) cache.set('', answer(prepared, flagged, prepared.provenance.periodTo || ''));
        return cache.get('')!;
      }
      const chosen = populationPeriodFor(span, spans);
      if (!chosen) return null;
      if (!cache.has(chosen.label)) cache.set(chosen.label, answer(slice(cut.dataset, cut.periods.get(chosen.label)!, 'as-is'), slice(flagged, cut.periods.get(chosen.label)!, 'as-is'), chosen.label));
      return cache.get(chosen.label)!;
    },
  };
}
