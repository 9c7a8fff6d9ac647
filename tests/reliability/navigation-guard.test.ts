// The browser build's navigation guard: which URLs stay in the app, and that a foreign link click is cancelled,
// a same-origin one is not, and window.open opens nothing. (The end-to-end check is tests/e2e/navigation-guard.spec.ts.)
import { describe, expect, it, vi } from 'vitest';
import { installNavigationGuard, isAppUrl, type GuardedWindow, type MouseEventLike } from '../../renderer/src/backup/navigation-guard';

const BASE = 'http://127.0.0.1:4173/#/settings';

describe('isAppUrl', () => {
  it('keeps the app\'s own routes, files and blob: downloads', () => {
    for (const href of ['#/datasets', '/', '/index.html', 'http://127.0.0.1:4173/#/requests', 'blob:http://127.0.0.1:4173/5f0c2b1e-1111-4222-8333-944445555666']) {
      expect(isAppUrl(href, BASE), href).toBe(true);
    }
    expect(isAppUrl('app://antal/#/settings', 'app://antal/')).toBe(true);
  });

  it('refuses every other origin and every scheme that is not a page of ours', () => {
    for (const href of [
      'https://evil.example/',
      '//evil.example/x',
      'http://127.0.0.1:4174/',
      'http://localhost:4173/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'mailto:someone@example.com',
      'blob:https://evil.example/5f0c2b1e-1111-4222-8333-944445555666',
      'http://[',
    ]) {
      expect(isAppUrl(href, BASE), href).toBe(false);
    }
  });
});

function fakeWindow() {
  const listeners: Array<{ type: string; listener: (event: MouseEventLike) => void; capture: boolean }> = [];
  const win: GuardedWindow = {
    location: { href: BASE },
    document: {
      addEventListener: (type, listener, capture) => void listeners.push({ type, listener, capture }),
      documentElement: { dataset: {} },
    },
    open: vi.fn(() => ({ closed: false })),
  };
  const click = (href: string | null, type = 'click') => {
    const event = {
      target: { closest: () => (href === null ? null : { getAttribute: () => href }) },
      preventDefault: vi.fn(),
      stopPropagation: vi.fn(),
    };
    for (const l of listeners.filter((x) => x.type === type)) l.listener(event);
    return event;
  };
  return { win, listeners, click };
}

describe('installNavigationGuard', () => {
  it('cancels clicks (left and middle) on links to other origins, in the capture phase, and leaves the app\'s links alone', () => {
    const { win, listeners, click } = fakeWindow();
    installNavigationGuard(win);
    expect(listeners.map((l) => [l.type, l.capture])).toEqual([
      ['click', true],
      ['auxclick', true],
    ]);
    expect(click('https://evil.example/').preventDefault).toHaveBeenCalled();
    expect(click('https://evil.example/', 'auxclick').preventDefault).toHaveBeenCalled();
    expect(click('#/datasets').preventDefault).not.toHaveBeenCalled();
    expect(click(null).preventDefault).not.toHaveBeenCalled();
    expect(win.document.documentElement.dataset['navigationGuard']).toBe('on');
  });

  it('replaces window.open with one that opens nothing', () => {
    const { win } = fakeWindow();
    const original = win.open;
    installNavigationGuard(win);
    expect((win.open as (url: string) => unknown)('https://evil.example/')).toBeNull();
    expect(original).not.toHaveBeenCalled();
  });
});
