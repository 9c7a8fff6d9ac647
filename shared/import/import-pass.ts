/**
 * The import's one pass over every row: the file piece by piece → PapaParse → personnummer scan of every
 * cell → table body (notes, blank lines, footer) → {@link ColumnarInterpreter}. Ordinary rows of a piece
 * without quotes skip all but the last step: they are split on the bytes and go to the columns without a
 * string per cell (byte-rows.ts), which is most of the import's speed. Neither the whole text nor a table of
 * all rows ever exists; what grows is the typed-array columns and the problem list.
 *
 * A generator, so that the same pass runs synchronously (buildDataset) and with progress, cancellation and
 * yielding between pieces (importFile): it yields the share of the file done after each piece.
 */
import { phrase } from './phrases';
import type { ImportPreview } from './analyse-file';
import { findPersonnummerIn } from './analyse-file';
import type { EncodingDecision } from './decode-bytes';
import { bytePieces, decodeRange, lfBreaksOf, textPieces } from './decode-bytes';
import { asciiFirst, cellsOf, startsFilled, UnquotedByteSplitter, type ByteRowSink, type CellDecoder } from './byte-rows';
import type { ImportMapping } from './import-mapping';
import { normaliseLineBreaks, RecordReader, type RecordSink } from './parse-records';
import type { ImportProblem, ProblemCode } from './problems';
import { TableBodyStream, type Note } from './table-structure';
import { ColumnarInterpreter, type ColumnarInterpretation } from './columnar-interpreter';
import { decodeUtf16 } from './utf16';

/** Problems an import lists in full by default: enough to see every kind, without holding millions of objects. */
export const DEFAULT_MAX_PROBLEMS = 1000;

export interface PassOptions {
  /** Problems kept in full (default {@link DEFAULT_MAX_PROBLEMS}); the rest are counted, not listed. */
  maxProblems?: number;
  /** Bytes of text per piece (default {@link DEFAULT_PIECE_BYTES}). */
  pieceBytes?: number;
  /**
   * Read rows without quotes on the bytes (byte-rows.ts; default true). False sends every row through
   * PapaParse: the reference the byte path is tested against, which must give the same datasets and problems.
   */
  readBytes?: boolean;
}

export interface PassResult {
  interpretation: ColumnarInterpretation;
  /** Problems of the file's lines (quotes, field counts, notes inside the table), before those of its cells. */
  fileProblems: ImportProblem[];
  /** Title lines, footer lines, then notes inside the table. */
  notes: Note[];
  /** Where personal identity numbers are (the numbers themselves are not kept). */
  personnummer: ImportProblem[];
}

/**
 * 16 KiB: a piece's text stays far below the size at which V8 puts a string in its large-object space
 * (128 KiB), where every piece of a file would stay until the next full collection (40 MB of a 52 MB file
 * with 256 KiB pieces, measured), and a piece's text and rows are short-lived enough to die young; PapaParse
 * runs at the same speed. Peak memory of a 1M-row import above the process's before it: 136 MB with 256 KiB
 * pieces, 108–126 MB with 16–32 KiB (the typed-array columns alone are 78 MB).
 */
export const DEFAULT_PIECE_BYTES = 16 * 1024;

/** Problems of the file's lines that refuse an import (unless the user excluded their line). */
export const STRUCTURAL_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['unbalanced-quote', 'too-many-columns', 'wrong-field-count', 'empty-file', 'binary-file', 'invalid-encoding', 'xlsx-unreadable', 'xlsx-sheet-not-found', 'personal-identity-number', 'no-table']);
const LINE_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([...STRUCTURAL_CODES, 'note-inside-table']);

/** How the preview read the bytes, again (the encoding was validated then; only the BOM is skipped now). */
function decisionOf(preview: ImportPreview): EncodingDecision {
  const name = preview.encoding?.name;
  if (name === 'utf-16le' || name === 'utf-16be') {
    const bytes = preview.bytes;
    const le = name === 'utf-16le';
    const bom = bytes[0] === (le ? 0xff : 0xfe) && bytes[1] === (le ? 0xfe : 0xff) ? 2 : 0;
    const decoded = decodeUtf16(bytes, le, bom);
    if ('offset' in decoded) throw new Error(`${name} bytes changed since the preview`);
    return { encoding: name, evidence: preview.encoding!.evidence, because: preview.encoding!.because, start: bom, text: decoded.text };
  }
  if (name === 'windows-1252') return { encoding: name, evidence: preview.encoding!.evidence, because: preview.encoding!.because, start: 0 };
  const bom = name === 'utf-8-bom' ? 3 : 0;
  return { encoding: name === 'utf-8-bom' ? 'utf-8-bom' : 'utf-8', evidence: preview.encoding?.evidence ?? '', because: preview.encoding?.because ?? phrase('encUser'), start: bom };
}

/** Occurrences of `byte` from `start`, four bytes at a time (a zero-byte test on each 32-bit word). */
function countByte(bytes: Uint8Array, start: number, byte: number): number {
  let n = 0;
  let i = start;
  while (i < bytes.length && ((bytes.byteOffset + i) & 3) !== 0) if (bytes[i++] === byte) n++;
  const wordCount = (bytes.length - i) >>> 2;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, wordCount);
  const pattern = Math.imul(byte, 0x01010101);
  for (let k = 0; k < wordCount; k++) {
    const x = words[k]! ^ pattern;
    // High bit set in each byte of x that is zero, exactly (no borrow between bytes).
    const zero = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f);
    if (zero !== 0) n += Math.imul((zero >>> 7) & 0x01010101, 0x01010101) >>> 24;
  }
  for (i += wordCount * 4; i < bytes.length; i++) if (bytes[i] === byte) n++;
  return n;
}

/** Lines in the text: an upper bound on its records, so the columns can be sized once (and not trimmed). */
function countLines(decision: EncodingDecision, bytes: Uint8Array, lineEnding: string): number {
  const breakChar = lineEnding === '\r' ? 0x0d : 0x0a;
  let n = 0;
  let endsWithBreak: boolean;
  if (decision.text !== undefined) {
    const text = decision.text;
    const ch = String.fromCharCode(breakChar);
    for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
    endsWithBreak = text.length > 0 && text.charCodeAt(text.length - 1) === breakChar;
  } else {
    n = countByte(bytes, decision.start, breakChar);
    endsWithBreak = bytes.length > 0 && bytes[bytes.length - 1] === breakChar;
  }
  return endsWithBreak ? n : n + 1;
}

/** Every row of the file the preview describes, read with `mapping`. */
export function* readAllRows(preview: ImportPreview, mapping: ImportMapping, options: PassOptions = {}): Generator<number, PassResult> {
  const { table } = preview;
  const file = preview.file.name;
  const maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;

  if (preview.sample.complete || preview.dialect === null) {
    // The preview read the whole file (small files, workbooks): its table is every row.
    const interpreter = new ColumnarInterpreter({ file, headers: table.headers, width: table.width, mapping, expectedRows: table.body.length, maxProblems });
    const body = table.body;
    for (let i = 0; i < body.length; i++) {
      interpreter.add(body[i]!.line, body[i]!.cells);
      if ((i & 0x3fff) === 0x3fff) yield i / body.length;
    }
    const fileProblems = [...preview.errors, ...preview.warnings].filter((p) => LINE_CODES.has(p.code));
    return { interpretation: interpreter.finish(), fileProblems, notes: preview.notes, personnummer: [] };
  }

  const bytes = preview.bytes;
  const decision = decisionOf(preview);
  const headerEnd = table.headerLines[table.headerLines.length - 1] ?? 0;
  const expectedRows = Math.max(16, countLines(decision, bytes, preview.dialect.lineEnding) - headerEnd);
  const interpreter = new ColumnarInterpreter({ file, headers: table.headers, width: table.width, mapping, expectedRows, maxProblems });
  const body = new TableBodyStream(table.width, file, (line, cells) => interpreter.add(line, cells));
  const reader = new RecordReader(preview.dialect, file, preview.sample.maxColumns);
  const personnummer: ImportProblem[] = [];
  const take: RecordSink = (line, cells) => {
    findPersonnummerIn(line, cells, file, personnummer);
    // Titles and header rows were read by the preview; the same parser finds the same records again.
    if (line > headerEnd) body.push(line, cells);
  };
  const pieceBytes = options.pieceBytes ?? DEFAULT_PIECE_BYTES;
  const delimiter = preview.dialect.delimiter;
  const quote = preview.dialect.quoteChar;
  const byteReadable = decision.text === undefined && delimiter.length === 1 && delimiter.charCodeAt(0) < 0x80 && quote.length === 1 && quote.charCodeAt(0) < 0x80;
  if (options.readBytes !== false && byteReadable) {
    const decode: CellDecoder = asciiFirst((b, start, end) => decodeRange(b, decision, start, end));
    const quoteByte = quote.charCodeAt(0);
    const width = table.width;
    const maxColumns = preview.sample.maxColumns;
    const splitter = new UnquotedByteSplitter(delimiter.charCodeAt(0));
    // An ordinary data row (as wide as the table, its first three fields filled, no run of ten digits, no
    // possible footer waiting) goes to the columns on its bytes; any other row takes the general path as strings.
    const row: ByteRowSink = (piece, bounds, fields, tenDigits) => {
      if (!tenDigits && fields === width && width >= 3 && width <= maxColumns && body.idle && reader.nextLine > headerEnd
        && startsFilled(piece, bounds, 0) && startsFilled(piece, bounds, 1) && startsFilled(piece, bounds, 2)) {
        interpreter.addBytes(reader.takeLine(), piece, bounds, decode);
      } else {
        reader.pushLine(cellsOf(piece, bounds, fields, decode), take);
      }
    };
    for (const piece of bytePieces(bytes, decision, pieceBytes)) {
      const text = piece.bytes;
      // A piece with a quote goes to PapaParse whole, as does one continuing a record a quoted field left open.
      if (reader.idle && text.indexOf(quoteByte) < 0) splitter.split(text, row);
      else {
        const lf = lfBreaksOf(text);
        reader.push(decodeRange(lf, decision, 0, lf.length), false, take);
      }
      yield piece.done;
    }
  } else {
    for (const piece of textPieces(bytes, decision, pieceBytes, true)) {
      reader.push(normaliseLineBreaks(piece.text), false, take);
      yield piece.done;
    }
  }
  reader.push('', true, take);
  const rest = body.finish(true);
  const titles = preview.notes.filter((n) => n.kind === 'title');
  return {
    interpretation: interpreter.finish(),
    fileProblems: [...reader.problems, ...rest.problems],
    notes: [...titles, ...rest.notes],
    personnummer,
  };
}
