import { english, phrase, renderPhrase, type Phrase, type PhraseTable } from './phrases';
import { PHRASES_EN } from './phrases.en';

/**
 * Every problem the importer finds is one of these objects, never a thrown string, a NaN or a silent 0:
 * the user must be able to open the file in an editor, go to `line`, find `column` and see `raw`.
 */

export type ProblemCode =
  // The file as a whole
  | 'empty-file'
  | 'binary-file'
  | 'invalid-encoding'
  | 'xlsx-unreadable'
  | 'xlsx-sheet-not-found'
  | 'personal-identity-number'
  | 'no-table'
  | 'no-measure'
  // Lines and fields
  | 'unbalanced-quote'
  | 'too-many-columns'
  | 'wrong-field-count'
  | 'note-inside-table'
  | 'duplicate-header'
  // Values
  | 'missing-value'
  | 'not-a-number'
  | 'negative-count'
  | 'not-an-integer'
  | 'unknown-token-meaning'
  | 'unknown-region'
  | 'unknown-sex'
  | 'unknown-age'
  | 'unknown-period'
  | 'unknown-code'
  | 'ambiguous-number-format'
  | 'conflicting-duplicate'
  | 'identical-duplicate'
  | 'filled-down'
  | 'measure-kind-assumed'
  | 'population-zero-with-zero-count'
  | 'rows-excluded'
  | 'municipalities-summed'
  | 'municipalities-incomplete'
  | 'municipality-sum-differs'
  | 'municipality-rate'
  | 'mapping-invalid';

export type ProblemSeverity = 'error' | 'warning';

export interface ImportProblem {
  code: ProblemCode;
  severity: ProblemSeverity;
  file: string;
  /** 1-based physical line as an editor shows it (XLSX: the sheet's row number); null for the whole file. */
  line: number | null;
  /** 1-based field number; null when the problem is not about one field. */
  column: number | null;
  /** The header of that column, when known. */
  columnName?: string;
  /** The text as found (redacted where showing it would itself be a disclosure). */
  raw: string;
  /** What the importer expected instead, in words a coordinator understands. */
  expected: string;
  /** One-line explanation in English (CLI, logs); `what` is the same as a translatable phrase. */
  message: string;
  /** `message` as a code with parameters, for the user's language. */
  what: Phrase;
  /** `expected` as a code with parameters, for the user's language. */
  expects: Phrase;
}

export interface ProblemPlace {
  file: string;
  line: number | null;
  column: number | null;
  columnName?: string;
}

export function problem(
  code: ProblemCode,
  severity: ProblemSeverity,
  place: ProblemPlace,
  raw: string,
  expects: Phrase,
  what: Phrase,
): ImportProblem {
  const out: ImportProblem = {
    code, severity, file: place.file, line: place.line, column: place.column, raw,
    expected: english(expects), message: english(what), what, expects,
  };
  if (place.columnName !== undefined) out.columnName = place.columnName;
  return out;
}

/**
 * "file.csv line 12, column 3 (Antal): …" — the form used by the CLI and logs, in the language of `table`
 * (English by default; numbers as plain digits so that an editor's "go to line" takes them).
 */
export function formatProblem(p: ImportProblem, table: PhraseTable = PHRASES_EN): string {
  const say = (key: Parameters<typeof phrase>[0], params: Record<string, string | number | Phrase>): string => renderPhrase(phrase(key, params), table);
  const where = [p.file];
  if (p.line !== null) where.push(say('problemLine', { line: p.line }));
  if (p.column !== null) where.push(`${say('problemColumn', { column: p.column })}${p.columnName ? ` (${p.columnName})` : ''}`);
  const raw = p.raw === '' ? '' : ` ${say('problemFound', { raw: p.raw })};`;
  const severity = say(p.severity === 'error' ? 'severityError' : 'severityWarning', {});
  return `${severity}: ${where.join(', ')}: ${renderPhrase(p.what, table)};${raw} ${say('problemExpected', { expected: p.expects })} [${p.code}]`;
}

/**
 * Thrown by buildDataset and importFile when the file (read with the chosen mapping) has errors: every
 * error found anywhere in the file, with the warnings beside them so that one round of corrections can
 * address both.
 */
export class ImportRefusedError extends Error {
  constructor(
    readonly errors: ImportProblem[],
    readonly warnings: ImportProblem[] = [],
    /** Errors found beyond the limit (importFile's maxProblems), counted but not listed: the file has `errors.length + omitted`. */
    readonly omitted = 0,
  ) {
    super(`Import refused: ${errors.length}${omitted > 0 ? '+' : ''} error(s); first: ${errors[0] ? formatProblem(errors[0]) : 'none'}`);
    this.name = 'ImportRefusedError';
  }
}

/** Thrown when the caller's cancellation signal is raised between chunks. */
export class ImportCancelledError extends Error {
  constructor() {
    super('Import cancelled');
    this.name = 'ImportCancelledError';
  }
}
