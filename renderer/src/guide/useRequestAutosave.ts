/**
 * The guide's request fields, saved automatically (useRequestDraftAutosave): one audited save per pause, a pending
 * save written when the user moves to another step, leaves the guide, or the page is hidden or reloaded.
 */
import { useCallback } from 'react';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import { type DraftAutosave, type DraftShape, type SaveRequest, useRequestDraftAutosave } from '../requests/useRequestDraftAutosave';
import { applyDraft, draftOf, isDraftValid, type RequestDraft } from './request-draft';

export { REQUEST_AUTOSAVE_DELAY_MS, type SaveRequest, type SaveState } from '../requests/useRequestDraftAutosave';

export interface RequestAutosave extends DraftAutosave<RequestDraft> {
  change<K extends keyof RequestDraft>(key: K, value: RequestDraft[K]): void;
}

const REQUEST_DRAFT: DraftShape<RequestDraft> = { of: draftOf, apply: applyDraft, valid: isDraftValid };

export function useRequestAutosave(initial: FeasibilityRequest, save: SaveRequest, journalSummary: string, onSaved?: (stored: FeasibilityRequest) => void): RequestAutosave {
  const autosave = useRequestDraftAutosave(initial, save, REQUEST_DRAFT, journalSummary, onSaved);
  const { update } = autosave;
  const change = useCallback(<K extends keyof RequestDraft>(key: K, value: RequestDraft[K]) => update((draft) => ({ ...draft, [key]: value })), [update]);
  return { ...autosave, change };
}
