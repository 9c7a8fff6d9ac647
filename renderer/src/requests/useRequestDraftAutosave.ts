/**
 * A part of a request edited with automatic saving: each valid change is saved after a short pause (one audited
 * save per pause, not per key), saves run one after another, and a pending change is written at once when the user
 * moves on (`flush`), when the screen goes away, and when the page is hidden or unloaded — then it is also put in
 * the pending-writes journal first, so a reload a moment after typing loses nothing (db/pending-writes.ts).
 *
 * Several parts of one request can be edited at once (the guide's request fields and its Early Feedback Form):
 * each saves only the fields it changed (request-store.ts saveRequest), and `onSaved` hands the stored request to
 * whoever shows the whole.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import { clearJournal, journalWrite, type PendingWrite } from '../db/pending-writes';
import { usePageHide } from '../ui/usePageHide';

export const REQUEST_AUTOSAVE_DELAY_MS = 600;

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'invalid';

/** Stores `after` (the stored `before` with the draft applied) and resolves to what was stored. */
export type SaveRequest = (before: FeasibilityRequest, after: FeasibilityRequest) => Promise<FeasibilityRequest>;

/** Which part of the request a draft is, and how it is checked. */
export interface DraftShape<D> {
  of(request: FeasibilityRequest): D;
  apply(request: FeasibilityRequest, draft: D): FeasibilityRequest;
  valid(draft: D): boolean;
}

export interface DraftAutosave<D> {
  draft: D;
  /** The request as last stored by this editor. */
  saved: FeasibilityRequest;
  state: SaveState;
  /** A new draft, or a change of the latest draft (several changes in one moment all count). */
  update(next: D | ((current: D) => D)): void;
  /** Writes a pending change now; resolves when everything typed so far is stored (or has failed). */
  flush(): Promise<void>;
}

export function useRequestDraftAutosave<D>(
  initial: FeasibilityRequest,
  save: SaveRequest,
  shape: DraftShape<D>,
  /** The audit summary a journalled edit is replayed with after a reload. */
  journalSummary: string,
  onSaved?: (stored: FeasibilityRequest) => void,
): DraftAutosave<D> {
  const [draft, setDraft] = useState<D>(() => shape.of(initial));
  const [saved, setSaved] = useState(initial);
  const [state, setState] = useState<SaveState>('saved');
  const draftRef = useRef(draft);
  const savedRef = useRef(initial);
  const saveRef = useRef(save);
  const onSavedRef = useRef(onSaved);
  const shapeRef = useRef(shape);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    saveRef.current = save;
    onSavedRef.current = onSaved;
    shapeRef.current = shape;
  }, [save, onSaved, shape]);

  const pendingWrite = useCallback(
    (): PendingWrite => ({ kind: 'request', before: savedRef.current, after: shapeRef.current.apply(savedRef.current, draftRef.current), summary: journalSummary }),
    [journalSummary],
  );

  const writeNow = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const written = draftRef.current;
    if (!shapeRef.current.valid(written)) return chain.current;
    chain.current = chain.current.then(async () => {
      setState('saving');
      const before = savedRef.current;
      try {
        const stored = await saveRef.current(before, shapeRef.current.apply(before, written));
        savedRef.current = stored;
        setSaved(stored);
        onSavedRef.current?.(stored);
        clearJournal({ kind: 'request', before, after: stored, summary: journalSummary });
        setState(draftRef.current === written ? 'saved' : 'pending');
      } catch {
        setState('failed');
      }
    });
    return chain.current;
  }, [journalSummary]);

  const update = useCallback(
    (change: D | ((current: D) => D)) => {
      const next = typeof change === 'function' ? (change as (current: D) => D)(draftRef.current) : change;
      draftRef.current = next;
      setDraft(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (!shapeRef.current.valid(next)) {
        setState('invalid');
        return;
      }
      setState('pending');
      timer.current = setTimeout(() => void writeNow(), REQUEST_AUTOSAVE_DELAY_MS);
    },
    [writeNow],
  );

  const flush = useCallback(() => (timer.current ? writeNow() : chain.current), [writeNow]);

  // The page is going away with a change still waiting for its pause: journal it, then store it.
  usePageHide(() => {
    if (!timer.current || !shapeRef.current.valid(draftRef.current)) return;
    journalWrite(pendingWrite());
    void writeNow();
  });

  // Leaving the screen with a change still waiting for its pause: store it now.
  useEffect(
    () => () => {
      if (timer.current) void writeNow();
    },
    [writeNow],
  );

  return { draft, saved, state, update, flush };
}
