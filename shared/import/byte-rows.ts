/**
 * The import's fast path over a file's bytes: rows of a piece that has no quote character are split on the
 * delimiter byte, and a row's fields are passed on as byte ranges, not as an array of strings. Dimension
 * labels are looked up by their bytes ({@link ByteLabelMap}) and plain numbers read from the bytes
 * ({@link plainNumberBytes}), so an ordinary data row makes no string at all; text is decoded only for a
 * label met for the first time, a cell that is not a plain number, and rows the fast path leaves to the
 * general one (which gets them as the same strings PapaParse would have made).
 *
 * Only for byte encodings (UTF-8, Windows-1252): in both, the delimiter, the quote, the line break, digits and
 * decimal separators are single ASCII bytes that occur in no multi-byte character, so splitting and reading
 * numbers on the bytes gives what splitting and reading the decoded text gives.
 */

/**
 * Receives one record of a piece: field k is `bytes[bounds[k], bounds[k + 1] - 1)` for k < `fields`.
 * `tenDigits`: some field holds ten or more ASCII digits (it may be a personal identity number).
 * `bounds` is reused for the next record.
 */
export type ByteRowSink = (bytes: Uint8Array, bounds: Int32Array, fields: number, tenDigits: boolean) => void;

/**
 * Splits a piece (no quote byte, ending just after a line break unless it is the file's last) into records
 * exactly as PapaParse does such text once its line breaks are made LF: each line one record, fields between
 * delimiters, an empty line one empty field, and no record after a final line break. CRLF, LF and a lone CR
 * each end a line, so the piece needs no rewriting first.
 */
export class UnquotedByteSplitter {
  private bounds: Int32Array = new Int32Array(64);

  constructor(private readonly delimiter: number) {}

  split(piece: Uint8Array, sink: ByteRowSink): void {
    const n = piece.length;
    const delimiter = this.delimiter;
    let bounds = this.bounds;
    let lineStart = 0;
    while (lineStart < n) {
      let fields = 0;
      let tenDigits = false;
      bounds[0] = lineStart;
      let i = lineStart;
      for (; i < n; i++) {
        const b = piece[i]!;
        if (b === delimiter) {
          // Room for this field's start and the record's end.
          if (fields + 2 >= bounds.length) bounds = this.grow();
          // Only a field of ten bytes or more can hold ten digits: most are shorter and never looked at again.
          if (i - bounds[fields]! >= 10 && !tenDigits) tenDigits = hasTenDigits(piece, bounds[fields]!, i);
          bounds[++fields] = i + 1;
        } else if (b === 10 || b === 13) {
          break;
        }
      }
      if (i - bounds[fields]! >= 10 && !tenDigits) tenDigits = hasTenDigits(piece, bounds[fields]!, i);
      bounds[fields + 1] = i + 1;
      sink(piece, bounds, fields + 1, tenDigits);
      // CRLF is one line break, as are a lone LF and a lone CR (a piece never ends between CR and LF).
      lineStart = piece[i] === 13 && piece[i + 1] === 10 ? i + 2 : i + 1;
    }
  }

  private grow(): Int32Array {
    const wider = new Int32Array(this.bounds.length * 2);
    wider.set(this.bounds);
    this.bounds = wider;
    return wider;
  }
}

/** Ten or more ASCII digits in bytes [start, end), not necessarily together (what a personal identity number needs). */
function hasTenDigits(bytes: Uint8Array, start: number, end: number): boolean {
  let digits = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b >= 48 && b <= 57) {
      if (++digits === 10) return true;
    } else if (end - i - 1 + digits < 10) {
      return false;
    }
  }
  return false;
}

/** Decodes bytes [start, end) of a piece as text (the file's encoding). */
export type CellDecoder = (bytes: Uint8Array, start: number, end: number) => string;

/** A record's fields as strings: what the general path gets for a row the fast path does not take. */
export function cellsOf(bytes: Uint8Array, bounds: Int32Array, fields: number, decode: CellDecoder): string[] {
  const cells = new Array<string>(fields);
  for (let k = 0; k < fields; k++) cells[k] = decode(bytes, bounds[k]!, bounds[k + 1]! - 1);
  return cells;
}

/**
 * A decoder that makes ASCII text without the platform's decoder (most cells are short and ASCII, and a call
 * into TextDecoder costs more than the few characters), else uses `general`.
 */
export function asciiFirst(general: CellDecoder): CellDecoder {
  return (bytes, start, end) => {
    if (end - start > 32) return general(bytes, start, end);
    for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return general(bytes, start, end);
    return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  };
}

/** True when field k is not empty and starts with a printable ASCII character (so it is not blank). */
export function startsFilled(bytes: Uint8Array, bounds: Int32Array, k: number): boolean {
  const start = bounds[k]!;
  if (bounds[k + 1]! - 1 <= start) return false;
  const b = bytes[start]!;
  return b > 32 && b < 127;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * plainNumber (plain-number.ts) on bytes [start, end): the same value for the same cell, or -1. A cell with a
 * non-ASCII byte is -1 in both (such a byte is neither a digit nor a decimal separator, and the text's length
 * test only ever refuses).
 */
export function plainNumberBytes(bytes: Uint8Array, start: number, end: number, decimal: number): number {
  const n = end - start;
  if (n === 0 || n > 16) return -1;
  let value = 0;
  let i = start;
  for (; i < end; i++) {
    const digit = bytes[i]! - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  if (i === start) return -1;
  if (i === end) return n > 15 ? -1 : value;
  if (bytes[i] !== decimal || i === end - 1) return -1;
  const fractionStart = ++i;
  for (; i < end; i++) {
    const digit = bytes[i]! - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  if (n - 1 > 15) return -1;
  return value / POW10[end - fractionStart]!;
}

/** Digits after the decimal separator of a cell {@link plainNumberBytes} accepted. */
export function plainDecimalsBytes(bytes: Uint8Array, start: number, end: number, decimal: number): number {
  for (let i = start; i < end; i++) if (bytes[i] === decimal) return end - i - 1;
  return 0;
}

/**
 * Values by the bytes of their key (an open-addressing hash table over a pool of key bytes), so that a label
 * seen before is found without decoding it. Stops taking keys at `maxKeys` (a column of mostly distinct
 * texts would gain nothing); {@link get} then misses for new keys and the caller decodes.
 */
export class ByteLabelMap<V> {
  private pool = new Uint8Array(1024);
  private poolUsed = 0;
  private offsets: number[] = [];
  private lengths: number[] = [];
  private readonly values: V[] = [];
  private slots = new Int32Array(64).fill(-1);
  private lastHit = -1;

  constructor(private readonly maxKeys = 1 << 16) {}

  get size(): number {
    return this.values.length;
  }

  get(bytes: Uint8Array, start: number, end: number): V | undefined {
    // Labels repeat down a column: the key found last time first.
    const last = this.lastHit;
    if (last >= 0 && this.equals(last, bytes, start, end)) return this.values[last];
    const mask = this.slots.length - 1;
    for (let s = hashBytes(bytes, start, end) & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]!;
      if (id < 0) return undefined;
      if (this.equals(id, bytes, start, end)) {
        this.lastHit = id;
        return this.values[id];
      }
    }
  }

  /** Remember `value` for a key {@link get} missed. */
  set(bytes: Uint8Array, start: number, end: number, value: V): void {
    if (this.values.length >= this.maxKeys) return;
    const length = end - start;
    if (this.poolUsed + length > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + length));
      bigger.set(this.pool.subarray(0, this.poolUsed));
      this.pool = bigger;
    }
    this.pool.set(bytes.subarray(start, end), this.poolUsed);
    const id = this.values.length;
    this.offsets.push(this.poolUsed);
    this.lengths.push(length);
    this.values.push(value);
    this.poolUsed += length;
    if ((id + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id);
    this.lastHit = id;
  }

  private equals(id: number, bytes: Uint8Array, start: number, end: number): boolean {
    const length = this.lengths[id]!;
    if (length !== end - start) return false;
    const pool = this.pool;
    const offset = this.offsets[id]! - start;
    for (let i = start; i < end; i++) if (pool[offset + i] !== bytes[i]) return false;
    return true;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    const offset = this.offsets[id]!;
    let s = hashBytes(this.pool, offset, offset + this.lengths[id]!) & mask;
    while (this.slots[s]! >= 0) s = (s + 1) & mask;
    this.slots[s] = id;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    for (let id = 0; id < this.values.length; id++) this.place(id);
  }
}

/** FNV-1a over the bytes. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}
