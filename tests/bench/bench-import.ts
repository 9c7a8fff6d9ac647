/**
 * The import benchmark: a deterministic, realistic long-layout export of N rows (1 000 000 ≈ 50 MB), how long
 * bare PapaParse takes to split it, how long the full import takes (decode → parse → normalise → columnar
 * datasets, what the app stores), peak memory of the import, and how long loading the stored datasets back
 * and answering a query takes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import Papa from 'papaparse';
import type { Dataset } from '../../shared/counts/dataset';
import { importFile } from '../../shared/import/import-file';
import type { ImportResult, MeasureDataset } from '../../shared/import/build-dataset';
import { queryDataset, type QueryFilters } from '../../shared/import/query-dataset';
import { REGIONS } from '../../shared/regions/regions';
import { mulberry32 } from '../../shared/utils/prng';
import { formatters, renderTable } from '../../cli/format';
import type { Language } from '../../shared/text/language';

export const IMPORT_BENCH_ROWS = 1_000_000;
/** Runs of each measurement; the median is reported (other processes share the machine). */
export const IMPORT_BENCH_REPEATS = 3;

/** What `npm run bench` reports for the import (see the module comment). Times in ms, memory in bytes. */
export interface ImportBenchResult {
  file_bytes: number;
  rows: number;
  /** Papa.parse of the decoded text, default options (no dynamicTyping), nothing else. */
  papaparse_ms: number;
  /** importFile: decode → parse → normalise → columnar datasets with provenance (what the app stores). */
  import_ms: number;
  /** import_ms / papaparse_ms, of the medians. */
  ratio: number;
  /** Each run's import / that run's PapaParse (the two alternate, so each pair saw the same machine). */
  ratios: number[];
  /** The worst of them (goal ≤ 0.9 on every run). */
  ratio_max: number;
  /**
   * The same measurements as CPU time of the process (all its threads: V8's collector, the hash), median of the
   * runs: what the work costs, which other processes on the machine stretch in wall time but not in CPU time.
   */
  papaparse_cpu_ms: number;
  import_cpu_ms: number;
  /** Each run's import CPU time / that run's PapaParse CPU time, and the worst of them. */
  cpu_ratios: number[];
  cpu_ratio_max: number;
  rows_per_s: number;
  /**
   * Peak resident memory (RSS) of the import minus the process's before it (file loaded, import code warmed up
   * on 2 000 rows, a full garbage collection): the kernel's high-water mark when the import raised it, else the
   * highest of RSS sampled after every piece of text (16 KiB) and at the end. Includes garbage V8 has not yet collected.
   */
  peak_memory_bytes: number;
  /** V8's own count, sampled after every 8th piece and at the end: heap used + array buffers, minus before the import (median of the runs). */
  peak_heap_and_buffers_bytes: number;
  /** peak_memory_bytes / file_bytes. */
  peak_memory_ratio: number;
  /** The worst run's peak / file_bytes (goal ≤ 2). */
  peak_memory_ratio_max: number;
  /** Deserialising the stored datasets (typed arrays, structured clone as IndexedDB keeps them) and one query (target < 1000). */
  load_and_query_ms: number;
}

export interface ImportBenchOptions {
  rows?: number;
  repeats?: number;
}

const CODES = [
  'C18.0', 'C18.2', 'C18.4', 'C18.7', 'C19', 'C20', 'C25.0', 'C25.9', 'C34.1', 'C34.9', 'C50.4', 'C50.9', 'C61', 'C64.9',
  'C67.9', 'C71.9', 'C73', 'C78.7', 'C79.5', 'C80.9', 'C81.9', 'C83.3', 'C85.9', 'C90.0', 'C91.1', 'C92.0', 'E10.9', 'E11.9',
  'G20', 'G30.1', 'G35', 'I21.9', 'I48.9', 'I63.9', 'J44.9', 'J45.9', 'K50.9', 'K51.9', 'M05.9', 'N18.5',
];
const SEXES = ['Män', 'Kvinnor', 'Båda könen'];
const AGES = ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85+', 'Totalt'];
const YEARS = Array.from({ length: 24 }, (_, i) => String(2000 + i));
export const IMPORT_BENCH_HEADER = 'Region;Diagnos;Kön;Ålder;År;Antal patienter;Patienter/100 000 invånare';

/**
 * The benchmark file as text: Socialstyrelsen's long layout (";", decimal comma, CRLF), counts 1–3 masked
 * as "X", published totals (Riket, Båda könen, Totalt) as rows of their own. Same rows for the same seed.
 */
export function benchCsvText(rows: number, seed = 20250101): string {
  const random = mulberry32(seed);
  const regions = [...REGIONS.map((r) => r.countySv), 'Riket'];
  const sizes = [CODES.length, YEARS.length, regions.length, SEXES.length, AGES.length];
  const digits = [0, 0, 0, 0, 0];
  const parts: string[] = [IMPORT_BENCH_HEADER];
  for (let i = 0; i < rows; i++) {
    const [c, y, r, s, a] = digits as [number, number, number, number, number];
    const count = Math.floor(random() * random() * 400);
    let countText: string;
    let rateText: string;
    if (count >= 1 && count <= 3) {
      countText = 'X';
      rateText = 'X';
    } else {
      countText = String(count);
      const population = 8000 + Math.floor(random() * 90000);
      rateText = (count / population * 100000).toFixed(2).replace('.', ',');
    }
    parts.push(`${regions[r]};${CODES[c]};${SEXES[s]};${AGES[a]};${YEARS[y]};${countText};${rateText}`);
    for (let d = sizes.length - 1; d >= 0; d--) {
      digits[d]!++;
      if (digits[d]! < sizes[d]!) break;
      digits[d] = 0;
    }
  }
  return `${parts.join('\r\n')}\r\n`;
}

/** The question the bench asks of the loaded datasets (the first year's rows come first, so any file of 1000+ rows has them). */
export const BENCH_QUERY: QueryFilters = { measure: 'Antal patienter', region: 'Skåne', code: 'C18', sex: 'Kvinnor', period: '2000' };
const MIN_ROWS = 1000;

const CHILD_FLAG = '--antal-import-bench-child';
const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '../..');

interface ImportChildReport {
  import_ms: number;
  import_cpu_ms: number;
  rows: number;
  peak_memory_bytes: number;
  peak_heap_and_buffers_bytes: number;
  load_and_query_ms: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Each measurement in a fresh process, so that neither inherits the other's heap. */
function runChild<T>(mode: 'papa' | 'import', file: string): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, ['--expose-gc', '--import', 'tsx', here, CHILD_FLAG, mode, file], { cwd: root, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`import bench (${mode}) failed: ${error.message}\n${stderr}`));
        return;
      }
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        resolvePromise(JSON.parse(last) as T);
      } catch {
        reject(new Error(`import bench (${mode}) printed no result: ${stdout}\n${stderr}`));
      }
    });
  });
}

/**
 * Generate the file in a temporary directory, then alternate bare PapaParse and the full import in child
 * processes `repeats` times and report the medians (the ratio from the medians of the same run).
 */
export async function runImportBench(options: ImportBenchOptions = {}): Promise<ImportBenchResult> {
  const rows = options.rows ?? IMPORT_BENCH_ROWS;
  if (!Number.isInteger(rows) || rows < MIN_ROWS) throw new RangeError(`runImportBench: rows must be an integer of at least ${MIN_ROWS}`);
  const repeats = Math.max(1, options.repeats ?? IMPORT_BENCH_REPEATS);
  const directory = mkdtempSync(join(tmpdir(), 'antal-import-bench-'));
  try {
    const file = join(directory, `bench-${rows}.csv`);
    const bytes = Buffer.from(benchCsvText(rows), 'utf8');
    writeFileSync(file, bytes);
    const papa: number[] = [];
    const papaCpu: number[] = [];
    const imports: ImportChildReport[] = [];
    for (let r = 0; r < repeats; r++) {
      const bare = await runChild<{ papaparse_ms: number; papaparse_cpu_ms: number }>('papa', file);
      papa.push(bare.papaparse_ms);
      papaCpu.push(bare.papaparse_cpu_ms);
      imports.push(await runChild<ImportChildReport>('import', file));
    }
    for (const report of imports) {
      if (report.rows !== rows) throw new Error(`import bench: imported ${report.rows} rows, expected ${rows}`);
    }
    const papaparse_ms = median(papa);
    const import_ms = median(imports.map((i) => i.import_ms));
    const peak = median(imports.map((i) => i.peak_memory_bytes));
    const ratios = imports.map((i, r) => round(i.import_ms / papa[r]!, 2));
    const cpuRatios = imports.map((i, r) => round(i.import_cpu_ms / papaCpu[r]!, 2));
    return {
      file_bytes: bytes.length,
      rows,
      papaparse_ms: round(papaparse_ms, 1),
      import_ms: round(import_ms, 1),
      ratio: round(import_ms / papaparse_ms, 2),
      ratios,
      ratio_max: Math.max(...ratios),
      papaparse_cpu_ms: round(median(papaCpu), 1),
      import_cpu_ms: round(median(imports.map((i) => i.import_cpu_ms)), 1),
      cpu_ratios: cpuRatios,
      cpu_ratio_max: Math.max(...cpuRatios),
      rows_per_s: Math.round(rows / (import_ms / 1000)),
      peak_memory_bytes: peak,
      peak_memory_ratio: round(peak / bytes.length, 2),
      peak_memory_ratio_max: round(Math.max(...imports.map((i) => i.peak_memory_bytes)) / bytes.length, 2),
      peak_heap_and_buffers_bytes: median(imports.map((i) => i.peak_heap_and_buffers_bytes)),
      load_and_query_ms: round(median(imports.map((i) => i.load_and_query_ms)), 1),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const IMPORT_BENCH_TEXT: Record<Language, Record<string, string>> = {
  sv: {
    title: 'Import av {rows} rader ({mb} MB, ; och decimalkomma)',
    measure: 'Mått',
    value: 'Värde',
    target: 'Mål',
    papa: 'Bara PapaParse',
    full: 'Hel import (avkoda → tolka → normalisera → kolumner)',
    ratio: 'Kvot import / PapaParse (median; sämsta körningen)',
    cpu: 'Processortid: PapaParse, import, kvot (median; sämsta körningen)',
    rowsPerSecond: 'Rader per sekund',
    peak: 'Högsta minnesanvändning, RSS (× filens storlek; sämsta körningen)',
    peakV8: 'Högsta minnesanvändning enligt V8 (heap + ArrayBuffer)',
    loadQuery: 'Läsa in lagrat dataset och besvara en fråga',
  },
  en: {
    title: 'Import of {rows} rows ({mb} MB, ; and decimal comma)',
    measure: 'Measure',
    value: 'Value',
    target: 'Target',
    papa: 'Bare PapaParse',
    full: 'Full import (decode → parse → normalise → columns)',
    ratio: 'Ratio import / PapaParse (median; worst run)',
    cpu: 'CPU time: PapaParse, import, ratio (median; worst run)',
    rowsPerSecond: 'Rows per second',
    peak: 'Peak memory, RSS (× file size; worst run)',
    peakV8: 'Peak memory as V8 counts it (heap + ArrayBuffers)',
    loadQuery: 'Load the stored dataset and answer a query',
  },
};

/** The import benchmark's figures as a table, in Swedish or English. */
export function renderImportBenchReport(r: ImportBenchResult, language: Language): string {
  const f = formatters(language);
  const text = (key: string, params: Record<string, string> = {}): string =>
    IMPORT_BENCH_TEXT[language][key]!.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
  return [
    '',
    text('title', { rows: f.count(r.rows), mb: f.decimal(r.file_bytes / 1e6, 1) }),
    renderTable(
      [text('measure'), text('value'), text('target')],
      [
        [text('papa'), `${f.count(r.papaparse_ms)} ms`, ''],
        [text('full'), `${f.count(r.import_ms)} ms`, ''],
        [text('ratio'), `${f.decimal(r.ratio, 2)}; ${f.decimal(r.ratio_max, 2)}`, `≤ ${f.decimal(0.9, 1)}`],
        [text('cpu'), `${f.count(r.papaparse_cpu_ms)} ms, ${f.count(r.import_cpu_ms)} ms, ${f.decimal(median(r.cpu_ratios), 2)}; ${f.decimal(r.cpu_ratio_max, 2)}`, ''],
        [text('rowsPerSecond'), f.count(r.rows_per_s), ''],
        [text('peak'), `${f.decimal(r.peak_memory_bytes / 1e6, 1)} MB (${f.decimal(r.peak_memory_ratio, 2)} ×; ${f.decimal(r.peak_memory_ratio_max, 2)} ×)`, '≤ 2 ×'],
        [text('peakV8'), `${f.decimal(r.peak_heap_and_buffers_bytes / 1e6, 1)} MB (${f.decimal(r.peak_heap_and_buffers_bytes / r.file_bytes, 2)} ×)`, ''],
        [text('loadQuery'), `${f.count(r.load_and_query_ms)} ms`, `< ${f.count(1000)} ms`],
      ],
    ),
    '',
  ].join('\n');
}

/** A dataset as stored: its header and typed-array columns, serialised by the structured clone algorithm. */
function storedForm(result: ImportResult): Buffer {
  return serialize(result.measures.map((m) => ({ key: m.key, name: m.name, spec: m.spec, ...(m.derivedFrom ? { derivedFrom: m.derivedFrom } : {}), dataset: m.dataset })));
}

/** Back from the stored form, with the checks a loader owes data from disk (indexes in range, ordered counts). */
function loadStored(buffer: Buffer, provenance: ImportResult['provenance']): ImportResult {
  const measures = deserialize(buffer) as MeasureDataset[];
  for (const m of measures) checkDataset(m.dataset);
  return { measures, provenance };
}

function checkDataset(d: Dataset): void {
  const n = d.cellCount;
  d.columns.forEach((column, k) => {
    const size = d.dimensions[k]!.values.length;
    if (column.length !== n) throw new Error(`stored dataset ${d.id}: column ${k} has ${column.length} cells, not ${n}`);
    for (let i = 0; i < n; i++) if (column[i]! >= size) throw new Error(`stored dataset ${d.id}: cell ${i} index out of range`);
  });
  for (let i = 0; i < n; i++) {
    if (!(d.low[i]! >= 0 && d.low[i]! <= d.point[i]! && d.point[i]! <= d.high[i]!)) throw new Error(`stored dataset ${d.id}: cell ${i} counts out of order`);
  }
}

/** CPU time of this process so far (user + system, every thread), in ms. */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

async function child(mode: string, file: string): Promise<void> {
  const buffer = readFileSync(file);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  // Both measurements start warm, as in a running app: the operation has run once (on 2 000 rows), so its
  // code is loaded and compiled and the data it first touches (Unicode tables) is in memory.
  const warmUp = new TextEncoder().encode(benchCsvText(2000, 1));
  if (mode === 'papa') {
    Papa.parse(new TextDecoder().decode(warmUp));
    const text = new TextDecoder().decode(bytes);
    const cpuStart = cpuMs();
    const start = performance.now();
    const parsed = Papa.parse(text);
    const ms = performance.now() - start;
    const cpu = cpuMs() - cpuStart;
    if (parsed.data.length < 2) throw new Error('papaparse read no rows');
    process.stdout.write(`${JSON.stringify({ papaparse_ms: ms, papaparse_cpu_ms: cpu })}\n`);
    return;
  }
  await importFile({ name: 'warm-up.csv', bytes: warmUp }, undefined, { publisher: 'warm-up' });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const baseline = before.rss;
  const v8Baseline = before.heapUsed + before.arrayBuffers;
  const highWaterBefore = process.resourceUsage().maxRSS * 1024;
  let sampled = baseline;
  let v8Sampled = v8Baseline;
  let samples = 0;
  // RSS after every piece; V8's own figures (a costlier call, 25 µs) after every 8th and at the end, so that the
  // measuring adds little to the time measured (3 200 pieces of 16 KiB: ~40 ms instead of ~80 ms, on a loaded machine).
  const sample = (): void => {
    sampled = Math.max(sampled, process.memoryUsage.rss());
    if ((samples++ & 7) !== 0) return;
    const now = process.memoryUsage();
    v8Sampled = Math.max(v8Sampled, now.heapUsed + now.arrayBuffers);
  };
  const cpuStart = cpuMs();
  const start = performance.now();
  const result = await importFile({ name: file, bytes }, undefined, { publisher: 'Antal import benchmark (synthetic)' }, { onProgress: sample });
  const importMs = performance.now() - start;
  const importCpuMs = cpuMs() - cpuStart;
  samples = 0;
  sample();
  const highWater = process.resourceUsage().maxRSS * 1024;
  // The kernel's high-water mark sees peaks between samples, once it rises above any earlier peak.
  const peak = highWater > highWaterBefore ? Math.max(highWater, sampled) : sampled;

  const stored = storedForm(result);
  const loadStart = performance.now();
  const loaded = loadStored(stored, result.provenance);
  const answer = queryDataset(loaded, BENCH_QUERY);
  const loadMs = performance.now() - loadStart;
  if (!(answer.cells > 0)) throw new Error('import bench: the query matched no cells');
  const report: ImportChildReport = { import_ms: importMs, import_cpu_ms: importCpuMs, rows: result.rows, peak_memory_bytes: peak - baseline, peak_heap_and_buffers_bytes: v8Sampled - v8Baseline, load_and_query_ms: loadMs };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (process.argv[2] === CHILD_FLAG) {
  child(process.argv[3] ?? '', process.argv[4] ?? '').catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
