/**
 * Where a guided answer stands: for each step (request → data → criteria → forecast → answer → letter) whether it
 * is done, still has something to do, or waits for an earlier step — with the reasons as codes the screen turns
 * into text. The letter step is the letter's readiness checklist (shared/letter/readiness.ts) seen from the step
 * list: every problem the checklist names blocks the letter.
 */
import type { Readiness, ReadinessCheck, ReadinessProblem } from '../../../shared/letter/readiness';
import { GUIDE_STEPS, type GuideStep } from '../shell/route';

/** What the guide knows about a request and its study at this moment. */
export interface GuideFacts {
  /** The request's title as typed (blank: not given yet). */
  title: string;
  /** False while the received date or reply deadline is not a valid date (or the deadline is before receipt). */
  datesValid: boolean;
  /** Datasets the study is estimated from (that could be loaded). */
  datasetCount: number;
  /** Criteria steps switched on. */
  enabledCriteria: number;
  /** Recruiting sites in the forecast. */
  siteCount: number;
  /** The answer on screen: none yet, being recomputed after an edit, failed, or belonging to the current inputs. */
  answer: 'none' | 'computing' | 'error' | 'current';
  /** Early Feedback Form questions still unanswered (0 when the request has no form). */
  effUnanswered: number;
  /** The letter's readiness checklist. */
  readiness: Readiness;
  /** Letters exported for this study so far. */
  lettersExported: number;
}

/** done: nothing missing; todo: something to do in this step; blocked: waits for an earlier step. */
export type StepState = 'done' | 'todo' | 'blocked';

export type ReasonCode =
  | 'no-title'
  | 'invalid-dates'
  | 'no-dataset'
  | 'data-unusable'
  | 'no-criteria'
  | 'no-site'
  | 'eff-unanswered'
  | 'computing'
  | 'compute-error'
  | 'unacknowledged'
  | 'no-letterhead'
  | 'no-signatory'
  | 'not-exported';

export interface StepStatus {
  step: GuideStep;
  state: StepState;
  reasons: ReasonCode[];
}

/** Where each check of the letter's readiness checklist is put right ('settings': the unit profile, outside the guide). */
export const FIXED_IN: Readonly<Record<ReadinessCheck, GuideStep | 'settings'>> = {
  title: 'request',
  data: 'data',
  criteria: 'criteria',
  sites: 'forecast',
  answer: 'answer',
  warnings: 'letter',
  eff: 'forecast',
  letterhead: 'settings',
  signature: 'settings',
};

function reasonOf(problem: ReadinessProblem): ReasonCode {
  switch (problem.code) {
    case 'no-data-used':
    case 'answer-blocked':
      return 'data-unusable';
    default:
      return problem.code;
  }
}

/** Why the letter cannot be exported yet, each reason once (empty: it can). */
export function letterBlockers(facts: Pick<GuideFacts, 'readiness'>): ReasonCode[] {
  return [...new Set(facts.readiness.problems.map(reasonOf))];
}

function answerReason(facts: GuideFacts): ReasonCode | null {
  if (facts.answer === 'error') return 'compute-error';
  if (facts.answer !== 'current') return 'computing';
  return null;
}

function status(step: GuideStep, state: StepState, reasons: ReasonCode[] = []): StepStatus {
  return { step, state, reasons };
}

function stepStatus(step: GuideStep, facts: GuideFacts): StepStatus {
  const hasData = facts.datasetCount > 0;
  const dataUnusable = facts.readiness.items.find((i) => i.check === 'data')?.problems.some((p) => p.code !== 'no-dataset') ?? false;
  switch (step) {
    case 'request': {
      const reasons: ReasonCode[] = [...(facts.title.trim() ? [] : (['no-title'] as const)), ...(facts.datesValid ? [] : (['invalid-dates'] as const))];
      return status(step, reasons.length ? 'todo' : 'done', reasons);
    }
    case 'data':
      if (!hasData) return status(step, 'todo', ['no-dataset']);
      return dataUnusable ? status(step, 'todo', ['data-unusable']) : status(step, 'done');
    case 'criteria':
      if (!hasData) return status(step, 'blocked', ['no-dataset']);
      return facts.enabledCriteria > 0 ? status(step, 'done') : status(step, 'todo', ['no-criteria']);
    case 'forecast': {
      if (!hasData) return status(step, 'blocked', ['no-dataset']);
      const reasons: ReasonCode[] = [...(facts.siteCount > 0 ? [] : (['no-site'] as const)), ...(facts.effUnanswered > 0 ? (['eff-unanswered'] as const) : [])];
      return status(step, reasons.length ? 'todo' : 'done', reasons);
    }
    case 'answer': {
      if (!hasData) return status(step, 'blocked', ['no-dataset']);
      const reason = answerReason(facts);
      return reason ? status(step, 'todo', [reason]) : status(step, 'done');
    }
    case 'letter': {
      const blockers = letterBlockers(facts);
      if (blockers.length > 0) return status(step, 'blocked', blockers);
      return facts.lettersExported > 0 ? status(step, 'done') : status(step, 'todo', ['not-exported']);
    }
  }
}

/** The status of every step, in order. */
export function stepStatuses(facts: GuideFacts): StepStatus[] {
  return GUIDE_STEPS.map((step) => stepStatus(step, facts));
}

/** The step before and after `step` (null at either end). */
export function neighbours(step: GuideStep): { previous: GuideStep | null; next: GuideStep | null } {
  const index = GUIDE_STEPS.indexOf(step);
  return { previous: GUIDE_STEPS[index - 1] ?? null, next: GUIDE_STEPS[index + 1] ?? null };
}
