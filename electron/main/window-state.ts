/**
 * Remembers the main window's size, position and maximized state between runs (window-state.json in
 * userData), and makes sure a restored window is actually reachable: coordinators move between a docked
 * monitor and a laptop, and a window restored onto a monitor that is gone cannot be dragged back.
 */
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from './window-options';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  /** The display minus task bar, dock and menu bar. */
  workArea: Rect;
}

/** The parts of Electron's `screen` we use. */
export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
}

export interface WindowState {
  bounds: Rect;
  isMaximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_WIDTH = 1280;
export const DEFAULT_WINDOW_HEIGHT = 800;
const FORMAT_VERSION = 1;
/** Any size or coordinate beyond this is a corrupt file, not a monitor wall. */
const MAX_COORDINATE = 100_000;
/** How much of the title bar must lie on a display for the user to grab it. */
const TITLE_BAR_HEIGHT = 32;
const MIN_VISIBLE_TITLE_WIDTH = 120;

function isFiniteIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** Strict: anything unexpected (hand-edited, truncated, from a future version) means "use the default". */
export function parseWindowState(text: string): WindowState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { version, bounds, isMaximized } = data as Record<string, unknown>;
  if (version !== FORMAT_VERSION || typeof isMaximized !== 'boolean') return null;
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isFiniteIn(x, -MAX_COORDINATE, MAX_COORDINATE) || !isFiniteIn(y, -MAX_COORDINATE, MAX_COORDINATE)) return null;
  if (!isFiniteIn(width, 1, MAX_COORDINATE) || !isFiniteIn(height, 1, MAX_COORDINATE)) return null;
  return {
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
    isMaximized,
  };
}

export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify({ version: FORMAT_VERSION, bounds: state.bounds, isMaximized: state.isMaximized }, null, 2)}\n`;
}

function overlap(aStart: number, aLength: number, bStart: number, bLength: number): number {
  return Math.max(0, Math.min(aStart + aLength, bStart + bLength) - Math.max(aStart, bStart));
}

/**
 * The title bar is fully inside the work area vertically and at least partly horizontally. Windows placed
 * half off-screen on purpose stay where the user left them.
 */
export function isTitleBarReachable(bounds: Rect, workArea: Rect): boolean {
  const titleHeight = Math.min(TITLE_BAR_HEIGHT, bounds.height);
  const topInside = bounds.y >= workArea.y && bounds.y + titleHeight <= workArea.y + workArea.height;
  return topInside && overlap(bounds.x, bounds.width, workArea.x, workArea.width) >= Math.min(MIN_VISIBLE_TITLE_WIDTH, bounds.width);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/** Shrink to the work area if too big, then move inside it if that made it stick out. */
function fitInto(bounds: Rect, workArea: Rect): Rect {
  if (bounds.width <= workArea.width && bounds.height <= workArea.height) return bounds;
  const width = Math.min(bounds.width, workArea.width);
  const height = Math.min(bounds.height, workArea.height);
  return {
    width,
    height,
    x: clamp(bounds.x, workArea.x, workArea.x + workArea.width - width),
    y: clamp(bounds.y, workArea.y, workArea.y + workArea.height - height),
  };
}

function centeredIn(workArea: Rect, width: number, height: number): Rect {
  const w = Math.min(width, workArea.width);
  const h = Math.min(height, workArea.height);
  return {
    width: w,
    height: h,
    x: workArea.x + Math.round((workArea.width - w) / 2),
    y: workArea.y + Math.round((workArea.height - h) / 2),
  };
}

/**
 * Where to open the window. A saved state is used if its title bar is reachable on a current display;
 * if its display is gone, the saved size is centred on the primary display; without a (valid) saved state,
 * 1280×800 is centred there. Sizes never fall below the window's minimum or exceed the work area.
 */
export function restoreWindowState(saved: WindowState | null, screen: ScreenLike): WindowState {
  const primary = screen.getPrimaryDisplay().workArea;
  if (!saved) {
    return { bounds: centeredIn(primary, DEFAULT_WINDOW_WIDTH, DEFAULT_WINDOW_HEIGHT), isMaximized: false };
  }
  const size = {
    width: Math.max(saved.bounds.width, MIN_WINDOW_WIDTH),
    height: Math.max(saved.bounds.height, MIN_WINDOW_HEIGHT),
  };
  const bounds = { ...saved.bounds, ...size };
  const home = screen.getAllDisplays().find((display) => isTitleBarReachable(bounds, display.workArea));
  if (home) return { bounds: fitInto(bounds, home.workArea), isMaximized: saved.isMaximized };
  return { bounds: centeredIn(primary, size.width, size.height), isMaximized: saved.isMaximized };
}

/** Read and restore; a missing or unreadable file is the normal first run, not an error. */
export async function loadWindowState(read: () => Promise<string>, screen: ScreenLike): Promise<WindowState> {
  let text: string;
  try {
    text = await read();
  } catch {
    return restoreWindowState(null, screen);
  }
  return restoreWindowState(parseWindowState(text), screen);
}

/** The parts of BrowserWindow the tracker uses. */
export interface TrackedWindow {
  on(event: 'resize', listener: () => void): unknown;
  on(event: 'move', listener: () => void): unknown;
  on(event: 'maximize', listener: () => void): unknown;
  on(event: 'unmaximize', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  /** The restored (un-maximized) bounds, also while maximized or minimized. */
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WindowStateTracker {
  /** Resolves when the last save has finished (the app waits for it before quitting). */
  flush(): Promise<void>;
}

export const SAVE_DEBOUNCE_MS = 500;

/**
 * Save after the user stops moving or resizing (debounced: a drag fires dozens of events per second), and
 * immediately when the window closes. Saves run one at a time, so an older state never overwrites a newer.
 */
export function trackWindowState(
  window: TrackedWindow,
  save: (state: WindowState) => Promise<void>,
  options: { debounceMs?: number; timers?: Timers; onError?: (error: unknown) => void } = {},
): WindowStateTracker {
  const timers: Timers = options.timers ?? {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const debounceMs = options.debounceMs ?? SAVE_DEBOUNCE_MS;
  let timer: unknown;
  let chain: Promise<void> = Promise.resolve();

  const saveNow = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    // Read the state now (the window may be gone by the time the previous save finishes).
    const state: WindowState = { bounds: window.getNormalBounds(), isMaximized: window.isMaximized() };
    chain = chain.then(() => save(state)).catch((error: unknown) => options.onError?.(error));
  };

  const scheduleSave = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(saveNow, debounceMs);
  };

  window.on('resize', scheduleSave);
  window.on('move', scheduleSave);
  window.on('maximize', scheduleSave);
  window.on('unmaximize', scheduleSave);
  window.on('close', saveNow);

  return { flush: () => chain };
}
