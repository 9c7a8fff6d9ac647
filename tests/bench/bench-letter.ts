/**
 * The letter benchmark (`npm run bench`): the demo study's letter in Node, everything the app does for it — the
 * answer (estimate, forecast, verdict), the snapshot, disclosure control with its independent check, the layout
 * and the PDF bytes. The first letter in a fresh process (pdfmake and its fonts load, code is compiled) and the
 * letters after it in the same process, as a running app makes them. In a child process, so that nothing the
 * other benchmarks loaded is warm.
 */
import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { formatters, renderTable } from '../../cli/format';
import type { Study } from '../../shared/criteria/study';
import type { Language } from '../../shared/text/language';

export const LETTER_BENCH_RUNS = 10;
const CHILD_FLAG = '--antal-letter-bench-child';
const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '../..');

export interface LetterBenchResult {
  /** The first letter in a fresh process, ms. */
  first_ms: number;
  /** Later letters in the same process. */
  after: { p50_ms: number; p95_ms: number; runs: number };
  pages: number;
  bytes: number;
  /** Of the first letter: loading the PDF engine (pdfmake and its fonts) and the rest. */
  first_engine_load_ms: number;
}

/**
 * The demo study after `n` edits, as a user makes them between two letters: criteria switched off and on again
 * (the app benchmark's toggles), the anti-EGFR share nudged and the recruitment target raised by one, so that no two
 * letters of a run print the same answer. Ten letters of one answer would let the engine's cache of compressed
 * streams serve every page from the first letter, and the benchmark would hide the compression a later letter
 * really pays for.
 */
export function studyAfterEdits(study: Study, n: number): Study {
  if (n === 0) return study;
  const off = new Set<string>();
  // The app benchmark's toggles in order: ECOG off, metastatic off, ECOG on, metastatic on, and again.
  if (n % 4 === 1 || n % 4 === 2) off.add('ecog');
  if (n % 4 === 2 || n % 4 === 3) off.add('metastatic');
  return {
    ...study,
    steps: study.steps.map((step) => {
      const enabled = step.enabled && !off.has(step.id);
      if (step.id !== 'prior-anti-egfr' || step.rule.kind !== 'proportion') return { ...step, enabled };
      const { low, high, point } = step.rule.share;
      // A different point every letter, inside the stated range.
      const nudged = Math.min(high, point + ((high - point) * (n % 11)) / 10);
      return { ...step, enabled, rule: { ...step.rule, share: { low, high, point: nudged } } };
    }),
    recruitment: { ...study.recruitment, targetPatients: study.recruitment.targetPatients + n },
  };
}

interface ChildReport {
  first: number;
  engine: number;
  after: number[];
  pages: number;
  bytes: number;
}

/** Pages in a PDF from pdfmake: its page objects ("/Type /Page", not "/Pages"). */
export function countPdfPages(bytes: Uint8Array): number {
  return (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

export function runLetterBench(runs = LETTER_BENCH_RUNS): Promise<LetterBenchResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, ['--import', 'tsx', here, CHILD_FLAG, String(runs)], { cwd: root, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`letter bench failed: ${error.message}\n${stderr}`));
        return;
      }
      try {
        const report = JSON.parse(stdout.trim().split('\n').pop() ?? '') as ChildReport;
        const sorted = [...report.after].sort((a, b) => a - b);
        const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
        const round = (x: number) => Math.round(x * 10) / 10;
        resolvePromise({
          first_ms: round(report.first),
          after: { p50_ms: round(at(0.5)), p95_ms: round(at(0.95)), runs: sorted.length },
          pages: report.pages,
          bytes: report.bytes,
          first_engine_load_ms: round(report.engine),
        });
      } catch {
        reject(new Error(`letter bench printed no result: ${stdout}\n${stderr}`));
      }
    });
  });
}

async function child(runs: number): Promise<void> {
  // Our modules are imported before the clock starts (in the app they are part of the worker's script); the PDF
  // engine is not: it loads on the first letter, in the app as here.
  const { computeAnswer } = await import('../../shared/answer/compute-answer');
  const { createSnapshot } = await import('../../shared/answer/snapshot');
  const { DEFAULT_DISCLOSURE_POLICY } = await import('../../shared/disclosure');
  const { createDemoDataset } = await import('../../shared/demo/dataset');
  const { DEMO_STUDY } = await import('../../shared/demo/study');
  const { prepareLetter } = await import('../../shared/letter/render');
  const { renderPdfBytes } = await import('../../shared/letter/pdf-engine.mjs');
  const { DEFAULT_HALLAND_RULE } = await import('../../shared/regions/regions');
  const dataset = createDemoDataset();
  const letter = async (n: number): Promise<{ bytes: Uint8Array; layoutDone: number }> => {
    const study = studyAfterEdits(DEMO_STUDY, n);
    const answer = computeAnswer(study, [dataset], { hallandRule: DEFAULT_HALLAND_RULE, today: '2026-03-14' });
    const snapshot = createSnapshot({
      language: 'sv',
      createdAt: '2026-03-14T09:30:00Z',
      letterDate: '2026-03-14',
      study,
      answer: { estimate: answer.estimate, projection: answer.projection, verdict: answer.verdict },
      datasets: [dataset],
      hallandRule: DEFAULT_HALLAND_RULE,
      disclosurePolicy: DEFAULT_DISCLOSURE_POLICY,
      unit: { unitName: 'Prövningsenheten Syd', address: 'Box 1\n221 00 Lund', signatoryName: 'Åsa Öberg', signatoryTitle: 'Forskningskoordinator', logo: null },
      request: { reference: 'FS-2026-0042', diaryNumber: 'Dnr 2026/117', recipient: { name: 'Dr Jane Doe', organisation: 'Acme Pharma AB', address: 'Box 42\n111 11 Stockholm' }, confidentiality: 'Sekretess enligt OSL 2009:400' },
    });
    const prepared = await prepareLetter(snapshot);
    const layoutDone = performance.now();
    return { bytes: await renderPdfBytes(prepared.document), layoutDone };
  };
  const start = performance.now();
  const first = await letter(0);
  const firstMs = performance.now() - start;
  // The engine's share of the first letter: a second engine load is not possible in the same process, so it is
  // the first PDF encoding's time minus a later one's.
  const after: number[] = [];
  let encodeAfter = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const next = await letter(i + 1);
    const t1 = performance.now();
    after.push(t1 - t0);
    encodeAfter = Math.min(encodeAfter, t1 - next.layoutDone);
  }
  const report: ChildReport = { first: firstMs, engine: Math.max(0, start + firstMs - first.layoutDone - encodeAfter), after, pages: countPdfPages(first.bytes), bytes: first.bytes.length };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

const TEXT: Record<Language, Record<string, string>> = {
  sv: {
    title: 'Svarsbrevet i Node (demostudien, {pages} sidor): svar, prognos, röjandekontroll, PDF',
    measure: 'Mätning',
    first: 'Första brevet i en ny process',
    engine: '  varav att ladda PDF-motorn (pdfmake, typsnitt)',
    after: 'Följande brev ({runs} st)',
  },
  en: {
    title: 'The letter in Node (demo study, {pages} pages): answer, forecast, disclosure control, PDF',
    measure: 'Measurement',
    first: 'First letter in a fresh process',
    engine: '  of which loading the PDF engine (pdfmake, fonts)',
    after: 'Letters after it ({runs})',
  },
};

export function renderLetterBenchReport(r: LetterBenchResult, language: Language): string {
  const f = formatters(language);
  const t = TEXT[language];
  const ms = (x: number) => `${f.count(x)} ms`;
  return [
    '',
    t.title!.replace('{pages}', f.count(r.pages)),
    renderTable(
      [t.measure!, 'p50', 'p95'],
      [
        [t.first!, ms(r.first_ms), ''],
        [t.engine!, ms(r.first_engine_load_ms), ''],
        [t.after!.replace('{runs}', f.count(r.after.runs)), ms(r.after.p50_ms), ms(r.after.p95_ms)],
      ],
    ),
    '',
  ].join('\n');
}

if (process.argv[2] === CHILD_FLAG) {
  child(Number(process.argv[3] ?? LETTER_BENCH_RUNS)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
