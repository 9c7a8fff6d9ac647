/**
 * The app benchmark (`npm run bench`): what a coordinator feels in the built web app, measured through
 * Playwright in Debian's Chromium (the same browser the end-to-end tests use):
 *
 * - cold start: a fresh browser profile (nothing cached, empty database) opens the app; timed from the
 *   navigation's start to the frame in which the first answer (national figure, verdict, forecast) is on screen.
 *   Also the same after a reload (files cached, database seeded), for scale;
 * - edit to answer: at least 30 edits of four kinds (switch a step off/on, move a step, edit a diagnosis code,
 *   change a site's rate), each timed from the input event to the frame in which the recomputed answer, with its
 *   forecast and verdict, is on screen (the status says "current" and names another answer than before the edit:
 *   another input hash — after having said "stale" when the worker answers, in the same frame when the edit is
 *   answered on the main thread);
 * - the letter in the app's worker: "Förhandsgranska" to the PDF's bytes being there (the status names its size),
 *   the first one a few seconds after start (as a user would click it) and later ones after an edit; and until the
 *   preview has drawn its first page;
 * - the bundle: the entry chunk (what must load before anything shows) and everything else, raw and gzip.
 *
 * Times are taken inside the page (event timestamps and requestAnimationFrame), not by Playwright's polling,
 * so its round trips do not count. The web app is built first (vite, into its own folder) and served as
 * `npm run web` serves it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { formatters, renderTable } from '../../cli/format';
import type { Language } from '../../shared/text/language';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const APP_BENCH_EDITS = 32;
export const APP_BENCH_COLD_STARTS = 5;
export const APP_BENCH_LETTERS = 5;
/** How long after the first answer the first letter is asked for: a user reads the answer first. */
export const LETTER_AFTER_START_MS = 3000;

export interface AppBenchOptions {
  /** Build folder; built unless `skipBuild`. */
  outDir?: string;
  skipBuild?: boolean;
  edits?: number;
  coldStarts?: number;
  letters?: number;
  chromiumPath?: string;
  /** Progress lines (the build and the browser take a while). */
  log?: (line: string) => void;
}

export interface Percentiles {
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  runs: number;
}

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip_bytes: number;
}

export interface AppBenchResult {
  chromium: string;
  /** Fresh profile: navigation start → first answer on screen, per run. */
  cold_start_ms: Percentiles;
  /** Reload with files cached and the database seeded. */
  warm_start_ms: Percentiles;
  /** Input event → recomputed answer on screen, every edit. */
  edit_to_answer_ms: Percentiles;
  edit_to_answer_by_kind: Record<string, Percentiles>;
  /** The computation's own time for the same edits (the answer and its rates, in the worker or on the main thread), as the app reports it. */
  edit_worker_compute_ms: Percentiles;
  /** Of the same edits, those answered on the main thread in their own event (inline-answer.ts), not by the worker. */
  edit_answered_here: number;
  /** "Förhandsgranska" → the PDF's bytes, the first letter after start. */
  letter_first_ms: number;
  /** The same, for later letters (each after an edit, so nothing is reused). */
  letter_after_ms: Percentiles;
  /** "Förhandsgranska" → the preview's first page drawn, the first letter after start. */
  letter_first_page_drawn_ms: number;
  bundle: {
    /** The entry chunk index.html loads. */
    main_chunk: ChunkSize;
    /** Everything index.html loads before the app can render (entry, preloads, CSS). */
    initial: { bytes: number; gzip_bytes: number };
    /** Every other file, loaded when needed. */
    rest: ChunkSize[];
    rest_total: { bytes: number; gzip_bytes: number };
    /** What the browser fetched before the first answer was on screen (first cold start): scripts, styles, data. */
    before_first_answer: { files: string[]; bytes: number; gzip_bytes: number };
  };
}

// ---------------------------------------------------------------------------------------------------------
// Building and serving

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/** `vite preview`, as `npm run web` serves the app: every file compressed on the fly, per request. */
export async function servePreview(outDir: string): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, [vite, 'preview', '--config', 'vite.web.config.mts', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, ANTAL_WEB_OUT: outDir },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(url, child);
  } catch (error) {
    child.kill();
    throw error;
  }
  return { url, stop: () => void child.kill() };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.webmanifest']);

/**
 * The built app served as a deployment serves static files: each compressible file gzipped once, ahead of the
 * requests (as a server with precompressed files does), sent with its length, an ETag and `no-cache` (revalidated
 * on a reload, as `vite preview` does). `vite preview` instead compresses every file again on every request, in
 * the same Node process, on the same two cores as the browser, which adds to a cold start what neither the desktop
 * app (files read from disk) nor a real deployment pays.
 */
export async function serve(outDir: string): Promise<{ url: string; stop(): void }> {
  const files = new Map<string, { type: string; raw: Buffer; gzip: Buffer | null; etag: string }>();
  for (const path of filesUnder(outDir)) {
    const name = '/' + relative(outDir, path).split('\\').join('/');
    const ext = extname(path);
    const raw = readFileSync(path);
    const gzip = COMPRESSIBLE.has(ext) && raw.length >= 1024 ? gzipSync(raw, { level: 9 }) : null;
    files.set(name, { type: CONTENT_TYPES[ext] ?? 'application/octet-stream', raw, gzip, etag: `"${createHash('sha1').update(raw).digest('base64url')}"` });
  }
  const server = createHttpServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = files.get(pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': file.type, ETag: file.etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    if (request.headers['if-none-match'] === file.etag) {
      response.writeHead(304, headers).end();
      return;
    }
    const gzip = file.gzip !== null && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip ? file.gzip! : file.raw;
    if (gzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(body.length);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, stop: () => void server.close() };
}

// ---------------------------------------------------------------------------------------------------------
// Bundle sizes

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const sizeOf = (outDir: string, path: string): ChunkSize => {
  const bytes = readFileSync(path);
  return { file: relative(outDir, path).split('\\').join('/'), bytes: bytes.length, gzip_bytes: gzipSync(bytes, { level: 9 }).length };
};

/** The entry chunk, what index.html loads up front, and every other script, style, font and data file. */
export function measureBundle(outDir: string): AppBenchResult['bundle'] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.?\/?([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`bench: no module script in ${join(outDir, 'index.html')}`);
  const upfront = new Set([entry, ...[...html.matchAll(/<link[^>]+href="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!)]);
  const assets = filesUnder(outDir).filter((p) => /\.(m?js|css|woff2?|ttf|wasm|json)$/.test(p) && !p.endsWith('.map'));
  const sizes = assets.map((p) => sizeOf(outDir, p));
  const initial = sizes.filter((s) => upfront.has(s.file));
  const rest = sizes.filter((s) => !upfront.has(s.file)).sort((a, b) => b.gzip_bytes - a.gzip_bytes);
  const sum = (list: ChunkSize[]) => ({ bytes: list.reduce((n, s) => n + s.bytes, 0), gzip_bytes: list.reduce((n, s) => n + s.gzip_bytes, 0) });
  return { main_chunk: sizes.find((s) => s.file === entry)!, initial: sum(initial), rest, rest_total: sum(rest), before_first_answer: { files: [], bytes: 0, gzip_bytes: 0 } };
}

// ---------------------------------------------------------------------------------------------------------
// In-page timing

/**
 * Installed in every page before the app's own scripts: records the first input event after `arm()` and, on
 * every DOM change, whether the answer is on screen and current. `window.__antalBench.wait()` resolves in the
 * first frame after that, with the time in the page's clock.
 */
function pageProbe(): void {
  interface Probe {
    armedAt: number | null;
    start: number | null;
    sawStale: boolean;
    /** The status line's text when armed: the edit's answer names another input hash. */
    armedStatus: string | null;
    resolve: ((value: { start: number; end: number; status: string; here: boolean }) => void) | null;
    needStale: boolean;
  }
  const probe: Probe = { armedAt: null, start: null, sawStale: false, armedStatus: null, resolve: null, needStale: true };
  const status = () => document.querySelector('[data-testid="compute-status"]');
  const current = () => {
    const s = status();
    return !!s && !s.classList.contains('stale') && !!document.querySelector('[data-testid="national-point"]') && !!document.querySelector('[data-testid="verdict-level"]') && !!document.querySelector('[data-testid="forecast"]');
  };
  const check = () => {
    if (!probe.resolve) return;
    const s = status();
    if (s?.classList.contains('stale')) probe.sawStale = true;
    const changed = probe.sawStale || (s?.textContent ?? '') !== probe.armedStatus;
    if ((changed || !probe.needStale) && current()) {
      const done = probe.resolve;
      probe.resolve = null;
      const text = s?.textContent ?? '';
      const here = !!s?.classList.contains('answered-here');
      // The frame that shows the new DOM: its callback runs before the paint, the task after it after the paint.
      requestAnimationFrame(() => setTimeout(() => done({ start: probe.start ?? 0, end: performance.now(), status: text, here })));
    }
  };
  const onInput = (event: Event) => {
    if (probe.armedAt === null || probe.start !== null) return;
    probe.start = event.timeStamp;
  };
  for (const type of ['click', 'input', 'change']) window.addEventListener(type, onInput, { capture: true });
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  (window as unknown as { __antalBench: unknown }).__antalBench = {
    arm() {
      probe.armedAt = performance.now();
      probe.start = null;
      probe.sawStale = false;
      probe.armedStatus = status()?.textContent ?? '';
      probe.needStale = true;
    },
    /** Resolves when the answer is current (another one than when armed, if `afterStale`). */
    wait(afterStale: boolean) {
      probe.needStale = afterStale;
      return new Promise((resolvePromise) => {
        probe.resolve = resolvePromise;
        check();
      });
    },
  };
}

/**
 * tsx (esbuild with keepNames) wraps named functions in a `__name` helper that exists in Node, not in the page a
 * function is sent to: the page gets an identity stand-in first.
 */
export async function installProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
  await context.addInitScript(pageProbe);
}

export interface ProbeResult {
  start: number;
  end: number;
  status: string;
  /** Answered on the main thread in the edit's own event (the status line's `answered-here`), not by the worker. */
  here: boolean;
}

/** The page's promise; if the edit meanwhile fails, that failure is the one reported (this one is then moot). */
export function waitAnswer(page: Page, afterStale: boolean): Promise<ProbeResult> {
  const waiting = page.evaluate((stale) => (window as unknown as { __antalBench: { wait(s: boolean): Promise<ProbeResult> } }).__antalBench.wait(stale), afterStale);
  waiting.catch(() => undefined);
  return waiting;
}
const arm = (page: Page): Promise<void> => page.evaluate(() => (window as unknown as { __antalBench: { arm(): void } }).__antalBench.arm());

/**
 * Runs `action` (an edit through Playwright) and resolves when its answer is on screen: `start` is the first
 * click/input/change event's timestamp, `end` the time after the frame that shows the recomputed answer.
 */
export async function timeEdit(page: Page, action: () => Promise<void>): Promise<ProbeResult> {
  await arm(page);
  const waiting = waitAnswer(page, true);
  await action();
  const result = await waiting;
  if (!(result.start > 0)) throw new Error('bench: the edit raised no click, input or change event');
  return result;
}

/** The computation's own milliseconds from the status line ("Aktuellt – beräknat på 12,3 ms …"). */
function workerMillis(status: string): number | null {
  const match = /(\d+(?:[,.]\d+)?)\s*ms/.exec(status);
  return match ? Number(match[1]!.replace(',', '.')) : null;
}

// ---------------------------------------------------------------------------------------------------------
// The scenarios

export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function coldStart(browser: Browser, url: string): Promise<{ cold: number; warm: number; fetched: string[] }> {
  const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 800 } });
  try {
    await installProbe(context);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const cold = (await waitAnswer(page, false)).end;
    // Every file whose download finished before the answer was on screen (paths relative to the app's root).
    const fetched = await page.evaluate((until) => performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).responseEnd <= until).map((e) => new URL(e.name).pathname.replace(/^\//, '')), cold);
    await page.reload({ waitUntil: 'commit' });
    const warm = (await waitAnswer(page, false)).end;
    return { cold, warm, fetched };
  } finally {
    await context.close();
  }
}

type EditKind = 'toggle' | 'move' | 'code' | 'site';
export const EDIT_KINDS: readonly EditKind[] = ['toggle', 'move', 'code', 'site'];

/** The i-th edit of a kind on the demo study: each changes the answer, and pairs undo each other. */
export async function edit(page: Page, kind: EditKind, i: number): Promise<void> {
  const editor = page.getByRole('complementary', { name: 'Kriterier' });
  switch (kind) {
    case 'toggle': {
      const steps = ['Metastaserad sjukdom', 'ECOG 0–1', 'Tidigare anti-EGFR-behandling', 'Ålder 18–75 år'];
      const box = editor.getByRole('checkbox', { name: steps[Math.floor(i / 2) % steps.length]! });
      await box.click();
      return;
    }
    case 'move': {
      // Down, then up again: the attrition's order changes and comes back.
      const label = ['Ålder 18–75 år', 'ECOG 0–1'][Math.floor(i / 2) % 2]!;
      await editor.getByRole('button', { name: `${i % 2 === 0 ? 'Flytta ned' : 'Flytta upp'}: ${label}` }).click();
      return;
    }
    case 'code': {
      const codes = ['C18-C19', 'C18-C20', 'C18', 'C18-C20, C21', 'C19-C20', 'C18-C20'];
      await editor.getByLabel('ICD-10-koder').fill(codes[i % codes.length]!);
      return;
    }
    case 'site': {
      const rates = ['2,5', '2', '3', '1,5', '4', '2'];
      await page.getByTestId('forecast').locator('fieldset.site').first().getByLabel('Patienter per månad').fill(rates[i % rates.length]!);
      return;
    }
  }
}

/** The code field is in the diagnosis step's editor and the sites' fields are folded away: opens both once (opening is not an edit). */
export async function openEditFields(page: Page): Promise<void> {
  await page.getByRole('complementary', { name: 'Kriterier' }).getByRole('button', { name: 'Redigera: Kolorektalcancer (C18–C20)' }).click();
  await page.getByTestId('forecast-inputs').locator('summary').click();
}

async function edits(page: Page, count: number): Promise<{ all: number[]; byKind: Record<string, number[]>; worker: number[]; here: number }> {
  await openEditFields(page);
  const all: number[] = [];
  const worker: number[] = [];
  const byKind: Record<string, number[]> = Object.fromEntries(EDIT_KINDS.map((k) => [k, []]));
  let here = 0;
  for (let n = 0; n < count; n++) {
    const kind = EDIT_KINDS[n % EDIT_KINDS.length]!;
    const result = await timeEdit(page, () => edit(page, kind, Math.floor(n / EDIT_KINDS.length)));
    const { start, end, status } = result;
    if (result.here) here += 1;
    all.push(end - start);
    byKind[kind]!.push(end - start);
    const ms = workerMillis(status);
    if (ms !== null) worker.push(ms);
    // A user's pace: the autosave (after 400 ms) and the next edit overlap as they do in practice.
    await page.waitForTimeout(250);
  }
  return { all, byKind, worker, here };
}

// The letter may be previewed only when its readiness checklist is green: the unit profile, the Early Feedback
// Form's answers and every warning acknowledged. Done as a coordinator does it, before and outside the timings.
const READY_TEXT = 'Allt är klart: brevet kan förhandsgranskas och exporteras.';

export async function acknowledgeWarnings(page: Page): Promise<void> {
  const summary = page.getByTestId('letter-readiness-summary');
  const buttons = page.getByTestId('letter-readiness').getByRole('button', { name: 'Jag har läst varningen – bekräfta' });
  // The checklist offers acknowledgements once it has read the request.
  await buttons.first().or(summary.filter({ hasText: READY_TEXT })).waitFor({ timeout: 60_000 });
  for (let before = await buttons.count(); before > 0; before = await buttons.count()) {
    await buttons.first().click();
    for (let i = 0; i < 200 && (await buttons.count()) >= before; i++) await page.waitForTimeout(25);
  }
  await summary.filter({ hasText: READY_TEXT }).waitFor({ timeout: 60_000 });
}

export async function readyLetter(page: Page, base: string): Promise<void> {
  await page.goto(`${base}#/settings`);
  const unitName = page.getByLabel('Enhetens namn', { exact: true });
  await unitName.fill('Prövningsenheten Syd');
  await page.getByLabel('Undertecknare', { exact: true }).fill('Åsa Öberg');
  const profile = page.locator('form').filter({ has: unitName });
  await profile.getByRole('button', { name: 'Spara', exact: true }).click();
  await profile.getByRole('status').filter({ hasText: 'Sparat' }).waitFor();
  await page.goto(`${base}#/requests/demo-request`);
  const form = page.getByTestId('feedback-form');
  for (const id of ['population-present', 'recruitment-chances', 'limiting-factors']) {
    await form.getByTestId(`question-${id}`).getByRole('button', { name: 'Använd förslaget' }).click();
  }
  await form.getByTestId('question-discouraging-factors').getByRole('radio', { name: 'Nej', exact: true }).check();
  await form.getByTestId('question-standard-of-care').getByRole('radio', { name: 'Ja', exact: true }).check();
  await form.getByTestId('question-care-setting').getByRole('textbox').fill('Kolorektalkirurgi och onkologi.');
  await form.getByTestId('question-relevant-clinics').getByRole('textbox').fill('Onkologiska kliniker.');
  await form.getByTestId('feedback-progress').filter({ hasText: 'Alla frågor är besvarade.' }).waitFor();
  await form.getByTestId('feedback-save-status').filter({ hasText: 'Sparat' }).waitFor();
  await page.goto(`${base}#/`);
  await page.getByTestId('letter-readiness').waitFor({ timeout: 60_000 });
  await acknowledgeWarnings(page);
}

export async function letters(page: Page, count: number): Promise<{ first: number; firstPage: number; after: number[] }> {
  const panel = page.getByTestId('letter-panel');
  const button = panel.getByRole('button', { name: 'Förhandsgranska' });
  const times: number[] = [];
  let firstPage = 0;
  for (let n = 0; n < count; n++) {
    // A new answer, so the letter is made anew (the same one would be reused).
    if (n > 0) {
      await timeEdit(page, () => edit(page, 'toggle', 2 * (n % 2)));
      // A changed answer can carry changed warnings, each to be acknowledged again (untimed).
      await acknowledgeWarnings(page);
    }
    await button.scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const t = { start: 0, rendering: false, bytes: 0, page: 0 };
      (window as unknown as { __antalLetter: typeof t }).__antalLetter = t;
      const panelNode = document.querySelector('[data-testid="letter-panel"]')!;
      const observer = new MutationObserver(() => {
        if (!t.start) return;
        const text = panelNode.querySelector('[data-testid="letter-status"]')?.textContent ?? '';
        // "Brevet skapas…" while the worker lays it out, then "… visar brevet (123 kB)." when the bytes are back.
        if (!t.rendering && text && !/\(\d/.test(text)) t.rendering = true;
        if (t.rendering && !t.bytes && /\(\d/.test(text)) t.bytes = performance.now();
        const preview = panelNode.querySelector('[data-testid="letter-preview"]');
        if (t.bytes && !t.page && preview && Number(preview.getAttribute('data-drawn')) >= 1) {
          t.page = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(panelNode, { subtree: true, childList: true, characterData: true, attributes: true });
      window.addEventListener('click', (e) => void (t.start ||= e.timeStamp), { capture: true, once: true });
    });
    await button.click();
    await page.waitForFunction(() => (window as unknown as { __antalLetter: { page: number } }).__antalLetter.page > 0, undefined, { timeout: 120_000, polling: 100 });
    const t = await page.evaluate(() => (window as unknown as { __antalLetter: { start: number; bytes: number; page: number } }).__antalLetter);
    times.push(t.bytes - t.start);
    if (n === 0) firstPage = t.page - t.start;
  }
  return { first: times[0]!, firstPage, after: times.slice(1) };
}

// ---------------------------------------------------------------------------------------------------------

const round1 = (x: number): number => Math.round(x * 10) / 10;

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { p50_ms: round1(at(0.5)), p95_ms: round1(at(0.95)), max_ms: round1(sorted[sorted.length - 1] ?? NaN), runs: sorted.length };
}

export async function runAppBench(options: AppBenchOptions = {}): Promise<AppBenchResult> {
  const log = options.log ?? (() => undefined);
  const outDir = resolve(root, options.outDir ?? process.env.ANTAL_WEB_OUT ?? 'dist-web-bench');
  if (!options.skipBuild) {
    log(`vite build → ${relative(root, outDir)}`);
    await run(process.execPath, [vite, 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn'], { ...process.env, ANTAL_WEB_OUT: outDir });
  } else if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`bench: ${outDir} has no build (run without --skip-build)`);
  }
  const bundle = measureBundle(outDir);
  const server = await serve(outDir);
  const executablePath = options.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    let fetched: string[] = [];
    for (let i = 0; i < (options.coldStarts ?? APP_BENCH_COLD_STARTS); i++) {
      log(`cold start ${i + 1}`);
      const t = await coldStart(browser, server.url);
      cold.push(t.cold);
      warm.push(t.warm);
      if (i === 0) fetched = t.fetched;
    }
    const loaded = fetched.filter((file) => existsSync(join(outDir, file)) && /\.(m?js|css|json|wasm|woff2?)$/.test(file)).map((file) => sizeOf(outDir, join(outDir, file)));
    bundle.before_first_answer = { files: loaded.map((c) => c.file).sort(), bytes: loaded.reduce((n, c) => n + c.bytes, 0), gzip_bytes: loaded.reduce((n, c) => n + c.gzip_bytes, 0) };
    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 800 } });
    try {
      await installProbe(context);
      const page = await context.newPage();
      await page.goto(server.url, { waitUntil: 'commit' });
      await waitAnswer(page, false);
      log('letters');
      await readyLetter(page, server.url);
      // The first letter as a user would ask for it: after reading the answer for a few seconds.
      await page.waitForTimeout(LETTER_AFTER_START_MS);
      const letter = await letters(page, options.letters ?? APP_BENCH_LETTERS);
      log('edits');
      const edited = await edits(page, options.edits ?? APP_BENCH_EDITS);
      return {
        chromium: browser.version(),
        cold_start_ms: percentiles(cold),
        warm_start_ms: percentiles(warm),
        edit_to_answer_ms: percentiles(edited.all),
        edit_to_answer_by_kind: Object.fromEntries(Object.entries(edited.byKind).map(([k, v]) => [k, percentiles(v)])),
        edit_worker_compute_ms: percentiles(edited.worker),
        edit_answered_here: edited.here,
        letter_first_ms: round1(letter.first),
        letter_after_ms: percentiles(letter.after),
        letter_first_page_drawn_ms: round1(letter.firstPage),
        bundle,
      };
    } finally {
      await context.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Output

const TEXT: Record<Language, Record<string, string>> = {
  sv: {
    title: 'Appen i Chromium {chromium} (webbygget, demostudien)',
    measure: 'Mätning',
    cold: 'Kallstart → första svaret (tom profil)',
    warm: 'Omladdning → svaret (filer i cache, databasen finns)',
    edit: 'Ändring → nytt svar på skärmen ({runs} ändringar)',
    toggle: '  slå av/på ett steg',
    move: '  flytta ett steg',
    code: '  ändra en diagnoskod',
    site: '  ändra en kliniks takt',
    worker: 'Beräkningen själv, i arbetaren eller direkt (samma ändringar)',
    here: '  av dem besvarade direkt, utan arbetaren',
    letterFirst: 'Första brevet efter start (klick → PDF)',
    letterAfter: 'Senare brev (klick → PDF)',
    letterPage: 'Första brevet: klick → första sidan ritad',
    bundleTitle: 'Paketstorlek',
    file: 'Fil',
    raw: 'Storlek',
    gzip: 'gzip',
    main: 'Huvudfilen (entry)',
    initial: 'Huvudfilen och allt den importerar (laddas direkt)',
    beforeAnswer: 'Hämtat innan första svaret syntes ({count} filer)',
    rest: 'Resten, laddas vid behov ({count} filer)',
  },
  en: {
    title: 'The app in Chromium {chromium} (web build, demo study)',
    measure: 'Measurement',
    cold: 'Cold start → first answer (empty profile)',
    warm: 'Reload → answer (files cached, database seeded)',
    edit: 'Edit → new answer on screen ({runs} edits)',
    toggle: '  switch a step off/on',
    move: '  move a step',
    code: '  edit a diagnosis code',
    site: "  change a site's rate",
    worker: 'The computation itself, in the worker or at once (same edits)',
    here: '  of them answered at once, without the worker',
    letterFirst: 'First letter after start (click → PDF)',
    letterAfter: 'Later letters (click → PDF)',
    letterPage: 'First letter: click → first page drawn',
    bundleTitle: 'Bundle size',
    file: 'File',
    raw: 'Size',
    gzip: 'gzip',
    main: 'Main chunk (entry)',
    initial: 'The main chunk and everything it imports (loaded at once)',
    beforeAnswer: 'Fetched before the first answer showed ({count} files)',
    rest: 'The rest, loaded when needed ({count} files)',
  },
};

export function renderAppBenchReport(r: AppBenchResult, language: Language): string {
  const f = formatters(language);
  const t = (key: string, params: Record<string, string> = {}) => TEXT[language][key]!.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
  const ms = (x: number) => `${f.count(x)} ms`;
  const row = (label: string, p: Percentiles) => [label, ms(p.p50_ms), ms(p.p95_ms), ms(p.max_ms)];
  const kb = (bytes: number) => `${f.decimal(bytes / 1024, 1)} KB`;
  const b = r.bundle;
  return [
    '',
    t('title', { chromium: r.chromium }),
    renderTable(
      [t('measure'), 'p50', 'p95', 'max'],
      [
        row(t('cold'), r.cold_start_ms),
        row(t('warm'), r.warm_start_ms),
        row(t('edit', { runs: f.count(r.edit_to_answer_ms.runs) }), r.edit_to_answer_ms),
        ...EDIT_KINDS.map((k) => row(t(k), r.edit_to_answer_by_kind[k]!)),
        row(t('worker'), r.edit_worker_compute_ms),
        [t('here'), `${f.count(r.edit_answered_here)} / ${f.count(r.edit_to_answer_ms.runs)}`, '', ''],
        [t('letterFirst'), ms(r.letter_first_ms), '', ''],
        row(t('letterAfter'), r.letter_after_ms),
        [t('letterPage'), ms(r.letter_first_page_drawn_ms), '', ''],
      ],
    ),
    '',
    t('bundleTitle'),
    renderTable(
      [t('file'), t('raw'), t('gzip')],
      [
        [`${t('main')}: ${b.main_chunk.file}`, kb(b.main_chunk.bytes), kb(b.main_chunk.gzip_bytes)],
        [t('initial'), kb(b.initial.bytes), kb(b.initial.gzip_bytes)],
        [t('beforeAnswer', { count: f.count(b.before_first_answer.files.length) }), kb(b.before_first_answer.bytes), kb(b.before_first_answer.gzip_bytes)],
        [t('rest', { count: f.count(b.rest.length) }), kb(b.rest_total.bytes), kb(b.rest_total.gzip_bytes)],
        ...b.rest.slice(0, 12).map((c) => [`  ${c.file}`, kb(c.bytes), kb(c.gzip_bytes)]),
      ],
    ),
    '',
  ].join('\n');
}
