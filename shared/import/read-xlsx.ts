/**
 * Reads the cells of one worksheet of an .xlsx workbook as text rows, so that workbooks go through the
 * same table detection as CSV files. Unzipping uses fflate (zero dependencies, ~8 kB, pure JS, so it runs
 * in the renderer, workers and Node alike); the few SpreadsheetML parts we need are machine-written XML,
 * read with small patterns rather than a DOM, which the platform-neutral core does not have.
 */
import { unzipSync } from 'fflate';
import { decodeUtf8Strict } from './utf8-strict';
import type { RawRecord } from './parse-records';
import { english, phrase, type Phrase } from './phrases';

export class XlsxReadError extends Error {
  /** The reason as a translatable phrase (a plain string is shown as it is). */
  readonly because: Phrase;
  constructor(readonly problemCode: 'xlsx-unreadable' | 'xlsx-sheet-not-found', reason: Phrase | string) {
    const because = typeof reason === 'string' ? phrase('verbatim', { text: reason }) : reason;
    super(english(because));
    this.because = because;
    this.name = 'XlsxReadError';
  }
}

export interface XlsxSheet {
  /** Every sheet's name, in workbook order. */
  sheetNames: string[];
  sheet: string;
  /** One record per non-empty sheet row; `line` is the sheet's row number. */
  records: RawRecord[];
}

/** Uncompressed size (of one part, and of all parts read together) above which we refuse to inflate (a "zip bomb" must not take the app down). */
const MAX_PART_BYTES = 512 * 1024 * 1024;

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITY[e]!;
  });
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXmlText(m[1]!) : null;
}

/** Text of all <t> elements inside a fragment (rich text runs are concatenated; phonetic runs skipped). */
function textOf(fragment: string): string {
  const withoutPhonetic = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of withoutPhonetic.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) out += decodeXmlText(m[1] ?? '');
  return out;
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function xmlPart(files: Record<string, Uint8Array>, path: string): string | null {
  const bytes = files[path];
  if (!bytes) return null;
  const decoded = decodeUtf8Strict(bytes, bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
  if ('offset' in decoded) throw new XlsxReadError('xlsx-unreadable', phrase('xlsxNotUtf8Msg', { part: path }));
  return decoded.text;
}

function resolveTarget(target: string): string {
  const t = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const p of t.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/**
 * A numeric cell's text as the number it is: Excel stores some doubles with 17 significant digits
 * ("312.47000000000003" for 312.47, "1E-3"), which the shortest form that reads back as the same double
 * prints as the sheet shows it — and as its CSV export does, so both give the same decimals.
 */
function numberText(stored: string): string {
  const value = Number(stored);
  if (stored.trim() === '' || !Number.isFinite(value) || Math.abs(value) >= 1e21) return stored;
  const shortest = String(value);
  return /e/i.test(shortest) ? stored : shortest;
}

export function readXlsxSheet(bytes: Uint8Array, sheetName?: string, maxColumns = 2000): XlsxSheet {
  let files: Record<string, Uint8Array>;
  // The unzipper allocates each kept part's declared size before inflating it: a zip bomb of many parts, each
  // under the limit, must not add up to gigabytes. Parts are checked in order, so nothing over the limit is inflated.
  let inflated = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > MAX_PART_BYTES) throw new XlsxReadError('xlsx-unreadable', phrase('xlsxTooLargeMsg', { part: f.name, bytes: f.originalSize }));
        const wanted = f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' || f.name === 'xl/sharedStrings.xml' || f.name.startsWith('xl/worksheets/');
        if (wanted) inflated += f.originalSize;
        if (inflated > MAX_PART_BYTES) throw new XlsxReadError('xlsx-unreadable', phrase('xlsxTooLargeMsg', { part: f.name, bytes: inflated }));
        return wanted;
      },
    });
  } catch (error) {
    if (error instanceof XlsxReadError) throw error;
    throw new XlsxReadError('xlsx-unreadable', phrase('xlsxZipMsg', { detail: error instanceof Error ? error.message : String(error) }));
  }
  const workbook = xmlPart(files, 'xl/workbook.xml');
  const rels = xmlPart(files, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new XlsxReadError('xlsx-unreadable', phrase('xlsxNoWorkbookMsg'));

  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], 'Id');
    const target = attribute(m[0], 'Target');
    if (id && target) targets.set(id, resolveTarget(target));
  }
  const sheets: { name: string; path: string }[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(m[0], 'name');
    const rid = attribute(m[0], 'r:id');
    const path = rid ? targets.get(rid) : undefined;
    if (name !== null && path) sheets.push({ name, path });
  }
  if (sheets.length === 0) throw new XlsxReadError('xlsx-unreadable', phrase('xlsxNoSheetsMsg'));
  const chosen = sheetName === undefined ? sheets[0]! : sheets.find((s) => s.name === sheetName);
  if (!chosen) throw new XlsxReadError('xlsx-sheet-not-found', phrase('xlsxSheetNotFoundMsg', { sheet: sheetName ?? '', sheets: sheets.map((s) => phrase('quoted', { text: s.name })) }));

  const sharedXml = xmlPart(files, 'xl/sharedStrings.xml');
  const shared: string[] = sharedXml ? [...sharedXml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) => textOf(m[1] ?? '')) : [];
  const sheetXml = xmlPart(files, chosen.path);
  if (sheetXml === null) throw new XlsxReadError('xlsx-unreadable', phrase('xlsxPartMissingMsg', { part: chosen.path }));

  const records: RawRecord[] = [];
  let implicitRow = 0;
  for (const row of sheetXml.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const rowNumber = Number(attribute(row[0].slice(0, row[0].indexOf('>') + 1), 'r') ?? implicitRow + 1);
    implicitRow = rowNumber;
    const cells: string[] = [];
    let implicitColumn = -1;
    for (const c of row[2]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const open = `<c${c[1]}>`;
      const ref = attribute(open, 'r');
      const col = ref ? columnIndex(ref) : implicitColumn + 1;
      implicitColumn = col;
      if (col >= maxColumns) {
        cells.length = maxColumns + 1;
        break;
      }
      const type = attribute(open, 't');
      const inner = c[2] ?? '';
      const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let text = '';
      if (type === 's') text = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') text = textOf(inner);
      else if (v !== undefined) text = type === null || type === 'n' ? numberText(decodeXmlText(v)) : decodeXmlText(v);
      while (cells.length < col) cells.push('');
      cells[col] = text;
    }
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.some((x) => x.trim() !== '')) records.push({ line: rowNumber, cells });
  }
  // Rows of a sheet have ragged lengths (trailing empty cells are not stored); pad to the widest row.
  const width = records.reduce((w, r) => Math.max(w, r.cells.length), 0);
  for (const r of records) while (r.cells.length < width) r.cells.push('');
  return { sheetNames: sheets.map((s) => s.name), sheet: chosen.name, records };
}
