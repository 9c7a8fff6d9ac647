/**
 * Numbers as Swedish and English exports print them: "1234", "1 234" (space, NO-BREAK SPACE U+00A0,
 * NARROW NO-BREAK SPACE U+202F or THIN SPACE U+2009 between groups), "4,74" (decimal comma), "4.74",
 * "6,945" / "12,345,678" (comma groups), "1.234,5" and "−3" (U+2212 minus). Whether a comma is a decimal
 * or a thousands separator cannot be told from one value ("6,945"), so the format is decided once per
 * column from all of its values by {@link decideNumberFormat}, and each value is then parsed strictly.
 */
import { english, phrase, type Phrase } from './phrases';

export interface NumberFormat {
  decimal: ',' | '.';
  /** Group separator besides spaces (spaces are always accepted between groups of three). */
  thousands: ',' | '.' | 'none';
}

export interface ParsedNumber {
  value: number;
  /** Digits after the decimal separator as printed: a rate "4,74" has 2, so it is exact to ±0.005. */
  decimals: number;
}

const SPACES = /[ \u00a0\u202f\u2009]/;
const SPACES_ALL = /[ \u00a0\u202f\u2009]/g;

/** Parse one value in a known format; null when it is not a number in that format. */
export function parseSwedishNumber(raw: string, format: NumberFormat): ParsedNumber | null {
  let text = raw.trim().replace(/^[\u00a0\u202f\u2009]+|[\u00a0\u202f\u2009]+$/g, '');
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    sign = -1;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  if (text === '') return null;
  let intPart = text;
  let fracPart = '';
  const decimalAt = text.lastIndexOf(format.decimal);
  if (decimalAt >= 0) {
    intPart = text.slice(0, decimalAt);
    fracPart = text.slice(decimalAt + 1);
    if (!/^\d+$/.test(fracPart)) return null;
    if (intPart === '') return null;
  }
  // Integer part: plain digits, or groups of three after a first group of one to three digits, all with
  // the same separator (spaces of any kind count as one separator).
  if (!/^\d+$/.test(intPart)) {
    const sep = SPACES.test(intPart) ? 'space' : format.thousands;
    if (sep === 'none') return null;
    const pattern = sep === 'space' ? /^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+$/ : sep === ',' ? /^\d{1,3}(?:,\d{3})+$/ : /^\d{1,3}(?:\.\d{3})+$/;
    if (!pattern.test(intPart)) return null;
    intPart = sep === 'space' ? intPart.replace(SPACES_ALL, '') : intPart.split(sep).join('');
  }
  const value = sign * Number(fracPart ? `${intPart}.${fracPart}` : intPart);
  // Beyond 2^53 a double no longer holds every whole number ("9007199254740993" would silently become …992):
  // no count, population or rate is that large, so such a value is refused rather than rounded.
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return null;
  return { value: Object.is(value, -0) ? 0 : value, decimals: fracPart.length };
}

export interface NumberFormatDecision {
  format: NumberFormat;
  /** True when the values alone could not decide (e.g. only "6,945"-like values); a warning is raised. */
  ambiguous: boolean;
  /** Why, in English (CLI, provenance); `because` is the same as a translatable phrase. */
  evidence: string;
  because: Phrase;
}

export interface NumberFormatHints {
  /** The column holds counts or populations, which are whole numbers. */
  wholeNumbers: boolean;
  /** The file's field delimiter: Swedish ";" files use decimal commas. */
  delimiter: string;
}

const quoteList = (values: string[]): Phrase[] => values.slice(0, 3).map((v) => phrase('quoted', { text: v }));

function decision(format: NumberFormat, ambiguous: boolean, because: Phrase): NumberFormatDecision {
  return { format, ambiguous, evidence: english(because), because };
}

/** Decide a column's decimal and thousands separators from its values (tokens and blanks are ignored by the caller). */
export function decideNumberFormat(values: readonly string[], hints: NumberFormatHints): NumberFormatDecision {
  const commaDecimal: string[] = [];
  const commaGroups: string[] = [];
  const commaAmbiguous: string[] = [];
  const dotDecimal: string[] = [];
  const dotGroups: string[] = [];
  const dotAmbiguous: string[] = [];
  const both: string[] = [];
  for (const raw of values) {
    const v = raw.trim().replace(/^[-\u2212+]/, '').replace(SPACES_ALL, '');
    const hasComma = v.includes(',');
    const hasDot = v.includes('.');
    if (hasComma && hasDot) both.push(raw);
    else if (hasComma) {
      if (/^\d{1,3}(?:,\d{3}){2,}$/.test(v)) commaGroups.push(raw);
      else if (/^\d{1,3},\d{3}$/.test(v)) commaAmbiguous.push(raw);
      else if (/^\d+,\d+$/.test(v)) commaDecimal.push(raw);
    } else if (hasDot) {
      if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(v)) dotGroups.push(raw);
      else if (/^\d{1,3}\.\d{3}$/.test(v)) dotAmbiguous.push(raw);
      else if (/^\d+\.\d+$/.test(v)) dotDecimal.push(raw);
    }
  }
  if (both.length > 0) {
    const first = both[0]!;
    const decimal = first.lastIndexOf(',') > first.lastIndexOf('.') ? ',' : '.';
    return decision({ decimal, thousands: decimal === ',' ? '.' : ',' }, false, phrase('nfBoth', { values: quoteList(both), decimal }));
  }
  const commaSays = commaDecimal.length > 0 ? 'decimal' : commaGroups.length > 0 ? 'thousands' : null;
  if (commaDecimal.length > 0 && commaGroups.length > 0) {
    const decimal = commaDecimal.length >= commaGroups.length;
    return decision(decimal ? { decimal: ',', thousands: 'none' } : { decimal: '.', thousands: ',' }, true, phrase('nfContradictory', {
      nDecimal: commaDecimal.length, decimalValues: quoteList(commaDecimal), nGroups: commaGroups.length, groupValues: quoteList(commaGroups),
    }));
  }
  if (commaSays === 'decimal') {
    return decision({ decimal: ',', thousands: dotGroups.length > 0 ? '.' : 'none' }, false, phrase('nfDecimalComma', { n: commaDecimal.length, values: quoteList(commaDecimal) }));
  }
  if (commaSays === 'thousands') {
    return decision({ decimal: '.', thousands: ',' }, false, phrase('nfCommaThousands', { n: commaGroups.length, values: quoteList(commaGroups) }));
  }
  if (commaAmbiguous.length > 0) {
    // Only "6,945"-like values: a count cannot be fractional, a "." decimal elsewhere rules out a decimal
    // comma, and otherwise a ";" file follows the Swedish convention.
    let decimalComma: boolean;
    let why: Phrase;
    if (dotDecimal.length > 0) {
      decimalComma = false;
      why = phrase('nfWhyDotDecimal', { values: quoteList(dotDecimal) });
    } else if (hints.wholeNumbers) {
      decimalComma = false;
      why = phrase('nfWhyCounts');
    } else if (hints.delimiter === ';') {
      decimalComma = true;
      why = phrase('nfWhySemicolon');
    } else {
      decimalComma = false;
      why = phrase('nfWhyOtherDelimiter', { delimiter: hints.delimiter === '\t' ? phrase('tab') : phrase('quoted', { text: hints.delimiter }) });
    }
    return decision(decimalComma ? { decimal: ',', thousands: 'none' } : { decimal: '.', thousands: ',' }, true, phrase('nfCommaAmbiguous', {
      n: commaAmbiguous.length, values: quoteList(commaAmbiguous), reading: phrase(decimalComma ? 'nfReadDecimalComma' : 'nfReadThousandsComma'), why,
    }));
  }
  if (dotGroups.length > 0 && dotDecimal.length === 0) {
    return decision({ decimal: ',', thousands: '.' }, false, phrase('nfDotThousands', { values: quoteList(dotGroups) }));
  }
  if (dotAmbiguous.length > 0 && dotDecimal.length === 0 && hints.wholeNumbers) {
    return decision({ decimal: ',', thousands: '.' }, true, phrase('nfDotAmbiguousCounts', { n: dotAmbiguous.length, values: quoteList(dotAmbiguous) }));
  }
  if (dotDecimal.length + dotAmbiguous.length > 0) {
    return decision({ decimal: '.', thousands: 'none' }, false, phrase('nfDecimalPoint', { values: quoteList([...dotDecimal, ...dotAmbiguous]) }));
  }
  return decision({ decimal: hints.delimiter === ';' ? ',' : '.', thousands: 'none' }, false, phrase('nfWholeNumbers'));
}
