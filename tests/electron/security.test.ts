import { describe, expect, it, vi } from 'vitest';
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import {
  createNavigationPolicy,
  GRANTED_PERMISSIONS,
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
  type GuardedSession,
  type GuardedWebContents,
  type NavigationEvent,
  type PreventableEvent,
  type RequestFilterResponse,
} from '../../electron/main/security';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from '../../electron/main/protocol';

type Listener = (event: NavigationEvent) => void;

/** A WebContents stand-in that records the handlers the guards install. */
function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  const contents: GuardedWebContents = {
    setWindowOpenHandler: (handler) => {
      windowOpenHandler = handler;
    },
    on: (event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
  };
  const emit = (eventName: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    const registered = listeners.get(eventName) ?? [];
    expect(registered.length, `a listener for ${eventName}`).toBeGreaterThan(0);
    for (const listener of registered) listener(event);
    return event;
  };
  const openWindow = (url: string) => {
    if (!windowOpenHandler) throw new Error('no window open handler installed');
    return windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } });
  };
  return { contents, emit, openWindow };
}

const FOREIGN_URLS = [
  'https://evil.example/',
  'http://localhost:5173/',
  'file:///etc/passwd',
  'file:///C:/Users/coordinator/Documents/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://antal.evil.com/',
  'app://antal@evil.com/',
  'about:blank',
  'chrome://settings',
];

describe('hardenWebContents (packaged app)', () => {
  const setup = () => {
    const fake = fakeWebContents();
    const onBlockedExternalUrl = vi.fn();
    hardenWebContents(fake.contents, { isAllowedNavigation: createNavigationPolicy({ allowDevTools: false }), onBlockedExternalUrl });
    return { ...fake, onBlockedExternalUrl };
  };

  it('denies every new window, including ones to our own origin, and reports the URL', () => {
    const { openWindow, onBlockedExternalUrl } = setup();
    expect(openWindow('https://github.com/antal-feasibility/antal')).toEqual({ action: 'deny' });
    expect(openWindow('app://antal/index.html')).toEqual({ action: 'deny' });
    expect(onBlockedExternalUrl).toHaveBeenCalledWith('https://github.com/antal-feasibility/antal');
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: blocks foreign URLs', (eventName) => {
    const { emit } = setup();
    for (const url of FOREIGN_URLS) {
      expect(emit(eventName, url).preventDefault, url).toHaveBeenCalledOnce();
    }
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: lets the app navigate within its origin', (eventName) => {
    const { emit } = setup();
    expect(emit(eventName, 'app://antal/').preventDefault).not.toHaveBeenCalled();
    expect(emit(eventName, 'app://antal/requests/42').preventDefault).not.toHaveBeenCalled();
  });

  it('offers a blocked top-level navigation to the external-link opener (which applies the allow-list)', () => {
    const { emit, onBlockedExternalUrl } = setup();
    emit('will-navigate', 'https://github.com/antal-feasibility/antal');
    expect(onBlockedExternalUrl).toHaveBeenCalledExactlyOnceWith('https://github.com/antal-feasibility/antal');
    emit('will-navigate', 'app://antal/datasets');
    expect(onBlockedExternalUrl).toHaveBeenCalledOnce();
  });

  it('refuses to attach any <webview>', () => {
    const { emit } = setup();
    expect(emit('will-attach-webview', 'app://antal/').preventDefault).toHaveBeenCalledOnce();
  });
});

describe('createNavigationPolicy (development)', () => {
  it('adds the dev server and devtools pages, nothing else', () => {
    const allowed = createNavigationPolicy({ devServerUrl: 'http://localhost:5173', allowDevTools: true });
    expect(allowed('http://localhost:5173/')).toBe(true);
    expect(allowed('devtools://devtools/bundled/devtools_app.html')).toBe(true);
    expect(allowed('app://antal/')).toBe(true);
    for (const url of FOREIGN_URLS.filter((u) => !u.startsWith('http://localhost:5173'))) expect(allowed(url), url).toBe(false);
  });

  it('does not allow devtools pages in a packaged app', () => {
    expect(createNavigationPolicy({ allowDevTools: false })('devtools://devtools/bundled/devtools_app.html')).toBe(false);
  });
});

/** A Session stand-in that records the handlers the guards install. */
function fakeSession(withDeviceHandler = true) {
  const recorded: {
    request?: Parameters<GuardedSession['setPermissionRequestHandler']>[0];
    check?: Parameters<GuardedSession['setPermissionCheckHandler']>[0];
    device?: () => boolean;
    beforeRequest?: (details: { url: string }, callback: (response: RequestFilterResponse) => void) => void;
    willDownload?: (event: PreventableEvent) => void;
  } = {};
  const session: GuardedSession = {
    setPermissionRequestHandler: (handler) => {
      recorded.request = handler;
    },
    setPermissionCheckHandler: (handler) => {
      recorded.check = handler;
    },
    ...(withDeviceHandler
      ? {
          setDevicePermissionHandler: (handler: () => boolean) => {
            recorded.device = handler;
          },
        }
      : {}),
    on: (_event: 'will-download', listener: (event: PreventableEvent) => void) => {
      recorded.willDownload = listener;
      return session;
    },
    webRequest: {
      onBeforeRequest: (listener) => {
        recorded.beforeRequest = listener;
      },
    },
  };
  const requestPermission = (permission: string, requestingUrl: string): boolean => {
    const callback = vi.fn();
    recorded.request?.(undefined, permission, callback, { requestingUrl });
    expect(callback).toHaveBeenCalledOnce();
    return callback.mock.calls[0]?.[0] as boolean;
  };
  const filter = (url: string): RequestFilterResponse => {
    let response: RequestFilterResponse | undefined;
    recorded.beforeRequest?.({ url }, (r) => {
      response = r;
    });
    if (!response) throw new Error('the request filter did not answer');
    return response;
  };
  return { session, recorded, requestPermission, filter };
}

const DENIED_PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'midi',
  'midiSysex',
  'pointerLock',
  'fullscreen',
  'openExternal',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'hid',
  'serial',
  'usb',
  'idle-detection',
  'window-management',
  'local-fonts',
  'unknown',
];

describe('hardenSession', () => {
  it('denies every permission request, from any origin', () => {
    const { session, requestPermission } = fakeSession();
    hardenSession(session);
    for (const permission of DENIED_PERMISSIONS) {
      expect(requestPermission(permission, 'app://antal/'), permission).toBe(false);
      expect(requestPermission(permission, 'https://evil.example/'), permission).toBe(false);
    }
  });

  it('grants only persistent storage, and only to the app origin', () => {
    const { session, recorded, requestPermission } = fakeSession();
    hardenSession(session);
    expect([...GRANTED_PERMISSIONS]).toEqual(['persistent-storage']);
    expect(requestPermission('persistent-storage', 'app://antal/')).toBe(true);
    expect(requestPermission('persistent-storage', 'https://evil.example/')).toBe(false);
    expect(requestPermission('persistent-storage', 'app://antal.evil.com/')).toBe(false);
    expect(recorded.check?.(undefined, 'persistent-storage', 'app://antal')).toBe(true);
    expect(recorded.check?.(undefined, 'persistent-storage', 'http://localhost:5173')).toBe(false);
  });

  it('answers every permission check with false', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session);
    for (const permission of DENIED_PERMISSIONS) {
      expect(recorded.check?.(undefined, permission, 'app://antal'), permission).toBe(false);
    }
  });

  it('denies device access where the API exists and tolerates its absence', () => {
    const withDevices = fakeSession(true);
    hardenSession(withDevices.session);
    expect(withDevices.recorded.device?.()).toBe(false);
    expect(() => hardenSession(fakeSession(false).session)).not.toThrow();
  });

  it('cancels downloads (files leave the app only through the save dialog)', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session);
    const event = { preventDefault: vi.fn() };
    recorded.willDownload?.(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('lets through only app://antal, same-origin blobs, data: and devtools', () => {
    const { session, filter } = fakeSession();
    const onBlockedRequest = vi.fn();
    hardenSession(session, { onBlockedRequest });
    for (const url of [
      'app://antal/',
      'app://antal/assets/index.js',
      'blob:app://antal/0b0e5f6c-8d1f-4a7e-9f5c-6a1d2b3c4d5e',
      'data:image/png;base64,iVBORw0KGgo=',
      'devtools://devtools/bundled/devtools_app.html',
    ]) {
      expect(filter(url), url).toEqual({ cancel: false });
    }
    for (const url of [
      'https://evil.example/',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'app://antal.evil.com/x.js',
      'app://antal@evil.com/x.js',
      'blob:https://evil.example/0b0e5f6c-8d1f-4a7e-9f5c-6a1d2b3c4d5e',
      'chrome-extension://abc/x.js',
      'not a url',
    ]) {
      expect(filter(url), url).toEqual({ cancel: true });
    }
    expect(onBlockedRequest).toHaveBeenCalledWith('https://evil.example/');
  });

  it('lets the dev server (and its HMR socket) through only when given one', () => {
    const dev = 'http://localhost:5173/';
    expect(isAllowedRequestUrl('http://localhost:5173/@vite/client', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequestUrl('https://evil.example/', dev)).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/@vite/client', undefined)).toBe(false);
  });
});

// The letter preview draws the PDF's pages itself with pdf.js (renderer/src/letter/pdf-pages.ts): no <iframe>, no
// blob: navigation, no Chromium PDF viewer (an extension page from its own internal origin). The guards therefore
// keep refusing all of those, and let through exactly what pdf.js needs: its worker module from our origin.
describe('the letter preview needs no frame and no PDF viewer', () => {
  const letterBlob = 'blob:app://antal/4f1d2c3b-5a6e-4f70-8a9b-0c1d2e3f4a5b';
  const VIEWER_URLS = [
    'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
    'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/pdf_viewer_wrapper.js',
    'chrome://pdf-viewer/index.html',
    'chrome-untrusted://print/',
  ];

  it('no frame and no page may navigate to the letter\'s blob or to the viewer', () => {
    const isAllowedNavigation = createNavigationPolicy({ allowDevTools: false });
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, { isAllowedNavigation });
    for (const url of [letterBlob, 'blob:https://evil.example/4f1d2c3b-5a6e-4f70-8a9b-0c1d2e3f4a5b', ...VIEWER_URLS]) {
      expect(isAllowedNavigation(url), url).toBe(false);
      expect(fake.emit('will-frame-navigate', url).preventDefault, url).toHaveBeenCalled();
      expect(fake.emit('will-navigate', url).preventDefault, url).toHaveBeenCalled();
      expect(fake.openWindow(url)).toEqual({ action: 'deny' });
    }
  });

  it('the request filter lets through pdf.js\'s worker module and our own blobs, and refuses the viewer\'s pages', () => {
    expect(isAllowedRequestUrl('app://antal/assets/pdf.worker.min-C3k9dQ2x.mjs', undefined)).toBe(true);
    expect(isAllowedRequestUrl(letterBlob, undefined)).toBe(true);
    for (const url of VIEWER_URLS) expect(isAllowedRequestUrl(url, undefined), url).toBe(false);
  });

  it('the CSP allows no frame source at all, and workers only from our origin', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
  });

  it('the protocol serves the worker module as JavaScript (a module worker with another type would not start)', () => {
    expect(contentTypeFor('/opt/Antal/resources/app.asar/out/renderer/assets/pdf.worker.min-C3k9dQ2x.mjs')).toBe('text/javascript; charset=utf-8');
  });
});
