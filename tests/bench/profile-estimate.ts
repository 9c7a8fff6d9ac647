/**
 * Counted work of the warm estimate, for profiling and A/B comparisons on a busy machine
 * (`npx tsx tests/bench/profile-estimate.ts [runs] [same|varied]`, optionally under `node --cpu-prof`,
 * `--trace-gc`, `--trace-deopt` or `--heap-prof`): CPU time per estimate (p50 / p95), the garbage collections
 * during the block (count, kind, pause time) and the bytes allocated per estimate (V8's heap growth between
 * collections, measured with a full collection before and after the block when `--expose-gc` is given).
 * Counts, unlike wall times, are not stretched by other sessions' work.
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { estimateEligible } from '../../shared/estimate/estimate';
import { DEFAULT_HALLAND_RULE } from '../../shared/regions/regions';
import { BENCH_CELLS, BENCH_STUDY, createBenchDataset, variedStudies } from './bench-estimate';

const runs = Number(process.argv[2] ?? 200);
const mode = process.argv[3] ?? 'same';
const dataset = createBenchDataset(BENCH_CELLS);
const options = { hallandRule: DEFAULT_HALLAND_RULE };
const studies = mode === 'varied' ? variedStudies(BENCH_STUDY, runs + 30) : [BENCH_STUDY];
const studyAt = (i: number) => studies[i % studies.length]!;
for (let i = 0; i < 30; i++) estimateEligible(studyAt(runs + i), [dataset], options);

const gcs: { kind: number; ms: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcs.push({ kind: (entry as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0, ms: entry.duration });
});
observer.observe({ entryTypes: ['gc'] });
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = getHeapStatistics();
console.log('--- timed block');
const cpu: number[] = [];
const wall: number[] = [];
const marks = process.env.PROFILE_MARKS ? Number(process.env.PROFILE_MARKS) : 0;
for (let i = 0; i < runs; i++) {
  if (marks && i % marks === 0) console.log(`--- run ${i}`);
  const c = process.cpuUsage();
  const t = performance.now();
  estimateEligible(studyAt(i), [dataset], options);
  wall.push(performance.now() - t);
  const u = process.cpuUsage(c);
  cpu.push((u.user + u.system) / 1000);
}
const heapAfter = getHeapStatistics();
setTimeout(() => {
  observer.disconnect();
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!.toFixed(2);
  const kinds: Record<number, string> = { 1: 'scavenge', 2: 'mark-compact', 4: 'incremental', 8: 'weak-cb' };
  const byKind = new Map<string, { n: number; ms: number }>();
  for (const g of gcs) {
    const k = kinds[g.kind] ?? String(g.kind);
    const e = byKind.get(k) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += g.ms;
    byKind.set(k, e);
  }
  console.log(`${mode}, ${runs} runs: CPU p50/p95 ${q(cpu, 0.5)}/${q(cpu, 0.95)} ms, wall p50/p95 ${q(wall, 0.5)}/${q(wall, 0.95)} ms`);
  console.log(`GCs: ${[...byKind].map(([k, e]) => `${k} ${e.n} (${e.ms.toFixed(1)} ms)`).join(', ') || 'none'}`);
  console.log(`heap used ${(heapBefore.used_heap_size / 1e6).toFixed(1)} → ${(heapAfter.used_heap_size / 1e6).toFixed(1)} MB; external ${(heapBefore.external_memory / 1e6).toFixed(1)} → ${(heapAfter.external_memory / 1e6).toFixed(1)} MB`);
}, 50);
