// The undo offer's logic: what an undo puts back, where, and that a delayed removal is committed exactly once
// and never after it was undone.
import { describe, expect, it, vi } from 'vitest';
import { reinsertAt, removeAt, UndoSlot, type UndoOffer } from '../../../renderer/src/ui/undo';
import { restoreSite } from '../../../renderer/src/forecast/ForecastInputs';
import type { Site } from '../../../shared/criteria/study';

const offer = (over: Partial<UndoOffer> = {}): UndoOffer => ({ message: 'x removed', restoredMessage: 'x back', undo: vi.fn(), ...over });

describe('reinsertAt / removeAt', () => {
  it('puts an item back where it was, or at the end if the list has become shorter', () => {
    const removed = removeAt(['a', 'b', 'c'], 1)!;
    expect(removed).toEqual({ rest: ['a', 'c'], item: 'b', index: 1 });
    expect(reinsertAt(removed.rest, removed.item, removed.index)).toEqual(['a', 'b', 'c']);
    expect(reinsertAt(['a'], 'b', 5)).toEqual(['a', 'b']);
    expect(reinsertAt([], 'b', 0)).toEqual(['b']);
  });

  it('refuses an index outside the list instead of removing something else', () => {
    expect(removeAt(['a'], 1)).toBeNull();
    expect(removeAt(['a'], -1)).toBeNull();
  });
});

describe('restoreSite', () => {
  const site = (id: string, name = id): Site => ({ id, name, region: '01', activationMonth: 0, shareOfRegion: 0.5 });

  it('puts the removed site back in its place', () => {
    expect(restoreSite([site('site-1'), site('site-3')], site('site-2'), 1).map((s) => s.id)).toEqual(['site-1', 'site-2', 'site-3']);
  });

  it('gives the site a fresh id when a new site took its id meanwhile, so two sites never share one', () => {
    const back = restoreSite([site('site-1'), site('site-2', 'Ny klinik 2')], site('site-2', 'Lund'), 1);
    expect(back.map((s) => s.name)).toEqual(['site-1', 'Lund', 'Ny klinik 2']);
    expect(new Set(back.map((s) => s.id)).size).toBe(3);
  });
});

describe('UndoSlot', () => {
  it('undoes the pending offer once; a second undo does nothing', async () => {
    const slot = new UndoSlot();
    const o = offer();
    await slot.offer(o);
    expect(await slot.undo(o)).toBe(true);
    expect(await slot.undo(o)).toBe(false);
    expect(o.undo).toHaveBeenCalledTimes(1);
  });

  it('commits a delayed removal when the offer lapses, and then it can no longer be undone', async () => {
    const slot = new UndoSlot();
    const commit = vi.fn();
    const o = offer({ commit });
    await slot.offer(o);
    expect(commit).not.toHaveBeenCalled();
    await slot.settle();
    expect(commit).toHaveBeenCalledTimes(1);
    expect(await slot.undo(o)).toBe(false);
    await slot.settle();
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it('never commits a removal that was undone', async () => {
    const slot = new UndoSlot();
    const commit = vi.fn();
    const o = offer({ commit });
    await slot.offer(o);
    await slot.undo(o);
    await slot.settle();
    expect(commit).not.toHaveBeenCalled();
  });

  it('commits the previous removal when the next one is offered, keeping only the newest undoable', async () => {
    const slot = new UndoSlot();
    const first = offer({ commit: vi.fn() });
    const second = offer({ commit: vi.fn() });
    await slot.offer(first);
    await slot.offer(second);
    expect(first.commit).toHaveBeenCalledTimes(1);
    expect(slot.isPending(first)).toBe(false);
    expect(slot.isPending(second)).toBe(true);
    expect(await slot.undo(first)).toBe(false);
    expect(first.undo).not.toHaveBeenCalled();
  });

  it('reports a failed undo to the caller instead of claiming the item is back', async () => {
    const slot = new UndoSlot();
    const o = offer({ undo: () => Promise.reject(new Error('disk full')) });
    await slot.offer(o);
    await expect(slot.undo(o)).rejects.toThrow('disk full');
  });
});
