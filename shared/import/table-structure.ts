/**
 * Where the table is inside the records: title lines and blank lines above it, one or more header rows
 * (years above months), the body, and footer lines below it ("Socialstyrelsens statistikdatabas
 * 2025-01-09", "Källa: …", "Footnote"). Nothing is thrown away: every line that is not header or body is
 * kept as a note with its line number.
 */
import { phrase } from './phrases';
import { foldText } from '../utils/text';
import type { RawRecord } from './parse-records';
import { isValueToken } from './value-tokens';
import { problem, type ImportProblem } from './problems';
import { parseRegion } from '../regions/parse';
import { parseAgeBand } from '../utils/age-band';
import { parseSex } from './parse-sex';
import { parsePeriodLabel } from './parse-period-label';
import { parseCodeValue } from './parse-code-value';
import { isTotalLabel } from './member-labels';

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

/** Empty or only spaces; most cells start with a visible ASCII character, which decides without trimming. */
const isBlankCell = (c: string): boolean => {
  if (c.length === 0) return true;
  const first = c.charCodeAt(0);
  return first > 32 && first < 127 ? false : c.trim() === '';
};
const isBlank = (cells: readonly string[]): boolean => cells.every(isBlankCell);
const nonEmpty = (cells: readonly string[]): number => cells.reduce((n, c) => (c.trim() === '' ? n : n + 1), 0);
const lastNonEmpty = (cells: readonly string[]): number => {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim() !== '') return i;
  return -1;
};
const noteText = (cells: readonly string[]): string => cells.map((c) => c.trim()).filter((c) => c !== '').join(' ');

/**
 * Text that reads as a label of some dimension (a region, sex, age band, period, ICD-10 or ATC code, a total):
 * a row holding only such a label is a data row whose values are missing ("Uppsala;;;"), not a note.
 */
function readsAsLabel(text: string): boolean {
  return parseRegion(text) !== null || parseSex(text) !== null || parseAgeBand(text) !== null || parsePeriodLabel(text) !== null
    || parseCodeValue(text) !== null || isTotalLabel(text);
}

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


const filledAt = (cells: readonly string[], c: number): boolean => (cells[c] ?? '').trim() !== '';

/** Text that is neither a number nor a value token ("Samtliga", "Antal", "Jan"). */
const isWord = (t: string): boolean => !NUMBER.test(t) && !isValueToken(t);

/** An age band or period written as a range or an open band ("1–4", "80–", "85+"): a label, not a count. */
const isRangeLabel = (t: string): boolean => (/[-\u2013\u2014+]/.test(t) && parseAgeBand(t) !== null) || parsePeriodLabel(t) !== null;

/**
 * Columns under a spanning cell of `above`: a label followed by empty cells spans them (a merged "Ålder" over
 * the age columns), its own column included.
 */
function spannedColumns(above: readonly string[], width: number): boolean[] {
  const spanned = new Array<boolean>(width).fill(false);
  for (let c = 0; c < width; c++) {
    if (!filledAt(above, c)) continue;
    let end = c + 1;
    while (end < width && !filledAt(above, end)) end++;
    if (end - c >= 2) for (let k = c; k < end; k++) spanned[k] = true;
  }
  return spanned;
}

/**
 * A row that continues the header above it rather than starting the data:
 * - labels under spanning cells of the row above (years above months), words only;
 * - a measure label under every value column of a wide table ("Antal" under "vecka 10 2020"), words only,
 *   nothing under the first column;
 * - the real header under a super-header ("Ålder" over "Samtliga", "0", "1–4", …): every label under a
 *   spanning cell of the row above, with a word or a range among them (a data row's first cells hold labels).
 */
function continuesHeader(above: readonly string[], row: readonly string[]): boolean {
  const filled: number[] = [];
  for (let c = 0; c < row.length; c++) if (filledAt(row, c)) filled.push(c);
  if (filled.length === 0) return false;
  const texts = filled.map((c) => row[c]!.trim());
  if (texts.every((t) => isWord(t) || YEAR.test(t)) && filled.some((c) => !filledAt(above, c))) return true;
  if (filled.length >= 2 && !filledAt(row, 0) && texts.every(isWord) && filled.every((c) => filledAt(above, c))) return true;
  const spanned = spannedColumns(above, row.length);
  return filled.every((c) => spanned[c]) && filled.some((c) => !filledAt(above, c)) && texts.some((t) => isWord(t) || isRangeLabel(t));
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

export interface TableStructureOptions {
  /**
   * False when the records are only the first part of the file (a preview's sample): lines at the end of
   * the sample are then not a footer, since the file goes on after them.
   */
  complete?: boolean;
}

export function findTableStructure(records: readonly RawRecord[], file: string, options: TableStructureOptions = {}): TableStructure {
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

  const body: RawRecord[] = [];
  const stream = new TableBodyStream(width, file, (line, cells) => body.push({ line, cells }));
  for (let i = next; i < records.length; i++) stream.push(records[i]!.line, records[i]!.cells);
  const rest = stream.finish(options.complete ?? true);
  notes.push(...rest.notes);
  problems.push(...rest.problems);

  const headerParts = combineHeaders(headerRows.map((r) => r.cells), width);
  const headers = headerParts.map((parts) => parts.join(' '));
  return { notes, headerLines: headerRows.map((r) => r.line), headerParts, headers, width, body, blankLines: blankLines + rest.blankLines, problems };
}

export interface TableBodyRest {
  /** Footer lines, then the notes met inside the table. */
  notes: Note[];
  blankLines: number;
  /** Lines with the wrong number of fields, notes inside the table: in line order. */
  problems: ImportProblem[];
}

/**
 * The records below the header, one at a time: data rows go to `onRow` (trailing empty fields trimmed),
 * blank lines are counted, single texts inside the table become notes, lines with another number of
 * fields are errors. The footer (blank lines, lines with one text, or that read as a source, at the very
 * end) is only known at the end of the file, so such lines wait until a data row follows them.
 */
export class TableBodyStream {
  private readonly problems: ImportProblem[] = [];
  private readonly inTableNotes: Note[] = [];
  private blankLines = 0;
  private waiting: RawRecord[] = [];

  constructor(private readonly width: number, private readonly file: string, private readonly onRow: (line: number, cells: string[]) => void) {}

  /** No line waits to be told a footer from the table: a data row now goes straight to the table. */
  get idle(): boolean {
    return this.waiting.length === 0;
  }

  push(line: number, cells: string[]): void {
    // The common case first: a line as wide as the table with a value in its first three fields is data.
    if (cells.length === this.width && this.width >= 3 && !isBlankCell(cells[0]!) && !isBlankCell(cells[1]!) && !isBlankCell(cells[2]!) && this.waiting.length === 0) {
      this.onRow(line, cells);
      return;
    }
    if (this.mayBeFooter(cells)) {
      this.waiting.push({ line, cells });
      return;
    }
    if (this.waiting.length > 0) {
      for (const r of this.waiting) this.classify(r.line, r.cells);
      this.waiting = [];
    }
    this.classify(line, cells);
  }

  /** `endOfFile`: the waiting lines are the footer; otherwise (a sample) they are read as part of the table. */
  finish(endOfFile: boolean): TableBodyRest {
    const footer: Note[] = [];
    if (endOfFile) {
      for (const r of this.waiting) {
        if (isBlank(r.cells)) this.blankLines++;
        else footer.push({ line: r.line, kind: 'footer', text: noteText(r.cells) });
      }
    } else {
      for (const r of this.waiting) this.classify(r.line, r.cells);
    }
    this.waiting = [];
    return { notes: [...footer, ...this.inTableNotes], blankLines: this.blankLines, problems: this.problems };
  }

  /** Blank, one text in fewer fields than the table, or a source line with at most two filled fields. */
  private mayBeFooter(cells: readonly string[]): boolean {
    let filled = 0;
    for (let i = 0; i < cells.length; i++) {
      if (!isBlankCell(cells[i]!) && ++filled > 2) return false;
    }
    if (filled === 0) return true;
    // A data row with an empty value ("Uppsala;") has as many fields as the table; a note line has fewer, or
    // as many (Excel's CSV export pads every row) with a text that is no label ("X – uppgiften har skyddats…").
    if (filled === 1 && isSingleText(cells) && (cells.length < this.width || !readsAsLabel(noteText(cells)))) return true;
    return isFooterText(noteText(cells));
  }

  private classify(line: number, cells: string[]): void {
    if (isBlank(cells)) {
      this.blankLines++;
      return;
    }
    if (isSingleText(cells) && (cells.length < this.width || !readsAsLabel(noteText(cells)))) {
      // A sub-heading ("Rapporterande region") or a note between data rows.
      this.inTableNotes.push({ line, kind: 'note', text: noteText(cells) });
      this.problems.push(problem('note-inside-table', 'warning', { file: this.file, line, column: null }, noteText(cells),
        phrase('noteInTableExp'), phrase('noteInTableMsg')));
      return;
    }
    if (cells.length === this.width) {
      this.onRow(line, cells);
      return;
    }
    if (cells.length > this.width && lastNonEmpty(cells) < this.width) {
      // Trailing empty fields ("a;b;;") are what spreadsheet exports add; they carry nothing.
      this.onRow(line, cells.slice(0, this.width));
    } else {
      this.problems.push(problem('wrong-field-count', 'error', { file: this.file, line, column: null }, noteText(cells).slice(0, 80),
        phrase('wrongFieldCountExp', { width: this.width }), phrase('lineFieldsMsg', { fields: cells.length })));
    }
  }
}
