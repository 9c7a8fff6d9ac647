/**
 * The app and letter benchmarks measure what they claim: the bundle's entry chunk is the one index.html loads,
 * an edit is timed until its answer is on screen (not until the page merely marks it stale), percentiles are the
 * usual ones, and the letter's page count is the PDF's. Never their speed.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { installProbe, measureBundle, percentiles, timeEdit } from './bench-app';
import { countPdfPages, runLetterBench } from './bench-letter';
import { demoSnapshot, pdfInfo } from '../shared/letter/helpers';
import { renderLetterPdf } from '../../shared/letter';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('bench: the app', () => {
  it('takes the main chunk from index.html, counts its preloads and CSS as loaded up front, and everything else (not source maps) as the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'antal-bench-bundle-'));
    try {
      mkdirSync(join(dir, 'assets'));
      const files: Record<string, string> = {
        'assets/index-abc.js': 'a'.repeat(5000),
        'assets/react-def.js': 'b'.repeat(3000),
        'assets/index-abc.css': 'c'.repeat(1000),
        'assets/AnswerPage-1.js': 'd'.repeat(2000),
        'assets/pdfmake-2.js': 'e'.repeat(7000),
        'assets/index-abc.js.map': 'f'.repeat(9000),
        'sw.js': 'g'.repeat(100),
      };
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      writeFileSync(
        join(dir, 'index.html'),
        '<html><head><script type="module" crossorigin src="./assets/index-abc.js"></script><link rel="modulepreload" crossorigin href="./assets/react-def.js"><link rel="stylesheet" crossorigin href="./assets/index-abc.css"></head></html>',
      );
      const bundle = measureBundle(dir);
      expect(bundle.main_chunk).toMatchObject({ file: 'assets/index-abc.js', bytes: 5000 });
      // 5000 equal bytes compress to a few dozen.
      expect(bundle.main_chunk.gzip_bytes).toBeGreaterThan(0);
      expect(bundle.main_chunk.gzip_bytes).toBeLessThan(100);
      expect(bundle.initial.bytes).toBe(5000 + 3000 + 1000);
      expect(bundle.rest.map((c) => c.file).sort()).toEqual(['assets/AnswerPage-1.js', 'assets/pdfmake-2.js', 'sw.js']);
      expect(bundle.rest_total.bytes).toBe(2000 + 7000 + 100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports nearest-rank percentiles', () => {
    // 20 values 1…20: the median is the 10th, p95 the 19th.
    expect(percentiles(Array.from({ length: 20 }, (_, i) => 20 - i))).toEqual({ p50_ms: 10, p95_ms: 19, max_ms: 20, runs: 20 });
    expect(percentiles([7])).toEqual({ p50_ms: 7, p95_ms: 7, max_ms: 7, runs: 1 });
  });

  it.skipIf(!existsSync(CHROMIUM))(
    'times an edit from its click to the frame showing the recomputed answer, not to the "stale" mark before it',
    async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
      try {
        const context = await browser.newContext();
        await installProbe(context);
        const page = await context.newPage();
        // A page shaped like the answer: the click marks it stale at once and answers 150 ms later (a slow worker).
        await page.route('http://bench.test/', (route) =>
          route.fulfill({
            contentType: 'text/html; charset=utf-8',
            body: `<p data-testid="compute-status">Aktuellt</p><p data-testid="national-point">1</p><p data-testid="verdict-level">Goda</p><section data-testid="forecast"></section>
              <button id="edit">edit</button>
              <script>
                const status = document.querySelector('[data-testid="compute-status"]');
                document.getElementById('edit').addEventListener('click', () => {
                  status.className = 'stale';
                  status.textContent = 'Inaktuellt';
                  setTimeout(() => { status.className = ''; status.textContent = 'Aktuellt: beräknat på 12,5 ms'; }, 150);
                });
              </script>`,
          }),
        );
        await page.goto('http://bench.test/');
        const result = await timeEdit(page, () => page.click('#edit'));
        expect(result.end - result.start).toBeGreaterThanOrEqual(150);
        expect(result.status).toBe('Aktuellt: beräknat på 12,5 ms');
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});

describe('bench: the letter in Node', () => {
  it('counts the pages pdfinfo counts, and times a first and later letters of the demo study in a child process', async () => {
    const bytes = await renderLetterPdf(demoSnapshot('sv'));
    const pages = Number(pdfInfo(bytes).Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(countPdfPages(bytes)).toBe(pages);
    const result = await runLetterBench(1);
    expect(result.pages).toBe(pages);
    expect(result.first_ms).toBeGreaterThan(0);
    expect(result.after.runs).toBe(1);
    expect(result.first_engine_load_ms).toBeLessThanOrEqual(result.first_ms);
  }, 180_000);
});
