/** The import benchmark runs end to end on a small file; its figures are checked for sense, never for speed. */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { benchCsvText, IMPORT_BENCH_HEADER, runImportBench } from './bench-import';
import { analyseText } from '../shared/import/helpers';

describe('import benchmark', () => {
  it('generates the same realistic long-layout file for the same seed', async () => {
    const text = benchCsvText(3000);
    expect(benchCsvText(3000)).toBe(text);
    expect(benchCsvText(3000, 7)).not.toBe(text);
    const rows = Papa.parse<string[]>(text.trimEnd(), { delimiter: ';', newline: '\r\n' }).data;
    expect(rows[0]!.join(';')).toBe(IMPORT_BENCH_HEADER);
    expect(rows).toHaveLength(3001);
    expect(rows.slice(1).some((r) => r[5] === 'X' && r[6] === 'X')).toBe(true);
    expect(rows.slice(1).some((r) => /^\d+,\d\d$/.test(r[6]!))).toBe(true);
    const preview = await analyseText(text);
    expect(preview.errors).toEqual([]);
    expect(preview.columns.map((c) => (c.mapping.kind === 'dimension' ? c.mapping.role : c.mapping.kind))).toEqual(['region', 'code', 'sex', 'age', 'period', 'measure', 'measure']);
  });

  it('measures a small file in child processes and returns sane, positive figures', async () => {
    const r = await runImportBench({ rows: 2000, repeats: 2 });
    expect(Object.keys(r).sort()).toEqual(
      ['cpu_ratio_max', 'cpu_ratios', 'file_bytes', 'import_cpu_ms', 'import_ms', 'load_and_query_ms', 'papaparse_cpu_ms', 'papaparse_ms', 'peak_heap_and_buffers_bytes', 'peak_memory_bytes', 'peak_memory_ratio', 'peak_memory_ratio_max', 'ratio', 'ratio_max', 'ratios', 'rows', 'rows_per_s'].sort(),
    );
    expect(r.rows).toBe(2000);
    expect(r.file_bytes).toBe(new TextEncoder().encode(benchCsvText(2000)).length);
    for (const key of ['papaparse_ms', 'import_ms', 'ratio', 'rows_per_s', 'load_and_query_ms'] as const) expect(r[key]).toBeGreaterThan(0);
    expect(r.peak_memory_bytes).toBeGreaterThanOrEqual(0);
    expect(r.peak_heap_and_buffers_bytes).toBeGreaterThan(0);
    // The ratio comes from the unrounded medians (rounded to 0.01); the times are rounded to 0.1 ms, so each was up
    // to 0.05 ms off — which matters when PapaParse takes about a millisecond on this small file.
    expect(r.ratio).toBeGreaterThanOrEqual((r.import_ms - 0.05) / (r.papaparse_ms + 0.05) - 0.005);
    expect(r.ratio).toBeLessThanOrEqual((r.import_ms + 0.05) / Math.max(1e-9, r.papaparse_ms - 0.05) + 0.005);
    expect(r.peak_memory_ratio).toBeCloseTo(r.peak_memory_bytes / r.file_bytes, 1);
    // One ratio per run; the worst is the one the goal is judged on, and the median run lies within them.
    expect(r.ratios).toHaveLength(2);
    expect(r.ratio_max).toBe(Math.max(...r.ratios));
    // CPU time as well, per run (a process cannot parse a file without using the CPU for it).
    expect(r.papaparse_cpu_ms).toBeGreaterThan(0);
    expect(r.import_cpu_ms).toBeGreaterThan(0);
    expect(r.cpu_ratios).toHaveLength(2);
    expect(r.cpu_ratio_max).toBe(Math.max(...r.cpu_ratios));
    expect(r.peak_memory_ratio_max).toBeGreaterThanOrEqual(r.peak_memory_ratio);
    await expect(runImportBench({ rows: 10 })).rejects.toThrow(RangeError);
  }, 120_000);
});
