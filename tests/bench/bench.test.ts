/** The benchmarks measure what they claim (same question as DuckDB, the runner's figures and flags); never their speed. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateEligible } from '../../shared/estimate/estimate';
import { DEFAULT_HALLAND_RULE } from '../../shared/regions/regions';
import { BENCH_STUDY, compareWithEstimate, createBenchDataset, duckDbQuestion, openDuckDb, otherDimensionStudies, renderBenchReport, runBench, runFullBench, variedStudies, writeBenchResults } from './bench-estimate';
import { appGoals, estimateGoals, importGoals, parseBenchArgs, runBenchmarks, type Benchmark, type Goal } from './run';
import type { AppBenchResult } from './bench-app';
import type { FullBenchResult } from './bench-estimate';
import type { ImportBenchResult } from './bench-import';
import { forecastBenchStudy, renderForecastBenchReport, runForecastBench } from './bench-forecast';

describe('bench', () => {
  it('builds a deterministic dataset of the requested size', () => {
    const a = createBenchDataset(10_000);
    const b = createBenchDataset(10_000);
    expect(a.cellCount).toBe(10_000);
    expect(Array.from(a.point)).toEqual(Array.from(b.point));
  });

  it("poses the benchmark question to DuckDB with the same predicates: one level per predicate step, the age share, the estimate's period", () => {
    const question = duckDbQuestion(createBenchDataset(1000), BENCH_STUDY);
    expect(question.predicateSteps).toBe(3);
    expect(question.conditions).toHaveLength(3);
    // C18–C20: the first 12 codes of the benchmark dictionary (C180…C189, C19, C20).
    expect(question.conditions[0]).toBe('d2_icd10 IN (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)');
    // Ages 18–75: 15–19 holds 18 and 19 (2 of 5 years), 75–79 holds 75 (1 of 5); × the range 0.75–1.25.
    expect(question.ageWeights[3]![0]).toBeCloseTo(0.3, 12);
    expect(question.ageWeights[3]!.slice(1)).toEqual([0.4, 0.5]);
    expect(question.ageWeights[15]![0]).toBeCloseTo(0.15, 12);
    expect(question.ageWeights[15]!.slice(1)).toEqual([0.2, 0.25]);
    // Base, diagnosis, age (bands whole), its assumption line, stage.
    expect(question.lines).toEqual([
      { level: 0, ageShare: false },
      { level: 1, ageShare: false },
      { level: 2, ageShare: false },
      { level: 2, ageShare: true },
      { level: 3, ageShare: true },
    ]);
    // The estimate's period 2019–2023: years 3..7 of the dictionary, 5 years, a 2-year window: × 2/5.
    expect(question.periodCondition).toBe('d0_year IN (3, 4, 5, 6, 7)');
    expect(question.scale).toBe(0.4);
  });

  it('DuckDB and the estimator give the same per-region sums at every predicate step, on cells from every year', async () => {
    // Every 37th cell of the million: all years, regions, codes, ages and stages occur, so every step selects something.
    const full = createBenchDataset(1_000_000);
    const pick = <T extends Uint32Array | Float64Array | Uint8Array>(a: T): T => a.filter((_, i) => i % 37 === 0) as T;
    const sample = { ...full, id: 'bench-sample', columns: full.columns.map(pick), low: pick(full.low), point: pick(full.point), high: pick(full.high), masked: pick(full.masked) };
    sample.cellCount = sample.low.length;
    const question = duckDbQuestion(sample, BENCH_STUDY);
    const duck = await openDuckDb(sample);
    try {
      const theirs = await duck.answer(question);
      const ours = estimateEligible(BENCH_STUDY, [sample], { hallandRule: DEFAULT_HALLAND_RULE });
      expect(theirs[4]!.some(([, point]) => point! > 0)).toBe(true);
      expect(compareWithEstimate(theirs, ours)).toBeLessThan(1e-9);
      // And the comparison can tell: a different study (every period) does not match these sums.
      const other = estimateEligible({ ...BENCH_STUDY, population: { ...BENCH_STUDY.population, period: { kind: 'all' } } }, [sample], { hallandRule: DEFAULT_HALLAND_RULE });
      expect(compareWithEstimate(theirs, other)).toBeGreaterThan(1e-3);
    } finally {
      duck.close();
    }
  });

  it('varies the question across warm runs without changing its dimensions, and changes them where it should', () => {
    const sample = createBenchDataset(60_000);
    const options = { hallandRule: DEFAULT_HALLAND_RULE };
    // The sample holds the first year only: every period.
    const allYears = { ...BENCH_STUDY, population: { ...BENCH_STUDY.population, period: { kind: 'all' as const } } };
    const answers = variedStudies(allYears, 12).map((study) => {
      expect(study.steps.map((s) => (s.rule.kind === 'predicate' ? s.rule.predicate.kind : s.rule.kind))).toEqual(BENCH_STUDY.steps.map((s) => (s.rule.kind === 'predicate' ? s.rule.predicate.kind : s.rule.kind)));
      return estimateEligible(study, [sample], options).national.point;
    });
    // Consecutive runs ask different questions (and get different answers).
    answers.forEach((a, i) => i > 0 && expect(a).not.toBe(answers[i - 1]));
    const kinds = otherDimensionStudies(BENCH_STUDY).map((study) => study.steps.flatMap((s) => (s.rule.kind === 'predicate' ? [s.rule.predicate.kind] : [])).sort().join(','));
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('runs ours and DuckDB on the same data, and their sums agree; writes every figure to bench-results.json', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'antal-bench-'));
    try {
      const result = await runFullBench(30_000, 2);
      expect(result.duckdb_1m_cells.agrees_with_estimate).toBe(true);
      expect(result.duckdb_1m_cells.max_relative_difference).toBeLessThan(1e-9);
      expect(result.duckdb_1m_cells.threads).toBeGreaterThanOrEqual(1);
      expect(result.ratio).toBeCloseTo(result.estimate_1m_cells.p95_ms / result.duckdb_1m_cells.p95_ms, 2);
      const written = JSON.parse(readFileSync(writeBenchResults(result, directory), 'utf8'));
      expect(Object.keys(written).sort()).toEqual(
        [
          'duckdb_1m_cells',
          'duckdb_final_filter_1m_cells',
          'environment',
          'estimate_1m_cells',
          'estimate_1m_cells_cold',
          'estimate_1m_cells_cpu',
          'estimate_1m_cells_cpu_ab',
          'estimate_1m_cells_new_dimensions',
          'estimate_1m_cells_varied',
          'estimate_1m_cells_warming',
          'estimate_path',
          'ratio',
          'ratio_to_final_filter',
        ].sort(),
      );
      expect(written.estimate_1m_cells).toMatchObject({ runs: 2, cells: 30_000 });
      // The runs while V8 optimises are reported apart from the warm ones (estimates 2–51).
      expect(written.estimate_1m_cells_warming).toMatchObject({ runs: 50, cells: 30_000 });
      const report = renderBenchReport(result, 'en');
      expect(report).toContain('DuckDB, same question');
      expect(report).toContain('DuckDB sums agree with Antal: yes');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('times the estimate and writes bench-results.json', () => {
    const directory = mkdtempSync(join(tmpdir(), 'antal-bench-'));
    try {
      const result = runBench(20_000, 3);
      const path = writeBenchResults(result, directory);
      const written = JSON.parse(readFileSync(path, 'utf8'));
      expect(written).toEqual({ estimate_1m_cells: { p50_ms: expect.any(Number), p95_ms: expect.any(Number), runs: 3, cells: 20_000 } });
      expect(written.estimate_1m_cells.p95_ms).toBeGreaterThanOrEqual(written.estimate_1m_cells.p50_ms);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('npm run bench (tests/bench/run.ts)', () => {
  it('reads --runs, --lang, --only and --skip-build and refuses anything else with the reason', () => {
    expect(parseBenchArgs([])).toEqual({ runs: 50, language: 'sv' });
    expect(parseBenchArgs(['--runs', '7', '--lang', 'en'])).toEqual({ runs: 7, language: 'en' });
    expect(parseBenchArgs(['--only', 'app,letter', '--skip-build'])).toEqual({ runs: 50, language: 'sv', only: ['app', 'letter'], skipBuild: true });
    expect(() => parseBenchArgs(['--runs', 'many'])).toThrow('got "--runs many"');
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow('--runs N (1–10000)');
    expect(() => parseBenchArgs(['--lang', 'de'])).toThrow('got "--lang de"');
    expect(() => parseBenchArgs(['--only', 'app,speed'])).toThrow('--only estimate,import,forecast,letter,app');
    expect(() => parseBenchArgs(['--fast'])).toThrow('got "--fast"');
  });

  it('runs the chosen benchmarks in order, prints each report with the load beside it, then every goal, and writes all figures to one bench-results.json', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'antal-bench-run-'));
    try {
      const seen: string[] = [];
      const fake = (key: string, figures: Record<string, unknown>, goals: Goal[] = []): Benchmark => ({
        key,
        name: key,
        run: async (options) => {
          seen.push(`${key}:${options.runs}:${options.language}`);
          return { figures, report: `report ${key}\n`, goals };
        },
      });
      const goal = (key: string, value: number, limit: number): Goal => ({ key, label: { sv: key, en: `goal ${key}` }, value, limit, unit: 'ms' });
      let out = '';
      const benchmarks = [fake('a', { a_ms: 1 }, [goal('fast', 40, 50)]), fake('b', { b: { ms: 2 } }, [goal('slow', 80, 50)]), fake('c', { c: 3 })];
      const path = await runBenchmarks({ runs: 3, language: 'en', only: ['a', 'b'] }, { stdout: (t) => void (out += t), cwd: directory }, benchmarks);
      expect(seen).toEqual(['a:3:en', 'b:3:en']);
      const lines = out.split('\n');
      expect(lines[0]).toBe('report a');
      expect(lines[1]).toMatch(/^Machine's load \(1 min, uptime\): [\d.]+ → [\d.]+ \(\d+ cores\)$/);
      expect(lines[2]).toBe('report b');
      // The goals table: one row per goal with the figure, the limit and whether it was met.
      expect(out).toMatch(/goal fast +40 ms +≤ 50 ms +yes/);
      expect(out).toMatch(/goal slow +80 ms +≤ 50 ms +NO/);
      expect(out.endsWith(`Wrote ${path}\n`)).toBe(true);
      const written = JSON.parse(readFileSync(path, 'utf8'));
      expect(written.a_ms).toBe(1);
      expect(written.b).toEqual({ ms: 2 });
      expect(written.c).toBeUndefined();
      expect(written.goals).toEqual({ fast: { value: 40, limit: 50, unit: 'ms', met: true }, slow: { value: 80, limit: 50, unit: 'ms', met: false } });
      expect(Object.keys(written.environment.load_average_1min)).toEqual(['a', 'b']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('states the issue\'s goals on the figures they are about', () => {
    const byKey = (goals: Goal[]) => Object.fromEntries(goals.map((g) => [g.key, [g.value, g.limit]]));
    expect(byKey(importGoals({ ratio_max: 0.95, peak_memory_ratio_max: 1.8 } as ImportBenchResult))).toEqual({ import_vs_papaparse_worst_run: [0.95, 0.9], import_peak_memory_vs_file: [1.8, 2] });
    expect(byKey(estimateGoals({ ratio: 0.3, ratio_to_final_filter: 1.2 } as FullBenchResult))).toEqual({ estimate_p95_vs_duckdb_filter: [1.2, 1.5], estimate_p95_vs_duckdb_question: [0.3, 0.25] });
    const app = {
      edit_to_answer_ms: { p95_ms: 42 },
      cold_start_ms: { p50_ms: 900 },
      letter_first_ms: 280,
      letter_after_ms: { p95_ms: 120 },
      bundle: { main_chunk: { gzip_bytes: 120 * 1024 }, initial: { gzip_bytes: 200 * 1024 } },
    } as AppBenchResult;
    expect(byKey(appGoals(app))).toEqual({
      edit_to_answer_p95_ms: [42, 50],
      cold_start_p50_ms: [900, 1000],
      main_chunk_gzip_kb: [200, 250],
      letter_first_in_app_ms: [280, 300],
      letter_after_in_app_p95_ms: [120, 150],
    });
  });
});

describe('bench: the recruitment forecast', () => {
  it('times the whole projection of the plan it names: 10 sites, target 500, with and without a dropout range', () => {
    const study = forecastBenchStudy(false);
    expect(study.recruitment.sites).toHaveLength(10);
    expect(study.recruitment.targetPatients).toBe(500);
    const result = runForecastBench(2);
    expect(result.forecast_10_sites_target_500).toMatchObject({ runs: 2, mixture_components: 1 });
    expect(result.forecast_10_sites_target_500_dropout_range.mixture_components).toBe(8);
    // The plan is a real question: neither hopeless nor certain.
    expect(result.forecast_10_sites_target_500.probability).toBeGreaterThan(0.05);
    expect(result.forecast_10_sites_target_500.probability).toBeLessThan(0.95);
    expect(renderForecastBenchReport(result, 'en')).toContain('10 sites, target 500 patients');
  });
});
