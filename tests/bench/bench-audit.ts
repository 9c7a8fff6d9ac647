/**
 * The disclosure benchmark (`npm run bench -- --only audit`):
 *
 * 1. Information loss, before and after: on the first N random answers of the property test (the same seed and
 *    generator, tests/shared/disclosure-audit/random-answers.ts), per preset, what the OLD fixpoint rule
 *    (fixpoint-suppression.ts, run from here only) and the product's optimal suppression (discloseAnswer) hide per
 *    letter — regional values not printed as numbers (of 63), values hidden to protect others (".."), and patients
 *    in regions whose point is not printed — as median and 90th percentile; and how many letters the exact auditor
 *    finds leaking: the old rule's letter alone (a hidden value narrowed), the new rule's with every output of the
 *    answer together (any finding).
 * 2. The demo letter exported with the auditor (disclosure, layout, the audit of every output together, the PDF
 *    bytes), and the audit alone, in this process after a first export has loaded the PDF engine.
 */
import { performance } from 'node:perf_hooks';
import { formatters, renderTable } from '../../cli/format';
import { answerOutputs } from '../../shared/answer-file/outputs';
import { DISCLOSURE_PRESETS, discloseAnswer, formatDisclosedValue, type DisclosedValue, type DisclosurePolicy } from '../../shared/disclosure';
import { loadDisclosureAuditor, type PrintedFigure } from '../../shared/disclosure-audit';
import { prepareLetter } from '../../shared/letter/render';
import { renderPdfBytes } from '../../shared/letter/pdf-engine.mjs';
import { letterPrint } from '../../shared/letter/print';
import { COUNTY_CODES } from '../../shared/regions/regions';
import type { Language } from '../../shared/text/language';
import { randomAnswer } from '../shared/disclosure-audit/random-answers';
import { RANDOM_LETTERS_SEED } from '../shared/disclosure-audit/random-letters';
import { demoSnapshot } from '../shared/letter/helpers';
import { fixpointSuppression } from './fixpoint-suppression';

/** Answers per preset: the first of the property test's 2 000 (each is disclosed twice and audited once more). */
export const AUDIT_BENCH_ANSWERS = 200;
export const AUDIT_BENCH_RUNS = 10;

const PRESETS = ['ohdsi', 'leaf-shrine', 'pcornet-act'] as const;
type PresetId = (typeof PRESETS)[number];

export interface Spread {
  p50: number;
  p90: number;
}

export interface LossFigures {
  regional_hidden: Spread;
  secondary_hidden: Spread;
  patients_hidden: Spread;
}

export interface AuditBenchResult {
  answers: number;
  seed: number;
  presets: Record<PresetId, { old: LossFigures & { letters_narrowable: number }; new: LossFigures & { letters_refused: number } }>;
  demo_letter_export_ms: { first: number; p50: number; p95: number; runs: number };
  /** Disclosure, layout and audit without the PDF encoding. */
  demo_letter_prepare_ms: { p50: number; p95: number; runs: number };
  demo_letter_audit_ms: { p50: number; p95: number; runs: number; solves: number };
}

/** The q-quantile of whole counts, nearest rank (the value of the ⌈q·n⌉-th smallest). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const spread = (xs: number[]): Spread => ({ p50: quantile(xs, 0.5), p90: quantile(xs, 0.9) });
const notANumber = (v: DisclosedValue) => v.kind !== 'shown' && v.kind !== 'zero';
const COMPONENTS = ['low', 'point', 'high'] as const;

/** Loss of one letter from its disclosed values ("<figure>#<component>" → value) and the regions' true points. */
export function letterLoss(value: (id: string) => DisclosedValue, secondary: number, truePoint: (code: string) => number): { regional: number; secondary: number; patients: number } {
  let regional = 0;
  let patients = 0;
  for (const code of COUNTY_CODES) {
    for (const c of COMPONENTS) if (notANumber(value(`region:${code}#${c}`))) regional++;
    if (notANumber(value(`region:${code}#point`))) patients += truePoint(code);
  }
  return { regional, secondary, patients };
}

export async function runAuditBench(answers = AUDIT_BENCH_ANSWERS, runs = AUDIT_BENCH_RUNS, log: (line: string) => void = () => undefined): Promise<AuditBenchResult> {
  const auditor = await loadDisclosureAuditor();
  const presets = {} as AuditBenchResult['presets'];
  for (const id of PRESETS) {
    const policy: DisclosurePolicy = DISCLOSURE_PRESETS[id];
    const loss = { old: { regional: [] as number[], secondary: [] as number[], patients: [] as number[] }, new: { regional: [] as number[], secondary: [] as number[], patients: [] as number[] } };
    let narrowable = 0;
    let refused = 0;
    for (let i = 0; i < answers; i++) {
      const { estimate, hallandRule, snapshot } = randomAnswer(RANDOM_LETTERS_SEED, i, policy);
      const disclosed = discloseAnswer(estimate, policy, { hallandRule, recruitingRegions: snapshot.study.recruitment.sites.map((s) => s.region) });
      const byId = new Map<string, DisclosedValue>();
      for (const f of [...disclosed.regions, ...disclosed.healthcareRegions, disclosed.national, ...disclosed.attrition.map((s) => s.figure)]) for (const c of COMPONENTS) byId.set(`${f.id}#${c}`, f[c]);
      const old = fixpointSuppression(estimate, policy, disclosed.hallandSodraPercent);
      const truePoint = (code: string) => old.truth.get(`region:${code}#point`)!;
      const now = letterLoss((key) => byId.get(key)!, disclosed.loss.hiddenSecondary, truePoint);
      const before = letterLoss((key) => old.values.get(key)!, [...old.values.values()].filter((v) => v.kind === 'hidden').length, truePoint);
      for (const [side, l] of [['new', now], ['old', before]] as const) {
        loss[side].regional.push(l.regional);
        loss[side].secondary.push(l.secondary);
        loss[side].patients.push(l.patients);
      }
      // The old rule's table as its letter printed it (the Halland split as a whole percentage), audited exactly.
      const figures = new Map<string, PrintedFigure>();
      for (const [key, v] of old.values) {
        const [figure, c] = key.split('#') as [string, (typeof COMPONENTS)[number]];
        const f = figures.get(figure) ?? figures.set(figure, { figure, texts: {} }).get(figure)!;
        f.texts![c] = formatDisclosedValue(v, policy);
      }
      const audit = auditor.audit({
        policy,
        structure: { attrition: disclosed.attrition.map((s) => ({ stepId: s.stepId, label: s.label, enabled: s.enabled, removesOnly: s.removesOnly })) },
        outputs: [{ kind: 'letter', policy, figures: [...figures.values()], hallandSodraShare: `${disclosed.hallandSodraPercent} %` }],
      }, { explainAtMost: 0 });
      if (audit.findings.some((f) => f.kind === 'narrowed')) narrowable++;
      if (!auditor.audit(answerOutputs(disclosed, policy), { explainAtMost: 0 }).ok) refused++;
    }
    const figures = (l: { regional: number[]; secondary: number[]; patients: number[] }): LossFigures => ({ regional_hidden: spread(l.regional), secondary_hidden: spread(l.secondary), patients_hidden: spread(l.patients) });
    presets[id] = { old: { ...figures(loss.old), letters_narrowable: narrowable }, new: { ...figures(loss.new), letters_refused: refused } };
    log(`${id}: ${answers} answers`);
  }

  // The demo letter: a first export (the PDF engine loads), then `runs` more; and the audit of its outputs alone.
  const snapshot = demoSnapshot('sv');
  const exportLetter = async () => renderPdfBytes((await prepareLetter(snapshot)).document);
  let t = performance.now();
  await exportLetter();
  const first = performance.now() - t;
  const exports: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await exportLetter();
    exports.push(performance.now() - t);
  }
  const prepares: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await prepareLetter(snapshot);
    prepares.push(performance.now() - t);
  }
  const { disclosed, model } = await prepareLetter(snapshot);
  const input = answerOutputs(disclosed, snapshot.settings.disclosurePolicy, [letterPrint(model, snapshot, snapshot.settings.disclosurePolicy)]);
  const audits: number[] = [];
  let solves = 0;
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    solves = auditor.audit(input).stats.solves;
    audits.push(performance.now() - t);
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    answers,
    seed: RANDOM_LETTERS_SEED,
    presets,
    demo_letter_export_ms: { first: round(first), p50: round(quantile(exports, 0.5)), p95: round(quantile(exports, 0.95)), runs },
    demo_letter_prepare_ms: { p50: round(quantile(prepares, 0.5)), p95: round(quantile(prepares, 0.95)), runs },
    demo_letter_audit_ms: { p50: round(quantile(audits, 0.5)), p95: round(quantile(audits, 0.95)), runs, solves },
  };
}

const TEXT = {
  sv: {
    title: 'Röjandeskydd: informationsförlust per brev, gammal fixpunktsregel → optimal undertryckning ({answers} slumpsvar per regel, frö {seed})',
    preset: 'Regel',
    regional: 'Regionala värden dolda (av 63), median / p90',
    secondary: 'Dolda för att skydda andra (".."), median / p90',
    patients: 'Patienter i regioner utan tryckt punkt, median / p90',
    narrowable: 'Brev där granskningen hittar läckor',
    demo: 'Demobrevet',
    measure: 'Mätning',
    export: 'Export med granskning (röjandeskydd, layout, granskning, PDF)',
    firstExport: 'Första exporten i processen (PDF-motorn laddas)',
    prepare: '  varav allt utom PDF-kodningen (röjandeskydd, layout, granskning)',
    audit: 'Granskningen ensam ({solves} MILP-lösningar)',
  },
  en: {
    title: 'Disclosure control: information loss per letter, old fixpoint rule → optimal suppression ({answers} random answers per policy, seed {seed})',
    preset: 'Policy',
    regional: 'Regional values hidden (of 63), median / p90',
    secondary: 'Hidden to protect others (".."), median / p90',
    patients: 'Patients in regions without a printed point, median / p90',
    narrowable: 'Letters the auditor finds leaking',
    demo: 'The demo letter',
    measure: 'Measurement',
    export: 'Export with the audit (disclosure, layout, audit, PDF)',
    firstExport: 'First export in the process (the PDF engine loads)',
    prepare: '  of which all but the PDF encoding (disclosure, layout, audit)',
    audit: 'The audit alone ({solves} MILP solves)',
  },
} as const;

const NAMES: Record<PresetId, string> = { ohdsi: 'OHDSI k = 5', 'leaf-shrine': 'Leaf/SHRINE ≤ 10', 'pcornet-act': 'PCORnet/ACT k = 11' };

export function renderAuditBenchReport(r: AuditBenchResult, language: Language): string {
  const f = formatters(language);
  const t = TEXT[language];
  const pair = (a: Spread, b: Spread) => `${f.count(a.p50)} / ${f.count(a.p90)} → ${f.count(b.p50)} / ${f.count(b.p90)}`;
  const ms = (x: number) => `${f.count(Math.round(x))} ms`;
  return [
    '',
    t.title.replace('{answers}', f.count(r.answers)).replace('{seed}', String(r.seed)),
    renderTable(
      [t.preset, t.regional, t.secondary, t.patients, t.narrowable],
      PRESETS.map((id) => {
        const p = r.presets[id];
        return [NAMES[id], pair(p.old.regional_hidden, p.new.regional_hidden), pair(p.old.secondary_hidden, p.new.secondary_hidden), pair(p.old.patients_hidden, p.new.patients_hidden), `${f.count(p.old.letters_narrowable)} → ${f.count(p.new.letters_refused)}`];
      }),
    ),
    '',
    t.demo,
    renderTable(
      [t.measure, 'p50', 'p95'],
      [
        [t.firstExport, ms(r.demo_letter_export_ms.first), ''],
        [t.export, ms(r.demo_letter_export_ms.p50), ms(r.demo_letter_export_ms.p95)],
        [t.prepare, ms(r.demo_letter_prepare_ms.p50), ms(r.demo_letter_prepare_ms.p95)],
        [t.audit.replace('{solves}', f.count(r.demo_letter_audit_ms.solves)), ms(r.demo_letter_audit_ms.p50), ms(r.demo_letter_audit_ms.p95)],
      ],
    ),
    '',
  ].join('\n');
}
