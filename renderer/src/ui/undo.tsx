/**
 * Undo for quick, reversible removals (a site, a clinic, an attachment, a criterion, a compiled file): the item
 * goes at once and a polite live region says "X removed. [Undo]" for about ten seconds. The removal is really
 * reversible: either the caller re-inserts what it removed (`undo`), or it delays the lasting part (`commit`,
 * run when the offer lapses, is replaced by the next one or the view closes) so nothing is written that an undo
 * would have to contradict.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './actions.css';

/** How long an undo offer stays (UX only: nothing depends on the exact time). */
export const UNDO_MS = 10_000;

export interface UndoOffer {
  /** "Site 2 removed." */
  message: string;
  /** Puts back what was removed. */
  undo(): void | Promise<void>;
  /** The lasting part of the removal, if it is delayed until the offer lapses. */
  commit?(): void | Promise<void>;
  /** Said after a successful undo: "Site 2 is back." */
  restoredMessage: string;
}

/** `list` with `item` put back at `index` (or at the end when the list has become shorter). */
export function reinsertAt<T>(list: readonly T[], item: T, index: number): T[] {
  const next = [...list];
  next.splice(Math.max(0, Math.min(index, next.length)), 0, item);
  return next;
}

/** `list` without the element at `index`, and that element (for undo); null when the index is out of range. */
export function removeAt<T>(list: readonly T[], index: number): { rest: T[]; item: T; index: number } | null {
  if (index < 0 || index >= list.length) return null;
  return { rest: list.filter((_, i) => i !== index), item: list[index] as T, index };
}

/**
 * One level of undo: the pending offer, whose delayed commit runs when it lapses or is replaced, and which can
 * be undone only while it is pending (so an undo can never run twice, or after its removal was committed).
 */
export class UndoSlot {
  private pending: UndoOffer | null = null;

  /** Makes `o` the pending offer, settling the previous one first. */
  offer(o: UndoOffer): Promise<void> {
    const settled = this.settle();
    this.pending = o;
    return settled;
  }

  isPending(o: UndoOffer): boolean {
    return this.pending === o;
  }

  /** The pending offer lapses: its delayed commit (if any) runs now. */
  settle(): Promise<void> {
    const o = this.pending;
    this.pending = null;
    return o?.commit ? Promise.resolve(o.commit()) : Promise.resolve();
  }

  /** Undoes `o` if it is still pending; false if it had already lapsed or been undone. */
  async undo(o: UndoOffer): Promise<boolean> {
    if (this.pending !== o) return false;
    this.pending = null;
    await o.undo();
    return true;
  }
}

type Shown = { kind: 'offer'; offer: UndoOffer; key: number } | { kind: 'said'; text: string; key: number } | null;

/**
 * `offer(...)` after a removal; render `region` once where the message should appear. A new offer commits the
 * previous one (one undo level, like the criteria editor had).
 */
export function useUndo(onError?: (e: unknown) => void): { offer(o: UndoOffer): void; region: React.ReactNode } {
  const [shown, setShown] = useState<Shown>(null);
  const [slot] = useState(() => new UndoSlot());
  const focusInside = useRef(false);
  const errorRef = useRef(onError);
  useEffect(() => {
    errorRef.current = onError;
  }, [onError]);

  const settle = useCallback(() => {
    slot.settle().catch((e: unknown) => errorRef.current?.(e));
  }, [slot]);

  const offer = useCallback(
    (o: UndoOffer) => {
      slot.offer(o).catch((e: unknown) => errorRef.current?.(e));
      setShown((s) => ({ kind: 'offer', offer: o, key: (s?.key ?? 0) + 1 }));
    },
    [slot],
  );

  // The offer lapses after UNDO_MS unless the keyboard focus is on it (then it stays until it is closed,
  // replaced or the view closes); "X is back" goes after the same time.
  useEffect(() => {
    if (!shown) return;
    const timer = window.setTimeout(function lapse() {
      if (shown.kind === 'offer') {
        if (focusInside.current) return;
        settle();
      }
      setShown(null);
    }, UNDO_MS);
    return () => window.clearTimeout(timer);
  }, [shown, settle]);

  // Closing the view commits what is pending.
  useEffect(() => settle, [settle]);

  const doUndo = async (o: UndoOffer) => {
    try {
      if (await slot.undo(o)) setShown((s) => ({ kind: 'said', text: o.restoredMessage, key: (s?.key ?? 0) + 1 }));
    } catch (e) {
      setShown(null);
      errorRef.current?.(e);
    }
  };

  const region = (
    <div
      className="undo-region"
      role="status"
      aria-live="polite"
      data-testid="undo-region"
      onFocus={() => (focusInside.current = true)}
      onBlur={() => (focusInside.current = false)}
    >
      {shown?.kind === 'offer' && <UndoMessage key={shown.key} offer={shown.offer} onUndo={() => void doUndo(shown.offer)} onClose={() => { settle(); setShown(null); }} />}
      {shown?.kind === 'said' && <p className="undo-toast">{shown.text}</p>}
    </div>
  );
  return { offer, region };
}

function UndoMessage({ offer, onUndo, onClose }: { offer: UndoOffer; onUndo(): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <p className="undo-toast">
      <span>{offer.message}</span>
      {/* Native buttons (Enter, Space, click, screen readers alike): the criteria editor on the first screen uses
          this, and React Aria's module-level set-up would otherwise run before the first answer. */}
      <button type="button" className="button small" onClick={onUndo}>
        {t('actions.undo.button')}
      </button>
      <button type="button" className="button small ghost" onClick={onClose} aria-label={t('actions.undo.dismiss')}>
        ×
      </button>
    </p>
  );
}
