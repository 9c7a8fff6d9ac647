// Letters of the demo answer for tests, and reading PDFs back with poppler (pdftotext, pdfinfo, pdftoppm).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeAnswer } from '../../../shared/answer/compute-answer';
import { createSnapshot, type AnswerSnapshot, type RequestFacts } from '../../../shared/answer/snapshot';
import type { AuditHead } from '../../../shared/audit/chain';
import type { Study } from '../../../shared/criteria/study';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../../../shared/disclosure';
import { runDemo } from '../../../shared/demo/run-demo';
import type { EstimateResult } from '../../../shared/estimate/types';
import type { Language } from '../../../shared/text/language';

/** The demo request's facts without answers to the Early Feedback Form. */
export const DEMO_REQUEST_WITHOUT_EFF: RequestFacts = {
  reference: 'FS-2026-0042',
  diaryNumber: 'Dnr 2026/117',
  recipient: { name: 'Dr Jane Doe', organisation: 'Acme Pharma AB', address: 'Box 42\n111 11 Stockholm' },
  confidentiality: 'Sekretess enligt OSL 2009:400',
};

export const DEMO_REQUEST: RequestFacts = {
  ...DEMO_REQUEST_WITHOUT_EFF,
  eff: { populationPresent: { answer: 'yes' }, standardOfCare: { answer: 'yes', comment: 'Enligt nationellt vårdprogram.' }, careSetting: 'Onkologiska kliniker vid universitetssjukhus.' },
};

export const DEMO_UNIT = {
  unitName: 'Prövningsenheten Syd',
  address: 'Box 1\n221 00 Lund',
  signatoryName: 'Åsa Öberg',
  signatoryTitle: 'Forskningskoordinator',
  logo: null,
};

/**
 * A snapshot of the demo answer, as the app would freeze it. `study` replaces the demo study (its answer is
 * computed again); `estimate` replaces the estimate the letter prints (a test's own figures); `request: null`
 * leaves the request's facts out.
 */
export function demoSnapshot(
  language: Language,
  options: { policy?: DisclosurePolicy; request?: RequestFacts | null; auditHead?: AuditHead; study?: Study; estimate?: EstimateResult } = {},
): AnswerSnapshot {
  const demo = runDemo();
  const request = options.request === null ? undefined : (options.request ?? DEMO_REQUEST);
  const answer = options.study ? computeAnswer(options.study, [demo.dataset], { hallandRule: demo.hallandRule }) : demo;
  return createSnapshot({
    language,
    createdAt: '2026-03-14T09:30:00Z',
    letterDate: '2026-03-14',
    study: options.study ?? demo.study,
    answer: { estimate: options.estimate ?? answer.estimate, projection: answer.projection, verdict: answer.verdict },
    datasets: [demo.dataset],
    hallandRule: demo.hallandRule,
    disclosurePolicy: options.policy ?? DEFAULT_DISCLOSURE_POLICY,
    unit: DEMO_UNIT,
    ...(request ? { request } : {}),
    ...(options.auditHead ? { auditHead: options.auditHead } : {}),
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'antal-letter-'));
let counter = 0;

export function writeTempPdf(bytes: Uint8Array): string {
  const path = join(scratch, `letter-${++counter}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** pdftotext's reading of the PDF, with no-break spaces as plain spaces and lines joined by single spaces. */
export function pdfText(bytes: Uint8Array, layout = false): string {
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', writeTempPdf(bytes), '-'], { encoding: 'utf8' });
  return text.replace(/\u00a0/g, ' ');
}

export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', writeTempPdf(bytes)], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** Renders page 1 to test-results/letter/<name>.png (a test artefact a reviewer can look at) and returns its path. */
export function renderFirstPage(bytes: Uint8Array, name: string): string {
  const dir = join(process.cwd(), 'test-results', 'letter');
  mkdirSync(dir, { recursive: true });
  const prefix = join(dir, name);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', writeTempPdf(bytes), prefix]);
  return `${prefix}.png`;
}
