/**
 * `antal bench`: the estimate's speed on a deterministic synthetic dataset of 1 000 000 cells (target: a full
 * estimate with attrition, p95 < 30 ms). The dataset is written straight into typed arrays: generating it
 * through DatasetBuilder would measure the builder, not the estimator.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Dataset } from '../shared/counts/dataset';
import { STUDY_SCHEMA_VERSION, type Study } from '../shared/criteria/study';
import { estimateEligible } from '../shared/estimate/estimate';
import { COUNTY_CODES, DEFAULT_HALLAND_RULE } from '../shared/regions/regions';
import { mulberry32 } from '../shared/utils/prng';
import { DEMO_STUDY } from '../shared/demo/study';

export const BENCH_CELLS = 1_000_000;
export const BENCH_RUNS = 50;
const WARMUP_RUNS = 5;

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
    provenance: { publisher: 'Antal benchmark (synthetic)', synthetic: true, sha256: `bench-${cells}-${seed}`, periodFrom: '2016', periodTo: '2023', notes: [], maskTokens: { X: { low: 1, high: 3, point: 2 } } },
    dimensions,
    cellCount: cells,
    columns,
    low,
    point,
    high,
    masked,
  };
}

/** Six steps: four on the data's dimensions (code, age, stage, period), two proportions. */
export const BENCH_STUDY: Study = {
  ...DEMO_STUDY,
  schemaVersion: STUDY_SCHEMA_VERSION,
  id: 'bench-six-steps',
  steps: [
    { id: 'diagnosis', type: 'inclusion', enabled: true, protocolText: '', label: 'C18–C20', rule: { kind: 'predicate', predicate: { kind: 'codes', codes: ['C18-C20'] } } },
    { id: 'age', type: 'inclusion', enabled: true, protocolText: '', label: '18–75', rule: { kind: 'predicate', predicate: { kind: 'age', min: 18, max: 75 } } },
    { id: 'stage', type: 'inclusion', enabled: true, protocolText: '', label: 'Stage IV', rule: { kind: 'predicate', predicate: { kind: 'extra', key: 'stage', values: ['IV'] } } },
    { id: 'recent', type: 'inclusion', enabled: true, protocolText: '', label: '2019–2023', rule: { kind: 'predicate', predicate: { kind: 'period', from: '2019', to: '2023' } } },
    { id: 'ecog', type: 'inclusion', enabled: true, protocolText: '', label: 'ECOG 0–1', rule: { kind: 'proportion', share: { low: 0.55, point: 0.65, high: 0.75 }, source: 'benchmark' } },
    { id: 'prior', type: 'exclusion', enabled: true, protocolText: '', label: 'Prior therapy', rule: { kind: 'proportion', share: { low: 0.05, point: 0.1, high: 0.15 }, source: 'benchmark' } },
  ],
};

export interface BenchResult {
  estimate_1m_cells: { p50_ms: number; p95_ms: number; runs: number; cells: number };
}

const percentile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export function runBench(cells = BENCH_CELLS, runs = BENCH_RUNS): BenchResult & { cellsPerSecond: number } {
  const dataset = createBenchDataset(cells);
  const options = { hallandRule: DEFAULT_HALLAND_RULE };
  for (let i = 0; i < WARMUP_RUNS; i++) estimateEligible(BENCH_STUDY, [dataset], options);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    estimateEligible(BENCH_STUDY, [dataset], options);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  const round = (x: number): number => Math.round(x * 100) / 100;
  return {
    estimate_1m_cells: { p50_ms: round(p50), p95_ms: round(p95), runs, cells },
    cellsPerSecond: Math.round(cells / (p50 / 1000)),
  };
}

export function writeBenchResults(result: BenchResult, directory: string): string {
  const path = resolve(directory, 'bench-results.json');
  writeFileSync(path, `${JSON.stringify({ estimate_1m_cells: result.estimate_1m_cells }, null, 2)}\n`);
  return path;
}
