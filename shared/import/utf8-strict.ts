/**
 * Strict UTF-8 decoding (RFC 3629): overlong forms, surrogates (U+D800–DFFF), code points above U+10FFFF
 * and truncated sequences are rejected, so that a Windows-1252 file is never mistaken for UTF-8 and
 * decoded into mojibake. Written by hand because TextDecoder is not in the platform-neutral type set.
 */

export interface Utf8Failure {
  /** Byte offset of the first byte that is not valid UTF-8. */
  offset: number;
}

/** The decoded text, or the offset of the first invalid byte (validated by {@link scanUtf8}, the one validating loop). */
export function decodeUtf8Strict(bytes: Uint8Array, start = 0): { text: string } | Utf8Failure {
  const scan = scanUtf8(bytes, start);
  if (scan.invalidAt >= 0) return { offset: scan.invalidAt };
  return { text: decodeUtf8Range(bytes, start, bytes.length) };
}

/**
 * Bytes [start, end) known to be valid UTF-8 as text, decoded by hand (for platforms without a TextDecoder).
 * No validation here: {@link scanUtf8} has done it.
 */
export function decodeValidUtf8(bytes: Uint8Array, start: number, end: number): string {
  const parts: string[] = [];
  // Collect UTF-16 code units in a small buffer and flush with fromCharCode, which is much faster than
  // concatenating one character at a time.
  const units = new Uint16Array(8192);
  let u = 0;
  const flush = (): void => {
    parts.push(String.fromCharCode(...units.subarray(0, u)));
    u = 0;
  };
  let i = start;
  while (i < end) {
    if (u > units.length - 2) flush();
    const b0 = bytes[i]!;
    const need = b0 < 0x80 ? 0 : b0 < 0xe0 ? 1 : b0 < 0xf0 ? 2 : 3;
    let cp = need === 0 ? b0 : b0 & (0x3f >> need);
    for (let k = 1; k <= need; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      units[u++] = 0xd800 + (v >> 10);
      units[u++] = 0xdc00 + (v & 0x3ff);
    } else {
      units[u++] = cp;
    }
    i += need + 1;
  }
  flush();
  return parts.join('');
}

export interface Utf8Scan {
  /** Offset of the first byte that is not valid UTF-8, or -1 when every byte is. */
  invalidAt: number;
  /** Bytes ≥ 0x80 before `invalidAt` (or in the whole input): the multi-byte characters' share. */
  nonAscii: number;
}

/**
 * Strict validation (the only one: {@link decodeUtf8Strict} uses it too), without building the text: deciding a 50 MB file's
 * encoding must not cost a 50 MB string. Runs of ASCII (nearly all of a count file) take the fast path.
 */
export function scanUtf8(bytes: Uint8Array, start = 0): Utf8Scan {
  const n = bytes.length;
  // Four bytes at a time where they are all ASCII: a 32-bit view from the first 4-byte-aligned byte.
  const pad = (4 - (bytes.byteOffset & 3)) & 3;
  const wordCount = n > pad ? (n - pad) >>> 2 : 0;
  const words = wordCount > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + pad, wordCount) : null;
  let nonAscii = 0;
  let i = start;
  while (i < n) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      if (words !== null && i >= pad && ((i - pad) & 3) === 0) {
        let k = (i - pad) >>> 2;
        while (k < wordCount && (words[k]! & 0x80808080) === 0) k++;
        const next = pad + k * 4;
        if (next > i) {
          i = next;
          continue;
        }
      }
      i++;
      continue;
    }
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      // Two bytes (å, ä, ö, é…): a lead byte from 0xC2 cannot be overlong, so one continuation byte decides.
      if (i + 1 >= n || (bytes[i + 1]! & 0xc0) !== 0x80) return { invalidAt: i, nonAscii };
      nonAscii += 2;
      i += 2;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2;
      cp = b0 & 0x0f;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3;
      cp = b0 & 0x07;
      min = 0x10000;
    } else {
      return { invalidAt: i, nonAscii };
    }
    if (i + need >= n) return { invalidAt: i, nonAscii };
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k]!;
      if ((b & 0xc0) !== 0x80) return { invalidAt: i, nonAscii };
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { invalidAt: i, nonAscii };
    nonAscii += need + 1;
    i += need + 1;
  }
  return { invalidAt: -1, nonAscii };
}

interface PlatformTextDecoder {
  decode(input: Uint8Array): string;
}

/** The platform's native UTF-8 decoder (browsers, workers, Node), when there is one. */
const nativeUtf8: PlatformTextDecoder | null = (() => {
  const Decoder = (globalThis as { TextDecoder?: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => PlatformTextDecoder }).TextDecoder;
  // ignoreBOM: a piece that starts with U+FEFF in the middle of a file keeps it, as the hand decoder does.
  return Decoder ? new Decoder('utf-8', { fatal: true, ignoreBOM: true }) : null;
})();

/**
 * Bytes [start, end) that are known to be valid UTF-8 (see {@link scanUtf8}) and cut between characters,
 * as text. The native decoder is ten times faster than decoding by hand; both give the same text.
 */
export function decodeUtf8Range(bytes: Uint8Array, start: number, end: number): string {
  return nativeUtf8 ? nativeUtf8.decode(bytes.subarray(start, end)) : decodeValidUtf8(bytes, start, end);
}
