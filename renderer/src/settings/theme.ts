/**
 * Light and dark themes. The user chooses system, light or dark (stored in localStorage under
 * `antal.theme`, a per-workstation display preference rather than study data, so it needs no audit entry);
 * <html data-theme> always carries the resolved theme, and with "system" it follows the operating system live.
 * `startTheme` runs in main.tsx before React renders, so the first paint already has the right colours.
 */
import { useSyncExternalStore } from 'react';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type ResolvedTheme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'antal.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** A stored value that is missing or not understood means "follow the system". */
export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
  return isThemeChoice(stored) ? stored : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): ResolvedTheme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

export interface ThemeState {
  choice: ThemeChoice;
  resolved: ResolvedTheme;
}

export interface ThemeController {
  get(): ThemeState;
  setChoice(choice: ThemeChoice): void;
  subscribe(listener: () => void): () => void;
}

/** localStorage can be unavailable (privacy settings, quota); the theme then lives for the session only. */
function readStored(storage: Storage | undefined): string | null {
  try {
    return storage?.getItem(THEME_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function writeStored(storage: Storage | undefined, choice: ThemeChoice): void {
  try {
    if (choice === 'system') storage?.removeItem(THEME_STORAGE_KEY);
    else storage?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not persisted; the choice still applies until the window is closed.
  }
}

/** The parts of a window the theme needs (a test passes a stand-in). */
export type ThemeWindow = Pick<Window, 'matchMedia' | 'localStorage' | 'addEventListener'> & { document: { documentElement: { dataset: DOMStringMap } } };

let controller: ThemeController | null = null;

/** Applies the stored choice to <html data-theme> at once and keeps it applied; call once, before rendering. */
export function startTheme(win: ThemeWindow = window): ThemeController {
  controller ??= createThemeController(win);
  return controller;
}

export function createThemeController(win: ThemeWindow): ThemeController {
  const media = win.matchMedia(DARK_QUERY);
  const storage = (() => {
    try {
      return win.localStorage;
    } catch {
      return undefined;
    }
  })();
  const listeners = new Set<() => void>();
  let state: ThemeState = { choice: 'system', resolved: 'light' };

  const apply = (choice: ThemeChoice) => {
    const next: ThemeState = { choice, resolved: resolveTheme(choice, media.matches) };
    win.document.documentElement.dataset['theme'] = next.resolved;
    if (next.choice === state.choice && next.resolved === state.resolved) return;
    state = next;
    for (const listener of listeners) listener();
  };

  state = { choice: parseThemeChoice(readStored(storage)), resolved: 'light' };
  state = { ...state, resolved: resolveTheme(state.choice, media.matches) };
  win.document.documentElement.dataset['theme'] = state.resolved;
  // "System" follows the operating system while the app is open (e.g. Windows switching to dark at night).
  media.addEventListener('change', () => apply(state.choice));
  // Another window of the app changed the choice.
  win.addEventListener('storage', (event) => {
    if (event.key === THEME_STORAGE_KEY || event.key === null) apply(parseThemeChoice(readStored(storage)));
  });

  return {
    get: () => state,
    setChoice(choice) {
      writeStored(storage, choice);
      apply(choice);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function themeController(): ThemeController {
  return controller ?? startTheme();
}

/** The current theme choice and resolved theme, re-rendering when either changes. */
export function useTheme(): ThemeState & { setChoice(choice: ThemeChoice): void } {
  const c = themeController();
  const state = useSyncExternalStore(c.subscribe, c.get);
  return { ...state, setChoice: c.setChoice };
}

/** The theme for a diagnostic report, without subscribing. */
export function currentTheme(): ThemeState {
  return themeController().get();
}
