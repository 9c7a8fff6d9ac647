import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { atomicWriteFile } from '../../electron/main/files';
import {
  isTitleBarReachable,
  loadWindowState,
  parseWindowState,
  restoreWindowState,
  SAVE_DEBOUNCE_MS,
  serializeWindowState,
  trackWindowState,
  type Rect,
  type ScreenLike,
  type TrackedWindow,
  type WindowState,
} from '../../electron/main/window-state';

// A laptop (1920×1080, task bar at the bottom) and, to its right, an external monitor (2560×1440).
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const external: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const screenWith = (...workAreas: Rect[]): ScreenLike => ({
  getAllDisplays: () => workAreas.map((workArea) => ({ workArea })),
  getPrimaryDisplay: () => ({ workArea: workAreas[0] ?? laptop }),
});

const state = (bounds: Rect, isMaximized = false): WindowState => ({ bounds, isMaximized });

describe('parseWindowState / serializeWindowState', () => {
  it('round-trips', () => {
    const saved = state({ x: 100, y: 50, width: 1300, height: 850 }, true);
    expect(parseWindowState(serializeWindowState(saved))).toEqual(saved);
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['an array', '[]'],
    ['null', 'null'],
    ['another version', '{"version":2,"bounds":{"x":0,"y":0,"width":1300,"height":800},"isMaximized":false}'],
    ['no version', '{"bounds":{"x":0,"y":0,"width":1300,"height":800},"isMaximized":false}'],
    ['missing bounds', '{"version":1,"isMaximized":false}'],
    ['string numbers', '{"version":1,"bounds":{"x":"0","y":0,"width":1300,"height":800},"isMaximized":false}'],
    ['zero width', '{"version":1,"bounds":{"x":0,"y":0,"width":0,"height":800},"isMaximized":false}'],
    ['negative height', '{"version":1,"bounds":{"x":0,"y":0,"width":1300,"height":-5},"isMaximized":false}'],
    ['absurd coordinates', '{"version":1,"bounds":{"x":1e9,"y":0,"width":1300,"height":800},"isMaximized":false}'],
    ['non-boolean maximized', '{"version":1,"bounds":{"x":0,"y":0,"width":1300,"height":800},"isMaximized":"yes"}'],
  ])('rejects %s', (_label, text) => {
    expect(parseWindowState(text)).toBeNull();
  });

  it('rounds fractional pixels (high-DPI scaling)', () => {
    expect(parseWindowState('{"version":1,"bounds":{"x":10.4,"y":20.6,"width":1300.5,"height":800.2},"isMaximized":false}')?.bounds).toEqual({
      x: 10,
      y: 21,
      width: 1301,
      height: 800,
    });
  });
});

describe('isTitleBarReachable', () => {
  it('needs the title bar inside the work area vertically and partly horizontally', () => {
    expect(isTitleBarReachable({ x: 100, y: 100, width: 1280, height: 800 }, laptop)).toBe(true);
    expect(isTitleBarReachable({ x: -1200, y: 100, width: 1280, height: 800 }, laptop)).toBe(false); // 80 px visible
    expect(isTitleBarReachable({ x: -1100, y: 100, width: 1280, height: 800 }, laptop)).toBe(true); // 180 px visible
    expect(isTitleBarReachable({ x: 100, y: -10, width: 1280, height: 800 }, laptop)).toBe(false); // title above the screen
    expect(isTitleBarReachable({ x: 100, y: 1020, width: 1280, height: 800 }, laptop)).toBe(false); // title under the task bar
  });
});

describe('restoreWindowState', () => {
  it('without a saved state: 1280×800 centred on the primary display', () => {
    expect(restoreWindowState(null, screenWith(laptop))).toEqual(state({ x: 320, y: 120, width: 1280, height: 800 }));
  });

  it('without a saved state on a small screen: the default shrunk to the work area', () => {
    const small = { x: 0, y: 0, width: 1366, height: 728 };
    expect(restoreWindowState(null, screenWith(small))).toEqual(state({ x: 43, y: 0, width: 1280, height: 728 }));
  });

  it('keeps a position that is visible, on any display', () => {
    const onLaptop = state({ x: 200, y: 100, width: 1300, height: 850 });
    expect(restoreWindowState(onLaptop, screenWith(laptop, external))).toEqual(onLaptop);
    const onExternal = state({ x: 2200, y: 200, width: 1600, height: 1000 }, true);
    expect(restoreWindowState(onExternal, screenWith(laptop, external))).toEqual(onExternal);
  });

  it('moves a window from an unplugged monitor to the primary display, keeping its size and maximized state', () => {
    const onExternal = state({ x: 2200, y: 200, width: 1600, height: 1000 }, true);
    expect(restoreWindowState(onExternal, screenWith(laptop))).toEqual(state({ x: 160, y: 20, width: 1600, height: 1000 }, true));
  });

  it('shrinks a window larger than its display and keeps it inside', () => {
    const huge = state({ x: 100, y: 0, width: 2500, height: 1400 });
    expect(restoreWindowState(huge, screenWith(laptop))).toEqual(state({ x: 0, y: 0, width: 1920, height: 1040 }));
  });

  it('never restores below the minimum window size', () => {
    const tiny = state({ x: 100, y: 100, width: 300, height: 200 });
    expect(restoreWindowState(tiny, screenWith(laptop)).bounds).toEqual({ x: 100, y: 100, width: 1024, height: 640 });
  });

  it('handles displays with negative coordinates (monitor left of the primary)', () => {
    const left: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };
    const onLeft = state({ x: -1800, y: 50, width: 1280, height: 800 });
    expect(restoreWindowState(onLeft, screenWith(laptop, left))).toEqual(onLeft);
  });
});

describe('loadWindowState', () => {
  it('uses the default when the file is missing (first run) or corrupt', async () => {
    const missing = async () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    };
    expect(await loadWindowState(missing, screenWith(laptop))).toEqual(state({ x: 320, y: 120, width: 1280, height: 800 }));
    expect(await loadWindowState(async () => '{"versi', screenWith(laptop))).toEqual(state({ x: 320, y: 120, width: 1280, height: 800 }));
  });

  it('restores a saved file', async () => {
    const saved = state({ x: 10, y: 10, width: 1100, height: 700 }, true);
    expect(await loadWindowState(async () => serializeWindowState(saved), screenWith(laptop))).toEqual(saved);
  });
});

/** A BrowserWindow stand-in that can fire its events. */
function fakeWindow(initial: Rect) {
  const listeners = new Map<string, Array<() => void>>();
  let bounds = initial;
  let maximized = false;
  const window: TrackedWindow = {
    on: (event: string, listener: () => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return window;
    },
    getNormalBounds: () => bounds,
    isMaximized: () => maximized,
  };
  const fire = (event: string) => {
    for (const listener of listeners.get(event) ?? []) listener();
  };
  return {
    window,
    fire,
    moveTo: (next: Rect) => {
      bounds = next;
      fire('move');
    },
    maximize: () => {
      maximized = true;
      fire('maximize');
    },
  };
}

describe('trackWindowState', () => {
  it('debounces moves and resizes into one save of the final state', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeWindow({ x: 0, y: 0, width: 1280, height: 800 });
      const save = vi.fn(async (_state: WindowState) => undefined);
      const tracker = trackWindowState(fake.window, save);
      for (let x = 1; x <= 30; x++) fake.moveTo({ x, y: 0, width: 1280, height: 800 });
      fake.fire('resize');
      await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 1);
      expect(save).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      await tracker.flush();
      expect(save).toHaveBeenCalledExactlyOnceWith({ bounds: { x: 30, y: 0, width: 1280, height: 800 }, isMaximized: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves immediately on close, with the normal bounds and the maximized flag, and cancels a pending save', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeWindow({ x: 5, y: 6, width: 1300, height: 900 });
      const save = vi.fn(async (_state: WindowState) => undefined);
      const tracker = trackWindowState(fake.window, save);
      fake.maximize();
      fake.fire('close');
      await tracker.flush();
      expect(save).toHaveBeenCalledExactlyOnceWith({ bounds: { x: 5, y: 6, width: 1300, height: 900 }, isMaximized: true });
      await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS * 2);
      expect(save).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it('runs saves one after another so an older state never lands last', async () => {
    const fake = fakeWindow({ x: 0, y: 0, width: 1280, height: 800 });
    const order: number[] = [];
    const save = vi.fn(async (s: WindowState) => {
      // The first save is slow; the second must still finish after it.
      await new Promise((resolve) => setTimeout(resolve, s.bounds.x === 1 ? 30 : 1));
      order.push(s.bounds.x);
    });
    const tracker = trackWindowState(fake.window, save, { debounceMs: 0 });
    fake.moveTo({ x: 1, y: 0, width: 1280, height: 800 });
    fake.fire('close');
    fake.moveTo({ x: 2, y: 0, width: 1280, height: 800 });
    fake.fire('close');
    await tracker.flush();
    expect(order).toEqual([1, 2]);
  });

  it('reports a failed save and keeps working', async () => {
    const fake = fakeWindow({ x: 0, y: 0, width: 1280, height: 800 });
    const onError = vi.fn();
    const save = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined);
    const tracker = trackWindowState(fake.window, save, { onError });
    fake.fire('close');
    fake.fire('close');
    await tracker.flush();
    expect(onError).toHaveBeenCalledOnce();
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('end to end: saved atomically to a real file and restored on the next start', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'antal-window-state-'));
    try {
      const file = path.join(dir, 'window-state.json');
      await writeFile(file, 'old garbage');
      const fake = fakeWindow({ x: 300, y: 200, width: 1400, height: 900 });
      const tracker = trackWindowState(fake.window, (s) => atomicWriteFile(file, new TextEncoder().encode(serializeWindowState(s))));
      fake.fire('close');
      await tracker.flush();
      expect(await readdir(dir)).toEqual(['window-state.json']);
      const restored = await loadWindowState(() => readFile(file, 'utf8'), screenWith(laptop));
      expect(restored).toEqual(state({ x: 300, y: 200, width: 1400, height: 900 }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
