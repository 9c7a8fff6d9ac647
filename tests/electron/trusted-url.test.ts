import { describe, expect, it, vi } from 'vitest';
import {
  HOMEPAGE_URL,
  isAppUrl,
  isDevServerUrl,
  isRendererUrl,
  isTrustedExternalUrl,
  openExternalSafely,
} from '../../electron/main/trusted-url';

describe('isAppUrl', () => {
  it.each([
    'app://antal/',
    'app://antal',
    'app://antal/index.html',
    'app://antal/assets/index-abc123.js?v=1#x',
    // Chromium lower-cases the scheme and a standard scheme's host; so does our check.
    'APP://antal/index.html',
    'app://ANTAL/index.html',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    ['another host that starts with ours', 'app://antal.evil.com/'],
    ['credentials before the real host', 'app://antal@evil.com/'],
    ['credentials on our host', 'app://user:pw@antal/'],
    ['a port (a different origin)', 'app://antal:8080/'],
    ['a host that ends with ours', 'app://evilantal/'],
    ['no host', 'app:///antal/index.html'],
    ['an opaque path', 'app:antal/index.html'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['https', 'https://evil.example/'],
    ['http to a host named antal', 'http://antal/'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a blob of our origin (not a page URL)', 'blob:app://antal/8d3e4c52-0000-4000-8000-000000000000'],
    ['garbage', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isDevServerUrl', () => {
  const dev = 'http://localhost:5173/';

  it('accepts the dev server origin and its HMR websocket', () => {
    expect(isDevServerUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isDevServerUrl('ws://localhost:5173/', dev)).toBe(true);
  });

  it('refuses other ports, hosts, schemes and credentials', () => {
    expect(isDevServerUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isDevServerUrl('http://localhost.evil.com:5173/', dev)).toBe(false);
    expect(isDevServerUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isDevServerUrl('wss://localhost:5173/', dev)).toBe(false);
    expect(isDevServerUrl('http://evil@localhost:5173/', dev)).toBe(false);
  });

  it('accepts nothing when there is no dev server (packaged app)', () => {
    expect(isDevServerUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isRendererUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isRendererUrl('app://antal/', undefined)).toBe(true);
  });
});

describe('isTrustedExternalUrl', () => {
  it.each([
    HOMEPAGE_URL,
    `${HOMEPAGE_URL}/`,
    `${HOMEPAGE_URL}/issues/12`,
    `${HOMEPAGE_URL}#readme`,
    'HTTPS://GITHUB.COM/antal-feasibility/antal',
    'https://creativecommons.org/licenses/by/4.0/',
    'https://creativecommons.org/licenses/by/4.0/legalcode',
  ])('allows %s', (url) => {
    expect(isTrustedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://github.com/antal-feasibility/antal'],
    ['a sibling repository with a common prefix', 'https://github.com/antal-feasibility/antal-evil'],
    ['the parent path', 'https://github.com/antal-feasibility'],
    ['a dot-dot escape (the parser folds it)', 'https://github.com/antal-feasibility/antal/../../evil/repo'],
    ['an encoded slash escape', 'https://github.com/antal-feasibility/antal%2F..%2F..%2Fevil'],
    ['another host with our host as a prefix', 'https://github.com.evil.example/antal-feasibility/antal'],
    ['credentials', 'https://github.com@evil.example/antal-feasibility/antal'],
    ['an explicit port', 'https://github.com:8443/antal-feasibility/antal'],
    ['an unrelated https site', 'https://evil.example/'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['our own origin', 'app://antal/'],
    ['another program\'s scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['smb share', 'smb://server/share'],
    ['mailto', 'mailto:someone@example.com'],
    ['garbage', '::::'],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedExternalUrl(url)).toBe(false);
  });
});

describe('openExternalSafely', () => {
  it('opens a trusted URL, passing the re-serialised URL', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    await expect(openExternalSafely(shell, 'HTTPS://GITHUB.COM/antal-feasibility/antal')).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://github.com/antal-feasibility/antal');
  });

  it.each(['https://evil.example/', 'file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'ms-msdt:/id x'])(
    'never calls shell.openExternal for %s',
    async (url) => {
      const shell = { openExternal: vi.fn(async () => undefined) };
      await expect(openExternalSafely(shell, url)).resolves.toBe(false);
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );
});
