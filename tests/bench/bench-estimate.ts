/**
 * The estimate benchmark (`npm run bench`): the estimate's speed on a deterministic synthetic dataset of 1 000 000 cells and a study of six
 * steps (goals: a full estimate with attrition at most 0.25 × DuckDB's p95 for the same question on the same data,
 * and at most 1.5 × DuckDB's plain filter-and-group-by of the final step). The dataset is written straight into typed arrays: generating it through
 * DatasetBuilder would measure the builder, not the estimator.
 *
 * What is timed:
 * - ours, warm: estimateEligible on the same dataset object again and again, as the app does while the user
 *   edits the study (what depends on the dataset alone is cached with it, see shared/estimate/dataset-cache.ts);
 * - ours, warm, a new question every run (other age limits, codes, stages: the same dimensions), so that nothing
 *   an earlier run computed can answer it;
 * - ours, the first estimate after the dimensions the criteria use changed (sums kept per dataset and list of
 *   dimensions are built then, see shared/estimate/marginal-pass.ts);
 * - ours, cold: each run on a fresh dataset object over the same arrays, so nothing is cached;
 * - DuckDB (@duckdb/node-api, in memory, its default threads): the same columns loaded into a table once,
 *   outside the timing; timed is the query that answers the same question — per region, for the base and after
 *   each predicate step, low, point and high sums with the same predicates — plus folding its few hundred
 *   result rows into per-step sums (the straddling age bands' shares and the annualisation, as ours do). The
 *   folded sums are compared with ours, so the two provably compute the same thing. Also timed, for scale:
 *   DuckDB's plain filter-and-group-by of the final step's point only.
 * Each is timed in its own block of runs right after the others, on the same data (runFullBench says why not
 * interleaved).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Dataset } from '../../shared/counts/dataset';
import { STUDY_SCHEMA_VERSION, type CriterionStep, type Predicate, type Study } from '../../shared/criteria/study';
import { lastCellPassMode } from '../../shared/estimate/cell-pass';
import { estimateEligible } from '../../shared/estimate/estimate';
import type { EstimateResult } from '../../shared/estimate/types';
import { codeMatches, codePartlyMatches, parseCodeSet } from '../../shared/icd10/code-set';
import { parseRegion } from '../../shared/regions/parse';
import { COUNTY_CODES, DEFAULT_HALLAND_RULE } from '../../shared/regions/regions';
import { parseAgeBand } from '../../shared/utils/age-band';
import { parsePeriod } from '../../shared/utils/period';
import { mulberry32 } from '../../shared/utils/prng';
import { DEMO_STUDY } from '../../shared/demo/study';
import { formatters, renderTable } from '../../cli/format';
import type { Language } from '../../shared/text/language';
import { MASK_X, testProvenance } from '../shared/study-builders';

export const BENCH_CELLS = 1_000_000;
export const BENCH_RUNS = 50;
const WARMUP_RUNS = 5;
/**
 * Runs before either engine is timed warm. V8 optimises the estimator's functions one by one as they get hot:
 * measured per block of 50 estimates of this study (CPU time, p50 / p95, load 13): runs 0–49 ≈ 8 / 20–37 ms,
 * 50–149 ≈ 3–5 / 7–11 ms, settled from about run 150–200 at ≈ 2–3 / 4–7 ms; until then V8's compiler threads
 * run beside the estimates (CPU time above wall time). Timing ours after 30 runs measured V8 at work, not the
 * estimate, so both engines now get the same 200 warm-up runs (DuckDB: of its question and of its plain filter),
 * and the runs while V8 optimises are reported on their own (estimate_1m_cells_warming): what a user's first
 * edits after opening a dataset cost.
 */
const OUR_WARMUP_RUNS = 200;
/** The warm-up runs reported as estimate_1m_cells_warming: the 2nd to the 51st estimate on the dataset. */
const WARMING_RUNS = 50;

const AGE_BANDS = ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85+'];
const CODES = [
  'C180', 'C181', 'C182', 'C183', 'C184', 'C185', 'C186', 'C187', 'C188', 'C189', 'C19', 'C20', 'C210', 'C211',
  'C250', 'C251', 'C252', 'C259', 'C340', 'C341', 'C342', 'C343', 'C349', 'C500', 'C501', 'C502', 'C503', 'C504',
  'C505', 'C508', 'C509', 'C61', 'C64', 'C670', 'C671', 'C672', 'C679', 'C710', 'C711', 'C719',
];

/** Mixed-radix enumeration of year × region × code × sex × age × stage, cut at `cells`. */
export function createBenchDataset(cells: number, seed = 20240601): Dataset {
  const dimensions: Dataset['dimensions'] = [
    { key: 'year', role: 'period', values: ['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023'] },
    { key: 'region', role: 'region', values: [...COUNTY_CODES, 'national'] },
    { key: 'icd10', role: 'code', values: CODES },
    { key: 'sex', role: 'sex', values: ['male', 'female'] },
    { key: 'age', role: 'age', values: AGE_BANDS },
    { key: 'stage', role: 'extra', values: ['I', 'II', 'III', 'IV'] },
  ];
  const sizes = dimensions.map((d) => d.values.length);
  const columns = sizes.map(() => new Uint32Array(cells));
  const low = new Float64Array(cells);
  const point = new Float64Array(cells);
  const high = new Float64Array(cells);
  const masked = new Uint8Array(cells);
  const random = mulberry32(seed);
  const digits = new Array<number>(sizes.length).fill(0);
  for (let i = 0; i < cells; i++) {
    for (let d = 0; d < sizes.length; d++) columns[d]![i] = digits[d]!;
    const count = Math.floor(random() * random() * 40);
    if (count >= 1 && count <= 3) {
      low[i] = 1;
      point[i] = 2;
      high[i] = 3;
      masked[i] = 1;
    } else {
      low[i] = point[i] = high[i] = count;
    }
    for (let d = sizes.length - 1; d >= 0; d--) {
      digits[d]!++;
      if (digits[d]! < sizes[d]!) break;
      digits[d] = 0;
    }
  }
  return {
    id: `bench-${cells}`,
    name: `Benchmark dataset, ${cells} cells`,
    basis: { unit: 'persons', kind: 'incident', regionBasis: 'residence' },
    // Generated with each patient under one code and one stage: nothing overlaps.
    overlappingDimensions: [],
    provenance: testProvenance({ publisher: 'Antal benchmark (synthetic)', synthetic: true, sha256: `bench-${cells}-${seed}`, periodFrom: '2016', periodTo: '2023', maskTokens: MASK_X }),
    dimensions,
    cellCount: cells,
    columns,
    low,
    point,
    high,
    masked,
  };
}

/** Five steps: three on the data's dimensions (code, age, stage), two proportions; the estimate taken from 2019–2023. */
export const BENCH_STUDY: Study = {
  ...DEMO_STUDY,
  schemaVersion: STUDY_SCHEMA_VERSION,
  id: 'bench-five-steps',
  population: { ...DEMO_STUDY.population, period: { kind: 'range', from: '2019', to: '2023' } },
  steps: [
    { id: 'diagnosis', type: 'inclusion', enabled: true, protocolText: '', label: 'C18–C20', rule: { kind: 'predicate', predicate: { kind: 'codes', codes: ['C18-C20'] } } },
    { id: 'age', type: 'inclusion', enabled: true, protocolText: '', label: '18–75', rule: { kind: 'predicate', predicate: { kind: 'age', min: 18, max: 75 } } },
    { id: 'stage', type: 'inclusion', enabled: true, protocolText: '', label: 'Stage IV', rule: { kind: 'predicate', predicate: { kind: 'extra', key: 'stage', values: ['IV'] } } },
    { id: 'ecog', type: 'inclusion', enabled: true, protocolText: '', label: 'ECOG 0–1', rule: { kind: 'proportion', share: { low: 0.55, point: 0.65, high: 0.75 }, source: 'benchmark' } },
    { id: 'prior', type: 'exclusion', enabled: true, protocolText: '', label: 'Prior therapy', rule: { kind: 'proportion', share: { low: 0.05, point: 0.1, high: 0.15 }, source: 'benchmark' } },
  ],
};

/** Edits of the benchmark study that keep the dimensions its criteria use: other age limits, codes and stages. */
export function variedStudies(study: Study, count: number): Study[] {
  const codes = [['C18-C20'], ['C18'], ['C18-C19'], ['C19', 'C20'], ['C18-C21']];
  const stages = [['IV'], ['III', 'IV'], ['II', 'III', 'IV'], ['III']];
  return Array.from({ length: count }, (_, i) => ({
    ...study,
    steps: study.steps.map((step): CriterionStep => {
      if (step.rule.kind !== 'predicate') return step;
      const p = step.rule.predicate;
      const predicate: Predicate =
        p.kind === 'age' ? { ...p, min: 16 + (i % 5), max: 70 + (i % 11) } : p.kind === 'codes' ? { ...p, codes: codes[i % codes.length]! } : p.kind === 'extra' ? { ...p, values: stages[i % stages.length]! } : p;
      return { ...step, rule: { ...step.rule, predicate } };
    }),
  }));
}

/**
 * Variants of the benchmark study whose criteria use different lists of dimensions (a sex step added, the stage,
 * age or code step left out): cycling through more of them than the estimator keeps makes every estimate the
 * first for its list of dimensions.
 */
export function otherDimensionStudies(study: Study): Study[] {
  const sex: CriterionStep = { id: 'sex', type: 'inclusion', enabled: true, protocolText: '', label: 'Women', rule: { kind: 'predicate', predicate: { kind: 'sex', sex: 'female' } } };
  const without = (kind: Predicate['kind']): CriterionStep[] => study.steps.filter((s) => s.rule.kind !== 'predicate' || s.rule.predicate.kind !== kind);
  return [
    { ...study, steps: [sex, ...study.steps] },
    { ...study, steps: without('extra') },
    { ...study, steps: without('age') },
    { ...study, steps: [sex, ...without('codes')] },
    { ...study, steps: without('codes') },
  ];
}

export interface Timing {
  p50_ms: number;
  p95_ms: number;
  runs: number;
  cells: number;
}

export interface BenchResult {
  estimate_1m_cells: Timing;
}

export interface DuckDbTiming extends Timing {
  /** DuckDB's worker threads (its default: one per core). */
  threads: number;
  /** Loading the table, once, not part of p50/p95. */
  load_ms: number;
  version: string;
  /** Largest relative difference between DuckDB's folded sums and ours, over regions, steps and low/point/high. */
  max_relative_difference: number;
  agrees_with_estimate: boolean;
}

export interface FullBenchResult extends BenchResult {
  /**
   * The warm runs' CPU time (process.cpuUsage, user + system; the estimator is single-threaded): what the
   * estimate costs when other processes share the machine and wall time also counts their turns.
   */
  estimate_1m_cells_cpu: Timing;
  /** A fresh dataset object every run: nothing cached (the first estimate after an import). */
  estimate_1m_cells_cold: Timing;
  /**
   * The 2nd to the 51st estimate of the same study on a new dataset, while V8 still optimises the estimator
   * (the first edits after opening a dataset); the warm figures are taken after 200 such runs.
   */
  estimate_1m_cells_warming: Timing;
  /**
   * Warm, each run a different question on the same dimensions (age limits, codes, stages: what an edit of a
   * criterion does), so that no run can reuse an earlier run's answer.
   */
  estimate_1m_cells_varied: Timing;
  /** The first estimate after the dimensions the criteria use changed (a step on another dimension added or removed). */
  estimate_1m_cells_new_dimensions: Timing;
  /**
   * CPU time of the warm estimate and of the same estimate through the older cell pass (over the dense table or
   * the group list: `cellPass: { skipMarginals: true }`), run by run alternately, so that both see the same load:
   * what the pre-aggregated sums save, on a busy machine too.
   */
  estimate_1m_cells_cpu_ab: { marginals: Timing; cell_pass: Timing };
  /** How the warm estimate's cell pass ran ('marginals': pre-aggregated sums; 'packed' or 'classes': the cell pass). */
  estimate_path: string;
  duckdb_1m_cells: DuckDbTiming;
  /** DuckDB's plain WHERE … GROUP BY region of the final step's point sums only: a lower bound, for scale. */
  duckdb_final_filter_1m_cells: Timing;
  /** Ours p95 / DuckDB p95 (same question). Target ≤ 0.5. */
  ratio: number;
  /** Ours p95 / DuckDB's plain final-step filter p95. */
  ratio_to_final_filter: number;
  environment: { node: string; cpus: number; cpuModel: string };
}

const percentile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const round = (x: number): number => Math.round(x * 100) / 100;

function timing(times: number[], cells: number): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50_ms: round(percentile(sorted, 0.5)), p95_ms: round(percentile(sorted, 0.95)), runs: times.length, cells };
}

function timeOnce(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** The estimate alone, warm (without DuckDB). */
export function runBench(cells = BENCH_CELLS, runs = BENCH_RUNS): BenchResult & { cellsPerSecond: number } {
  const dataset = createBenchDataset(cells);
  const options = { hallandRule: DEFAULT_HALLAND_RULE };
  for (let i = 0; i < OUR_WARMUP_RUNS; i++) estimateEligible(BENCH_STUDY, [dataset], options);
  const times = Array.from({ length: runs }, () => timeOnce(() => estimateEligible(BENCH_STUDY, [dataset], options)));
  const result = timing(times, cells);
  return { estimate_1m_cells: result, cellsPerSecond: Math.round(cells / (result.p50_ms / 1000)) };
}

/** Ours warm and cold, DuckDB on the same question, interleaved run by run. */
export async function runFullBench(cells = BENCH_CELLS, runs = BENCH_RUNS, study: Study = BENCH_STUDY): Promise<FullBenchResult> {
  const dataset = createBenchDataset(cells);
  const options = { hallandRule: DEFAULT_HALLAND_RULE };
  // Each measurement in its own block of runs, as each runs in practice (the app re-estimating while the user
  // edits; DuckDB answering query after query): interleaved, each would evict the other's data from the CPU
  // caches and DuckDB's worker threads would compete with ours. Ours first, before loading DuckDB leaves
  // millions of short-lived objects for the garbage collector. All blocks run on the same data, seconds apart.
  let ours: EstimateResult = estimateEligible(study, [dataset], options);
  const warming: number[] = [];
  for (let i = 0; i < OUR_WARMUP_RUNS; i++) {
    const ms = timeOnce(() => (ours = estimateEligible(study, [dataset], options)));
    if (i < WARMING_RUNS) warming.push(ms);
  }
  const warmCpu: number[] = [];
  const warm = Array.from({ length: runs }, () => {
    const cpu = process.cpuUsage();
    const ms = timeOnce(() => (ours = estimateEligible(study, [dataset], options)));
    const used = process.cpuUsage(cpu);
    warmCpu.push((used.user + used.system) / 1000);
    return ms;
  });
  const path = lastCellPassMode() ?? 'none';
  const cpuOf = (run: () => void): number => {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  const older = { ...options, cellPass: { skipMarginals: true } };
  for (let i = 0; i < OUR_WARMUP_RUNS; i++) estimateEligible(study, [dataset], older);
  const abNew: number[] = [];
  const abOld: number[] = [];
  for (let i = 0; i < runs; i++) {
    abNew.push(cpuOf(() => estimateEligible(study, [dataset], options)));
    abOld.push(cpuOf(() => estimateEligible(study, [dataset], older)));
  }
  const edits = variedStudies(study, runs + WARMUP_RUNS);
  for (let i = 0; i < WARMUP_RUNS; i++) estimateEligible(edits[runs + i]!, [dataset], options);
  const varied = edits.slice(0, runs).map((edit) => timeOnce(() => estimateEligible(edit, [dataset], options)));
  const others = otherDimensionStudies(study);
  const newDimensions = Array.from({ length: runs }, (_, i) => timeOnce(() => estimateEligible(others[i % others.length]!, [dataset], options)));
  // A shallow copy is a new dataset object over the same arrays: every cache misses.
  const cold = Array.from({ length: runs }, () => {
    const fresh = { ...dataset };
    return timeOnce(() => estimateEligible(study, [fresh], options));
  });

  const duck = await openDuckDb(dataset);
  try {
    const question = duckDbQuestion(dataset, study);
    const finalFilter = duckDbFinalFilter(question);
    let theirs = await duck.answer(question);
    for (let i = 0; i < OUR_WARMUP_RUNS; i++) {
      theirs = await duck.answer(question);
      await duck.rows(finalFilter);
    }
    const duckTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      theirs = await duck.answer(question);
      duckTimes.push(performance.now() - start);
    }
    const filterTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await duck.rows(finalFilter);
      filterTimes.push(performance.now() - start);
    }
    const difference = compareWithEstimate(theirs, ours);
    const estimate = timing(warm, cells);
    const duckdb: DuckDbTiming = {
      ...timing(duckTimes, cells),
      threads: duck.threads,
      load_ms: round(duck.loadMs),
      version: duck.version,
      max_relative_difference: difference,
      agrees_with_estimate: difference < 1e-9,
    };
    const filter = timing(filterTimes, cells);
    return {
      estimate_1m_cells: estimate,
      estimate_1m_cells_cold: timing(cold, cells),
      estimate_1m_cells_warming: timing(warming, cells),
      estimate_1m_cells_varied: timing(varied, cells),
      estimate_1m_cells_new_dimensions: timing(newDimensions, cells),
      estimate_path: path,
      estimate_1m_cells_cpu_ab: { marginals: timing(abNew, cells), cell_pass: timing(abOld, cells) },
      estimate_1m_cells_cpu: timing(warmCpu, cells),
      duckdb_1m_cells: duckdb,
      duckdb_final_filter_1m_cells: filter,
      ratio: round3(estimate.p95_ms / duckdb.p95_ms),
      ratio_to_final_filter: round3(estimate.p95_ms / filter.p95_ms),
      environment: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' },
    };
  } finally {
    duck.close();
  }
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

// ---------------------------------------------------------------------------------------------------------
// DuckDB: the same question in SQL.

/** The question in SQL, and what is needed to fold its rows into per-step sums like ours. */
export interface DuckDbQuestion {
  sql: string;
  /** Number of predicate steps (they must come first in the study, before any proportion step). */
  predicateSteps: number;
  /**
   * The attrition's lines before the proportion steps, as the estimator lists them: each with the number of
   * predicate conditions a cell must pass, and whether straddling age bands count whole (the age step's own line,
   * and before it) or with their share (its assumption line, and after it).
   */
  lines: Array<{ level: number; ageShare: boolean }>;
  /** Per age value: (low, point, high) weight on the assumption line and after it: the share × the study's range. */
  ageWeights: [number, number, number][];
  /** The factor sums are multiplied by (annualisation over the estimate's period, as in estimate.ts). */
  scale: number;
  /** The estimate's period as a condition every cell must meet (null: every period). */
  periodCondition: string | null;
  /** Per region value: its slot (county index, or −1 for national/unknown, which are not part of the sum). */
  regionSlots: number[];
  /** Per predicate step, its SQL condition (a cell passes the step when it may lie inside). */
  conditions: string[];
  regionColumn: string;
}

const sqlList = (indices: number[]): string => (indices.length === 0 ? '(NULL)' : `(${indices.join(', ')})`);
const columnName = (dataset: Dataset, d: number): string => `d${d}_${dataset.dimensions[d]!.key.replace(/[^a-z0-9_]/gi, '_')}`;

/**
 * The benchmark question in SQL. Supports what the benchmark study uses: inclusion steps on codes, age (one
 * age step), sex, region, extra values and periods, on finest values, before the proportion steps. Each
 * predicate is evaluated once per dictionary value here (tiny); DuckDB evaluates it on a million rows.
 */
export function duckDbQuestion(dataset: Dataset, study: Study): DuckDbQuestion {
  const dims = dataset.dimensions;
  const enabled = study.steps.filter((s) => s.enabled);
  const firstProportion = enabled.findIndex((s) => s.rule.kind !== 'predicate');
  const predicateSteps = enabled.slice(0, firstProportion < 0 ? enabled.length : firstProportion);
  if (enabled.slice(predicateSteps.length).some((s) => s.rule.kind === 'predicate')) throw new Error('benchmark SQL: predicate steps must come before proportion steps');
  const ageDim = dims.findIndex((d) => d.role === 'age');
  const ageWeights = (ageDim >= 0 ? dims[ageDim]!.values : ['all']).map((): [number, number, number] => [1, 1, 1]);
  let agePrefix = 0;
  let straddles = false;
  const conditions: string[] = [];
  const range = study.ageShare.range;
  predicateSteps.forEach((step, index) => {
    if (step.rule.kind !== 'predicate' || step.type !== 'inclusion') throw new Error(`benchmark SQL: step "${step.id}" is not an inclusion predicate`);
    const predicate: Predicate = step.rule.predicate;
    const role = predicate.kind === 'codes' ? 'code' : predicate.kind === 'extra' ? 'extra' : predicate.kind;
    const d = dims.findIndex((dim) => dim.role === role && (predicate.kind !== 'extra' || dim.key === predicate.key));
    if (d < 0) throw new Error(`benchmark SQL: the data has no ${role} column`);
    const values = dims[d]!.values;
    const keep = (test: (value: string, index: number) => boolean): number[] => values.flatMap((v, i) => (test(v, i) ? [i] : []));
    let inside: number[];
    switch (predicate.kind) {
      case 'codes': {
        const set = parseCodeSet(predicate.codes);
        if (values.some((v) => codePartlyMatches(set, v))) throw new Error('benchmark SQL: codes coarser than the criterion');
        inside = keep((v) => codeMatches(set, v));
        break;
      }
      case 'age': {
        if (agePrefix > 0) throw new Error('benchmark SQL: one age step only');
        agePrefix = index + 1;
        const min = predicate.min ?? 0;
        const max = predicate.max ?? Number.POSITIVE_INFINITY;
        inside = keep((v, i) => {
          const band = parseAgeBand(v);
          if (!band || band.kind === 'all') throw new Error('benchmark SQL: age bands only');
          const hi = band.max ?? band.min + 9;
          const years = hi - band.min + 1;
          const within = Math.max(0, Math.min(hi, max) - Math.max(band.min, min) + 1);
          // Uniform share of a straddling band × the study's range, capped at the whole band, as estimate.ts does
          // without a population table.
          const whole = band.min >= min && (band.max === null ? max === Number.POSITIVE_INFINITY : band.max <= max);
          const share = within / years;
          if (!whole && within > 0) straddles = true;
          ageWeights[i] = whole ? [1, 1, 1] : [Math.min(1, share * range.low), Math.min(1, share * range.point), Math.min(1, share * range.high)];
          return within > 0 || whole;
        });
        break;
      }
      case 'sex':
        inside = keep((v) => v === predicate.sex);
        break;
      case 'region':
        inside = keep((v) => {
          const ref = parseRegion(v);
          return ref?.kind === 'county' && predicate.regions.includes(ref.code);
        });
        break;
      case 'extra':
        inside = keep((v) => predicate.values.includes(v));
        break;
      default:
        throw new Error(`benchmark SQL: "${predicate.kind}" predicates are not supported`);
    }
    conditions.push(`${columnName(dataset, d)} IN ${sqlList(inside)}`);
  });
  // The estimate's period: the years wholly inside its range (the benchmark's study uses a range or every year).
  const periodDim = dims.findIndex((d) => d.role === 'period');
  const setting = study.population.period;
  if (setting.kind === 'latest' || (setting.exclude?.length ?? 0) > 0) throw new Error('benchmark SQL: a period range or every period only');
  const years = periodDim < 0 ? [] : dims[periodDim]!.values.flatMap((v, i) => {
    const p = parsePeriod(v);
    if (!p) return [];
    if (setting.kind === 'range' && !(p.startDay >= parsePeriod(setting.from)!.startDay && p.endDay <= parsePeriod(setting.to)!.endDay)) return [];
    return [{ i, years: p.years }];
  });
  const periodCondition = periodDim < 0 || setting.kind === 'all' ? null : `${columnName(dataset, periodDim)} IN ${sqlList(years.map((y) => y.i))}`;
  const selectedYears = periodDim < 0 ? 1 : years.reduce((sum, y) => sum + y.years, 0);
  const scale = study.population.kind === 'incident' ? study.population.windowYears / selectedYears : 1;

  // A cell's level: the last condition it passes (the same notion as the estimator's cell pass).
  const level = conditions.length === 0 ? '0' : `CASE ${conditions.map((c, k) => `WHEN NOT (${c}) THEN ${k}`).join(' ')} ELSE ${conditions.length} END`;
  const regionDim = dims.findIndex((d) => d.role === 'region');
  const ageColumn = ageDim >= 0 ? columnName(dataset, ageDim) : '0';
  const regionColumn = columnName(dataset, regionDim);
  const sql = `SELECT ${regionColumn} AS region, ${ageColumn} AS age, ${level} AS level, sum(low) AS low, sum(point) AS point, sum(high) AS high FROM cells${periodCondition ? ` WHERE ${periodCondition}` : ''} GROUP BY ALL`;

  const lines: DuckDbQuestion['lines'] = [{ level: 0, ageShare: false }];
  for (let k = 1; k <= predicateSteps.length; k++) {
    lines.push({ level: k, ageShare: agePrefix > 0 && k > agePrefix });
    // The age step's assumption line, when a band straddles its limits.
    if (k === agePrefix && straddles) lines.push({ level: k, ageShare: true });
  }
  const regionSlots = dims[regionDim]!.values.map((v) => {
    const ref = parseRegion(v);
    return ref?.kind === 'county' ? COUNTY_CODES.indexOf(ref.code) : -1;
  });
  return { sql, predicateSteps: predicateSteps.length, lines, ageWeights, scale, periodCondition, regionSlots, conditions, regionColumn };
}

/** Plain filter and group by: the final step's point per region, nothing else. */
export function duckDbFinalFilter(question: DuckDbQuestion): string {
  const all = [...(question.periodCondition ? [question.periodCondition] : []), ...question.conditions];
  const where = all.length ? ` WHERE ${all.join(' AND ')}` : '';
  return `SELECT ${question.regionColumn} AS region, sum(point) AS point FROM cells${where} GROUP BY ALL`;
}

/** DuckDB's rows folded into per-line, per-county sums: sums[line][county] = [low, point, high]. */
export function foldDuckDbRows(question: DuckDbQuestion, rows: readonly (readonly unknown[])[]): number[][][] {
  const sums = question.lines.map(() => Array.from({ length: COUNTY_CODES.length }, () => [0, 0, 0]));
  for (const row of rows) {
    const [region, age, level, low, point, high] = row.map(Number) as [number, number, number, number, number, number];
    const slot = question.regionSlots[region]!;
    if (slot < 0) continue;
    question.lines.forEach((line, r) => {
      if (line.level > level) return;
      const w = line.ageShare ? question.ageWeights[age]! : ([1, 1, 1] as const);
      const at = sums[r]![slot]!;
      at[0]! += w[0] * low * question.scale;
      at[1]! += w[1] * point * question.scale;
      at[2]! += w[2] * high * question.scale;
    });
  }
  return sums;
}

/** Largest relative difference between DuckDB's folded sums and our attrition lines before the proportion steps. */
export function compareWithEstimate(theirs: number[][][], ours: EstimateResult): number {
  const enabledRows = ours.attrition.filter((a) => a.enabled);
  let worst = 0;
  for (let k = 0; k < theirs.length; k++) {
    COUNTY_CODES.forEach((code, slot) => {
      const mine = enabledRows[k]!.perRegion[code]!;
      const other = theirs[k]![slot]!;
      [mine.low, mine.point, mine.high].forEach((x, f) => {
        const difference = Math.abs(x - other[f]!) / Math.max(1, Math.abs(x));
        if (difference > worst) worst = difference;
      });
    });
  }
  return worst;
}

interface DuckDbSession {
  answer(question: DuckDbQuestion): Promise<number[][][]>;
  rows(sql: string): Promise<unknown[][]>;
  threads: number;
  loadMs: number;
  version: string;
  close(): void;
}

/** An in-memory DuckDB with the dataset's columns loaded once (dictionary indices and counts, as ours holds them). */
export async function openDuckDb(dataset: Dataset): Promise<DuckDbSession> {
  // Loaded here, not at the top: every `antal` command imports this file, and only the benchmark needs DuckDB's
  // native module. require, not import(): under tsx a dynamic import of a bare name fails to resolve.
  const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const start = performance.now();
  const dims = dataset.dimensions;
  const typeOf = (size: number): string => (size <= 256 ? 'UTINYINT' : size <= 65536 ? 'USMALLINT' : 'UINTEGER');
  await connection.run(
    `CREATE TABLE cells (${[...dims.map((d, i) => `${columnName(dataset, i)} ${typeOf(d.values.length)}`), 'low DOUBLE', 'point DOUBLE', 'high DOUBLE'].join(', ')})`,
  );
  const appender = await connection.createAppender('cells');
  const append = dims.map((d) => (d.values.length <= 256 ? (v: number) => appender.appendUTinyInt(v) : d.values.length <= 65536 ? (v: number) => appender.appendUSmallInt(v) : (v: number) => appender.appendUInteger(v)));
  for (let i = 0; i < dataset.cellCount; i++) {
    for (let d = 0; d < dims.length; d++) append[d]!(dataset.columns[d]![i]!);
    appender.appendDouble(dataset.low[i]!);
    appender.appendDouble(dataset.point[i]!);
    appender.appendDouble(dataset.high[i]!);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  const loadMs = performance.now() - start;
  const rows = async (sql: string): Promise<unknown[][]> => (await connection.runAndReadAll(sql)).getRows() as unknown[][];
  const [[threads, version]] = (await rows("SELECT current_setting('threads')::INTEGER, version()")) as [[number, string]];
  return {
    answer: async (question) => foldDuckDbRows(question, await rows(question.sql)),
    rows,
    threads: Number(threads),
    loadMs,
    version: String(version),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Output

const BENCH_TEXT: Record<Language, Record<string, string>> = {
  sv: {
    title: 'Antal prestandamätning: fullständig skattning med urvalssteg, 6 steg, {cells} celler, {runs} körningar',
    measure: 'Mätning',
    ours: 'Antal (cache varm)',
    oursCpu: 'Antal (cache varm), processortid',
    cold: 'Antal (utan cache)',
    warming: 'Antal, skattning 2–51 medan V8 optimerar',
    varied: 'Antal (cache varm), ny fråga varje körning',
    newDimensions: 'Antal, första skattningen med andra dimensioner',
    path: 'Skattningens väg: {path}',
    ab: 'Processortid, omväxlande körningar, p50 / p95: förberäknade summor {new}, cellpassagen {old}',
    duckdb: 'DuckDB, samma fråga',
    filter: 'DuckDB, bara sista stegets filter',
    ratio: 'Kvot Antal p95 / DuckDB p95 (mål ≤ 0,25)',
    agree: 'DuckDB:s summor stämmer med Antals',
    yes: 'ja',
    no: 'NEJ',
    threads: 'DuckDB {version}, {threads} trådar, laddning {load} ms (ej med i tiderna)',
    wrote: 'Skrev {path}',
  },
  en: {
    title: 'Antal benchmark: full estimate with attrition, 6 steps, {cells} cells, {runs} runs',
    measure: 'Measurement',
    ours: 'Antal (warm cache)',
    oursCpu: 'Antal (warm cache), CPU time',
    cold: 'Antal (no cache)',
    warming: 'Antal, estimates 2–51 while V8 optimises',
    varied: 'Antal (warm cache), a new question every run',
    newDimensions: 'Antal, first estimate with other dimensions',
    path: "The estimate's path: {path}",
    ab: 'CPU time, alternating runs, p50 / p95: pre-aggregated sums {new}, the cell pass {old}',
    duckdb: 'DuckDB, same question',
    filter: 'DuckDB, final step filter only',
    ratio: 'Ratio Antal p95 / DuckDB p95 (target ≤ 0.25)',
    agree: 'DuckDB sums agree with Antal',
    yes: 'yes',
    no: 'NO',
    threads: 'DuckDB {version}, {threads} threads, load {load} ms (not timed)',
    wrote: 'Wrote {path}',
  },
};

export function renderBenchReport(result: FullBenchResult, language: Language, path?: string): string {
  const f = formatters(language);
  const text = (key: string, params: Record<string, string> = {}): string =>
    BENCH_TEXT[language][key]!.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
  const ms = (x: number): string => `${f.decimal(x, 2)} ms`;
  const row = (label: string, t: Timing): string[] => [label, ms(t.p50_ms), ms(t.p95_ms)];
  const duck = result.duckdb_1m_cells;
  const lines = [
    text('title', { cells: f.count(result.estimate_1m_cells.cells), runs: f.count(result.estimate_1m_cells.runs) }),
    renderTable(
      [text('measure'), 'p50', 'p95'],
      [
        row(text('ours'), result.estimate_1m_cells),
        row(text('oursCpu'), result.estimate_1m_cells_cpu),
        row(text('varied'), result.estimate_1m_cells_varied),
        row(text('newDimensions'), result.estimate_1m_cells_new_dimensions),
        row(text('warming'), result.estimate_1m_cells_warming),
        row(text('cold'), result.estimate_1m_cells_cold),
        row(text('duckdb'), duck),
        row(text('filter'), result.duckdb_final_filter_1m_cells),
      ],
    ),
    `${text('ratio')}: ${f.decimal(result.ratio, 3)}`,
    `${text('agree')}: ${duck.agrees_with_estimate ? text('yes') : text('no')} (${duck.max_relative_difference.toExponential(1)})`,
    text('threads', { version: duck.version, threads: String(duck.threads), load: f.count(duck.load_ms) }),
    text('path', { path: result.estimate_path }),
    text('ab', {
      new: `${ms(result.estimate_1m_cells_cpu_ab.marginals.p50_ms)} / ${ms(result.estimate_1m_cells_cpu_ab.marginals.p95_ms)}`,
      old: `${ms(result.estimate_1m_cells_cpu_ab.cell_pass.p50_ms)} / ${ms(result.estimate_1m_cells_cpu_ab.cell_pass.p95_ms)}`,
    }),
  ];
  if (path) lines.push(text('wrote', { path }));
  return `${lines.join('\n')}\n`;
}

/** bench-results.json: the figures under stable keys (estimate_1m_cells, and with DuckDB duckdb_1m_cells, ratio, …). */
export function writeBenchResults(result: object, directory: string): string {
  const path = resolve(directory, 'bench-results.json');
  writeFileSync(path, `${JSON.stringify(result, (key, value: unknown) => (key === 'cellsPerSecond' ? undefined : value), 2)}\n`);
  return path;
}
