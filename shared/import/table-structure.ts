/**
 * Where the table is inside the records: title lines and blank lines above it, one or more header rows
 * (years above months), the body, and footer lines below it ("Socialstyrelsens statistikdatabas
 * 2025-01-09", "Källa: …", "Footnote"). Nothing is thrown away: every line that is not header or body is
 * kept as a note with its line number.
 */
import { foldText } from '../utils/text';
import type { RawRecord } from './parse-records';
import { isValueToken } from './value-tokens';
import { problem, type ImportProblem } from './problems';

export interface Note {
  line: number;
  kind: 'title' | 'footer' | 'note';
  text: string;
}

export interface TableStructure {
  notes: Note[];
  /** Lines of the header rows, top to bottom. */
  headerLines: number[];
  /** Per column, the header text of each header row (upper rows filled rightwards over their span). */
  headerParts: string[][];
  /** Per column, the parts joined: what the user sees as the column's name. */
  headers: string[];
  width: number;
  body: RawRecord[];
  blankLines: number;
  problems: ImportProblem[];
}

const MAX_HEADER_ROWS = 3;
const YEAR = /^(1[89]\d\d|2[01]\d\d)$/;
const NUMBER = /^[-\u2212+]?\d[\d\s\u00a0\u202f.,]*$/;

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');
const nonEmpty = (cells: readonly string[]): number => cells.reduce((n, c) => (c.trim() === '' ? n : n + 1), 0);
const lastNonEmpty = (cells: readonly string[]): number => {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim() !== '') return i;
  return -1;
};
const noteText = (cells: readonly string[]): string => cells.map((c) => c.trim()).filter((c) => c !== '').join(' ');

/** One filled field holding text (not a number or a value token): a title, section heading or note. */
function isSingleText(cells: readonly string[]): boolean {
  if (nonEmpty(cells) !== 1) return false;
  const t = cells.find((c) => c.trim() !== '')!.trim();
  return !NUMBER.test(t) && !isValueToken(t);
}

const FOOTER = /^(kalla|kallor|source|sources|anm|anmarkning|anmarkningar|not|noter|note|notes|fotnot|fotnoter|footnote|footnotes|kommentar|comment|uppdaterad|updated|publicerad|published|hamtad|retrieved|data|statistiska centralbyran|scb|socialstyrelsen|\*|\(\*\))\b/;

/** Lines that read as a source or footnote rather than data, whatever their number of fields. */
export function isFooterText(text: string): boolean {
  const folded = foldText(text);
  return FOOTER.test(folded) || /statistikdatabas|statistics database|\bstatistikdatabasen\b/.test(folded);
}


/** A row that adds labels under spanning cells of the row above (years above months), not data. */
function continuesHeader(above: readonly string[], row: readonly string[]): boolean {
  for (const cell of row) {
    const t = cell.trim();
    if (t === '') continue;
    if (NUMBER.test(t) && !YEAR.test(t)) return false;
    if (isValueToken(t)) return false;
  }
  for (let c = 0; c < row.length; c++) {
    if ((above[c] ?? '').trim() === '' && row[c]!.trim() !== '') return true;
  }
  return false;
}

function combineHeaders(rows: readonly (readonly string[])[], width: number): string[][] {
  const parts: string[][] = Array.from({ length: width }, () => []);
  rows.forEach((row, r) => {
    const isLast = r === rows.length - 1;
    let span = '';
    for (let c = 0; c < width; c++) {
      const t = (row[c] ?? '').trim();
      if (t !== '') span = t;
      // An upper label spans rightwards over empty cells, but only above columns that have a label of their own below.
      const lowerHasLabel = rows.slice(r + 1).some((lower) => (lower[c] ?? '').trim() !== '');
      const text = t !== '' ? t : !isLast && lowerHasLabel ? span : '';
      if (text !== '') parts[c]!.push(text);
    }
  });
  return parts;
}

export function findTableStructure(records: readonly RawRecord[], file: string): TableStructure {
  const problems: ImportProblem[] = [];
  const notes: Note[] = [];
  let blankLines = 0;

  // The table's width is the commonest field count among records with two or more filled fields.
  const widths = new Map<number, number>();
  for (const r of records) if (nonEmpty(r.cells) >= 2) widths.set(r.cells.length, (widths.get(r.cells.length) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [w, n] of widths) if (n > best || (n === best && w > width)) [width, best] = [w, n];

  const headerStart = records.findIndex((r) => nonEmpty(r.cells) >= 2 && r.cells.length >= width && !isFooterText(noteText(r.cells)));
  if (width < 2 || headerStart < 0) {
    for (const r of records) if (isBlank(r.cells)) blankLines++; else notes.push({ line: r.line, kind: 'note', text: noteText(r.cells) });
    return { notes, headerLines: [], headerParts: [], headers: [], width: 0, body: [], blankLines, problems };
  }
  for (let i = 0; i < headerStart; i++) {
    const r = records[i]!;
    if (isBlank(r.cells)) blankLines++;
    else notes.push({ line: r.line, kind: 'title', text: noteText(r.cells) });
  }

  const headerRows: RawRecord[] = [records[headerStart]!];
  let next = headerStart + 1;
  while (headerRows.length < MAX_HEADER_ROWS && next < records.length && records[next]!.cells.length === width
    && continuesHeader(headerRows[headerRows.length - 1]!.cells, records[next]!.cells)) {
    headerRows.push(records[next]!);
    next++;
  }

  // Footer: from the end, blank lines and lines with at most one filled field (or that read as a source).
  let end = records.length;
  while (end > next) {
    const r = records[end - 1]!;
    const text = noteText(r.cells);
    // A data row with an empty value ("Uppsala;") has as many fields as the table; a note line has fewer.
    if (isBlank(r.cells) || (isSingleText(r.cells) && r.cells.length < width) || (isFooterText(text) && nonEmpty(r.cells) <= 2)) end--;
    else break;
  }
  for (let i = end; i < records.length; i++) {
    const r = records[i]!;
    if (isBlank(r.cells)) blankLines++;
    else notes.push({ line: r.line, kind: 'footer', text: noteText(r.cells) });
  }

  const body: RawRecord[] = [];
  for (let i = next; i < end; i++) {
    const r = records[i]!;
    if (isBlank(r.cells)) {
      blankLines++;
      continue;
    }
    if (isSingleText(r.cells) && r.cells.length < width) {
      notes.push({ line: r.line, kind: 'note', text: noteText(r.cells) });
      problems.push(problem('note-inside-table', 'warning', { file, line: r.line, column: null }, noteText(r.cells),
        'a data row or a note above or below the table', 'a line with a single text inside the table is kept as a note, not as data'));
      continue;
    }
    if (r.cells.length === width) {
      body.push(r);
    } else if (r.cells.length > width && lastNonEmpty(r.cells) < width) {
      // Trailing empty fields ("a;b;;") are what spreadsheet exports add; they carry nothing.
      body.push({ line: r.line, cells: r.cells.slice(0, width) });
    } else {
      problems.push(problem('wrong-field-count', 'error', { file, line: r.line, column: null }, noteText(r.cells).slice(0, 80),
        `${width} fields, like the header`, `the line has ${r.cells.length} fields`));
    }
  }

  const headerParts = combineHeaders(headerRows.map((r) => r.cells), width);
  const headers = headerParts.map((parts) => parts.join(' '));
  return { notes, headerLines: headerRows.map((r) => r.line), headerParts, headers, width, body, blankLines, problems };
}
