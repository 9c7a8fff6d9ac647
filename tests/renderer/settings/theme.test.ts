// The theme choice: stored per workstation, applied to <html data-theme>, and "system" follows the OS live.
import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY, createThemeController, parseThemeChoice, resolveTheme, type ThemeWindow } from '../../../renderer/src/settings/theme';

/** A window stand-in: a settable system preference, a Map-backed localStorage and the <html> dataset. */
function fakeWindow(stored: string | null, prefersDark: boolean) {
  const mediaListeners: Array<() => void> = [];
  const media = { matches: prefersDark, addEventListener: (_: string, l: () => void) => mediaListeners.push(l) };
  const store = new Map<string, string>(stored === null ? [] : [[THEME_STORAGE_KEY, stored]]);
  const dataset: DOMStringMap = {};
  const win = {
    matchMedia: () => media,
    localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) },
    addEventListener: () => undefined,
    document: { documentElement: { dataset } },
  } as unknown as ThemeWindow;
  const setSystemDark = (dark: boolean) => {
    media.matches = dark;
    for (const l of mediaListeners) l();
  };
  return { win, store, dataset, setSystemDark };
}

describe('theme choice', () => {
  it('reads only the three known choices and falls back to the system', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('purple')).toBe('system');
    expect(parseThemeChoice(null)).toBe('system');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });

  it('applies the stored choice at once, before anything renders', () => {
    const { win, dataset } = fakeWindow('dark', false);
    const theme = createThemeController(win);
    expect(dataset['theme']).toBe('dark');
    expect(theme.get()).toEqual({ choice: 'dark', resolved: 'dark' });
  });

  it('"system" follows the operating system while the app is open, an explicit choice does not', () => {
    const { win, dataset, setSystemDark } = fakeWindow(null, false);
    const theme = createThemeController(win);
    let notified = 0;
    theme.subscribe(() => notified++);
    expect(dataset['theme']).toBe('light');
    setSystemDark(true);
    expect(dataset['theme']).toBe('dark');
    expect(notified).toBe(1);
    theme.setChoice('light');
    setSystemDark(false);
    setSystemDark(true);
    expect(dataset['theme']).toBe('light');
  });

  it('stores an explicit choice and forgets it again for "system"', () => {
    const { win, store } = fakeWindow(null, true);
    const theme = createThemeController(win);
    theme.setChoice('light');
    expect(store.get(THEME_STORAGE_KEY)).toBe('light');
    theme.setChoice('system');
    expect(store.has(THEME_STORAGE_KEY)).toBe(false);
    expect(theme.get()).toEqual({ choice: 'system', resolved: 'dark' });
  });
});
