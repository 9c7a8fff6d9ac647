/**
 * The renderer's Content-Security-Policy, in one place: the web build puts it in a <meta> tag, the Electron
 * protocol handler sends it (plus the directives a <meta> tag cannot carry) as a response header.
 * No remote origins, no inline scripts, no eval.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  // No frames at all: the letter preview draws the PDF's pages itself (pdf.js, worker from 'self'), so nothing needs
  // the browser's PDF viewer, whose pages come from an internal origin the desktop app would have to trust.
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** Directives browsers ignore in a <meta> policy; only a header can set them. */
export const CSP_HEADER_ONLY_DIRECTIVES: readonly string[] = ["frame-ancestors 'none'"];

export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');
export const HEADER_CONTENT_SECURITY_POLICY = [...CSP_DIRECTIVES, ...CSP_HEADER_ONLY_DIRECTIVES].join('; ');
