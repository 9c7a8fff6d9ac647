/**
 * A developer's tool beside the app benchmark (not part of `npm run bench`): cold starts of one or more web builds,
 * run alternately (A, B, A, B, …) so that a busy machine's load falls on each alike, with counted work beside the
 * wall time:
 *
 * - wall: navigation start → the frame that shows the first answer (the app benchmark's probe and finish line);
 * - main: the page's main-thread script, layout and style time up to then (CDP Performance.getMetrics), and the
 *   sum of its task durations;
 * - marks: when the answer page first rendered, when the worker was sent its inputs, when its answer arrived
 *   (the browser's own resource timing for the scripts: when each finished downloading).
 *
 *   npx tsx tests/bench/profile-cold.ts --builds dist-web-a,dist-web-b[@vite] [--runs 6] [--second] [--trace t.json]
 *
 * `--second`: also time a second start (a reload with the database already seeded and files cached).
 * `uptime`'s load is printed before and after, so figures from a loaded machine are read as such.
 */
import { loadavg } from 'node:os';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { LAUNCH_ARGS, installProbe, percentiles, serve, servePreview, waitAnswer } from './bench-app';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
/** `folder` (served as the app benchmark serves it) or `folder@vite` (served by `vite preview`, as `npm run web`). */
const specs = (option('builds') ?? 'dist-web-bench').split(',');
const builds = specs.map((b) => resolve(root, b.replace(/@vite$/, '')));
const viaVite = specs.map((b) => b.endsWith('@vite'));
const runs = Number(option('runs') ?? 6);
const second = args.includes('--second');
/** `--trace file.json`: a Chromium trace (with V8's sampler) of the last cold start of the last build. */
const traceFile = option('trace');

interface Sample {
  wall: number;
  /** The worker's own time for the answer shown first. */
  workerMs: number;
  warm: number | null;
  scriptMs: number;
  taskMs: number;
  layoutMs: number;
  styleMs: number;
  scripts: Array<{ name: string; start: number; end: number }>;
  marks: Array<{ name: string; at: number }>;
}

async function oneStart(browser: Browser, url: string, trace?: string): Promise<Sample> {
  const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 800 } });
  try {
    await installProbe(context);
    const page = await context.newPage();
    if (trace)
      await browser.startTracing(page, {
        path: trace,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'loading', 'toplevel'],
      });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'commit' });
    const answered = await waitAnswer(page, false);
    const wall = answered.end;
    // The worker's own time for the first answer, as its status line states it ("… beräknat på 12,3 ms …").
    const workerMatch = /(\d+(?:[,.]\d+)?)\s*ms/.exec(answered.status);
    const workerMs = workerMatch ? Number(workerMatch[1]!.replace(',', '.')) : NaN;
    if (trace) await browser.stopTracing();
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    const scripts = await page.evaluate((until) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => (e as PerformanceResourceTiming).responseEnd <= until)
        .map((e) => ({ name: new URL(e.name).pathname.replace(/^.*\//, ''), start: Math.round(e.startTime), end: Math.round((e as PerformanceResourceTiming).responseEnd) })),
      wall,
    );
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('antal:')).map((m) => ({ name: m.name.slice(6), at: Math.round(m.startTime) })));
    let warm: number | null = null;
    if (second) {
      await page.reload({ waitUntil: 'commit' });
      warm = (await waitAnswer(page, false)).end;
    }
    return { wall, workerMs, warm, scriptMs: metric('ScriptDuration'), taskMs: metric('TaskDuration'), layoutMs: metric('LayoutDuration'), styleMs: metric('RecalcStyleDuration'), scripts, marks };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const servers = await Promise.all(builds.map((b, i) => (viaVite[i] ? servePreview(b) : serve(b))));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
  const samples: Sample[][] = builds.map(() => []);
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`load before: ${load()}`);
  try {
    // One start of each first, not counted: the browser's own first-use costs fall on no build.
    for (const server of servers) await oneStart(browser, server.url);
    for (let r = 0; r < runs; r++) {
      for (let b = 0; b < builds.length; b++) {
        const s = await oneStart(browser, servers[b]!.url, traceFile && r === runs - 1 && b === builds.length - 1 ? traceFile : undefined);
        samples[b]!.push(s);
        console.log(`${specs[b]!.replace(/^.*\//, '')} run ${r + 1}: wall ${s.wall.toFixed(0)} ms (worker ${s.workerMs} ms)${s.warm !== null ? `, second start ${s.warm.toFixed(0)} ms` : ''}; main thread script ${s.scriptMs.toFixed(0)}, tasks ${s.taskMs.toFixed(0)}, style ${s.styleMs.toFixed(0)}, layout ${s.layoutMs.toFixed(0)} ms (load ${load()})`);
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) s.stop();
  }
  console.log(`load after: ${load()}`);
  for (let b = 0; b < builds.length; b++) {
    const list = samples[b]!;
    const median = (f: (s: Sample) => number) => percentiles(list.map(f)).p50_ms;
    console.log(
      `${specs[b]!.replace(/^.*\//, '')}: wall p50 ${median((s) => s.wall)} / p95 ${percentiles(list.map((s) => s.wall)).p95_ms} ms; worker's first answer p50 ${median((s) => s.workerMs)} ms; ` +
        (second ? `second start p50 ${median((s) => s.warm ?? NaN)} ms; ` : '') +
        `script p50 ${median((s) => s.scriptMs)} ms, tasks ${median((s) => s.taskMs)} ms, style ${median((s) => s.styleMs)}, layout ${median((s) => s.layoutMs)} ms`,
    );
    const last = list[list.length - 1]!;
    console.log(`  files (last run, start–end ms): ${last.scripts.map((s) => `${s.name} ${s.start}–${s.end}`).join(', ')}`);
    console.log(`  marks (last run): ${last.marks.map((m) => `${m.name}@${m.at}`).join(' ')} answer@${Math.round(last.wall)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
