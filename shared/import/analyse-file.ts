/**
 * File bytes → an import preview: how the file was read (encoding, dialect or sheet), where the table is,
 * what each column means and why, which cells are published totals or masked, and every problem with its
 * line and column. Nothing is imported yet; {@link buildDataset} turns the preview and a (possibly
 * corrected) mapping into datasets. A file with a personal identity number anywhere is refused whole.
 */
import { decodeBytes, detectBinaryKind, DecodeRefusedError, type EncodingOverride, type TextEncodingName } from './decode-bytes';
import { sniffDialect, type Dialect, type DialectOverride } from './sniff-dialect';
import { parseRecords, DEFAULT_MAX_COLUMNS, type ProgressOptions, type RawRecord } from './parse-records';
import { readXlsxSheet, XlsxReadError } from './read-xlsx';
import { detectPersonnummer } from './personnummer';
import { findTableStructure, type Note, type TableStructure } from './table-structure';
import { proposeMapping, type ColumnReport, type LayoutReport } from './detect-columns';
import { interpretRows, type Interpretation, type TotalsReport } from './interpret-rows';
import type { ImportMapping } from './import-mapping';
import { sourceSignature } from './source-signature';
import { problem, type ImportProblem } from './problems';
import type { MaskMeaning } from './value-tokens';

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
}

export interface ImportPreview {
  file: { name: string; size: number };
  format: 'csv' | 'xlsx';
  encoding: { name: TextEncodingName | 'xlsx'; evidence: string } | null;
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
  /** The proposed mapping, to be confirmed or edited by the user. */
  mapping: ImportMapping;
  sourceSignature: string | null;
  /** The parsed table, kept so the dataset can be built without reading the file again. */
  table: TableStructure;
  /** The raw bytes' SHA-256 is computed at build time; the bytes are kept for it. */
  bytes: Uint8Array;
}

const EMPTY_TABLE: TableStructure = { notes: [], headerLines: [], headerParts: [], headers: [], width: 0, body: [], blankLines: 0, problems: [] };

function emptyMapping(): ImportMapping {
  return { columns: [], ratePopulation: {}, excludeLines: [], maskTokens: {}, zeroTokens: [] };
}

function refused(file: ImportFile, format: ImportPreview['format'], errors: ImportProblem[], extra: Partial<ImportPreview> = {}): ImportPreview {
  return {
    file: { name: file.name, size: file.bytes.length }, format, encoding: null, dialect: null, sheet: null, layout: null,
    columns: [], notes: [], totals: [], maskedCells: 0, zeroTokenCells: 0, warnings: [], errors, firstRows: [],
    mapping: emptyMapping(), sourceSignature: null, table: EMPTY_TABLE, bytes: file.bytes, ...extra,
  };
}

/** Personal identity numbers anywhere (titles and notes too); the places are named, the numbers are not. */
function findPersonnummer(records: readonly RawRecord[], file: string): ImportProblem[] {
  const found: ImportProblem[] = [];
  for (const record of records) {
    let line = record.line;
    record.cells.forEach((cell, c) => {
      for (const match of detectPersonnummer(cell)) {
        const at = line + (cell.slice(0, match.index).match(/\n/g)?.length ?? 0);
        found.push(problem('personal-identity-number', 'error', { file, line: at, column: c + 1 }, `[${match.kind} redacted]`,
          'no personal identity numbers: an aggregated file holds counts only',
          `a ${match.kind} (valid date and check digit) is in the file, so it is not anonymised; nothing was imported`));
      }
      line += cell.match(/\n/g)?.length ?? 0;
    });
  }
  return found;
}

export async function analyseFile(file: ImportFile, options: AnalyseOptions = {}): Promise<ImportPreview> {
  const name = file.name;
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const here = { file: name, line: null, column: null };
  if (file.bytes.length === 0) {
    return refused(file, 'csv', [problem('empty-file', 'error', here, '', 'a file with a header line and at least one row of counts', 'the file is empty (0 bytes)')]);
  }

  let records: RawRecord[];
  let parseProblems: ImportProblem[] = [];
  let format: ImportPreview['format'] = 'csv';
  let encoding: ImportPreview['encoding'];
  let dialect: Dialect | null = null;
  let sheet: ImportPreview['sheet'] = null;

  if (detectBinaryKind(file.bytes) === 'zip' && !options.encoding) {
    format = 'xlsx';
    try {
      const read = readXlsxSheet(file.bytes, options.sheet, maxColumns);
      records = read.records;
      sheet = { name: read.sheet, names: read.sheetNames };
      encoding = { name: 'xlsx', evidence: 'ZIP archive with xl/workbook.xml: an Excel workbook' };
      for (const r of records) {
        if (r.cells.length > maxColumns) parseProblems.push(problem('too-many-columns', 'error', { file: name, line: r.line, column: null }, `row ${r.line}`, `at most ${maxColumns} columns`, 'the row has more columns than any count table'));
      }
    } catch (error) {
      if (!(error instanceof XlsxReadError)) throw error;
      const detail = error.problemCode === 'xlsx-sheet-not-found' ? 'an existing sheet name' : 'a readable .xlsx workbook, or the table saved as CSV';
      return refused(file, 'xlsx', [problem(error.problemCode, 'error', here, options.sheet ?? '', detail, error.message)]);
    }
  } else {
    let decoded;
    try {
      decoded = decodeBytes(file.bytes, options.encoding);
    } catch (error) {
      if (!(error instanceof DecodeRefusedError)) throw error;
      const head = Array.from(file.bytes.subarray(0, 4), (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
      return refused(file, 'csv', [problem(error.problemCode, 'error', { file: name, line: error.line, column: null }, error.problemCode === 'binary-file' ? head : '', error.expected, error.detail)]);
    }
    encoding = { name: decoded.encoding, evidence: decoded.evidence };
    if (decoded.text.trim() === '') {
      return refused(file, 'csv', [problem('empty-file', 'error', here, '', 'a header line and at least one row of counts', 'the file holds only blank lines')], { encoding });
    }
    dialect = sniffDialect(decoded.text, options.dialect);
    const parsed = await parseRecords(decoded.text, dialect, name, { ...options, maxColumns });
    records = parsed.records;
    parseProblems = parsed.problems;
  }

  const personnummer = findPersonnummer(records, name);
  if (personnummer.length > 0) {
    // Refused whole: no rows, notes or samples that could carry the numbers further.
    return refused(file, format, personnummer, { encoding, dialect, sheet });
  }

  const table = findTableStructure(records, name);
  if (table.width === 0) {
    return refused(file, format, [...parseProblems, problem('no-table', 'error', here, records[0]?.cells.join(' ').slice(0, 80) ?? '',
      'a header line with two or more columns followed by rows with the same number of fields', 'no table was found')],
    { encoding, dialect, sheet, notes: table.notes });
  }
  // Rows the user excluded do not vote on column roles or number formats either.
  const excluded = new Set(options.excludeLines ?? []);
  const voting = excluded.size === 0 ? table : { ...table, body: table.body.filter((r) => !excluded.has(r.line)) };
  const proposed = proposeMapping(voting, { file: name, delimiter: dialect?.delimiter ?? '\t' });
  const mapping: ImportMapping = {
    ...proposed.mapping,
    excludeLines: [...(options.excludeLines ?? [])],
    maskTokens: { ...proposed.mapping.maskTokens, ...(options.maskTokens ?? {}) },
    zeroTokens: options.zeroTokens ?? proposed.mapping.zeroTokens,
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
    mapping,
    sourceSignature: sourceSignature(table.headers, dialect?.delimiter ?? 'xlsx'),
    table,
    bytes: file.bytes,
  };
}
