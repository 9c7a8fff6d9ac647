/**
 * Locale-aware number formatting and plain-text tables for the CLI (sv-SE groups with a no-break space,
 * en-GB with a comma).
 */
import { LOCALES, type Language } from '../shared/text/language';

export interface Formatters {
  count(value: number): string;
  decimal(value: number, digits?: number): string;
  percent(share: number, digits?: number): string;
}

export function formatters(language: Language): Formatters {
  const locale = LOCALES[language];
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    count: (value) => count.format(value),
    decimal: (value, digits = 1) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value),
    percent: (share, digits = 0) => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share),
  };
}

/** A table with the first column left-aligned and the others right-aligned (numbers). */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
