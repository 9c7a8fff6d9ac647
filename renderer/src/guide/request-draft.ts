/**
 * The request's essential fields as the guide's first step edits them: a draft that is checked on every change
 * and, when valid, applied to the stored request (the other fields stay as they are).
 */
import type { FeasibilityRequest } from '../../../shared/requests/request';
import { isIsoDate } from '../../../shared/requests/workflow';

export const DRAFT_FIELDS = ['type', 'title', 'sponsor', 'sponsorReference', 'protocolNumber', 'localReference', 'owner', 'receivedOn', 'replyDeadline', 'confidentiality'] as const;

export type RequestDraft = Pick<FeasibilityRequest, (typeof DRAFT_FIELDS)[number]>;

export type DraftErrorCode = 'date' | 'deadlineBeforeReceived';
export type DraftErrors = Partial<Record<'receivedOn' | 'replyDeadline', DraftErrorCode>>;

export function draftOf(request: FeasibilityRequest): RequestDraft {
  const { type, title, sponsor, sponsorReference, protocolNumber, localReference, owner, receivedOn, replyDeadline, confidentiality } = request;
  return { type, title, sponsor, sponsorReference, protocolNumber, localReference, owner, receivedOn, replyDeadline, confidentiality };
}

/** What is wrong with the draft's dates (a blank title is allowed while typing; the guide says it is missing). */
export function draftErrors(draft: RequestDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!isIsoDate(draft.receivedOn)) errors.receivedOn = 'date';
  if (!isIsoDate(draft.replyDeadline)) errors.replyDeadline = 'date';
  else if (!errors.receivedOn && draft.replyDeadline < draft.receivedOn) errors.replyDeadline = 'deadlineBeforeReceived';
  return errors;
}

export function isDraftValid(draft: RequestDraft): boolean {
  return Object.keys(draftErrors(draft)).length === 0;
}

/** The stored request with the draft's fields (text trimmed) in place. */
export function applyDraft(request: FeasibilityRequest, draft: RequestDraft): FeasibilityRequest {
  return {
    ...request,
    ...draft,
    title: draft.title.trim(),
    sponsor: draft.sponsor.trim(),
    sponsorReference: draft.sponsorReference.trim(),
    protocolNumber: draft.protocolNumber.trim(),
    localReference: draft.localReference.trim(),
    owner: draft.owner.trim(),
  };
}
