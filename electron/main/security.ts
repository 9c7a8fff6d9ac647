/**
 * Guards on every web contents and on the session, following the Electron security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security):
 *   #13 limit navigation, #14 limit new windows, #5 deny permission requests, #12 no <webview>,
 *   plus a request filter so the renderer can reach nothing but its own origin.
 *
 * The Electron objects are parameters (structural types below), so the rules are unit-tested with fakes.
 */
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { isRendererUrl, parseUrl } from './trusted-url';

export interface PreventableEvent {
  preventDefault(): void;
}

export interface NavigationEvent extends PreventableEvent {
  url: string;
}

/** The parts of `WebContents` the guards use. Electron's own `WebContents` satisfies it. */
export interface GuardedWebContents {
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

export interface WebContentsGuardOptions {
  /** May the renderer (or one of its frames) navigate to this URL? */
  isAllowedNavigation(url: string): boolean;
  /**
   * Told about a blocked top-level navigation or window.open, e.g. a link to the project homepage.
   * The wiring hands it to `openExternalSafely`, which opens only allow-listed https URLs.
   */
  onBlockedExternalUrl?(url: string): void;
}

/**
 * The navigation policy: the app origin; in development also the dev server and the developer tools'
 * own pages (their web contents are guarded by the same handlers).
 */
export function createNavigationPolicy(options: { devServerUrl?: string | undefined; allowDevTools: boolean }): (url: string) => boolean {
  return (url) => isRendererUrl(url, options.devServerUrl) || (options.allowDevTools && parseUrl(url)?.protocol === 'devtools:');
}

export function hardenWebContents(contents: GuardedWebContents, options: WebContentsGuardOptions): void {
  // No new windows, ever: the app is a single window. Links meant for the browser go through the allow-list.
  contents.setWindowOpenHandler((details) => {
    options.onBlockedExternalUrl?.(details.url);
    return { action: 'deny' };
  });

  contents.on('will-navigate', (event) => {
    if (options.isAllowedNavigation(event.url)) return;
    event.preventDefault();
    options.onBlockedExternalUrl?.(event.url);
  });

  // Covers sub-frames too (the app has none; any frame navigating elsewhere is an attack or a bug).
  contents.on('will-frame-navigate', (event) => {
    if (!options.isAllowedNavigation(event.url)) event.preventDefault();
  });

  // A server-side redirect can turn an allowed URL into a foreign one.
  contents.on('will-redirect', (event) => {
    if (!options.isAllowedNavigation(event.url)) event.preventDefault();
  });

  // webviewTag is off in webPreferences; this also stops a <webview> if that setting is ever lost.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Permissions the app needs, each for its own origin only:
 * - `persistent-storage`: navigator.storage.persist(), so Chromium never evicts the IndexedDB that holds
 *   every dataset and assessment under disk pressure. Everything else (camera, geolocation, notifications,
 *   clipboard-read, HID/USB/serial, openExternal, …) is refused.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

export function isPermissionGranted(permission: string, requestingUrl: string | undefined, devServerUrl: string | undefined): boolean {
  return GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isRendererUrl(requestingUrl, devServerUrl);
}

export interface RequestFilterResponse {
  cancel: boolean;
}

/** The parts of `Session` the guards use. Electron's own `Session` satisfies it. */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  setDevicePermissionHandler?(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: PreventableEvent) => void): unknown;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: RequestFilterResponse) => void) => void): void;
  };
}

export interface SessionGuardOptions {
  /** Only when the app is not packaged. */
  devServerUrl?: string | undefined;
  /** Called with each cancelled request, for the log. */
  onBlockedRequest?(url: string): void;
}

/**
 * What the renderer may load. The packaged renderer needs nothing but app://antal; `data:` and same-origin
 * `blob:` never leave the machine (the CSP decides which of them a page may use); `devtools:` is the
 * developer tools' own frontend, which only exists when devTools is enabled (never in a packaged build).
 */
export function isAllowedRequestUrl(raw: string, devServerUrl: string | undefined): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  switch (url.protocol) {
    case 'data:':
      return true;
    case 'blob:':
      // blob:app://antal/<uuid>: the pathname is the creating document's URL.
      return isRendererUrl(url.pathname, devServerUrl);
    case 'devtools:':
      return true;
    default:
      return isRendererUrl(raw, devServerUrl);
  }
}

export function hardenSession(session: GuardedSession, options: SessionGuardOptions = {}): void {
  const { devServerUrl } = options;

  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, devServerUrl));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, devServerUrl),
  );
  // WebHID/WebUSB/Web Serial device access (absent on old Electron versions, hence optional).
  session.setDevicePermissionHandler?.(() => false);

  // Files leave the app only through the save dialog (atomic write); a download would bypass it.
  session.on('will-download', (event) => {
    event.preventDefault();
  });

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, devServerUrl);
    if (!allowed) options.onBlockedRequest?.(details.url);
    callback({ cancel: !allowed });
  });
}
