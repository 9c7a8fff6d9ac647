/**
 * Bytes → text, deciding the encoding from evidence the user can check: a byte order mark, else strict
 * UTF-8, else Windows-1252 (a superset of the ISO-8859-1 that SCB's PxWeb and Excel's "CSV (semicolon)"
 * write). Binary files (XLSX/ZIP, PDF, anything with NUL bytes) are refused rather than decoded into
 * garbage; the caller sends XLSX to the XLSX reader before it gets here.
 */
import { decodeUtf8Range, scanUtf8 } from './utf8-strict';
import { decodeWindows1252 } from './windows-1252';
import { decodeUtf16 } from './utf16';
import { english, phrase, type Phrase } from './phrases';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type EncodingOverride = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Why this encoding was chosen, in English words (CLI); `because` is the same as a phrase. */
  evidence: string;
  because: Phrase;
}

export type BinaryKind = 'zip' | 'pdf' | 'nul-bytes';

export class DecodeRefusedError extends Error {
  constructor(
    readonly problemCode: 'binary-file' | 'invalid-encoding',
    /** 1-based line of the offending byte, when it is in a text-like file. */
    readonly line: number | null,
    readonly what: Phrase,
    readonly expects: Phrase,
  ) {
    super(english(what));
    this.name = 'DecodeRefusedError';
  }
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // "%PDF"
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** Recognises files that are not text at all. UTF-16 with BOM is text although it has NUL bytes. */
export function detectBinaryKind(bytes: Uint8Array): BinaryKind | null {
  if (startsWith(bytes, ZIP_MAGIC)) return 'zip';
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) return null;
  // NUL never occurs in a CSV written by a person or a statistics database; checking the first 64 KiB
  // is enough to catch images, executables and UTF-16 without BOM, without scanning huge files twice.
  const limit = Math.min(bytes.length, 65536);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) return 'nul-bytes';
  return null;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

const hex = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

function refuseBinary(kind: BinaryKind): never {
  const what = { zip: 'binaryZipMsg', pdf: 'binaryPdfMsg', 'nul-bytes': 'binaryNulMsg' } as const;
  throw new DecodeRefusedError('binary-file', null, phrase(what[kind]), phrase('binaryExp'));
}

/**
 * How a file's bytes are to be read, decided without building its text (except for UTF-16, which is
 * validated by decoding): the import streams the text piece by piece, so a 50 MB file never exists as one
 * 50 MB string.
 */
export interface EncodingDecision {
  encoding: TextEncodingName;
  evidence: string;
  because: Phrase;
  /** Bytes of byte order mark to skip. */
  start: number;
  /** UTF-16 only: the whole text, decoded while validating. */
  text?: string;
}

function decided(encoding: TextEncodingName, reason: Phrase, start: number, text?: string): EncodingDecision {
  const out: EncodingDecision = { encoding, evidence: english(reason), because: reason, start };
  if (text !== undefined) out.text = text;
  return out;
}

function forced(bytes: Uint8Array, encoding: EncodingOverride): EncodingDecision {
  if (encoding === 'windows-1252') {
    return decided(encoding, phrase('encUser'), 0);
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const le = encoding === 'utf-16le';
    const bom = startsWith(bytes, le ? UTF16LE_BOM : UTF16BE_BOM) ? 2 : 0;
    const decoded = decodeUtf16(bytes, le, bom);
    if ('offset' in decoded) {
      const name = encoding.toUpperCase();
      throw new DecodeRefusedError('invalid-encoding', null, phrase('utf16InvalidMsg', { offset: decoded.offset, name }), phrase('utf16InvalidExp', { name }));
    }
    return decided(encoding, phrase('encUser'), bom, decoded.text);
  }
  const bom = startsWith(bytes, UTF8_BOM) ? 3 : 0;
  const scan = scanUtf8(bytes, bom);
  if (scan.invalidAt >= 0) {
    const offset = scan.invalidAt;
    const line = lineOfOffset(bytes, offset);
    throw new DecodeRefusedError('invalid-encoding', line, phrase('utf8ForcedMsg', { byte: hex(bytes[offset]!), offset, line }), phrase('utf8ForcedExp'));
  }
  return decided(bom ? 'utf-8-bom' : 'utf-8', phrase('encUser'), bom);
}

/**
 * Decide a text file's encoding. Throws {@link DecodeRefusedError} for binary input or for bytes that are
 * invalid in an encoding the user forced or a BOM announced.
 */
export function decideEncoding(bytes: Uint8Array, override?: EncodingOverride): EncodingDecision {
  const binary = detectBinaryKind(bytes);
  if (binary) refuseBinary(binary);
  if (override) return forced(bytes, override);

  if (startsWith(bytes, UTF8_BOM)) {
    const scan = scanUtf8(bytes, 3);
    if (scan.invalidAt >= 0) {
      const offset = scan.invalidAt;
      const line = lineOfOffset(bytes, offset);
      throw new DecodeRefusedError('invalid-encoding', line, phrase('utf8BomInvalidMsg', { byte: hex(bytes[offset]!), offset, line }), phrase('utf8BomInvalidExp'));
    }
    return decided('utf-8-bom', phrase('encUtf8Bom'), 3);
  }
  for (const [bom, le, name] of [[UTF16LE_BOM, true, 'utf-16le'], [UTF16BE_BOM, false, 'utf-16be']] as const) {
    if (!startsWith(bytes, bom)) continue;
    const decoded = decodeUtf16(bytes, le, 2);
    if ('offset' in decoded) {
      const upper = name.toUpperCase();
      throw new DecodeRefusedError('invalid-encoding', null, phrase('utf16BomInvalidMsg', { name: upper, offset: decoded.offset }), phrase('utf16BomInvalidExp', { name: upper }));
    }
    return decided(name, phrase('encUtf16Bom', { name: name.toUpperCase(), bytes: bom.map(hex).join(' ') }), 2, decoded.text);
  }

  const scan = scanUtf8(bytes);
  if (scan.invalidAt < 0) {
    const reason = scan.nonAscii === 0
      ? phrase('encAscii', { bytes: bytes.length })
      : phrase('encUtf8', { bytes: bytes.length, multi: scan.nonAscii });
    return decided('utf-8', reason, 0);
  }
  const line = lineOfOffset(bytes, scan.invalidAt);
  const byte = bytes[scan.invalidAt]!;
  return decided('windows-1252', phrase('encWindows1252', { byte: hex(byte), offset: scan.invalidAt, line, char: decodeWindows1252(Uint8Array.of(byte)) }), 0);
}

/** Bytes [start, end) as text; `end` must fall between characters (after a line break always does). */
export function decodeRange(bytes: Uint8Array, decision: EncodingDecision, start: number, end: number): string {
  if (decision.encoding === 'windows-1252') return decodeWindows1252(bytes.subarray(start, end));
  return decodeUtf8Range(bytes, start, end);
}

/**
 * Decode a text file. Throws {@link DecodeRefusedError} for binary input or for bytes that are invalid in
 * an encoding the user forced or a BOM announced.
 */
export function decodeBytes(bytes: Uint8Array, override?: EncodingOverride): DecodedText {
  const decision = decideEncoding(bytes, override);
  return { text: decision.text ?? decodeRange(bytes, decision, decision.start, bytes.length), encoding: decision.encoding, evidence: decision.evidence, because: decision.because };
}

/** One piece of a file's text, ending just after a line break (unless it is the last). */
export interface TextPiece {
  text: string;
  /** How much of the input is behind this piece, 0..1. */
  done: number;
}

/**
 * The file's text in pieces of about `pieceBytes` bytes, each cut just after a line break, so that a CRLF
 * pair is never split and a UTF-8 sequence never is either (0x0A and 0x0D occur in no multi-byte sequence).
 * A piece is as long as it must be to reach a line break.
 */
export function* textPieces(bytes: Uint8Array, decision: EncodingDecision, pieceBytes: number, lfBreaks = false): Generator<TextPiece> {
  const size = Math.max(16, pieceBytes);
  if (decision.text !== undefined) {
    const text = decision.text;
    const n = text.length;
    let pos = 0;
    let noLf = n;
    while (pos < n) {
      const end = cutAfterLineBreak(n, pos + size, (from) => {
        if (from >= noLf) return -1;
        const i = text.indexOf('\n', from);
        if (i < 0) noLf = from;
        return i;
      }, (from) => text.indexOf('\r', from));
      yield { text: text.slice(pos, end), done: end / n };
      pos = end;
    }
    return;
  }
  for (const [pos, end] of byteCuts(bytes, decision.start, size)) {
    const lf = lfBreaks ? withLfBreaks(bytes, pos, end) : null;
    yield { text: lf ? decodeRange(lf, decision, 0, lf.length) : decodeRange(bytes, decision, pos, end), done: bytes.length === 0 ? 1 : end / bytes.length };
  }
}

/** Where a file's bytes from `start` are cut into pieces of about `size` bytes, each just after a line break. */
function* byteCuts(bytes: Uint8Array, start: number, size: number): Generator<[number, number]> {
  const n = bytes.length;
  let pos = start;
  // Files with CR-only line endings have no LF: remember that, instead of searching to the end every time.
  let noLf = n;
  while (pos < n) {
    const end = cutAfterLineBreak(n, pos + size, (from) => {
      if (from >= noLf) return -1;
      const i = bytes.indexOf(0x0a, from);
      if (i < 0) noLf = from;
      return i;
    }, (from) => bytes.indexOf(0x0d, from));
    yield [pos, end];
    pos = end;
  }
}

/** One piece of a file's bytes, ending just after a line break (unless it is the last; never between CR and LF). */
export interface BytePiece {
  /** A view of the file's bytes, line breaks as they are (see {@link lfBreaksOf}). */
  bytes: Uint8Array;
  /** How much of the input is behind this piece, 0..1. */
  done: number;
}

/**
 * The bytes of a file in a byte encoding (UTF-8 or Windows-1252; not UTF-16, whose text is decoded whole) in
 * pieces of about `pieceBytes` bytes cut as {@link textPieces} cuts them: for readers that split rows on the
 * bytes and decode only the cells they need as text.
 */
export function* bytePieces(bytes: Uint8Array, decision: EncodingDecision, pieceBytes: number): Generator<BytePiece> {
  if (decision.text !== undefined) throw new Error(`bytePieces: ${decision.encoding} is read as text`);
  for (const [pos, end] of byteCuts(bytes, decision.start, Math.max(16, pieceBytes))) {
    yield { bytes: bytes.subarray(pos, end), done: bytes.length === 0 ? 1 : end / bytes.length };
  }
}

/**
 * Bytes start..end with every CRLF and lone CR made one LF (in a buffer reused from piece to piece), or null
 * when there is no CR. Done on the bytes because replacing in the decoded text makes V8 build the result as a
 * string of parts, which the parser then copies once more, and those copies outlive young-generation
 * collections (a third of a 52 MB file's import peak, measured).
 */
function withLfBreaks(bytes: Uint8Array, start: number, end: number): Uint8Array | null {
  const first = bytes.indexOf(0x0d, start);
  if (first < 0 || first >= end) return null;
  if (lfScratch.length < end - start) lfScratch = new Uint8Array(Math.max(end - start, 64 * 1024));
  const out = lfScratch;
  out.set(bytes.subarray(start, first), 0);
  let n = first - start;
  for (let i = first; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0x0d) {
      out[n++] = 0x0a;
      if (i + 1 < end && bytes[i + 1] === 0x0a) i++;
    } else out[n++] = b;
  }
  return out.subarray(0, n);
}

let lfScratch = new Uint8Array(0);

/** A piece's bytes with every CRLF and lone CR made one LF: valid until the next call (the buffer is reused). */
export function lfBreaksOf(piece: Uint8Array): Uint8Array {
  return withLfBreaks(piece, 0, piece.length) ?? piece;
}

/** Where a piece that should end near `target` ends: after the next LF, else after the next CR, else at the end. */
function cutAfterLineBreak(n: number, target: number, nextLf: (from: number) => number, nextCr: (from: number) => number): number {
  if (target >= n) return n;
  const lf = nextLf(target - 1);
  if (lf >= 0) return lf + 1;
  // No LF after this point: any CR is a line break of its own (CR-only line endings).
  const cr = nextCr(target - 1);
  return cr >= 0 ? cr + 1 : n;
}
