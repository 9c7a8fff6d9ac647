/**
 * A developer's tool beside the app benchmark (not part of `npm run bench`): edit → answer on two builds of the web
 * app, run alternately in one browser, so that a machine shared with other work loads both alike. Per build: the
 * wall time of every edit (as `npm run bench -- --only app` measures it: same probe, same edits, same pace) and the
 * renderer's own counters per edit (script, style and layout time, layouts, DOM nodes), which count work rather
 * than wait and so compare fairly on a busy machine.
 *
 *   npx tsx tests/bench/ab-edits.ts <build A> <build B> [--rounds 4] [--edits 8]
 *
 * Build each with `ANTAL_WEB_OUT=<folder> npm run web:build` (from each checkout).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EDIT_KINDS, LAUNCH_ARGS, edit, installProbe, openEditFields, percentiles, serve, timeEdit, waitAnswer } from './bench-app';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const [dirA, dirB] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!dirA || !dirB) throw new Error('usage: npx tsx tests/bench/ab-edits.ts <build A> <build B> [--rounds 4] [--edits 8]');
const rounds = option('rounds', 4);
const perPass = option('edits', 8);

const COUNTERS = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'LayoutCount', 'TaskDuration'] as const;

interface Side {
  name: string;
  page: Page;
  metrics(): Promise<Record<string, number>>;
  next: number;
  wall: number[];
  counters: Record<string, number>;
  nodes: number;
}

async function open(browser: Browser, name: string, url: string): Promise<Side> {
  const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 800 } });
  await installProbe(context);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await waitAnswer(page, false);
  await openEditFields(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
  return { name, page, metrics, next: 0, wall: [], counters: Object.fromEntries(COUNTERS.map((c) => [c, 0])), nodes: 0 };
}

async function pass(side: Side, count: number, record: boolean): Promise<void> {
  const before = await side.metrics();
  for (let i = 0; i < count; i++, side.next++) {
    const n = side.next;
    const { start, end } = await timeEdit(side.page, () => edit(side.page, EDIT_KINDS[n % EDIT_KINDS.length]!, Math.floor(n / EDIT_KINDS.length)));
    if (record) side.wall.push(end - start);
    await side.page.waitForTimeout(250);
  }
  const after = await side.metrics();
  if (!record) return;
  for (const c of COUNTERS) side.counters[c]! += (after[c] ?? 0) - (before[c] ?? 0);
  side.nodes = after.Nodes ?? 0;
}

async function main(): Promise<void> {
  const servers = [await serve(resolve(dirA!)), await serve(resolve(dirB!))];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
  try {
    const sides = [await open(browser, `A ${dirA}`, servers[0]!.url), await open(browser, `B ${dirB}`, servers[1]!.url)];
    const loadBefore = loadavg()[0]!;
    // Warm-up (lazily loaded parts, the JIT), then alternating passes, A first in even rounds and B first in odd ones.
    for (const side of sides) await pass(side, perPass, false);
    for (let r = 0; r < rounds; r++) for (const side of r % 2 === 0 ? sides : [...sides].reverse()) await pass(side, perPass, true);
    console.log(`load ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}; ${rounds} rounds of ${perPass} edits per build, alternating`);
    for (const side of sides) {
      const edits = side.wall.length;
      const per = (c: string, scale = 1000) => ((side.counters[c]! * scale) / edits).toFixed(1);
      const p = percentiles(side.wall);
      console.log(
        `${side.name}: edit → answer p50 ${p.p50_ms} / p95 ${p.p95_ms} / max ${p.max_ms} ms (${edits} edits); per edit: script ${per('ScriptDuration')} ms, style ${per('RecalcStyleDuration')} ms, layout ${per('LayoutDuration')} ms (${per('LayoutCount', 1)}×), all tasks ${per('TaskDuration')} ms; DOM nodes ${side.nodes}`,
      );
    }
  } finally {
    await browser.close();
    for (const s of servers) s.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
