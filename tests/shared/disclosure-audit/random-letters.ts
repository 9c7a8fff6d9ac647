/**
 * The property of the disclosure auditor's "done", shared by one test file per preset: N random answers of small
 * counts (random-answers.ts), each made into a letter exactly as the export makes it — discloseAnswer, the letter's
 * layout, and the exact auditor over everything the answer prints together (the letter as laid out, the answer
 * file, its compilation and the sponsor view) — and none may be refused. A refusal is a real leak (or a letter
 * the export could never send): the failing answer is named by its seed and index, so it can be rebuilt alone.
 */
import { performance } from 'node:perf_hooks';
import type { DisclosurePolicy } from '../../../shared/disclosure';
import { LetterDisclosureError, prepareLetter } from '../../../shared/letter';
import { randomAnswer } from './random-answers';

export const RANDOM_LETTERS = 2000;
export const RANDOM_LETTERS_SEED = 20261207;
/** Generous: measured at about a fifth of this on the shared 2-core machine (see the README). */
export const RANDOM_LETTERS_TIMEOUT = 30 * 60_000;

export interface RandomLettersReport {
  refused: { index: number; findings: string[] }[];
  /** Answers with at least one regional value printed as small, and with at least one value hidden to protect others. */
  withSmall: number;
  withSecondary: number;
  /** Answers whose protected values the auditor had to decide with the solver (not by propagation or search alone). */
  solved: number;
  milliseconds: number;
}

export async function auditRandomLetters(policy: DisclosurePolicy, count = RANDOM_LETTERS, seed = RANDOM_LETTERS_SEED): Promise<RandomLettersReport> {
  const report: RandomLettersReport = { refused: [], withSmall: 0, withSecondary: 0, solved: 0, milliseconds: 0 };
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const { snapshot } = randomAnswer(seed, index, policy);
    try {
      const { disclosed, audit } = await prepareLetter(snapshot);
      if (disclosed.regions.some((r) => [r.low, r.point, r.high].some((v) => v.kind === 'small'))) report.withSmall++;
      if (disclosed.loss.hiddenSecondary > 0) report.withSecondary++;
      if (audit.stats.solves > 0) report.solved++;
    } catch (error) {
      if (!(error instanceof LetterDisclosureError)) throw error;
      report.refused.push({ index, findings: error.findings.map((f) => f.message.en) });
    }
  }
  report.milliseconds = Math.round(performance.now() - started);
  return report;
}

/**
 * What is wrong with a run, in words (empty: the property holds): any refused answer, and answers that were not
 * the small-count ones the property is about (then it would pass without testing anything).
 */
export function problemsOf(report: RandomLettersReport, count = RANDOM_LETTERS): string[] {
  const problems = report.refused.slice(0, 5).map((r) => `answer ${r.index} refused: ${r.findings.join(' ')}`);
  if (report.refused.length > 5) problems.push(`… and ${report.refused.length - 5} more answers refused`);
  if (report.withSmall < 0.9 * count) problems.push(`only ${report.withSmall} of ${count} answers print a small value`);
  if (report.withSecondary < 0.5 * count) problems.push(`only ${report.withSecondary} of ${count} answers hide a value to protect another`);
  return problems;
}
