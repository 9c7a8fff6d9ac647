/**
 * One spreadsheet, written out two ways: as the .xlsx workbook a publisher's Excel export is, and as the CSV
 * a coordinator gets from "Spara som → CSV (semikolonavgränsad)" in Swedish Excel. The replicas of real
 * export shapes are built from it, so that the same sheet can be imported in both formats and compared.
 *
 * The workbook is SpreadsheetML zipped with fflate: shared strings for text (as Excel writes them), numbers
 * as numeric cells, merged header cells listed in <mergeCells> (their value sits in the first cell only, the
 * rest are absent), empty cells left out. Nothing here is read back by the importer's code.
 */
import { strToU8, zipSync } from 'fflate';

/**
 * A cell: text; a number (CSV prints it with a decimal comma); a number with the text Excel's CSV export
 * prints for its cell format (`csv`, e.g. "1 234" with a NO-BREAK SPACE) and, optionally, the digits the
 * workbook stores (`xlsx`, e.g. "4.7400000000000002", as Excel writes some doubles); or empty.
 */
export type Cell = string | number | { value: number; csv: string; xlsx?: string } | null;

export interface Sheet {
  name: string;
  rows: Cell[][];
  /** Merged ranges ("B1:D1"), as the header of a super-header row has them. */
  merges?: string[];
}

/** A number Excel shows with a format: `csv` is what the CSV export prints. */
export const shown = (value: number, csv: string, xlsx?: string): Cell => (xlsx === undefined ? { value, csv } : { value, csv, xlsx });

/** Thousands separated by NO-BREAK SPACE, as Swedish Excel prints a number format with grouping. */
export const nbsp = (value: number): Cell => shown(value, String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0'));

const csvText = (cell: Cell): string => {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  if (typeof cell === 'object') return cell.csv;
  return cell;
};

/** Windows-1252 bytes of the characters these replicas use (Swedish Excel's "ANSI" CSV); anything else is a test bug. */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '\u2013': 0x96, '\u2014': 0x97, '\u20ac': 0x80, '\u2026': 0x85, '\u2019': 0x92 };
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out[i] = code;
    else if (special[ch] !== undefined) out[i] = special[ch]!;
    else throw new Error(`"${ch}" has no Windows-1252 byte`);
  }
  return out;
}

export interface CsvOptions {
  delimiter?: string;
  /** Swedish Excel writes Windows-1252 ("ANSI"); "CSV UTF-8" writes a byte-order mark. */
  encoding?: 'windows-1252' | 'utf-8-bom' | 'utf-8';
}

/** The sheet as Swedish Excel's CSV export writes it: ";" between fields, CRLF, quotes only where needed, every row as wide as the widest. */
export function toCsv(sheet: Sheet, options: CsvOptions = {}): Uint8Array {
  const delimiter = options.delimiter ?? ';';
  const width = Math.max(...sheet.rows.map((r) => r.length));
  const lines = sheet.rows.map((row) => Array.from({ length: width }, (_, c) => {
    const text = csvText(row[c] ?? null);
    return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
  }).join(delimiter));
  const text = `${lines.join('\r\n')}\r\n`;
  const encoding = options.encoding ?? 'windows-1252';
  if (encoding === 'windows-1252') return windows1252(text);
  const utf8 = new TextEncoder().encode(text);
  if (encoding === 'utf-8') return utf8;
  const withBom = new Uint8Array(utf8.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(utf8, 3);
  return withBom;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const columnName = (index: number): string => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** The sheets as one .xlsx workbook. */
export function toXlsx(sheets: Sheet[]): Uint8Array {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const sharedString = (text: string): number => {
    let at = stringIndex.get(text);
    if (at === undefined) {
      at = strings.length;
      strings.push(text);
      stringIndex.set(text, at);
    }
    return at;
  };
  const parts: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, s) => {
    const rows = sheet.rows.map((row, r) => {
      const cells = row.map((cell, c) => {
        const ref = `${columnName(c)}${r + 1}`;
        if (cell === null || cell === '') return '';
        if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${sharedString(cell)}</v></c>`;
        const digits = typeof cell === 'number' ? String(cell) : cell.xlsx ?? String(cell.value);
        return `<c r="${ref}" s="1"><v>${digits}</v></c>`;
      }).join('');
      return cells === '' ? '' : `<row r="${r + 1}">${cells}</row>`;
    }).join('');
    const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    parts[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${rows}</sheetData>${merges}</worksheet>`);
  });
  const sst = strings.map((t) => `<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${escapeXml(t)}</t></si>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${sst}</sst>`),
    ...parts,
  });
}
