/**
 * Delimited text → records, each with the 1-based physical line where it starts (what an editor shows),
 * parsed by PapaParse in chunks so that a large file reports progress and can be cancelled between chunks.
 *
 * Why our own chunk loop instead of Papa's `chunk`/`pause`: after `pause()`/`resume()` on a string Papa
 * restarts its cursor at 0, so row offsets (and thus line numbers) are lost. We cut the text at line
 * breaks ourselves and let Papa parse each piece synchronously ({@link RecordReader}); a record whose
 * quoted field runs past the cut is recognised by Papa's MissingQuotes error and re-parsed with the next
 * piece. The import streams pieces of the file's bytes through the same reader, so the whole text and
 * the table of all rows never exist at once.
 * Never `dynamicTyping` (we parse numbers ourselves) and never `worker: true` (it needs blob: in the CSP).
 */
import { phrase } from './phrases';
import Papa from 'papaparse';
import type { Dialect } from './sniff-dialect';
import { ImportCancelledError, problem, type ImportProblem } from './problems';

export interface RawRecord {
  /** 1-based physical line on which the record starts. */
  line: number;
  cells: string[];
}

export interface ProgressOptions {
  /** Called after each chunk with the share of the input done (0..1). */
  onProgress?: (fraction: number) => void;
  /** Checked between chunks; an AbortSignal fits. */
  signal?: { readonly aborted: boolean };
  /** Awaited between chunks so a worker can receive a cancel message (e.g. () => new Promise(r => setTimeout(r))). */
  yieldControl?: () => Promise<void>;
}

export interface ParseRecordsOptions extends ProgressOptions {
  /** Characters per chunk; a chunk always ends at a line break. */
  chunkChars?: number;
  /** Records with more fields are refused (a runaway line must not exhaust memory further down). */
  maxColumns?: number;
}

export interface ParsedRecords {
  records: RawRecord[];
  problems: ImportProblem[];
}

export const DEFAULT_MAX_COLUMNS = 2000;
const DEFAULT_CHUNK_CHARS = 1 << 20;

interface PieceRow {
  cells: string[];
  start: number;
  end: number;
  missingQuote: boolean;
  invalidQuote: boolean;
}

function parsePiece(piece: string, dialect: Dialect): PieceRow[] {
  const rows: PieceRow[] = [];
  let start = 0;
  Papa.parse<string[]>(piece, {
    delimiter: dialect.delimiter,
    quoteChar: dialect.quoteChar,
    escapeChar: dialect.quoteChar,
    newline: '\n',
    skipEmptyLines: false,
    step(result) {
      const end = result.meta.cursor;
      rows.push({
        cells: result.data,
        start,
        end,
        missingQuote: result.errors.some((e) => e.code === 'MissingQuotes'),
        invalidQuote: result.errors.some((e) => e.code === 'InvalidQuotes'),
      });
      start = end;
    },
  });
  // A piece that ends with a line break makes Papa report one more, empty, record after it.
  const last = rows[rows.length - 1];
  if (last && last.start === piece.length && piece.length > 0) rows.pop();
  return rows;
}

const countNewlines = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

const preview = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** Editors count CRLF, LF and a lone CR each as one line break; so do we, by making them all LF. */
export const normaliseLineBreaks = (text: string): string => (text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n'));

/**
 * Records from text fed piece by piece. Each piece must end just after a line break (except the last) and
 * have LF line breaks only. A record whose quoted field runs past the end of a piece is kept back and parsed
 * again together with the following text, which is gathered until it is at least as long as the record so
 * far: a runaway quote costs O(n log n), not O(n²).
 *
 * A piece without any quote character is parsed in Papa's fast mode (it splits lines, then fields): every
 * record is one line, so line numbers need no counting.
 */
/** Receives records without an object per record (the import handles millions). */
export type RecordSink = (line: number, cells: string[]) => void;

/** A sink that collects records into an array. */
export const collectInto = (records: RawRecord[]): RecordSink => (line, cells) => {
  records.push({ line, cells });
};

export class RecordReader {
  readonly problems: ImportProblem[] = [];
  private line = 1;
  private carry = '';
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly config: Papa.ParseConfig<string[]>;

  constructor(private readonly dialect: Dialect, private readonly file: string, private readonly maxColumns = DEFAULT_MAX_COLUMNS) {
    this.config = { delimiter: dialect.delimiter, quoteChar: dialect.quoteChar, escapeChar: dialect.quoteChar, newline: '\n', skipEmptyLines: false };
  }

  /** Feed the next piece; complete records go to `out`. `final` marks the end of the text. */
  push(text: string, final: boolean, out: RecordSink): void {
    if (text !== '') {
      this.pending.push(text);
      this.pendingLength += text.length;
    }
    if (!final && this.carry !== '' && this.pendingLength < this.carry.length) return;
    const piece = this.carry + (this.pending.length === 1 ? this.pending[0]! : this.pending.join(''));
    this.carry = '';
    this.pending = [];
    this.pendingLength = 0;
    if (piece === '') return;
    if (piece.indexOf(this.dialect.quoteChar) < 0) this.pushUnquoted(piece, out);
    else this.pushQuoted(piece, final, out);
  }

  /** No record is waiting for more text (a quoted field that ran past the last piece): the next piece starts a record. */
  get idle(): boolean {
    return this.carry === '' && this.pending.length === 0;
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /** The line of the next record, counted as taken (a reader of the bytes splits a line without quotes itself). */
  takeLine(): number {
    return this.line++;
  }

  /** A record of one line without quotes, split elsewhere: checked for its field count as {@link push} checks it. */
  pushLine(cells: string[], out: RecordSink): void {
    if (cells.length > this.maxColumns) {
      this.tooManyColumns(this.line, cells.join(this.dialect.delimiter), cells.length);
      cells = cells.slice(0, this.maxColumns);
    }
    out(this.line++, cells);
  }

  private pushUnquoted(piece: string, out: RecordSink): void {
    const max = this.maxColumns;
    const delimiter = this.dialect.delimiter;
    const endsWithBreak = piece.charCodeAt(piece.length - 1) === 10;
    let previous = 0;
    // Row by row (step), not Papa's collected `data`: a collected table survives young-generation
    // collections, V8 then allocates every later row straight into the old generation, and the import
    // ends up collecting hundreds of megabytes there. Measured: a third faster, a tenth of the promotion.
    Papa.parse<string[]>(piece, {
      ...this.config,
      step: (result) => {
        const cursor = result.meta.cursor;
        let cells = result.data;
        // A piece that ends with a line break makes Papa report one more, empty, record after it.
        if (endsWithBreak && cursor === previous && cursor === piece.length && cells.length === 1 && cells[0] === '') return;
        previous = cursor;
        if (cells.length > max) {
          this.tooManyColumns(this.line, cells.join(delimiter), cells.length);
          cells = cells.slice(0, max);
        }
        out(this.line++, cells);
      },
    });
  }

  private pushQuoted(piece: string, final: boolean, out: RecordSink): void {
    const rows = parsePiece(piece, this.dialect);
    let accepted = rows.length;
    const lastRow = rows[rows.length - 1];
    if (!final && lastRow && lastRow.missingQuote) {
      // The last record's quoted field continues in the next piece: parse it again from its start.
      accepted--;
      this.carry = piece.slice(lastRow.start);
    }
    const quote = this.dialect.quoteChar;
    for (let r = 0; r < accepted; r++) {
      const row = rows[r]!;
      const raw = piece.slice(row.start, row.end).replace(/\n$/, '');
      if (row.missingQuote || row.invalidQuote) {
        this.problems.push(problem('unbalanced-quote', 'error', { file: this.file, line: this.line, column: null }, preview(raw),
          phrase('quoteExp', { quote }), phrase(row.missingQuote ? 'quoteUnclosedMsg' : 'quoteUndoubledMsg')));
      }
      if (row.cells.length > this.maxColumns) {
        this.tooManyColumns(this.line, raw, row.cells.length);
        out(this.line, row.cells.slice(0, this.maxColumns));
      } else {
        out(this.line, row.cells);
      }
      this.line += countNewlines(piece, row.start, row.end);
    }
  }

  private tooManyColumns(line: number, raw: string, fields: number): void {
    this.problems.push(problem('too-many-columns', 'error', { file: this.file, line, column: null }, `${preview(raw)} (${fields} fields)`,
      phrase('tooManyFieldsExp', { max: this.maxColumns }), phrase('lineFieldsMsg', { fields })));
  }
}

export async function parseRecords(text: string, dialect: Dialect, file: string, options: ParseRecordsOptions = {}): Promise<ParsedRecords> {
  const normal = normaliseLineBreaks(text);
  const total = normal.length;
  const chunkChars = Math.max(16, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  const reader = new RecordReader(dialect, file, options.maxColumns ?? DEFAULT_MAX_COLUMNS);
  const records: RawRecord[] = [];
  const sink = collectInto(records);
  let pos = 0;
  while (pos < total) {
    if (options.signal?.aborted) throw new ImportCancelledError();
    let end = Math.min(total, pos + chunkChars);
    if (end < total) {
      const nl = normal.indexOf('\n', end - 1);
      end = nl < 0 ? total : nl + 1;
    }
    reader.push(normal.slice(pos, end), end === total, sink);
    pos = end;
    options.onProgress?.(pos / total);
    if (options.yieldControl) await options.yieldControl();
  }
  return { records, problems: reader.problems };
}
