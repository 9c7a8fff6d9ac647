/**
 * Strict UTF-8 decoding (RFC 3629): overlong forms, surrogates (U+D800–DFFF), code points above U+10FFFF
 * and truncated sequences are rejected, so that a Windows-1252 file is never mistaken for UTF-8 and
 * decoded into mojibake. Written by hand because TextDecoder is not in the platform-neutral type set.
 */

export interface Utf8Failure {
  /** Byte offset of the first byte that is not valid UTF-8. */
  offset: number;
}

/** The decoded text, or the offset of the first invalid byte. */
export function decodeUtf8Strict(bytes: Uint8Array, start = 0): { text: string } | Utf8Failure {
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
  const n = bytes.length;
  while (i < n) {
    if (u > units.length - 2) flush();
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      units[u++] = b0;
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      need = 1;
      cp = b0 & 0x1f;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2;
      cp = b0 & 0x0f;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3;
      cp = b0 & 0x07;
      min = 0x10000;
    } else {
      return { offset: i };
    }
    // A sequence cut off by the end of the file is invalid, like any other truncated sequence.
    if (i + need >= n) return { offset: i };
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return { offset: i };
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { offset: i };
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
  return { text: parts.join('') };
}
