import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../shared/demo/run-demo';
import { demoToJSON } from '../../cli/demo';
import { main, type CliIO } from '../../cli/main';
import { BENCH_STUDY, compareWithEstimate, createBenchDataset, duckDbQuestion, openDuckDb, renderBenchReport, runBench, runFullBench, writeBenchResults } from '../../cli/bench';
import { estimateEligible } from '../../shared/estimate/estimate';
import { DEFAULT_HALLAND_RULE } from '../../shared/regions/regions';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin', 'antal.mjs');

function antal(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function inProcess(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: ROOT };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('bin/antal.mjs (spawned)', () => {
  it('demo --json prints exactly what runDemo() computes', () => {
    const { code, stdout, stderr } = antal('demo', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed).toEqual(JSON.parse(JSON.stringify(demoToJSON(runDemo()))));
    expect(printed.dataset.provenance.synthetic).toBe(true);
    expect(printed.dataset).not.toHaveProperty('columns');
  });

  it('--help prints usage with commands and exit codes, exit 0', () => {
    const { code, stdout } = antal('--help', '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage:');
    expect(stdout).toContain('demo');
    expect(stdout).toContain('bench');
    expect(stdout).toContain('2  usage error');
  });

  it('an unknown command exits 2 with a message on stderr and nothing on stdout', () => {
    const { code, stdout, stderr } = antal('frobnicate');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Okänt kommando: "frobnicate"');
  });
});

describe('cli main (in process)', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await inProcess('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('demo prints the synthetic label, every region and the national numbers with locale grouping', async () => {
    const demo = runDemo();
    const en = await inProcess('demo', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('SYNTHETIC DEMO DATA – not real patients');
    expect(en.stdout).toContain('Jämtland');
    const national = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
    expect(en.stdout).toContain(national.format(demo.estimate.attrition[0]!.total.point));
    expect(en.stdout).toMatch(/Chances of recruiting the desired number: (Very good|Good|Small)/);

    const sv = await inProcess('demo');
    expect(sv.stdout).toContain('SYNTETISKA DEMODATA – inte verkliga patienter');
    expect(sv.stdout).toContain(new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(demo.estimate.attrition[0]!.total.point));
    expect(sv.stdout).toContain('Västra Götaland');
    expect(sv.stdout).toContain('Halland delat efter befolkning');
  });

  it.each([
    [['demo', '--runs', '5'], 'Flaggan --runs gäller inte kommandot demo.'],
    [['demo', '--lang', 'de'], 'Okänt språk "de": välj sv eller en.'],
    [['demo', '--bogus'], 'Okänd flagga: "--bogus"'],
    [['bench', '--runs', 'many'], 'Antalet körningar måste vara ett heltal'],
    [[], 'Inget kommando angivet.'],
    [['demo', '--lang'], 'Flaggan --lang behöver ett värde.'],
    [['frobnicate', '--lang', 'en'], 'Unknown command: "frobnicate"'],
  ])('%j is a usage error (exit 2): %s', async (args, message) => {
    const { code, stdout, stderr } = await inProcess(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});

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
        ['duckdb_1m_cells', 'duckdb_final_filter_1m_cells', 'environment', 'estimate_1m_cells', 'estimate_1m_cells_cold', 'ratio', 'ratio_to_final_filter'].sort(),
      );
      expect(written.estimate_1m_cells).toMatchObject({ runs: 2, cells: 30_000 });
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
