/**
 * Keeps the app where it is in the browser build: no link and no window.open can take the page (or a new window)
 * to another origin. The Electron shell enforces the same in the main process (electron/main/security.ts:
 * will-navigate, setWindowOpenHandler); a browser has no such hook, so the page guards itself:
 *   - a click on a link to another origin (any target, including _blank) is cancelled;
 *   - window.open is replaced by one that opens nothing (the app never opens windows);
 * Same-origin links (the #/ routes, blob: downloads the app makes itself) are untouched. Forms are already
 * refused by the CSP (form-action 'none').
 */

/** True when `href` (resolved against `base`) stays on the app's own origin. */
export function isAppUrl(href: string, base: string): boolean {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return false;
  }
  const origin = new URL(base).origin;
  if (url.protocol === 'blob:') return new URL(url.pathname).origin === origin;
  return url.origin === origin && (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'app:');
}

/** The parts of `window` the guard touches (a fake in unit tests). */
export interface GuardedWindow {
  location: { href: string };
  document: { addEventListener(type: 'click' | 'auxclick', listener: (event: MouseEventLike) => void, capture: boolean): void; documentElement: { dataset: DOMStringMap } };
  open: (...args: never[]) => unknown;
}

export interface MouseEventLike {
  target: unknown;
  preventDefault(): void;
  stopPropagation(): void;
}

interface AnchorLike {
  closest?(selector: string): { getAttribute(name: string): string | null } | null;
}

function linkOf(target: unknown): string | null {
  const anchor = (target as AnchorLike | null)?.closest?.('a[href], area[href]');
  return anchor ? anchor.getAttribute('href') : null;
}

export function installNavigationGuard(win: GuardedWindow): void {
  const onClick = (event: MouseEventLike): void => {
    const href = linkOf(event.target);
    if (href === null || isAppUrl(href, win.location.href)) return;
    event.preventDefault();
    event.stopPropagation();
  };
  win.document.addEventListener('click', onClick, true);
  win.document.addEventListener('auxclick', onClick, true);
  win.open = () => null;
  win.document.documentElement.dataset['navigationGuard'] = 'on';
}

/** The call for the app's start-up (renderer/src/main.tsx), typed against the real `window`. */
export function installBrowserNavigationGuard(): void {
  installNavigationGuard(window);
}
