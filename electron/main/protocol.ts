/**
 * The `app://antal/` origin: how the packaged renderer is served. Never `file://` — a file origin is shared by
 * every local file, gets extra privileges, and cannot be given response headers such as a CSP.
 *
 * The origin is permanent: IndexedDB (every dataset and assessment) is keyed by it. Do not change the scheme,
 * the host or the `standard` privilege after the first release.
 */
import nodePath from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../../shared/ipc/contract';
import { HEADER_CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

export const APP_SCHEME_PRIVILEGES = {
  // A standard scheme has real origins (app://antal), which IndexedDB, localStorage and relative URLs need.
  standard: true,
  // A secure context: crypto.subtle, navigator.storage.persist() and module workers require it.
  secure: true,
  supportFetchAPI: true,
  // Same-origin only; nothing else is served from this scheme.
  corsEnabled: false,
  stream: true,
  // V8 code cache for our bundles: faster start-up on slow clinic PCs.
  codeCache: true,
  // No service workers: the app is already offline, and a service worker could keep serving an old bundle
  // after an update. (The web build has its own PWA worker; the Electron build is built with pwa: false.)
  allowServiceWorkers: false,
  // Never exempt our own pages from their CSP.
  bypassCSP: false,
} as const satisfies NonNullable<CustomScheme['privileges']>;

/** Must run before the app's `ready` event (Electron's rule for privileged schemes). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/**
 * Sent with every response. No 'unsafe-inline' and no 'unsafe-eval' anywhere: React sets inline styles
 * through the CSSOM, which style-src does not restrict, and workers are module files under 'self'
 * (PapaParse's own blob: worker is deliberately not used). No remote origin appears anywhere.
 */
export const CONTENT_SECURITY_POLICY = HEADER_CONTENT_SECURITY_POLICY;

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()',
  // The files change only with an app update; never let a cached copy outlive the bundle it belongs to.
  'Cache-Control': 'no-cache',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** With nosniff, an unknown type is never executed or rendered as a script or page. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[nodePath.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type PathApi = Pick<typeof nodePath, 'join' | 'relative' | 'isAbsolute' | 'extname' | 'sep'>;

export type ResolvedAppPath =
  | { ok: true; filePath: string; /** Extension-less path: serve index.html if no such file (client-side route). */ isRoute: boolean }
  | { ok: false; status: 400 | 404; reason: string };

// Device names Windows resolves in *any* directory (C:\app\CON is the console), with or without extension.
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
// Control characters and the characters Windows forbids in file names. ':' would also select a drive
// (C:) or an NTFS alternate data stream (index.html:secret).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_SEGMENT = /[\u0000-\u001f\u007f<>:"|?*\\/]/;

function rejectSegment(segment: string): string | null {
  if (segment === '') return 'empty path segment';
  if (segment === '.' || segment === '..') return 'dot segment';
  if (FORBIDDEN_IN_SEGMENT.test(segment)) return 'forbidden character in path segment';
  if (/[. ]$/.test(segment)) return 'trailing dot or space (Windows ignores them)';
  if (WINDOWS_RESERVED_NAME.test(segment)) return 'reserved device name';
  return null;
}

/**
 * Map an `app://antal/…` URL to a file under `rootDir`, or say why not. Pure, so it is tested against both
 * path flavours (`path.posix` and `path.win32`).
 *
 * Defence in depth: the URL parser already folds `..` and `%2e%2e`, but we also refuse every decoded
 * segment that could mean something to a file system (`..`, separators, NUL, drive letters, streams,
 * device names), and finally check that the joined path is still inside `rootDir`.
 */
export function resolveAppPath(rawUrl: string, rootDir: string, pathApi: PathApi = nodePath): ResolvedAppPath {
  if (rawUrl.includes('\\') || rawUrl.includes('\0')) return { ok: false, status: 400, reason: 'backslash or NUL in URL' };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'unparsable URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { ok: false, status: 400, reason: 'wrong scheme' };
  if (url.host.toLowerCase() !== APP_HOST || url.username !== '' || url.password !== '') {
    return { ok: false, status: 404, reason: 'unknown host' };
  }

  const encoded = url.pathname;
  if (/%(00|2f|5c)/i.test(encoded)) return { ok: false, status: 400, reason: 'encoded NUL or separator' };
  if (encoded === '' || encoded === '/') {
    return { ok: true, filePath: pathApi.join(rootDir, 'index.html'), isRoute: false };
  }
  if (!encoded.startsWith('/')) return { ok: false, status: 400, reason: 'relative path' };

  const segments: string[] = [];
  for (const part of encoded.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    const problem = rejectSegment(segment);
    if (problem) return { ok: false, status: 400, reason: problem };
    segments.push(segment);
  }

  const filePath = pathApi.join(rootDir, ...segments);
  const relative = pathApi.relative(rootDir, filePath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(relative)) {
    return { ok: false, status: 400, reason: 'outside the app directory' };
  }
  const last = segments[segments.length - 1] ?? '';
  return { ok: true, filePath, isRoute: pathApi.extname(last) === '' };
}

export type ReadFile = (filePath: string) => Promise<Uint8Array>;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function respond(status: number, body: Uint8Array | string | null, contentType: string, extra: Record<string, string> = {}): Response {
  const payload = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return new Response(payload === null ? null : new Uint8Array(payload), {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentType, ...extra },
  });
}

function textResponse(status: number, text: string, extra?: Record<string, string>): Response {
  return respond(status, text, 'text/plain; charset=utf-8', extra);
}

/**
 * The `protocol.handle('app', …)` handler: serves files under `rootDir` (the built renderer, inside
 * app.asar when packaged). `readFile` is injected so tests use a real temp directory and Electron uses its
 * asar-aware `fs`.
 */
export function createAppProtocolHandler(rootDir: string, readFile: ReadFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    }
    const resolved = resolveAppPath(request.url, rootDir);
    if (!resolved.ok) return textResponse(resolved.status, resolved.status === 404 ? 'Not Found' : 'Bad Request');

    let filePath = resolved.filePath;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(filePath);
    } catch (error) {
      if (!NOT_FOUND_CODES.has(errorCode(error) ?? '')) return textResponse(500, 'Internal Server Error');
      if (!resolved.isRoute) return textResponse(404, 'Not Found');
      // A client-side route (app://antal/requests/42) after a reload: the single-page app handles it.
      filePath = nodePath.join(rootDir, 'index.html');
      try {
        bytes = await readFile(filePath);
      } catch {
        return textResponse(404, 'Not Found');
      }
    }
    return respond(200, request.method === 'HEAD' ? null : bytes, contentTypeFor(filePath));
  };
}
