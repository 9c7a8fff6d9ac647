import { describe, expect, it } from 'vitest';
import { mainWindowOptions, MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, secureWebPreferences } from '../../electron/main/window-options';

/** The Electron security checklist, as values every window's webPreferences must have. */
const REQUIRED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  // Chromium's PDF viewer, for the letter preview (the CSP allows framing blob: only).
  plugins: false,
} as const;

// Every factory that produces window options; a new window factory must be added here.
const FACTORIES = {
  'mainWindowOptions (packaged)': () => mainWindowOptions({ width: 1280, height: 800 }, '/app/out/preload/index.js', 'Antal', { devTools: false }),
  'mainWindowOptions (development)': () =>
    mainWindowOptions({ x: 10, y: 20, width: 1400, height: 900 }, '/app/out/preload/index.js', 'Antal', { devTools: true }),
};

describe.each(Object.entries(FACTORIES))('%s', (_name, factory) => {
  const options = factory();
  const prefs = options.webPreferences ?? {};

  it('has every security-relevant webPreference set to the safe value', () => {
    expect(prefs).toMatchObject(REQUIRED_WEB_PREFERENCES);
  });

  it('never enables extra Blink features, never uses a separate partition, never disables the sandbox by omission', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('partition');
    expect(prefs).not.toHaveProperty('session');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('loads the preload script and starts hidden at a usable minimum size', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js');
    expect(options.show).toBe(false);
    expect(options.minWidth).toBe(MIN_WINDOW_WIDTH);
    expect(options.minHeight).toBe(MIN_WINDOW_HEIGHT);
    expect([options.minWidth, options.minHeight]).toEqual([1024, 640]);
    expect(options.title).toBe('Antal');
  });
});

describe('devTools', () => {
  it('is off in a packaged app and on only in development', () => {
    expect(secureWebPreferences('/p.js', { devTools: false }).devTools).toBe(false);
    expect(secureWebPreferences('/p.js', { devTools: true }).devTools).toBe(true);
  });
});

describe('position', () => {
  it('uses a restored position when there is one, and centres otherwise', () => {
    expect(mainWindowOptions({ x: 10, y: 20, width: 1300, height: 820 }, '/p.js', 'Antal', { devTools: false })).toMatchObject({
      x: 10,
      y: 20,
      width: 1300,
      height: 820,
    });
    const centred = mainWindowOptions({ width: 1280, height: 800 }, '/p.js', 'Antal', { devTools: false });
    expect(centred.center).toBe(true);
    expect(centred).not.toHaveProperty('x');
  });
});
