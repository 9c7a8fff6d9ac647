/**
 * Reads the audit anchor a letter carries in its PDF document information (the `AntalAuditHead` entry that
 * letterDocument writes), so `antal verify` can hold a backup's trail against a letter without its snapshot.
 *
 * Not a PDF parser: the entry is written by our own engine as plain ASCII, either inline (`/AntalAuditHead (…)`)
 * or, as pdfkit does, as an indirect string object (`/AntalAuditHead 35 0 R` … `35 0 obj (…) endobj`). The last
 * occurrence wins, as in a PDF's incremental updates.
 */
import { parseAuditAnchor } from '../audit/anchor';
import type { AuditHead } from '../audit/chain';
import { LETTER_AUDIT_ANCHOR_KEY } from './document';

export type LetterAnchor =
  | { status: 'anchored'; head: AuditHead }
  /** The letter has no anchor: made outside the app (CLI, demo) or by a version before anchors. */
  | { status: 'none' }
  /** There is an entry, but it is not "seq hash". */
  | { status: 'malformed'; raw: string };

function literalAt(text: string, start: number): string | null {
  const match = /^\s*\(([^()\\]*)\)/.exec(text.slice(start, start + 200));
  if (match) return match[1]!;
  const hex = /^\s*<([0-9A-Fa-f\s]*)>/.exec(text.slice(start, start + 400));
  if (!hex) return null;
  const digits = hex[1]!.replace(/\s/g, '');
  let out = '';
  for (let i = 0; i + 1 < digits.length; i += 2) out += String.fromCharCode(parseInt(digits.slice(i, i + 2), 16));
  return out;
}

export function readLetterAuditAnchor(pdf: Uint8Array): LetterAnchor {
  // Latin-1 keeps every byte as one character, so offsets and ASCII text survive whatever else the file holds.
  let text = '';
  for (let i = 0; i < pdf.length; i += 0x8000) text += String.fromCharCode(...pdf.subarray(i, i + 0x8000));
  const key = `/${LETTER_AUDIT_ANCHOR_KEY}`;
  const at = text.lastIndexOf(key);
  if (at < 0) return { status: 'none' };
  const after = at + key.length;
  let raw = literalAt(text, after);
  if (raw === null) {
    const reference = /^\s*(\d+)\s+(\d+)\s+R/.exec(text.slice(after, after + 40));
    if (reference) {
      const object = new RegExp(`(?:^|[\\r\\n\\s])${reference[1]}\\s+${reference[2]}\\s+obj`, 'g');
      let last = -1;
      for (let m = object.exec(text); m; m = object.exec(text)) last = m.index + m[0].length;
      if (last >= 0) raw = literalAt(text, last);
    }
  }
  if (raw === null) return { status: 'malformed', raw: text.slice(after, after + 40).trim() };
  const head = parseAuditAnchor(raw);
  return head ? { status: 'anchored', head } : { status: 'malformed', raw };
}
