/**
 * Windows-1252 decoding. ISO-8859-1 files (SCB PxWeb) decode identically except in 0x80–0x9F, where
 * ISO-8859-1 has invisible C1 controls that no real export contains; Windows-1252 (Excel's "CSV
 * (semicolon)") puts €, ‚, „, …, ‹, Œ, ', ', ", ", –, — and friends there. We decode by table rather than
 * TextDecoder('windows-1252'), which Node 20 mis-decodes in 0x80–0x9F unless called with {stream: true}.
 */

/** Code points for bytes 0x80–0x9F (WHATWG encoding standard). The five undefined bytes map to the C1 control of the same value, as browsers do. */
const HIGH_CONTROLS = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
] as const;

export function windows1252CodePoint(byte: number): number {
  return byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROLS[byte - 0x80]! : byte;
}

export function decodeWindows1252(bytes: Uint8Array, start = 0): string {
  const parts: string[] = [];
  const chunk = 8192;
  const units = new Uint16Array(chunk);
  for (let offset = start; offset < bytes.length; offset += chunk) {
    const end = Math.min(bytes.length, offset + chunk);
    for (let i = offset; i < end; i++) units[i - offset] = windows1252CodePoint(bytes[i]!);
    parts.push(String.fromCharCode(...units.subarray(0, end - offset)));
  }
  return parts.join('');
}
