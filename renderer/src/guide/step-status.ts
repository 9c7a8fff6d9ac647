/**
 * Where a guided answer stands: for each step (request → data → criteria → forecast → answer → letter) whether it
 * is done, still has something to do, or waits for an earlier step — with the reasons as codes the screen turns
 * into text. The letter's readiness checklist is the same facts seen from the letter: every failed check blocks
 * the export and says why.
 */
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
  /** Letters exported for this study so far. */
  lettersExported: number;
}

/** done: nothing missing; todo: something to do in this step; blocked: waits for an earlier step. */
export type StepState = 'done' | 'todo' | 'blocked';

export type ReasonCode = 'no-title' | 'invalid-dates' | 'no-dataset' | 'no-criteria' | 'no-site' | 'computing' | 'compute-error' | 'not-exported';

export interface StepStatus {
  step: GuideStep;
  state: StepState;
  reasons: ReasonCode[];
}

/** One line of the letter's readiness checklist. */
export type ReadinessCheck = 'title' | 'dataset' | 'criteria' | 'site' | 'answer';

export interface ReadinessItem {
  check: ReadinessCheck;
  ok: boolean;
  /** Why it fails (absent when ok). */
  reason?: ReasonCode;
  /** The step where it is put right. */
  fixedIn: GuideStep;
}

function answerReason(facts: GuideFacts): ReasonCode | null {
  if (facts.answer === 'error') return 'compute-error';
  if (facts.answer !== 'current') return 'computing';
  return null;
}

/** Every check the letter must pass before it may be exported, in the order of the steps that fix them. */
export function letterReadiness(facts: GuideFacts): ReadinessItem[] {
  const hasData = facts.datasetCount > 0;
  const answer = hasData ? answerReason(facts) : 'no-dataset';
  const item = (check: ReadinessCheck, fixedIn: GuideStep, reason: ReasonCode | null): ReadinessItem => (reason ? { check, ok: false, reason, fixedIn } : { check, ok: true, fixedIn });
  return [
    item('title', 'request', facts.title.trim() ? null : 'no-title'),
    item('dataset', 'data', hasData ? null : 'no-dataset'),
    item('criteria', 'criteria', facts.enabledCriteria > 0 ? null : 'no-criteria'),
    item('site', 'forecast', facts.siteCount > 0 ? null : 'no-site'),
    item('answer', 'answer', answer),
  ];
}

/** Why the letter cannot be exported yet, each reason once (empty: it can). */
export function letterBlockers(facts: GuideFacts): ReasonCode[] {
  return [...new Set(letterReadiness(facts).flatMap((i) => (i.reason ? [i.reason] : [])))];
}

function status(step: GuideStep, state: StepState, reasons: ReasonCode[] = []): StepStatus {
  return { step, state, reasons };
}

function stepStatus(step: GuideStep, facts: GuideFacts): StepStatus {
  const hasData = facts.datasetCount > 0;
  switch (step) {
    case 'request': {
      const reasons: ReasonCode[] = [...(facts.title.trim() ? [] : (['no-title'] as const)), ...(facts.datesValid ? [] : (['invalid-dates'] as const))];
      return status(step, reasons.length ? 'todo' : 'done', reasons);
    }
    case 'data':
      return hasData ? status(step, 'done') : status(step, 'todo', ['no-dataset']);
    case 'criteria':
      if (!hasData) return status(step, 'blocked', ['no-dataset']);
      return facts.enabledCriteria > 0 ? status(step, 'done') : status(step, 'todo', ['no-criteria']);
    case 'forecast':
      if (!hasData) return status(step, 'blocked', ['no-dataset']);
      return facts.siteCount > 0 ? status(step, 'done') : status(step, 'todo', ['no-site']);
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
