/**
 * File bytes → an import preview: how the file was read (encoding, dialect or sheet), where the table is,
 * what each column means and why, which cells are published totals or masked, and every problem with its
 * line and column. Nothing is imported yet; {@link buildDataset} turns the preview and a (possibly
 * corrected) mapping into datasets. A file with a personal identity number anywhere is refused whole.
 *
 * A large file's preview reads only its first rows (see {@link AnalyseOptions.previewRows}): enough to
 * detect the dialect, the table and the columns and to show what the rows become, in milliseconds, without
 * holding the file as text or as a table. The import then reads every row once (see importFile /
 * buildDataset) and refuses the file if any row has an error, so nothing depends on the sample being
 * representative except the proposal itself.
 */
import { decideEncoding, detectBinaryKind, DecodeRefusedError, textPieces, type EncodingOverride, type TextEncodingName } from './decode-bytes';
import { sniffDialect, type Dialect, type DialectOverride } from './sniff-dialect';
import { collectInto, DEFAULT_MAX_COLUMNS, normaliseLineBreaks, RecordReader, type ProgressOptions, type RawRecord } from './parse-records';
import { readXlsxSheet, XlsxReadError } from './read-xlsx';
import { detectPersonnummer } from './personnummer';
import { findTableStructure, type Note, type TableStructure } from './table-structure';
import { proposeMapping, type ColumnReport, type LayoutReport } from './detect-columns';
import { interpretRows, type Interpretation, type TotalsReport } from './interpret-rows';
import type { ImportMapping } from './import-mapping';
import { sourceSignature } from './source-signature';
import { ImportCancelledError, problem, type ImportProblem } from './problems';
import { DEFAULT_MASK_TOKENS, DEFAULT_ZERO_TOKENS, type MaskMeaning } from './value-tokens';
import { tokensFromNotes, type TokenNote } from './token-notes';
import { english, phrase, type Phrase } from './phrases';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface AnalyseOptions extends ProgressOptions {
  encoding?: EncodingOverride;
  dialect?: DialectOverride;
  /** Worksheet of an .xlsx workbook (default: the first). */
  sheet?: string;
  /** Token meanings for this source, added to (or replacing) the defaults ("X" = 1–3, "<5" = 1–4). */
  maskTokens?: Record<string, MaskMeaning>;
  zeroTokens?: string[];
  /** Lines the user excludes on purpose. */
  excludeLines?: number[];
  maxColumns?: number;
  /**
   * How many records (lines) the preview reads: a number, or 'all'. Default: all of a file up to
   * {@link FULL_PREVIEW_MAX_BYTES}, else the first {@link DEFAULT_PREVIEW_ROWS}. The import itself always
   * reads every row.
   */
  previewRows?: number | 'all';
}

/** Files up to this size (about 20 000 rows) are previewed whole: under a second, and every count is exact. */
export const FULL_PREVIEW_MAX_BYTES = 1024 * 1024;
/** Records a larger file's preview reads. */
export const DEFAULT_PREVIEW_ROWS = 2000;

export interface PreviewSample {
  /** True when the preview read every line of the file; then its counts and problems are the file's. */
  complete: boolean;
  /** Records (lines, or sheet rows) the preview read. */
  records: number;
  /** Bytes of the file behind those records (all of them when complete). */
  bytes: number;
  /** Data rows in the whole file: exact when complete, else extrapolated from the bytes read. */
  estimatedRows: number;
  /** The field limit the file was read with (the import reads the rest with the same). */
  maxColumns: number;
}

export interface ImportPreview {
  file: { name: string; size: number };
  format: 'csv' | 'xlsx';
  /** The encoding and why: `because` is the reason as a phrase, `evidence` its English text. */
  encoding: EncodingChoice | null;
  dialect: Dialect | null;
  sheet: { name: string; names: string[] } | null;
  layout: LayoutReport | null;
  columns: ColumnReport[];
  notes: Note[];
  totals: TotalsReport[];
  maskedCells: number;
  zeroTokenCells: number;
  warnings: ImportProblem[];
  errors: ImportProblem[];
  /** The first body rows as interpreted (normalised dimension values, raw measure texts). */
  firstRows: Interpretation['rows'];
  /** Tokens the file's notes explain, and how they are read. */
  tokenNotes: TokenNote[];
  /** The proposed mapping, to be confirmed or edited by the user. */
  mapping: ImportMapping;
  sourceSignature: string | null;
  /** How much of the file the preview read; `table`, `totals`, `errors`… describe that part. */
  sample: PreviewSample;
  /** The parsed table (all of it, or the sample's rows), kept so a small file is not read again. */
  table: TableStructure;
  /** The raw bytes' SHA-256 is computed at build time; the bytes are kept for it. */
  bytes: Uint8Array;
}

export interface EncodingChoice {
  name: TextEncodingName | 'xlsx';
  evidence: string;
  because: Phrase;
}

const because = (name: EncodingChoice['name'], reason: Phrase): EncodingChoice => ({ name, evidence: english(reason), because: reason });

const EMPTY_TABLE: TableStructure = { notes: [], headerLines: [], headerParts: [], headers: [], width: 0, body: [], blankLines: 0, problems: [] };

function emptyMapping(): ImportMapping {
  return { columns: [], ratePopulation: {}, excludeLines: [], maskTokens: {}, zeroTokens: [] };
}

function refused(file: ImportFile, format: ImportPreview['format'], errors: ImportProblem[], extra: Partial<ImportPreview> = {}): ImportPreview {
  return {
    file: { name: file.name, size: file.bytes.length }, format, encoding: null, dialect: null, sheet: null, layout: null,
    columns: [], notes: [], totals: [], maskedCells: 0, zeroTokenCells: 0, warnings: [], errors, firstRows: [], tokenNotes: [],
    mapping: emptyMapping(), sourceSignature: null, table: EMPTY_TABLE, bytes: file.bytes,
    sample: { complete: true, records: 0, bytes: file.bytes.length, estimatedRows: 0, maxColumns: DEFAULT_MAX_COLUMNS }, ...extra,
  };
}

/**
 * Personal identity numbers in one record (titles and notes too); the places are named, the numbers are
 * not. Every cell is looked at; only a cell with ten digits can hold one, which a loop over its characters
 * tells before any regular expression runs.
 */
export function findPersonnummerIn(firstLine: number, cells: readonly string[], file: string, found: ImportProblem[]): void {
  let line = firstLine;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c]!;
    if (cell.length < 10) continue;
    if (!hasTenDigits(cell)) {
      if (cell.indexOf('\n') >= 0) line += cell.match(/\n/g)!.length;
      continue;
    }
    for (const match of detectPersonnummer(cell)) {
      const at = line + (cell.slice(0, match.index).match(/\n/g)?.length ?? 0);
      found.push(problem('personal-identity-number', 'error', { file, line: at, column: c + 1 }, `[${match.kind} redacted]`,
        phrase('personnummerExp'), phrase(match.kind === 'samordningsnummer' ? 'samordningsnummerMsg' : 'personnummerMsg')));
    }
    line += cell.match(/\n/g)?.length ?? 0;
  }
}

function hasTenDigits(text: string): boolean {
  const n = text.length;
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (++digits === 10) return true;
    } else if (n - i - 1 + digits < 10) {
      // Too few characters left to reach ten digits ("Västra Götalands län" stops after eleven).
      return false;
    }
  }
  return false;
}

function findPersonnummer(records: readonly RawRecord[], file: string): ImportProblem[] {
  const found: ImportProblem[] = [];
  for (const record of records) findPersonnummerIn(record.line, record.cells, file, found);
  return found;
}

/** Text pieces for the preview: small, so that a sample costs little more than its rows. */
const PREVIEW_PIECE_BYTES = 256 * 1024;
/** What the dialect sniffer looks at (it reads the first 64 Ki characters). */
const SNIFF_CHARS = 64 * 1024;

interface TextSample {
  records: RawRecord[];
  problems: ImportProblem[];
  dialect: Dialect;
  complete: boolean;
  bytes: number;
}

/**
 * The first `limit` records of a text file (or all), read piece by piece. Null when the file holds only
 * blank text.
 */
async function readTextSample(bytes: Uint8Array, decision: ReturnType<typeof decideEncoding>, name: string, options: AnalyseOptions, limit: number, maxColumns: number): Promise<TextSample | null> {
  const pieces = textPieces(bytes, decision, PREVIEW_PIECE_BYTES);
  const head: { text: string; done: number }[] = [];
  let headChars = 0;
  let blank = true;
  for (let next = pieces.next(); !next.done; next = pieces.next()) {
    head.push(next.value);
    headChars += next.value.text.length;
    if (blank && next.value.text.trim() !== '') blank = false;
    if (!blank && headChars >= SNIFF_CHARS) break;
  }
  if (blank) return null;
  const dialect = sniffDialect(head.map((p) => p.text).join('').slice(0, SNIFF_CHARS), options.dialect);
  const reader = new RecordReader(dialect, name, maxColumns);
  const records: RawRecord[] = [];
  const sink = collectInto(records);
  let done = 0;
  let exhausted = false;
  const feed = function* (): Generator<{ text: string; done: number }> {
    yield* head;
    yield* pieces;
  };
  for (const piece of feed()) {
    if (options.signal?.aborted) throw new ImportCancelledError();
    reader.push(normaliseLineBreaks(piece.text), false, sink);
    done = piece.done;
    options.onProgress?.(done);
    if (options.yieldControl) await options.yieldControl();
    if (records.length > limit) break;
  }
  if (records.length <= limit) {
    reader.push('', true, sink);
    exhausted = true;
  }
  const complete = exhausted && records.length <= limit;
  // The pieces read hold more records than the sample keeps: the sample's share of the bytes is in proportion.
  const share = complete || records.length === 0 ? 1 : limit / records.length;
  if (!complete) records.length = limit;
  return { records, problems: reader.problems.filter((p) => p.line === null || p.line <= (records[records.length - 1]?.line ?? 0)), dialect, complete, bytes: Math.round(done * bytes.length * share) };
}

export async function analyseFile(file: ImportFile, options: AnalyseOptions = {}): Promise<ImportPreview> {
  const name = file.name;
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const here = { file: name, line: null, column: null };
  if (file.bytes.length === 0) {
    return refused(file, 'csv', [problem('empty-file', 'error', here, '', phrase('emptyFileExp'), phrase('emptyFileMsg'))]);
  }

  let records: RawRecord[];
  let parseProblems: ImportProblem[] = [];
  let format: ImportPreview['format'] = 'csv';
  let encoding: ImportPreview['encoding'];
  let dialect: Dialect | null = null;
  let sheet: ImportPreview['sheet'] = null;
  let complete = true;
  let sampleBytes = file.bytes.length;

  if (detectBinaryKind(file.bytes) === 'zip' && !options.encoding) {
    format = 'xlsx';
    try {
      const read = readXlsxSheet(file.bytes, options.sheet, maxColumns);
      records = read.records;
      sheet = { name: read.sheet, names: read.sheetNames };
      encoding = because('xlsx', phrase('encXlsx'));
      for (const r of records) {
        if (r.cells.length > maxColumns) parseProblems.push(problem('too-many-columns', 'error', { file: name, line: r.line, column: null }, `row ${r.line}`, phrase('xlsxTooManyColumnsExp', { max: maxColumns }), phrase('xlsxTooManyColumnsMsg')));
      }
    } catch (error) {
      if (!(error instanceof XlsxReadError)) throw error;
      const detail = phrase(error.problemCode === 'xlsx-sheet-not-found' ? 'xlsxSheetExp' : 'xlsxUnreadableExp');
      return refused(file, 'xlsx', [problem(error.problemCode, 'error', here, options.sheet ?? '', detail, error.because)]);
    }
  } else {
    let decision;
    try {
      decision = decideEncoding(file.bytes, options.encoding);
    } catch (error) {
      if (!(error instanceof DecodeRefusedError)) throw error;
      const head = Array.from(file.bytes.subarray(0, 4), (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
      return refused(file, 'csv', [problem(error.problemCode, 'error', { file: name, line: error.line, column: null }, error.problemCode === 'binary-file' ? head : '', error.expects, error.what)]);
    }
    encoding = because(decision.encoding, decision.because);
    const limit = previewLimit(file.bytes.length, options.previewRows);
    const sample = await readTextSample(file.bytes, decision, name, options, limit, maxColumns);
    if (!sample) {
      return refused(file, 'csv', [problem('empty-file', 'error', here, '', phrase('blankFileExp'), phrase('blankFileMsg'))], { encoding });
    }
    dialect = sample.dialect;
    records = sample.records;
    parseProblems = sample.problems;
    complete = sample.complete;
    sampleBytes = sample.bytes;
  }

  const personnummer = findPersonnummer(records, name);
  if (personnummer.length > 0) {
    // Refused whole: no rows, notes or samples that could carry the numbers further.
    return refused(file, format, personnummer, { encoding, dialect, sheet });
  }

  // A line wider than any table the app reads refuses the file: say so first, and only that. Analysing the
  // columns of the first 2 000 fields would describe a table that is not the file's (a file of 100 000
  // columns once printed 500 KB of column notes before its reason).
  const tooWide = parseProblems.find((p) => p.code === 'too-many-columns');
  if (tooWide) return refused(file, format, [tooWide], { encoding, dialect, sheet });

  const table = findTableStructure(records, name, { complete });
  if (table.width === 0) {
    return refused(file, format, [...parseProblems, problem('no-table', 'error', here, records[0]?.cells.join(' ').slice(0, 80) ?? '',
      phrase('noTableExp'), phrase('noTableMsg'))],
    { encoding, dialect, sheet, notes: table.notes });
  }
  // Rows the user excluded do not vote on column roles or number formats either.
  const excluded = new Set(options.excludeLines ?? []);
  const voting = excluded.size === 0 ? table : { ...table, body: table.body.filter((r) => !excluded.has(r.line)) };
  // Footnotes that explain a letter or sign ("X – uppgiften har skyddats av sekretesskäl") decide what its cells are.
  const tokenNotes = tokensFromNotes(table.notes);
  const noted = notedTokens(tokenNotes);
  const proposed = proposeMapping(voting, {
    file: name,
    delimiter: dialect?.delimiter ?? '\t',
    tokens: { masks: { ...DEFAULT_MASK_TOKENS, ...noted.masks }, zeros: [...DEFAULT_ZERO_TOKENS.filter((t) => !(t in noted.masks)), ...noted.zeros], withheld: noted.withheld },
  });
  const mapping: ImportMapping = {
    ...proposed.mapping,
    excludeLines: [...(options.excludeLines ?? [])],
    maskTokens: { ...proposed.mapping.maskTokens, ...noted.masks, ...(options.maskTokens ?? {}) },
    zeroTokens: options.zeroTokens ?? [...new Set([...proposed.mapping.zeroTokens.filter((t) => !(t in noted.masks)), ...noted.zeros])],
    ...(noted.withheld.length > 0 ? { withheldTokens: noted.withheld.filter((t) => !(t in (options.maskTokens ?? {}))) } : {}),
  };
  const interpretation = interpretRows(table, mapping, name);
  const all = [...parseProblems, ...table.problems, ...proposed.problems, ...interpretation.problems];
  return {
    file: { name, size: file.bytes.length },
    format,
    encoding,
    dialect,
    sheet,
    layout: proposed.layout,
    columns: proposed.columns,
    notes: table.notes,
    totals: interpretation.totals,
    maskedCells: interpretation.maskedCells,
    zeroTokenCells: interpretation.zeroTokenCells,
    warnings: all.filter((p) => p.severity === 'warning'),
    errors: all.filter((p) => p.severity === 'error'),
    firstRows: interpretation.rows,
    tokenNotes,
    mapping,
    sourceSignature: sourceSignature(table.headers, dialect?.delimiter ?? 'xlsx'),
    sample: {
      complete,
      records: records.length,
      bytes: sampleBytes,
      estimatedRows: complete || sampleBytes === 0 ? table.body.length : Math.round(table.body.length * file.bytes.length / sampleBytes),
      maxColumns,
    },
    table,
    bytes: file.bytes,
  };
}

/** The tokens notes explain, by what they are. */
function notedTokens(notes: readonly TokenNote[]): { masks: Record<string, MaskMeaning>; zeros: string[]; withheld: string[] } {
  const out = { masks: {} as Record<string, MaskMeaning>, zeros: [] as string[], withheld: [] as string[] };
  for (const n of notes) {
    if (n.meaning.kind === 'masked') out.masks[n.token] = n.meaning.range;
    else if (n.meaning.kind === 'zero') out.zeros.push(n.token);
    else out.withheld.push(n.token);
  }
  return out;
}

function previewLimit(size: number, option: AnalyseOptions['previewRows']): number {
  if (option === 'all') return Number.POSITIVE_INFINITY;
  if (option !== undefined) return Math.max(1, Math.floor(option));
  return size <= FULL_PREVIEW_MAX_BYTES ? Number.POSITIVE_INFINITY : DEFAULT_PREVIEW_ROWS;
}
