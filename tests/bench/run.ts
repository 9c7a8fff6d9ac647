/**
 * `npm run bench`: every benchmark, one after another, each printed as a table, then one table of every goal with
 * what was measured beside it, and all figures written together to bench-results.json in the working directory.
 * Speed is reported, never asserted: the tests in this folder check that each benchmark runs and measures the
 * right thing, not how fast it is.
 *
 *   npm run bench [-- --runs N] [-- --lang sv|en] [-- --only estimate,import,forecast,letter,app,audit] [-- --skip-build]
 *
 * Several processes may share the machine: the load average (what `uptime` prints) before and after each
 * benchmark is printed beside its table and written with the figures, so a reader can tell a quiet run from a
 * busy one.
 *
 * To add a benchmark, write it in its own module here and add one entry to BENCHMARKS: its figures are merged
 * into bench-results.json under the keys it returns, and the goals it states join the goals table.
 */
import { cpus, loadavg } from 'node:os';
import { BENCH_CELLS, BENCH_RUNS, renderBenchReport, runFullBench, writeBenchResults, type FullBenchResult } from './bench-estimate';
import { renderImportBenchReport, runImportBench, type ImportBenchResult } from './bench-import';
import { renderForecastBenchReport, runForecastBench, type ForecastBenchResult } from './bench-forecast';
import { renderLetterBenchReport, runLetterBench, type LetterBenchResult } from './bench-letter';
import { renderAppBenchReport, runAppBench, type AppBenchResult } from './bench-app';
import { AUDIT_BENCH_ANSWERS, renderAuditBenchReport, runAuditBench, type AuditBenchResult } from './bench-audit';
import { formatters, renderTable } from '../../cli/format';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../shared/text/language';

export interface BenchOptions {
  /** Timed runs of each repeated measurement. */
  runs: number;
  language: Language;
  /** Only these benchmarks (by key); all when absent. */
  only?: string[];
  /** The app benchmark uses the web build already in its folder. */
  skipBuild?: boolean;
}

/** One goal of the table: the figure measured, the limit, and whether it was met. */
export interface Goal {
  key: string;
  label: Record<Language, string>;
  value: number;
  /** The goal is value ≤ limit. */
  limit: number;
  unit: 'ms' | 'ratio' | 'KB';
}

export interface Benchmark {
  /** For --only. */
  key: string;
  name: string;
  run(options: BenchOptions): Promise<{ figures: Record<string, unknown>; report: string; goals?: Goal[] }>;
}

const log = (line: string) => void process.stderr.write(`  … ${line}\n`);

export const BENCHMARKS: readonly Benchmark[] = [
  {
    key: 'estimate',
    name: 'estimate (1 000 000 cells, against DuckDB)',
    async run({ runs, language }) {
      const result = await runFullBench(BENCH_CELLS, runs);
      return { figures: { ...result }, report: renderBenchReport(result, language), goals: estimateGoals(result) };
    },
  },
  {
    key: 'import',
    name: 'import (1 000 000 rows, against PapaParse)',
    async run({ language }) {
      const result = await runImportBench();
      return { figures: { import_1m_rows: result }, report: renderImportBenchReport(result, language), goals: importGoals(result) };
    },
  },
  {
    key: 'forecast',
    name: 'recruitment forecast (10 sites, target 500)',
    async run({ language }) {
      const result = runForecastBench();
      return { figures: { ...result }, report: renderForecastBenchReport(result, language), goals: forecastGoals(result) };
    },
  },
  {
    key: 'letter',
    name: 'letter in Node (demo study)',
    async run({ language }) {
      const result = await runLetterBench();
      return { figures: { letter_node: result }, report: renderLetterBenchReport(result, language), goals: letterGoals(result) };
    },
  },
  {
    key: 'app',
    name: 'the app in Chromium (cold start, edits, letter, bundle)',
    async run({ language, skipBuild }) {
      const result = await runAppBench({ skipBuild: skipBuild ?? false, log });
      return { figures: { app: result }, report: renderAppBenchReport(result, language), goals: appGoals(result) };
    },
  },
  {
    key: 'audit',
    name: `disclosure control (${AUDIT_BENCH_ANSWERS} random answers per policy, old rule → new; the demo letter with the auditor)`,
    async run({ language }) {
      const result = await runAuditBench(AUDIT_BENCH_ANSWERS, 10, log);
      return { figures: { audit: result }, report: renderAuditBenchReport(result, language), goals: auditGoals(result) };
    },
  },
];

// ---------------------------------------------------------------------------------------------------------
// The goals (the table)

export function estimateGoals(r: FullBenchResult): Goal[] {
  return [
    {
      key: 'estimate_p95_vs_duckdb_filter',
      label: { sv: 'Skattning 1M celler p95 / DuckDB:s rena filter', en: "Estimate 1M cells p95 / DuckDB's plain filter" },
      value: r.ratio_to_final_filter,
      limit: 1.5,
      unit: 'ratio',
    },
    {
      key: 'estimate_p95_vs_duckdb_question',
      label: { sv: 'Skattning 1M celler p95 / DuckDB, samma fråga', en: 'Estimate 1M cells p95 / DuckDB, same question' },
      value: r.ratio,
      limit: 0.25,
      unit: 'ratio',
    },
  ];
}

export function importGoals(r: ImportBenchResult): Goal[] {
  return [
    { key: 'import_vs_papaparse_worst_run', label: { sv: 'Import 1M rader / PapaParse (sämsta körningen)', en: 'Import 1M rows / PapaParse (worst run)' }, value: r.ratio_max, limit: 0.9, unit: 'ratio' },
    { key: 'import_peak_memory_vs_file', label: { sv: 'Importens högsta minne / filens storlek (sämsta)', en: 'Import peak memory / file size (worst)' }, value: r.peak_memory_ratio_max, limit: 2, unit: 'ratio' },
  ];
}

export function forecastGoals(r: ForecastBenchResult): Goal[] {
  return [{ key: 'forecast_p95_ms', label: { sv: 'Prognos 10 kliniker, mål 500, p95', en: 'Forecast 10 sites, target 500, p95' }, value: r.forecast_10_sites_target_500.p95_ms, limit: 5, unit: 'ms' }];
}

export function letterGoals(r: LetterBenchResult): Goal[] {
  return [{ key: 'letter_node_after_p95_ms', label: { sv: 'Brev i Node, följande brev p95', en: 'Letter in Node, later letters p95' }, value: r.after.p95_ms, limit: 150, unit: 'ms' }];
}

export function auditGoals(r: AuditBenchResult): Goal[] {
  return [
    { key: 'demo_letter_export_with_audit_p95_ms', label: { sv: 'Export av demobrevet med granskning, p95', en: 'Export of the demo letter with the audit, p95' }, value: r.demo_letter_export_ms.p95, limit: 1000, unit: 'ms' },
  ];
}

export function appGoals(r: AppBenchResult): Goal[] {
  return [
    { key: 'edit_to_answer_p95_ms', label: { sv: 'Ändring → svar med prognos och bedömning, p95', en: 'Edit → answer with forecast and verdict, p95' }, value: r.edit_to_answer_ms.p95_ms, limit: 50, unit: 'ms' },
    { key: 'cold_start_p50_ms', label: { sv: 'Kallstart → första svaret, median', en: 'Cold start → first answer, median' }, value: r.cold_start_ms.p50_ms, limit: 1000, unit: 'ms' },
    // The entry chunk alone would flatter: the goal counts it with every chunk it imports statically (and the CSS),
    // everything index.html loads before anything can render.
    {
      key: 'main_chunk_gzip_kb',
      label: { sv: 'Huvudfilen med allt den importerar, gzip', en: 'Main chunk with everything it imports, gzip' },
      value: Math.round((r.bundle.initial.gzip_bytes / 1024) * 10) / 10,
      limit: 250,
      unit: 'KB',
    },
    { key: 'letter_first_in_app_ms', label: { sv: 'Första brevet i appens arbetare efter start', en: "First letter in the app's worker after start" }, value: r.letter_first_ms, limit: 300, unit: 'ms' },
    { key: 'letter_after_in_app_p95_ms', label: { sv: 'Följande brev i appen, p95', en: 'Later letters in the app, p95' }, value: r.letter_after_ms.p95_ms, limit: 150, unit: 'ms' },
  ];
}

export function renderGoals(goals: readonly Goal[], language: Language): string {
  const f = formatters(language);
  const show = (x: number, unit: Goal['unit']) => (unit === 'ratio' ? `${f.decimal(x, 2)} ×` : unit === 'KB' ? `${f.decimal(x, 1)} KB` : `${f.decimal(x, x < 10 ? 2 : 0)} ms`);
  const sv = language === 'sv';
  return [
    '',
    sv ? 'Mål' : 'Goals',
    renderTable(
      [sv ? 'Mått' : 'Measure', sv ? 'Uppmätt' : 'Measured', sv ? 'Mål' : 'Goal', sv ? 'Uppnått' : 'Met'],
      goals.map((g) => [g.label[language], show(g.value, g.unit), `≤ ${show(g.limit, g.unit)}`, g.value <= g.limit ? (sv ? 'ja' : 'yes') : sv ? 'NEJ' : 'NO']),
    ),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------

const KEYS = () => BENCHMARKS.map((b) => b.key);

/** `--runs N` (1–10 000), `--lang sv|en`, `--only a,b`, `--skip-build`; anything else is refused with the reason. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { runs: BENCH_RUNS, language: DEFAULT_LANGUAGE };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--skip-build') {
      options.skipBuild = true;
      continue;
    }
    const value = argv[++i];
    const only = flag === '--only' && value !== undefined ? value.split(',') : null;
    if (flag === '--runs' && value !== undefined && /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 10_000) options.runs = Number(value);
    else if (flag === '--lang' && (LANGUAGES as readonly string[]).includes(value ?? '')) options.language = value as Language;
    else if (only && only.length > 0 && only.every((k) => KEYS().includes(k))) options.only = only;
    else
      throw new Error(
        `npm run bench: expected --runs N (1–10000), --lang sv|en, --only ${KEYS().join(',')} or --skip-build, got "${[flag, value].filter((x) => x !== undefined).join(' ')}"`,
      );
  }
  return options;
}

const load = (): number => Math.round(loadavg()[0]! * 100) / 100;

export async function runBenchmarks(options: BenchOptions, io: { stdout(text: string): void; cwd: string }, benchmarks: readonly Benchmark[] = BENCHMARKS): Promise<string> {
  const f = formatters(options.language);
  const sv = options.language === 'sv';
  let figures: Record<string, unknown> = {};
  const goals: Goal[] = [];
  const loads: Record<string, { before: number; after: number }> = {};
  for (const benchmark of benchmarks.filter((b) => !options.only || options.only.includes(b.key))) {
    const before = load();
    const done = await benchmark.run(options);
    const after = load();
    loads[benchmark.key] = { before, after };
    figures = { ...figures, ...done.figures };
    goals.push(...(done.goals ?? []));
    io.stdout(done.report);
    io.stdout(`${sv ? 'Maskinens belastning (1 min, uptime)' : "Machine's load (1 min, uptime)"}: ${f.decimal(before, 2)} → ${f.decimal(after, 2)} (${cpus().length} ${sv ? 'kärnor' : 'cores'})\n`);
  }
  if (goals.length > 0) io.stdout(renderGoals(goals, options.language));
  const environment = { ...((figures.environment as object | undefined) ?? {}), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, load_average_1min: loads };
  const path = writeBenchResults({ ...figures, environment, goals: Object.fromEntries(goals.map((g) => [g.key, { value: g.value, limit: g.limit, unit: g.unit, met: g.value <= g.limit }])) }, io.cwd);
  io.stdout(`${sv ? 'Skrev' : 'Wrote'} ${path}\n`);
  return path;
}

// Run as a script (npm run bench), not when a test imports this module.
if (process.argv[1] && /[\\/]tests[\\/]bench[\\/]run\.ts$/.test(process.argv[1])) {
  const io = { stdout: (text: string) => void process.stdout.write(text), cwd: process.cwd() };
  Promise.resolve()
    .then(() => runBenchmarks(parseBenchArgs(process.argv.slice(2)), io))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
