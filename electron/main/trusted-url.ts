/**
 * The only place that decides which URLs the app trusts. Everything else asks these functions.
 *
 * All checks parse with the WHATWG URL parser and compare parsed parts, never string prefixes of the raw
 * text: `app://antal.evil.com/`, `app://antal@evil.com/` and `https://homepage.evil.com/` all *start with*
 * a trusted prefix.
 */
import type { Shell } from 'electron';
import { APP_HOST, APP_SCHEME } from '../../shared/ipc/contract';

export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * `app://antal/…`, the origin the packaged renderer is served from.
 *
 * Chromium canonicalises the host of a standard scheme to lower case, so we compare case-insensitively to
 * agree with it; the WHATWG parser in Node keeps an opaque host's case. Credentials and ports are refused:
 * Chromium would treat `app://antal:1/` as a different origin.
 */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host.toLowerCase() === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}

/**
 * Same origin as the electron-vite dev server (http(s)://localhost:5173 and its HMR websocket).
 * Callers pass a dev server URL only when the app is not packaged.
 */
export function isDevServerUrl(raw: string, devServerUrl: string | undefined): boolean {
  if (!devServerUrl) return false;
  const url = parseUrl(raw);
  const dev = parseUrl(devServerUrl);
  if (!url || !dev || url.username !== '' || url.password !== '') return false;
  const sameHost = url.host === dev.host;
  if (url.protocol === dev.protocol) return sameHost;
  // Vite's hot-module-reload socket lives on the same host and port with the ws(s) scheme.
  const websocketScheme = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return sameHost && url.protocol === websocketScheme;
}

/** Where the renderer's own pages live: the app origin, or the dev server during development. */
export function isRendererUrl(raw: string, devServerUrl: string | undefined): boolean {
  return isAppUrl(raw) || isDevServerUrl(raw, devServerUrl);
}

/**
 * External pages the app may hand to the system browser. Each entry allows itself and the paths below it;
 * anything else (other hosts, http:, file:, mailto:, custom schemes of other programs) is refused, because
 * `shell.openExternal` runs whatever program the OS associates with a URL.
 */
/** The project homepage (package.json "homepage"): the Help menu links to it. */
export const HOMEPAGE_URL = 'https://github.com/antal-feasibility/antal';

export const TRUSTED_EXTERNAL_URLS: readonly string[] = [
  HOMEPAGE_URL,
  // The licence of the county map (@svg-maps/sweden, CC BY 4.0), credited in the About dialog.
  'https://creativecommons.org/licenses/by/4.0',
];

function isUnderTrustedEntry(url: URL, entry: URL): boolean {
  if (url.origin !== entry.origin) return false;
  const base = entry.pathname.replace(/\/+$/, '');
  return url.pathname === base || url.pathname === `${base}/` || url.pathname.startsWith(`${base}/`);
}

export function isTrustedExternalUrl(raw: string): boolean {
  const url = parseUrl(raw);
  if (!url || url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false;
  return TRUSTED_EXTERNAL_URLS.some((entry) => {
    const trusted = parseUrl(entry);
    return trusted !== null && isUnderTrustedEntry(url, trusted);
  });
}

/**
 * Open a trusted URL in the system browser; refuse anything else. Passes the *parsed and re-serialised*
 * URL on, so the string the OS sees is exactly the one we checked. Resolves to whether it opened.
 */
export async function openExternalSafely(shell: Pick<Shell, 'openExternal'>, raw: string): Promise<boolean> {
  if (!isTrustedExternalUrl(raw)) return false;
  const url = parseUrl(raw);
  if (!url) return false;
  await shell.openExternal(url.href);
  return true;
}
