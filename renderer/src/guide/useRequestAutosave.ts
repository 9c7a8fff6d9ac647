/**
 * The guide's request fields, saved automatically: each valid change is saved after a short pause (one audited
 * save per pause, not per key), saves run one after another, and a pending save is written at once when the
 * user moves to another step (flush) or leaves the guide — nothing typed is lost.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import { applyDraft, draftOf, isDraftValid, type RequestDraft } from './request-draft';

export const REQUEST_AUTOSAVE_DELAY_MS = 600;

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'invalid';

/** Stores `after` (the stored `before` with the draft applied) and resolves to what was stored. */
export type SaveRequest = (before: FeasibilityRequest, after: FeasibilityRequest) => Promise<FeasibilityRequest>;

export interface RequestAutosave {
  draft: RequestDraft;
  /** The request as last stored. */
  saved: FeasibilityRequest;
  state: SaveState;
  change<K extends keyof RequestDraft>(key: K, value: RequestDraft[K]): void;
  /** Writes a pending change now; resolves when everything typed so far is stored (or has failed). */
  flush(): Promise<void>;
}

export function useRequestAutosave(initial: FeasibilityRequest, save: SaveRequest): RequestAutosave {
  const [draft, setDraft] = useState<RequestDraft>(() => draftOf(initial));
  const [saved, setSaved] = useState(initial);
  const [state, setState] = useState<SaveState>('saved');
  const draftRef = useRef(draft);
  const savedRef = useRef(initial);
  const saveRef = useRef(save);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const writeNow = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const written = draftRef.current;
    if (!isDraftValid(written)) return chain.current;
    chain.current = chain.current.then(async () => {
      setState('saving');
      try {
        const stored = await saveRef.current(savedRef.current, applyDraft(savedRef.current, written));
        savedRef.current = stored;
        setSaved(stored);
        setState(draftRef.current === written ? 'saved' : 'pending');
      } catch {
        setState('failed');
      }
    });
    return chain.current;
  }, []);

  const change = useCallback(
    <K extends keyof RequestDraft>(key: K, value: RequestDraft[K]) => {
      const next = { ...draftRef.current, [key]: value };
      draftRef.current = next;
      setDraft(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (!isDraftValid(next)) {
        setState('invalid');
        return;
      }
      setState('pending');
      timer.current = setTimeout(() => void writeNow(), REQUEST_AUTOSAVE_DELAY_MS);
    },
    [writeNow],
  );

  const flush = useCallback(() => (timer.current ? writeNow() : chain.current), [writeNow]);

  // Leaving the guide with a change still waiting for its pause: store it now.
  useEffect(
    () => () => {
      if (timer.current) void writeNow();
    },
    [writeNow],
  );

  return { draft, saved, state, change, flush };
}
