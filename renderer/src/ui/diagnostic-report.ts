/**
 * The diagnostic report the error boundary offers to save: enough for a developer to find where the app failed,
 * nothing about the unit's work. {@link buildDiagnosticReport} is pure: every input is passed in, the same
 * input gives the same report.
 *
 * What it contains: app version, platform, UI language, theme, the KIND of page (never an id), user agent,
 * time, the error's name, stack frames reduced to file:line:col of the app's own code, and the number of rows
 * per database table.
 *
 * The error message: error messages can carry request titles, sponsor names, diagnosis codes, counts or file
 * names (our own errors and libraries' errors often quote the value that failed). So the message is OMITTED,
 * except when it is one of the JavaScript engine's standard messages (a TypeError "Cannot read properties of
 * undefined (reading 'x')" and a few others): then only the engine's fixed words are kept and the variable part
 * becomes "…" (see {@link scrubErrorMessage}). A scrubber that deletes quotes and digits was rejected: a
 * title written without quotes would pass it.
 */

export interface DiagnosticInput {
  appVersion: string;
  platform: 'electron' | 'web';
  language: string;
  theme: { choice: string; resolved: string };
  /** Route kind only, e.g. "request" — never the request's id. */
  pageKind: string;
  /** "page" when one page failed and the top bar stayed; "app" when the whole window failed. */
  scope: 'page' | 'app';
  userAgent: string;
  time: Date;
  error: unknown;
  /** React's component stack of the failing tree, if known. */
  componentStack?: string | null;
  /** Where the app's own code is served from (location.origin; app://antal on the desktop). */
  appOrigin: string;
  /** Rows per database table; the names are the schema's, the contents are never read. */
  tableRowCounts: Readonly<Record<string, number>>;
}

export interface DiagnosticReport {
  format: 'antal-diagnostic/1';
  app: { version: string; platform: string; language: string; theme: { choice: string; resolved: string } };
  context: { page: string; scope: 'page' | 'app'; userAgent: string; time: string };
  error: { name: string; message: string | null; stack: string[]; componentStack: string[] };
  database: { tableRowCounts: Record<string, number> };
}

const ENGINE_ERRORS = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'URIError']);
const MAX_FRAMES = 30;

/** A name from the error object, limited to an identifier so a crafted "name" cannot carry content. */
export function errorName(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  return /^[A-Za-z_$][\w$]{0,63}$/.test(name) ? name : 'Error';
}

/**
 * The JavaScript engine's standard messages (V8, as in Chromium and Electron), each reduced to its fixed words:
 * the variable part (a property name, an expression) is replaced by "…", since it can be a data key.
 */
const ENGINE_MESSAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Cannot read properties of (undefined|null) \(reading .*\)$/s, 'Cannot read properties of $1 (reading …)'],
  [/^Cannot set properties of (undefined|null) \(setting .*\)$/s, 'Cannot set properties of $1 (setting …)'],
  [/^.+ is not (a function|iterable|a constructor|defined|an object)$/s, '… is not $1'],
  [/^Cannot convert undefined or null to object$/, 'Cannot convert undefined or null to object'],
  [/^Cannot access .+ before initialization$/s, 'Cannot access … before initialization'],
  [/^Maximum call stack size exceeded$/, 'Maximum call stack size exceeded'],
  [/^Invalid (time value|array length|string length)$/, 'Invalid $1'],
  [/^Assignment to constant variable\.$/, 'Assignment to constant variable.'],
];

/**
 * The message of an engine error (TypeError, RangeError, …) when it is one of the engine's standard messages,
 * reduced to its fixed words; null for everything else — our own errors and libraries' errors, whose messages
 * may quote titles, codes, counts or file names, and any engine-typed error with a message we do not know.
 */
export function scrubErrorMessage(error: unknown): string | null {
  if (!(error instanceof Error) || !ENGINE_ERRORS.has(error.name)) return null;
  for (const [pattern, template] of ENGINE_MESSAGES) {
    const match = pattern.exec(error.message);
    // Only the alternations captured above (fixed words such as "undefined" or "a function") are substituted.
    if (match) return template.replace('$1', /^[a-z ]{1,24}$/.test(match[1] ?? '') ? (match[1] ?? '') : '…');
  }
  return null;
}

/**
 * The frames of a stack (V8 "at f (url:1:2)" or Firefox/Safari "f@url:1:2") that point into the app's own
 * files, as path:line:col relative to the app's origin. Library (node_modules), worker blob: and foreign
 * frames are left out; so are function names (the position identifies the code).
 */
export function appFrames(stack: string | null | undefined, appOrigin: string): string[] {
  if (!stack) return [];
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    const match = /(?<![\w:])((?:https?|app):\/\/[^\s()]+?):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (!match) continue;
    const [, url = '', row, column] = match;
    const origin = url.startsWith(appOrigin + '/') ? appOrigin : url.startsWith('app://') ? url.slice(0, url.indexOf('/', 'app://'.length)) : null;
    if (origin === null) continue;
    const path = url.slice(origin.length + 1).replace(/[?#].*$/, '');
    if (path.includes('node_modules') || !/^[\w./-]+$/.test(path)) continue;
    frames.push(`${path}:${row}:${column}`);
    if (frames.length === MAX_FRAMES) break;
  }
  return frames;
}

/** Row counts with the table names kept only when they look like schema names. */
function safeCounts(counts: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of Object.keys(counts).sort()) {
    const count = counts[name];
    if (/^[A-Za-z][\w]{0,63}$/.test(name) && typeof count === 'number' && Number.isFinite(count)) out[name] = count;
  }
  return out;
}

/** Limits a free-form environment value to printable ASCII so it cannot smuggle content. */
function plain(value: string, max = 300): string {
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, max);
}

export function buildDiagnosticReport(input: DiagnosticInput): DiagnosticReport {
  const stack = input.error instanceof Error ? input.error.stack : undefined;
  return {
    format: 'antal-diagnostic/1',
    app: {
      version: plain(input.appVersion, 40),
      platform: input.platform,
      language: plain(input.language, 10),
      theme: { choice: plain(input.theme.choice, 10), resolved: plain(input.theme.resolved, 10) },
    },
    context: {
      page: /^[a-z-]{1,32}$/.test(input.pageKind) ? input.pageKind : 'unknown',
      scope: input.scope,
      userAgent: plain(input.userAgent),
      time: input.time.toISOString(),
    },
    error: {
      name: errorName(input.error),
      message: scrubErrorMessage(input.error),
      stack: appFrames(stack, input.appOrigin),
      componentStack: appFrames(input.componentStack, input.appOrigin),
    },
    database: { tableRowCounts: safeCounts(input.tableRowCounts) },
  };
}

/** The report as the saved file's text: indented JSON, readable before it is sent to anyone. */
export function renderDiagnosticReport(report: DiagnosticReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** File name: antal-diagnostik-YYYY-MM-DD.json (the date only, local time). */
export function diagnosticFileName(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `antal-diagnostik-${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}.json`;
}

/** Rows per table: the only thing the report takes from the database (counts, never contents). */
export async function countRows(tables: ReadonlyArray<{ name: string; count(): Promise<number> }>): Promise<Record<string, number>> {
  const entries = await Promise.all(tables.map(async (table) => [table.name, await table.count()] as const));
  return Object.fromEntries(entries);
}
