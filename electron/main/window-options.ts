/**
 * The one factory for BrowserWindow options. Every window the app creates must come from here, so the
 * security-relevant webPreferences are decided (and tested) in one place.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const MIN_WINDOW_WIDTH = 1024;
export const MIN_WINDOW_HEIGHT = 640;

export interface WindowBounds {
  x?: number | undefined;
  y?: number | undefined;
  width: number;
  height: number;
}

export interface MainWindowFlags {
  /** Developer tools only in an unpacked (development) build: `!app.isPackaged`. */
  devTools: boolean;
}

export function secureWebPreferences(preloadPath: string, flags: MainWindowFlags): WebPreferences {
  return {
    preload: preloadPath,
    // Checklist #3, #4, #2: the renderer is an ordinary sandboxed web page, isolated from the preload.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Checklist #12: no <webview>.
    webviewTag: false,
    // Checklist #6, #8, #9: same-origin policy on, no mixed content, no experimental Blink features.
    // (enableBlinkFeatures is deliberately absent.)
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Middle-click (auxclick) on a link is another way to ask for a new window; new windows are denied
    // anyway, this removes the event altogether.
    disableBlinkFeatures: 'Auxclick',
    // Dropping a file on the window must not navigate away from the app (and lose unsaved work).
    navigateOnDragDrop: false,
    // On Windows/Linux the spellchecker downloads dictionaries from Google; the app works offline and
    // has little free text.
    spellcheck: false,
    // No plugins, not even Chromium's PDF viewer: the letter preview draws the pages itself with pdf.js, so no
    // frame, no blob: navigation and no request from the viewer's internal origin is ever needed.
    plugins: false,
    // WebSQL is deprecated and unused; IndexedDB holds the data.
    enableWebSQL: false,
    // Stop a misbehaving page from trapping the user in a loop of alert() dialogs.
    safeDialogs: true,
    devTools: flags.devTools,
    // No `partition`: the default persistent session keeps IndexedDB where every release looks for it.
  };
}

export function mainWindowOptions(
  bounds: WindowBounds,
  preloadPath: string,
  title: string,
  flags: MainWindowFlags,
): BrowserWindowConstructorOptions {
  const position = bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : { center: true };
  return {
    ...position,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title,
    // Shown on 'ready-to-show', so the user never sees an empty white window.
    show: false,
    webPreferences: secureWebPreferences(preloadPath, flags),
  };
}
