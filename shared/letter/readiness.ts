/**
 * Whether a letter may leave the unit: every check a letter must pass before it is exported, each with the
 * reasons it fails. One pure function for the app (the guided answer's letter step, the checklist under the
 * answer, and the export itself, which refuses when anything fails) and for `antal letter`, so a letter cannot
 * be sent from one place that the other would refuse.
 *
 * The checks: the request has a title; the answer rests on data (a dataset is linked, the answer used at least
 * one, and none of the answer's blocking problems remains — e.g. a linked dataset it cannot use); at least one
 * criterion and one recruiting site; the answer belongs to the current inputs; every warning of the answer is
 * acknowledged (by its content key, so a changed warning needs a new acknowledgement); every question of the
 * Early Feedback Form is answered (when the answer includes the form); the unit profile gives a letterhead and a
 * signature.
 *
 * Inputs are plain facts, worded already where a text is needed, so other parts of the answer (the forecast's own
 * warnings, new blocking problems) plug in as further issues without a change here.
 */
import type { Dataset } from '../counts/dataset';
import type { Study } from '../criteria/study';
import type { EffAnswers } from '../answer/snapshot';
import { warningKey } from '../answer/warning-key';
import { estimateWarningText, warningContext } from '../estimate/warning-texts';
import { problemMessage } from '../answer/describe';
import type { EstimateResult } from '../estimate/types';
import type { Language } from '../text/language';

/** A problem or warning of the computed answer, worded in the language the checklist is shown in. */
export interface AnswerIssue {
  /** The content key: an acknowledgement with this key acknowledges exactly this issue. */
  key: string;
  /** Its kind (e.g. "masked-cells", "dataset-unused"). */
  code: string;
  text: string;
}

/** What the checklist knows about the answer on screen. */
export type ReadinessAnswer =
  | { state: 'none' }
  | { state: 'computing' }
  | { state: 'error' }
  | {
      state: 'current';
      /** Datasets the answer's figures were computed from. */
      datasetsUsed: number;
      /** Problems that make the answer unusable until they are put right (never acknowledgeable). */
      blocking: readonly AnswerIssue[];
      /** Warnings the coordinator must acknowledge before the letter is sent. */
      warnings: readonly AnswerIssue[];
    };

/** The Early Feedback Form's state: not part of this answer (site feasibility), or its unanswered questions. */
export type ReadinessEff = { required: false } | { required: true; unanswered: ReadonlyArray<{ number: number; question?: string }> };

export interface ReadinessInput {
  /** The request's title (blank: not given yet). */
  title: string;
  study: Pick<Study, 'steps' | 'recruitment'>;
  /** Datasets linked to the study. */
  linkedDatasets: number;
  answer: ReadinessAnswer;
  acknowledgedKeys: ReadonlySet<string> | readonly string[];
  eff: ReadinessEff;
  unit: { unitName: string; signatoryName: string };
}

export const READINESS_CHECKS = ['title', 'data', 'criteria', 'sites', 'answer', 'warnings', 'eff', 'letterhead', 'signature'] as const;
export type ReadinessCheck = (typeof READINESS_CHECKS)[number];

export type ReadinessProblem =
  | { code: 'no-title' }
  | { code: 'no-dataset' }
  | { code: 'no-data-used' }
  | { code: 'answer-blocked'; issue: AnswerIssue }
  | { code: 'no-criteria' }
  | { code: 'no-site' }
  | { code: 'computing' }
  | { code: 'compute-error' }
  | { code: 'unacknowledged'; issue: AnswerIssue }
  | { code: 'eff-unanswered'; questions: ReadonlyArray<{ number: number; question?: string }> }
  | { code: 'no-letterhead' }
  | { code: 'no-signatory' };

export interface ReadinessItem {
  check: ReadinessCheck;
  ok: boolean;
  /** Why it fails (empty when ok). */
  problems: ReadinessProblem[];
}

export interface Readiness {
  items: ReadinessItem[];
  /** Every problem, in the order of the checks. */
  problems: ReadinessProblem[];
  ready: boolean;
}

/** Sites that recruit: a rate of their own (or, in a version 1 study, a share of their region) above 0. */
export function recruitingSites(study: Pick<Study, 'recruitment'>): number {
  return study.recruitment.sites.filter((s) => (s.ratePerMonth ?? s.shareOfRegion ?? 0) > 0).length;
}

function dataProblems(input: ReadinessInput): ReadinessProblem[] {
  if (input.linkedDatasets === 0) return [{ code: 'no-dataset' }];
  const answer = input.answer;
  if (answer.state !== 'current') return [];
  const problems: ReadinessProblem[] = answer.blocking.map((issue) => ({ code: 'answer-blocked', issue }));
  if (answer.datasetsUsed === 0) problems.unshift({ code: 'no-data-used' });
  return problems;
}

function answerProblems(answer: ReadinessAnswer, linked: number): ReadinessProblem[] {
  if (answer.state === 'computing') return [{ code: 'computing' }];
  if (answer.state === 'error') return [{ code: 'compute-error' }];
  // No answer without data is the data check's failure; with data linked it is still being computed.
  if (answer.state === 'none') return linked > 0 ? [{ code: 'computing' }] : [];
  return [];
}

export function letterReadiness(input: ReadinessInput): Readiness {
  const acknowledged = new Set(input.acknowledgedKeys);
  const answer = input.answer;
  const byCheck: Record<ReadinessCheck, ReadinessProblem[]> = {
    title: input.title.trim() ? [] : [{ code: 'no-title' }],
    data: dataProblems(input),
    criteria: input.study.steps.some((s) => s.enabled) ? [] : [{ code: 'no-criteria' }],
    sites: recruitingSites(input.study) > 0 ? [] : [{ code: 'no-site' }],
    answer: answerProblems(answer, input.linkedDatasets),
    warnings: answer.state === 'current' ? answer.warnings.filter((w) => !acknowledged.has(w.key)).map((issue) => ({ code: 'unacknowledged', issue })) : [],
    eff: input.eff.required && input.eff.unanswered.length > 0 ? [{ code: 'eff-unanswered', questions: input.eff.unanswered }] : [],
    letterhead: input.unit.unitName.trim() ? [] : [{ code: 'no-letterhead' }],
    signature: input.unit.signatoryName.trim() ? [] : [{ code: 'no-signatory' }],
  };
  const items = READINESS_CHECKS.map((check) => ({ check, ok: byCheck[check].length === 0, problems: byCheck[check] }));
  const problems = items.flatMap((i) => i.problems);
  return { items, problems, ready: problems.length === 0 };
}

/**
 * The blocking problems and warnings of a computed estimate, worded: the estimate's blocking problems (a linked
 * dataset of another basis than the study's, a period that selects none of the data, …) block, in the words the
 * answer shows them with; every warning needs an acknowledgement.
 */
export function estimateIssues(
  estimate: Pick<EstimateResult, 'warnings' | 'basis' | 'blocking'>,
  datasets: ReadonlyArray<Pick<Dataset, 'id' | 'name' | 'basis'>>,
  study: Pick<Study, 'steps'>,
  language: Language,
): { blocking: AnswerIssue[]; warnings: AnswerIssue[]; datasetsUsed: number } {
  const used = (estimate.basis?.datasets ?? []).map((d) => d.id);
  const context = warningContext(estimate, datasets, study.steps);
  const blocking: AnswerIssue[] = (estimate.blocking ?? []).map((problem) => ({
    key: `blocking:${problem.code}:${JSON.stringify(problem)}`,
    code: problem.code === 'basis-mismatch' ? 'dataset-unused' : problem.code,
    text: problemMessage(problem, language),
  }));
  const warnings: AnswerIssue[] = estimate.warnings.map((warning) => ({ key: warningKey(warning), code: warning.code, text: estimateWarningText(warning, language, context) }));
  return { blocking, warnings, datasetsUsed: used.length };
}

/** The Early Feedback Form questions a letter's answers (as the letter prints them) leave unanswered. */
export function unansweredEff(eff: EffAnswers | undefined): ReadonlyArray<{ number: number; question?: string }> {
  const e = eff ?? {};
  const missing: Array<{ number: number; question?: string }> = [];
  if (!e.populationPresent) missing.push({ number: 1 });
  if (!e.recruitmentChances) missing.push({ number: 2 });
  if (!e.limitingFactors || e.limitingFactors.factors.length === 0) missing.push({ number: 3 });
  if (!e.discouragingFactors) missing.push({ number: 4 });
  if (!e.standardOfCare) missing.push({ number: 5 });
  if (!e.careSetting?.trim()) missing.push({ number: 6 });
  if (!e.relevantClinics?.trim()) missing.push({ number: 7 });
  for (const [i, q] of (e.further ?? []).entries()) if (!q.answer.trim()) missing.push({ number: 8 + i, question: q.question });
  return missing;
}
