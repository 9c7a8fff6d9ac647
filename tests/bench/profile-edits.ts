/**
 * A developer's tool beside the app benchmark (not part of `npm run bench`): where the main thread's time goes
 * between an edit and its answer on screen. Counted work, so that runs on a busy machine can still be compared:
 *
 * - the main thread's sampled CPU time per edit (a CDP CPU profile over the edits, idle time left out), and the
 *   functions with the most self time;
 * - calls per edit of every function (CDP precise coverage with call counts, a second pass of the same edits):
 *   React components rendered, i18next's `t()` and its interpolation, DOM-heavy helpers;
 * - edit → answer wall time, as `npm run bench -- --only app` measures it (same probe, same edits).
 *
 *   npx tsx tests/bench/profile-edits.ts [--out dist-web-profile] [--skip-build] [--edits 16] [--top 40]
 *
 * Function names are readable because the build for profiling is not minified (`vite build --minify false`).
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { EDIT_KINDS, LAUNCH_ARGS, edit, installProbe, openEditFields, percentiles, serve, timeEdit, waitAnswer } from './bench-app';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const outDir = resolve(root, option('out') ?? 'dist-web-profile');
const editCount = Number(option('edits') ?? 16);
const top = Number(option('top') ?? 40);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function build(): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.mts', '--minify', 'false', '--logLevel', 'warn'], {
      cwd: root,
      env: { ...process.env, ANTAL_WEB_OUT: outDir },
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`vite build failed (${code})`))));
  });
}

const shortUrl = (url: string) => url.replace(/^.*\/assets\//, '').replace(/^https?:\/\/[^/]+\//, '');

async function runEdits(page: Page, from: number, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let n = from; n < from + count; n++) {
    const kind = EDIT_KINDS[n % EDIT_KINDS.length]!;
    const { start, end } = await timeEdit(page, () => edit(page, kind, Math.floor(n / EDIT_KINDS.length)));
    times.push(end - start);
    await page.waitForTimeout(250);
  }
  return times;
}

/**
 * Per sample: the nearest React component on its stack (a function of the app's scripts named with a capital),
 * and whether i18next's `translate` is on it. Samples with no frame of the app's scripts (Playwright's injected
 * scripts, the browser's own work between edits) are left out: "app time" is what the app costs per edit.
 */
function byComponent(profile: CpuProfile): { app: number; gc: number; rows: { name: string; ms: number; translateMs: number }[]; outside: { name: string; ms: number }[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const rows = new Map<string, { ms: number; translateMs: number }>();
  let app = 0;
  let gc = 0;
  // Self time of the samples outside any component, by the innermost frame of the app's scripts.
  const outside = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let id: number | undefined = profile.samples[i]!;
    if (byId.get(id)!.callFrame.functionName === '(garbage collector)') {
      gc += ms;
      continue;
    }
    let component: string | null = null;
    let inApp = false;
    let inTranslate = false;
    let innermost: string | null = null;
    while (id !== undefined) {
      const frame = byId.get(id)!.callFrame;
      if (frame.url.includes('/assets/')) {
        inApp = true;
        innermost ??= `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
        if (frame.functionName === 'translate') inTranslate = true;
        if (component === null && /^[A-Z]/.test(frame.functionName)) component = frame.functionName;
      }
      id = parent.get(id);
    }
    if (!inApp) continue;
    app += ms;
    const key = component ?? '(no component: React scheduler/commit, workers, events)';
    const row = rows.get(key) ?? { ms: 0, translateMs: 0 };
    row.ms += ms;
    if (inTranslate) row.translateMs += ms;
    rows.set(key, row);
    if (component === null && innermost !== null) outside.set(innermost, (outside.get(innermost) ?? 0) + ms);
  }
  return {
    app,
    gc,
    rows: [...rows].map(([name, r]) => ({ name, ...r })).sort((a, b) => b.ms - a.ms),
    outside: [...outside].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms),
  };
}

function selfTimes(profile: CpuProfile): { total: number; idle: number; rows: { name: string; ms: number }[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  let total = 0;
  let idle = 0;
  const byName = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    total += ms;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') {
      if (frame.functionName === '(idle)') idle += ms;
      if (frame.functionName === '(idle)') continue;
    }
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    byName.set(name, (byName.get(name) ?? 0) + ms);
  }
  return { total, idle, rows: [...byName].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms) };
}

async function main(): Promise<void> {
  if (!args.includes('--skip-build')) await build();
  const server = await serve(outDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
  try {
    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 800 } });
    await installProbe(context);
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
    await waitAnswer(page, false);
    await openEditFields(page);
    // Warm-up: the lazily loaded parts (trend, charts) and the JIT.
    await runEdits(page, 0, 8);
    const cdp: CDPSession = await context.newCDPSession(page);
    const loadBefore = loadavg()[0]!;

    // The renderer's own counters (script, style, layout, tasks), over a pass of the edits without the profiler.
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
    const m0 = await metrics();
    await runEdits(page, 8, editCount);
    const m1 = await metrics();
    const perEdit = (name: string, scale = 1000) => (((m1[name] ?? 0) - (m0[name] ?? 0)) * scale) / editCount;

    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const wall = await runEdits(page, 8, editCount);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };

    await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    await cdp.send('Profiler.takePreciseCoverage');
    const wall2 = await runEdits(page, 8 + editCount, editCount);
    const coverage = (await cdp.send('Profiler.takePreciseCoverage')) as unknown as {
      result: { url: string; functions: { functionName: string; ranges: { startOffset: number; count: number }[] }[] }[];
    };
    await cdp.send('Profiler.stopPreciseCoverage');
    const loadAfter = loadavg()[0]!;

    const { total, idle, rows } = selfTimes(profile);
    const busy = total - idle;
    const p = percentiles(wall);
    const p2 = percentiles(wall2);
    console.log(`load ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}; ${editCount} edits per pass`);
    console.log(`edit → answer (profiled pass): p50 ${p.p50_ms} ms, p95 ${p.p95_ms} ms, max ${p.max_ms} ms`);
    console.log(`edit → answer (coverage pass): p50 ${p2.p50_ms} ms, p95 ${p2.p95_ms} ms, max ${p2.max_ms} ms`);
    console.log(
      `renderer counters per edit (a pass without the profiler): script ${perEdit('ScriptDuration').toFixed(1)} ms, style ${perEdit('RecalcStyleDuration').toFixed(1)} ms (${perEdit('RecalcStyleCount', 1).toFixed(1)}×), layout ${perEdit('LayoutDuration').toFixed(1)} ms (${perEdit('LayoutCount', 1).toFixed(1)}×), all tasks ${perEdit('TaskDuration').toFixed(1)} ms, DOM nodes at the end ${m1.Nodes ?? '?'}`,
    );
    console.log(`main thread busy (sampled, not idle): ${(busy / editCount).toFixed(1)} ms per edit (incl. Playwright's own input handling and the 250 ms pauses' timers)`);
    const components = byComponent(profile);
    console.log(`app time (samples with a frame of the app's scripts): ${(components.app / editCount).toFixed(1)} ms per edit; garbage collector ${(components.gc / editCount).toFixed(1)} ms`);
    console.log('\nby nearest component on the stack (ms per edit; of it in i18next translate):');
    for (const row of components.rows.slice(0, 25)) console.log(`${(row.ms / editCount).toFixed(2).padStart(8)} ${(row.translateMs / editCount).toFixed(2).padStart(7)}  ${row.name}`);
    console.log('\noutside any component, by the innermost frame of the app (ms per edit):');
    for (const row of components.outside.slice(0, 25)) console.log(`${(row.ms / editCount).toFixed(2).padStart(8)}  ${row.name}`);
    console.log(`\nself time, top ${top} (ms per edit):`);
    for (const row of rows.slice(0, top)) console.log(`${(row.ms / editCount).toFixed(2).padStart(8)}  ${row.name}`);

    const calls: { name: string; count: number }[] = [];
    for (const script of coverage.result) {
      if (!script.url.includes('/assets/')) continue;
      for (const fn of script.functions) {
        const count = fn.ranges[0]?.count ?? 0;
        if (count > 0 && fn.functionName) calls.push({ name: `${fn.functionName} ${shortUrl(script.url)}`, count });
      }
    }
    calls.sort((a, b) => b.count - a.count);
    console.log(`\ncalls per edit, top ${top}:`);
    for (const row of calls.slice(0, top)) console.log(`${(row.count / editCount).toFixed(1).padStart(9)}  ${row.name}`);
    console.log('\ncomponents (functions named with a capital), renders per edit:');
    for (const row of calls.filter((c) => /^[A-Z]/.test(c.name)).slice(0, top)) console.log(`${(row.count / editCount).toFixed(1).padStart(9)}  ${row.name}`);
    const watch = /^(t|translate|interpolate|format|extendTranslation|AnswerFigures|AnswerView|AnswerPage|ForecastSection|RegionOverview|DataTable|AttritionChart|EnrolmentChart|TornadoChart|CriteriaEditor|TrendSection|RegionMap|SwedenMap)$/;
    console.log('\nwatched functions, calls per edit:');
    for (const row of calls.filter((c) => watch.test(c.name.split(' ')[0]!))) console.log(`${(row.count / editCount).toFixed(1).padStart(9)}  ${row.name}`);
    await context.close();
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
