// Locale-aware formatting of counts, intervals, percentages and dates (sv-SE: "1 234", "12,5 %", ISO dates).
import { roundInterval, type Interval } from '../../shared/utils/interval';
import { LOCALES, type Language } from '../../shared/text/language';

const cache = new Map<string, Intl.NumberFormat>();

/**
 * One formatter per language and kind, made once: creating an `Intl.NumberFormat` (or even building a cache key
 * from its options) per call is a noticeable part of redrawing the answer page, which formats hundreds of figures.
 */
function numberFormat(language: Language, kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language} ${kind}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], options);
    cache.set(key, format);
  }
  return format;
}

/** A count of patients: whole numbers with the locale's grouping. */
export function formatCount(value: number, language: Language): string {
  return numberFormat(language, 'count', { maximumFractionDigits: 0 }).format(Math.round(value));
}

export function formatIntervalRange(interval: Interval, language: Language): string {
  const r = roundInterval(interval);
  return `${formatCount(r.low, language)}–${formatCount(r.high, language)}`;
}

/** A share 0..1 as a percentage, e.g. 0.125 → "12,5 %" in Swedish. */
export function formatPercent(share: number, language: Language, fractionDigits = 1): string {
  return numberFormat(language, `percent ${fractionDigits}`, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: fractionDigits }).format(share);
}

export function formatDecimal(value: number, language: Language, fractionDigits = 1): string {
  return numberFormat(language, `decimal ${fractionDigits}`, { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 }).format(value);
}

/** ISO 8601 date (YYYY-MM-DD) in local time: the form Swedish users and letters use in both languages. */
export function formatIsoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function formatIsoDateTime(date: Date): string {
  return `${formatIsoDate(date)} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

export function formatBytes(bytes: number, language: Language): string {
  if (bytes < 1024) return `${formatCount(bytes, language)} B`;
  if (bytes < 1024 * 1024) return `${formatDecimal(bytes / 1024, language)} kB`;
  return `${formatDecimal(bytes / (1024 * 1024), language)} MB`;
}
