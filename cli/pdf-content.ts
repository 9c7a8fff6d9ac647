/**
 * Whether two PDFs say the same thing object for object, whatever compressed their streams. A letter is verified by
 * rendering its snapshot again; when the PDF engine's compressor changes (a faster deflate gives other bytes for
 * the same stream), a letter exported by an earlier build must still verify, and an altered one must not. So: the
 * same objects, in the same order, with the same numbers, the same dictionaries (their /Length aside, which is the
 * compressed length) and the same stream contents once inflated, and the same trailer. A letter whose figures, words,
 * drawing or metadata differ in any byte fails. Anything this reader does not understand is "not the same".
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  id: string;
  dictionary: string;
  stream: Uint8Array | null;
}

/** pdfkit's layout: "N G obj\n", the dictionary, optionally "\nstream\n" + /Length bytes + "\nendstream", "\nendobj\n". */
function readObjects(pdf: Uint8Array): { objects: PdfObject[]; trailer: string } | null {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) return null;
  const objects: PdfObject[] = [];
  const header = /(\d+ \d+) obj\n/y;
  let at = text.indexOf('\n') + 1;
  for (;;) {
    while (text[at] === '%' || text[at] === '\n') at = text.indexOf('\n', at) + 1;
    header.lastIndex = at;
    const match = header.exec(text);
    if (!match) break;
    const start = header.lastIndex;
    const endAt = text.indexOf('\nendobj\n', start);
    if (endAt < 0) return null;
    const streamAt = text.indexOf('\nstream\n', start);
    const hasStream = streamAt !== -1 && streamAt < endAt;
    const raw = text.slice(start, hasStream ? streamAt : endAt);
    let stream: Uint8Array | null = null;
    if (hasStream) {
      const length = Number(/\/Length (\d+)/.exec(raw)?.[1]);
      const from = streamAt + '\nstream\n'.length;
      if (!Number.isInteger(length) || text.slice(from + length, from + length + '\nendstream\nendobj\n'.length) !== '\nendstream\nendobj\n') return null;
      const bytes = pdf.subarray(from, from + length);
      try {
        stream = /\/Filter \/FlateDecode/.test(raw) ? inflateSync(bytes) : bytes;
      } catch {
        return null;
      }
      at = from + length + '\nendstream\nendobj\n'.length;
    } else at = endAt + '\nendobj\n'.length;
    objects.push({ id: match[1]!, dictionary: raw.replace(/\/Length \d+/, '/Length'), stream });
  }
  const trailerAt = text.lastIndexOf('\ntrailer');
  const startxref = text.lastIndexOf('startxref');
  if (objects.length === 0 || trailerAt < 0 || startxref < trailerAt) return null;
  return { objects, trailer: text.slice(trailerAt, startxref) };
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => b[i] === x);

export function samePdfContent(a: Uint8Array, b: Uint8Array): boolean {
  const x = readObjects(a);
  const y = readObjects(b);
  if (!x || !y || x.objects.length !== y.objects.length || x.trailer !== y.trailer) return false;
  return x.objects.every((o, i) => {
    const p = y.objects[i]!;
    if (o.id !== p.id || o.dictionary !== p.dictionary) return false;
    if (o.stream === null || p.stream === null) return o.stream === p.stream;
    return sameBytes(o.stream, p.stream);
  });
}
