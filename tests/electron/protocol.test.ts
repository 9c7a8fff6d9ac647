import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppPath,
} from '../../electron/main/protocol';

describe('registerAppScheme', () => {
  it('registers exactly the app scheme with standard, secure, fetch-capable privileges and nothing that weakens the CSP', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          corsEnabled: false,
          stream: true,
          codeCache: true,
          allowServiceWorkers: false,
          bypassCSP: false,
        },
      },
    ]);
    expect(APP_SCHEME_PRIVILEGES.bypassCSP).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('has the agreed directives', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'worker-src': ["'self'"],
      'manifest-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
      'frame-src': ["'none'"],
    });
  });

  it('never allows inline or eval\'d script, remote origins or blob: workers', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|https?:|\*/);
    expect(directives.get('worker-src')).not.toContain('blob:');
    expect(directives.get('script-src')).not.toContain('blob:');
  });
});

describe('resolveAppPath', () => {
  const root = '/opt/Antal/resources/app.asar/out/renderer';

  it.each([
    ['app://antal/', 'index.html'],
    ['app://antal', 'index.html'],
    ['app://antal/index.html', 'index.html'],
    ['app://antal/assets/index-Bx1.js', 'assets/index-Bx1.js'],
    ['app://antal/assets/index-Bx1.js?v=2#frag', 'assets/index-Bx1.js'],
    ['app://antal/fonts/Inter%20Var.woff2', 'fonts/Inter Var.woff2'],
    ['app://antal/l%C3%A4n.svg', 'län.svg'],
    // The URL parser folds dot segments before we see them; the result stays inside the root.
    ['app://antal/assets/../index.html', 'index.html'],
    ['app://antal/assets/%2e%2e/index.html', 'index.html'],
    ['app://antal/../../../etc/passwd', 'etc/passwd'],
    ['app://ANTAL/index.html', 'index.html'],
  ])('%s → %s', (url, relative) => {
    const result = resolveAppPath(url, root, path.posix);
    expect(result).toMatchObject({ ok: true, filePath: path.posix.join(root, relative) });
  });

  it('marks extension-less paths as client-side routes (index.html fallback) and files as files', () => {
    expect(resolveAppPath('app://antal/requests/42', root, path.posix)).toMatchObject({ ok: true, isRoute: true });
    expect(resolveAppPath('app://antal/assets/app.js', root, path.posix)).toMatchObject({ ok: true, isRoute: false });
    expect(resolveAppPath('app://antal/', root, path.posix)).toMatchObject({ ok: true, isRoute: false });
  });

  it.each([
    ['another host', 'app://evil/index.html', 404],
    ['a host with ours as prefix', 'app://antal.evil.com/index.html', 404],
    ['credentials', 'app://antal@evil.com/index.html', 404],
    ['credentials on our host', 'app://x@antal/index.html', 404],
    ['encoded slash', 'app://antal/assets%2f..%2f..%2fsecret', 400],
    ['encoded backslash', 'app://antal/..%5c..%5csecret', 400],
    ['encoded backslash, upper case', 'app://antal/..%5C..%5Csecret', 400],
    ['literal backslash', 'app://antal/..\\..\\secret', 400],
    ['encoded NUL', 'app://antal/index.html%00.png', 400],
    ['literal NUL', 'app://antal/index.html\0.png', 400],
    ['dot-dot that survived parsing as %2e%2e with a trailing char', 'app://antal/%2e%2e%2fsecret', 400],
    ['empty segment (absolute path after the host)', 'app://antal//etc/passwd', 400],
    ['trailing slash (directory)', 'app://antal/assets/', 400],
    ['Windows drive letter', 'app://antal/C:/Windows/win.ini', 400],
    ['NTFS alternate data stream', 'app://antal/index.html::$DATA', 400],
    ['Windows device name', 'app://antal/CON', 400],
    ['Windows device name with extension', 'app://antal/assets/nul.js', 400],
    ['trailing dot (Windows strips it)', 'app://antal/index.html.', 400],
    ['control character', 'app://antal/a%01b.js', 400],
    ['malformed percent-encoding', 'app://antal/%E0%A4%A.js', 400],
    ['unparsable', 'app://antal:99999/', 400],
    ['wrong scheme', 'file:///etc/passwd', 400],
  ])('refuses %s', (_label, url, status) => {
    const result = resolveAppPath(url, root, path.posix);
    expect(result).toMatchObject({ ok: false, status });
  });

  it('keeps Windows paths inside the root (path.win32)', () => {
    const winRoot = 'C:\\Program Files\\Antal\\resources\\app.asar\\out\\renderer';
    expect(resolveAppPath('app://antal/assets/a.js', winRoot, path.win32)).toMatchObject({
      ok: true,
      filePath: 'C:\\Program Files\\Antal\\resources\\app.asar\\out\\renderer\\assets\\a.js',
    });
    for (const url of [
      'app://antal/..%5C..%5C..%5CWindows%5Cwin.ini',
      'app://antal/C:%5CWindows%5Cwin.ini',
      'app://antal/%5C%5Cserver%5Cshare%5Cx',
      'app://antal/COM1.txt',
      'app://antal/aux',
      'app://antal/a.js%20',
    ]) {
      expect(resolveAppPath(url, winRoot, path.win32), url).toMatchObject({ ok: false, status: 400 });
    }
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['favicon.ico', 'image/x-icon'],
    ['a.woff2', 'font/woff2'],
    ['manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['A.PNG', 'image/png'],
    ['unknown.xyz', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler (real files in a temp directory)', () => {
  let base: string;
  let root: string;
  const secret = 'TOP SECRET outside the renderer root';

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'antal-protocol-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Antal</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(root, 'assets', 'style.css'), 'body{}');
    await writeFile(path.join(base, 'secret.txt'), secret);
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const handler = () => createAppProtocolHandler(root, (file) => readFile(file));
  const get = (url: string, init?: RequestInit) => handler()(new Request(url, init));

  function expectSecurityHeaders(response: Response) {
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  }

  it('serves index.html for / with the CSP and nosniff', async () => {
    const response = await get('app://antal/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(response);
    expect(await response.text()).toContain('<title>Antal</title>');
  });

  it('serves assets with their content type', async () => {
    const script = await get('app://antal/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    const style = await get('app://antal/assets/style.css');
    expect(style.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 (with the CSP) for a missing asset, and never falls back to index.html for it', async () => {
    const response = await get('app://antal/assets/missing.js');
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  it('serves index.html for a client-side route after a reload', async () => {
    const response = await get('app://antal/requests/42');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Antal</title>');
  });

  it('answers 404 for another host', async () => {
    const response = await get('app://evil/index.html');
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  it.each([
    'app://antal/..%2fsecret.txt',
    'app://antal/%2e%2e%2fsecret.txt',
    'app://antal/..%5csecret.txt',
    'app://antal//' + 'secret.txt',
    'app://antal/assets/..%2F..%2Fsecret.txt',
  ])('never serves a file outside the root: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain(secret);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get('app://antal/index.html', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://antal/index.html', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 500 for a read error that is not "not found", without leaking the error', async () => {
    const failing = createAppProtocolHandler(root, async () => {
      throw Object.assign(new Error('EACCES: permission denied, open /secret/path'), { code: 'EACCES' });
    });
    const response = await failing(new Request('app://antal/index.html'));
    expect(response.status).toBe(500);
    expectSecurityHeaders(response);
    expect(await response.text()).not.toContain('/secret/path');
  });
});
