/**
 * `npm run bench`: every benchmark, one after another, each printed as a table, and all figures written
 * together to bench-results.json in the working directory. Speed is reported, never asserted: the tests in
 * this folder check that each benchmark runs and measures the right thing, not how fast it is.
 *
 *   npm run bench [-- --runs N] [-- --lang sv|en]
 *
 * To add a benchmark, write it in its own module here and add one entry to BENCHMARKS: its figures are merged
 * into bench-results.json under the keys it returns.
 */
import { BENCH_CELLS, BENCH_RUNS, renderBenchReport, runFullBench, writeBenchResults } from './bench-estimate';
import { renderImportBenchReport, runImportBench } from './bench-import';
import { renderForecastBenchReport, runForecastBench } from './bench-forecast';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../shared/text/language';

export interface BenchOptions {
  /** Timed runs of each repeated measurement. */
  runs: number;
  language: Language;
}

export interface Benchmark {
  name: string;
  run(options: BenchOptions): Promise<{ figures: Record<string, unknown>; report: string }>;
}

export const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'estimate (1 000 000 cells, against DuckDB)',
    async run({ runs, language }) {
      const result = await runFullBench(BENCH_CELLS, runs);
      return { figures: { ...result }, report: renderBenchReport(result, language) };
    },
  },
  {
    name: 'import (1 000 000 rows, against PapaParse)',
    async run({ language }) {
      const result = await runImportBench();
      return { figures: { import_1m_rows: result }, report: renderImportBenchReport(result, language) };
    },
  },
  {
    name: 'recruitment forecast (10 sites, target 500)',
    async run({ language }) {
      const result = runForecastBench();
      return { figures: { ...result }, report: renderForecastBenchReport(result, language) };
    },
  },
];

/** `--runs N` (1–10 000) and `--lang sv|en`; anything else is refused with the reason. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { runs: BENCH_RUNS, language: DEFAULT_LANGUAGE };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[++i];
    if (flag === '--runs' && value !== undefined && /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 10_000) options.runs = Number(value);
    else if (flag === '--lang' && (LANGUAGES as readonly string[]).includes(value ?? '')) options.language = value as Language;
    else throw new Error(`npm run bench: expected --runs N (1–10000) or --lang sv|en, got "${[flag, value].filter((x) => x !== undefined).join(' ')}"`);
  }
  return options;
}

export async function runBenchmarks(options: BenchOptions, io: { stdout(text: string): void; cwd: string }, benchmarks: readonly Benchmark[] = BENCHMARKS): Promise<string> {
  let figures: Record<string, unknown> = {};
  for (const benchmark of benchmarks) {
    const done = await benchmark.run(options);
    figures = { ...figures, ...done.figures };
    io.stdout(done.report);
  }
  const path = writeBenchResults(figures, io.cwd);
  io.stdout(`${options.language === 'sv' ? 'Skrev' : 'Wrote'} ${path}\n`);
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
