import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideEncoding, decodeBytes, DecodeRefusedError, textPieces } from '../../../shared/import/decode-bytes';
import { decodeUtf8Strict, decodeValidUtf8, scanUtf8 } from '../../../shared/import/utf8-strict';
import { decodeWindows1252 } from '../../../shared/import/windows-1252';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe('decodeBytes', () => {
  it('reads UTF-8 without BOM and says why', () => {
    const d = decodeBytes(new TextEncoder().encode('Region;Antal\nSkåne län;5\n'));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe('Region;Antal\nSkåne län;5\n');
    expect(d.evidence).toMatch(/valid UTF-8/);
  });

  it('strips a UTF-8 BOM and reports it', () => {
    const d = decodeBytes(bytes(0xef, 0xbb, 0xbf, ...ascii('a;b')));
    expect(d).toMatchObject({ encoding: 'utf-8-bom', text: 'a;b' });
  });

  it('falls back to Windows-1252 for "Skåne län" written as 0xE5 and names the byte', () => {
    const d = decodeBytes(bytes(...ascii('Region;Antal\r\nSk'), 0xe5, ...ascii('ne l'), 0xe4, ...ascii('n;5\r\n')));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('Region;Antal\r\nSkåne län;5\r\n');
    expect(d.evidence).toContain('0xE5');
    expect(d.evidence).toContain('line 2');
  });

  it('decodes 0x80–0x9F by the Windows-1252 table (€, –, ”), not as C1 controls', () => {
    expect(decodeWindows1252(bytes(0x80, 0x96, 0x94, 0x9f, 0x81))).toBe('\u20ac\u2013\u201d\u0178\u0081');
    expect(decodeBytes(bytes(0x31, 0x96, 0x34)).text).toBe('1–4');
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text")', () => {
    const text = 'Region\tAntal\r\nSkåne\t5';
    const body = [...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
    const d = decodeBytes(bytes(0xff, 0xfe, ...body));
    expect(d).toMatchObject({ encoding: 'utf-16le', text });
  });

  it('reads UTF-16BE with BOM', () => {
    const body = [...'a;ö'].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]);
    expect(decodeBytes(bytes(0xfe, 0xff, ...body))).toMatchObject({ encoding: 'utf-16be', text: 'a;ö' });
  });

  it.each([
    ['a ZIP archive (xlsx renamed .csv)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), /ZIP archive/],
    ['a PDF', bytes(...ascii('%PDF-1.7\n')), /PDF document/],
    ['NUL bytes', bytes(...ascii('a;b'), 0, ...ascii('c')), /NUL bytes/],
  ])('refuses %s', (_, input, message) => {
    expect(() => decodeBytes(input)).toThrow(DecodeRefusedError);
    expect(() => decodeBytes(input)).toThrow(message);
  });

  it('refuses invalid bytes after a UTF-8 BOM instead of guessing', () => {
    expect(() => decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x61, 0xe5, 0x62))).toThrow(/not valid UTF-8/);
  });

  it('honours an override', () => {
    expect(decodeBytes(bytes(0xc3, 0xa5), 'windows-1252').text).toBe('Ã¥');
  });
});

describe('decodeUtf8Strict', () => {
  it.each([
    ['overlong slash', [0xc0, 0xaf]],
    ['surrogate', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['truncated at end', [0x61, 0xe2, 0x82]],
    ['lone continuation', [0x80]],
  ])('rejects %s', (_, b) => {
    expect('offset' in decodeUtf8Strict(Uint8Array.from(b))).toBe(true);
  });

  it('agrees with TextDecoder on valid text, including astral characters', () => {
    const text = 'Båda könen – 0\u00ad19 €😀'.repeat(5000);
    const result = decodeUtf8Strict(new TextEncoder().encode(text));
    expect(result).toEqual({ text });
  });
});

describe('scanning and decoding in pieces', () => {
  const byteArrays = fc.array(fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    { weight: 1, arbitrary: fc.constantFrom(0x0a, 0x0d) },
    { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
  ), { maxLength: 80 });
  const utf8Text = fc.string({ unit: fc.constantFrom('a', 'å', 'ö', '€', '😀', ';', '\n', '\r\n', '\r', '1'), maxLength: 60 });

  it('scanUtf8 accepts exactly what the platform\'s fatal TextDecoder accepts, at any alignment', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(fc.property(byteArrays, fc.integer({ min: 0, max: 3 }), (raw, shift) => {
      // A view that starts 0–3 bytes into its buffer exercises the word-at-a-time path's alignment.
      const buffer = new Uint8Array(raw.length + shift);
      buffer.set(raw, shift);
      const bytes = buffer.subarray(shift);
      let native: string | null;
      try {
        native = fatal.decode(bytes);
      } catch {
        native = null;
      }
      const scan = scanUtf8(bytes);
      expect(scan.invalidAt >= 0).toBe(native === null);
      if (native !== null) {
        expect(scan.nonAscii).toBe(raw.filter((b) => b >= 0x80).length);
        // The hand decoder (for platforms without TextDecoder) gives the same text.
        expect(decodeValidUtf8(bytes, 0, bytes.length)).toBe(native);
      } else {
        // Everything before the first invalid byte is valid.
        expect(() => fatal.decode(bytes.subarray(0, scan.invalidAt))).not.toThrow();
      }
    }), { numRuns: 400 });
  });

  it('the hand decoder agrees with TextDecoder on astral characters and long text', () => {
    const text = 'Båda könen – 0\u00ad19 €😀'.repeat(5000);
    const bytes = new TextEncoder().encode(text);
    expect(decodeValidUtf8(bytes, 0, bytes.length)).toBe(text);
  });

  it('textPieces give back the whole text, each piece ending just after a line break', () => {
    fc.assert(fc.property(utf8Text, fc.integer({ min: 1, max: 12 }), (text, pieceBytes) => {
      const bytes = new TextEncoder().encode(text);
      const decision = decideEncoding(bytes);
      const pieces = [...textPieces(bytes, decision, pieceBytes)];
      expect(pieces.map((p) => p.text).join('')).toBe(decodeBytes(bytes).text);
      pieces.slice(0, -1).forEach((p, i) => {
        expect(p.text).toMatch(/[\r\n]$/);
        // A CRLF pair is never cut in two.
        expect(p.text.endsWith('\r') && pieces[i + 1]!.text.startsWith('\n')).toBe(false);
      });
      pieces.forEach((p, i) => i > 0 && expect(p.done).toBeGreaterThanOrEqual(pieces[i - 1]!.done));
      if (pieces.length > 0) expect(pieces[pieces.length - 1]!.done).toBe(1);
    }), { numRuns: 300 });
  });

  it('textPieces with LF breaks: every CRLF and lone CR is one LF, as replacing in the whole text gives', () => {
    const breaky = fc.array(fc.oneof(fc.constantFrom('\r\n', '\r', '\n', '\r\r\n', ';', 'Skåne', '€'), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(breaky, fc.integer({ min: 1, max: 12 }), fc.constantFrom<'utf-8' | 'windows-1252'>('utf-8', 'windows-1252'), (text, pieceBytes, encoding) => {
      const bytes = encoding === 'utf-8' ? new TextEncoder().encode(text) : Uint8Array.from(text, (c) => (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f));
      const decision = decideEncoding(bytes, encoding === 'windows-1252' ? 'windows-1252' : undefined);
      const whole = decodeBytes(bytes, encoding === 'windows-1252' ? 'windows-1252' : undefined).text.replace(/\r\n?/g, '\n');
      const pieces = [...textPieces(bytes, decision, pieceBytes, true)];
      expect(pieces.map((p) => p.text).join('')).toBe(whole);
      pieces.forEach((p) => expect(p.text).not.toContain('\r'));
    }), { numRuns: 300 });
  });
});
