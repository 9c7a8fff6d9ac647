/**
 * A stored dataset back to CSV, the way Swedish Excel opens it without an import wizard: UTF-8 with a byte
 * order mark, ";" between fields, decimal comma, CRLF line endings. One row per cell: the dimension values
 * (regions as county names, sexes as Män/Kvinnor/Båda könen, so the file reads as the sources do), then the
 * count as published (the masked token such as "X" where the cell was masked), its lowest and its highest value.
 *
 * Cells are data from outside files, so every text cell that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) gets a leading apostrophe (OWASP "CSV injection").
 */
import type { Dataset, DimensionRole } from '../../../shared/counts/dataset';
import { REGIONS } from '../../../shared/regions/regions';

export interface CsvExportLabels {
  /** Header of each role's column; "extra" dimensions keep their own key. */
  dimension: Record<Exclude<DimensionRole, 'extra'>, string>;
  point: string;
  low: string;
  high: string;
}

const BOM = [0xef, 0xbb, 0xbf];
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a cell a spreadsheet would evaluate, then quotes it if it holds ";", a quote or a line break. */
export function escapeCsvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "1234", "4,74": no grouping (a number must stay one token for a re-import), decimal comma, no exponent. */
export function formatCsvNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const fixed = value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  return fixed.replace('.', ',');
}

const SEX_LABELS: Record<string, string> = { male: 'Män', female: 'Kvinnor', all: 'Båda könen', unknown: 'Okänt' };

function dimensionLabel(role: DimensionRole, value: string): string {
  if (role === 'region') {
    if (value === 'national') return 'Riket';
    if (value === 'unknown') return 'Okänd';
    return REGIONS.find((r) => r.code === value)?.countySv ?? value;
  }
  if (role === 'sex') return SEX_LABELS[value] ?? value;
  if (value === 'all') return 'Totalt';
  return value;
}

/** The masked token whose documented meaning is exactly this cell's interval, if any. */
function tokenFor(dataset: Dataset, low: number, high: number): string | null {
  for (const [token, meaning] of Object.entries(dataset.provenance.maskTokens)) {
    if (meaning.low === low && meaning.high === high) return token;
  }
  return null;
}

export function datasetToCsvText(dataset: Dataset, labels: CsvExportLabels): string {
  const header = [
    ...dataset.dimensions.map((d) => (d.role === 'extra' ? d.key : labels.dimension[d.role])),
    labels.point,
    labels.low,
    labels.high,
  ];
  const lines = [header.map(escapeCsvCell).join(';')];
  for (let i = 0; i < dataset.cellCount; i++) {
    const fields = dataset.dimensions.map((d, k) => escapeCsvCell(dimensionLabel(d.role, d.values[dataset.columns[k]![i]!]!)));
    const low = dataset.low[i]!;
    const high = dataset.high[i]!;
    const token = dataset.masked[i] === 1 ? tokenFor(dataset, low, high) : null;
    fields.push(escapeCsvCell(token ?? formatCsvNumber(dataset.point[i]!)), escapeCsvCell(formatCsvNumber(low)), escapeCsvCell(formatCsvNumber(high)));
    lines.push(fields.join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function datasetToCsvBytes(dataset: Dataset, labels: CsvExportLabels): Uint8Array {
  const body = new TextEncoder().encode(datasetToCsvText(dataset, labels));
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}

/** A file name from the dataset's name: letters, digits and a few safe marks, never a path. */
export function exportFileName(name: string): string {
  const base = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()–-]+/gu, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  // Windows refuses device names as file names ("con.csv"), and the save dialog's validation with it.
  const safe = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i.test(base) ? `_${base}` : base;
  return `${safe || 'dataset'}.csv`;
}
