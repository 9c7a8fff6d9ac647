/**
 * Numbers as Swedish and English exports print them: "1234", "1 234" (space, NO-BREAK SPACE U+00A0,
 * NARROW NO-BREAK SPACE U+202F or THIN SPACE U+2009 between groups), "4,74" (decimal comma), "4.74",
 * "6,945" / "12,345,678" (comma groups), "1.234,5" and "−3" (U+2212 minus). Whether a comma is a decimal
 * or a thousands separator cannot be told from one value ("6,945"), so the format is decided once per
 * column from all of its values by {@link decideNumberFormat}, and each value is then parsed strictly.
 */

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
  if (!Number.isFinite(value)) return null;
  return { value: Object.is(value, -0) ? 0 : value, decimals: fracPart.length };
}

export interface NumberFormatDecision {
  format: NumberFormat;
  /** True when the values alone could not decide (e.g. only "6,945"-like values); a warning is raised. */
  ambiguous: boolean;
  evidence: string;
}

export interface NumberFormatHints {
  /** The column holds counts or populations, which are whole numbers. */
  wholeNumbers: boolean;
  /** The file's field delimiter: Swedish ";" files use decimal commas. */
  delimiter: string;
}

const quoteList = (values: string[]): string => values.slice(0, 3).map((v) => `"${v}"`).join(', ');

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
    return {
      format: { decimal, thousands: decimal === ',' ? '.' : ',' },
      ambiguous: false,
      evidence: `values such as ${quoteList(both)} have both separators; the last one, "${decimal}", is the decimal separator`,
    };
  }
  const commaSays = commaDecimal.length > 0 ? 'decimal' : commaGroups.length > 0 ? 'thousands' : null;
  if (commaDecimal.length > 0 && commaGroups.length > 0) {
    const decimal = commaDecimal.length >= commaGroups.length;
    return {
      format: decimal ? { decimal: ',', thousands: 'none' } : { decimal: '.', thousands: ',' },
      ambiguous: true,
      evidence: `contradictory: ${commaDecimal.length} values like ${quoteList(commaDecimal)} need a decimal comma, ${commaGroups.length} like ${quoteList(commaGroups)} need comma groups; the majority wins and the rest are errors`,
    };
  }
  if (commaSays === 'decimal') {
    return {
      format: { decimal: ',', thousands: dotGroups.length > 0 ? '.' : 'none' },
      ambiguous: false,
      evidence: `decimal comma: ${commaDecimal.length} values like ${quoteList(commaDecimal)} have a comma not followed by exactly three digits`,
    };
  }
  if (commaSays === 'thousands') {
    return {
      format: { decimal: '.', thousands: ',' },
      ambiguous: false,
      evidence: `comma as thousands separator: ${commaGroups.length} values like ${quoteList(commaGroups)} have two or more comma groups of three digits`,
    };
  }
  if (commaAmbiguous.length > 0) {
    // Only "6,945"-like values: a count cannot be fractional, a "." decimal elsewhere rules out a decimal
    // comma, and otherwise a ";" file follows the Swedish convention.
    let decimalComma: boolean;
    let why: string;
    if (dotDecimal.length > 0) {
      decimalComma = false;
      why = `other values like ${quoteList(dotDecimal)} use "." as decimal separator`;
    } else if (hints.wholeNumbers) {
      decimalComma = false;
      why = 'the column holds counts, which are whole numbers';
    } else if (hints.delimiter === ';') {
      decimalComma = true;
      why = 'the file is ";"-separated, the Swedish convention with decimal commas';
    } else {
      decimalComma = false;
      why = `the file is "${hints.delimiter === '\t' ? 'tab' : hints.delimiter}"-separated, where a comma inside a number is a thousands separator`;
    }
    return {
      format: decimalComma ? { decimal: ',', thousands: 'none' } : { decimal: '.', thousands: ',' },
      ambiguous: true,
      evidence: `${commaAmbiguous.length} values like ${quoteList(commaAmbiguous)} could have a decimal comma or a thousands comma; read as ${decimalComma ? 'decimal comma' : 'thousands comma'} because ${why}`,
    };
  }
  if (dotGroups.length > 0 && dotDecimal.length === 0) {
    return {
      format: { decimal: ',', thousands: '.' },
      ambiguous: false,
      evidence: `dot as thousands separator: values like ${quoteList(dotGroups)} have two or more dot groups of three digits`,
    };
  }
  if (dotAmbiguous.length > 0 && dotDecimal.length === 0 && hints.wholeNumbers) {
    return {
      format: { decimal: ',', thousands: '.' },
      ambiguous: true,
      evidence: `${dotAmbiguous.length} values like ${quoteList(dotAmbiguous)} in a column of counts are read with "." as thousands separator (a count cannot be fractional)`,
    };
  }
  if (dotDecimal.length + dotAmbiguous.length > 0) {
    return {
      format: { decimal: '.', thousands: 'none' },
      ambiguous: false,
      evidence: `decimal point: values like ${quoteList([...dotDecimal, ...dotAmbiguous])} use "." and no value has a comma`,
    };
  }
  return {
    format: { decimal: hints.delimiter === ';' ? ',' : '.', thousands: 'none' },
    ambiguous: false,
    evidence: 'whole numbers only (no decimal or group separator seen, except spaces between groups)',
  };
}
