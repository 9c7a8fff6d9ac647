/**
 * UTF-16 decoding for files that start with a byte order mark (Excel's "Unicode text" export is UTF-16LE
 * with BOM and tabs). Without a BOM we do not guess UTF-16: the NUL bytes make such a file look binary,
 * and the user is told so.
 */

export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, start: number): { text: string } | { offset: number } {
  if ((bytes.length - start) % 2 !== 0) return { offset: bytes.length - 1 };
  const parts: string[] = [];
  const chunk = 8192;
  const units = new Uint16Array(chunk);
  let u = 0;
  for (let i = start; i < bytes.length; i += 2) {
    const a = bytes[i]!;
    const b = bytes[i + 1]!;
    units[u++] = littleEndian ? a | (b << 8) : (a << 8) | b;
    if (u === chunk) {
      parts.push(String.fromCharCode(...units));
      u = 0;
    }
  }
  parts.push(String.fromCharCode(...units.subarray(0, u)));
  const text = parts.join('');
  // A lone surrogate means the file was not UTF-16 after all (or is truncated).
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(text);
  if (lone) return { offset: start + lone.index * 2 };
  return { text };
}
