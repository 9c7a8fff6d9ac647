/**
 * Number and date formatting for what the core writes (the letter, the method text, trend texts), written out
 * rather than taken from Intl: a letter must give the same bytes in Node (CLI, tests), Chromium and Electron,
 * whose ICU data differ between versions. Swedish follows sv-SE ("1 234", "12,5 %", with no-break spaces);
 * English follows en-GB ("1,234", "12.5%"). Dates are ISO 8601 in both languages, as Swedish letters write them.
 */
import type { Language } from './language';

/** U+00A0: keeps "1 234" and "12,5 %" on one line. */
export const NBSP = '\u00a0';

function groupThousands(digits: string, separator: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/** A number with at most `fractionDigits` decimals (trailing zeros dropped), grouped by thousands. */
export function formatNumber(value: number, language: Language, fractionDigits = 0): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatNumber: ${value} is not a finite number`);
  const factor = 10 ** fractionDigits;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole, fraction = ''] = rounded.toFixed(fractionDigits).split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const sign = value < 0 && rounded !== 0 ? '−' : '';
  const grouped = groupThousands(whole!, language === 'sv' ? NBSP : ',');
  return `${sign}${grouped}${trimmed ? (language === 'sv' ? ',' : '.') + trimmed : ''}`;
}

export function formatCount(value: number, language: Language): string {
  return formatNumber(Math.round(value), language, 0);
}

/** A share 0..1 as a percentage: "12,5 %" / "12.5%". */
export function formatPercent(share: number, language: Language, fractionDigits = 1): string {
  const number = formatNumber(share * 100, language, fractionDigits);
  return language === 'sv' ? `${number}${NBSP}%` : `${number}%`;
}

/** "2026-03-14" from an ISO instant, in UTC (a snapshot's createdAt is UTC; the letter must not depend on the zone). */
export function isoDate(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`isoDate: not a date: ${instant}`);
  return date.toISOString().slice(0, 10);
}
