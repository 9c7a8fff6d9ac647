/**
 * The import's fast path for measure cells: "123" or "12,34" (digits, at most one decimal separator of the
 * column's format, at most 15 digits) read by a loop over the characters, without trimming, regular
 * expressions or a result object. Everything else ("1 234", "-4", "X", " 12") returns -1 and takes the
 * general path (value-tokens.ts), which decides the same value for the same text.
 */

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The value of a plain number with `decimal` (a char code) as its decimal separator, or -1 for anything
 * else. Digits over 10^d is the same double as Number("ddd.dd"): both are the correctly rounded value of the
 * same exact fraction.
 */
export function plainNumber(text: string, decimal: number): number {
  const n = text.length;
  if (n === 0 || n > 16) return -1;
  let value = 0;
  let i = 0;
  for (; i < n; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  if (i === 0) return -1;
  if (i === n) return n > 15 ? -1 : value;
  if (text.charCodeAt(i) !== decimal || i === n - 1) return -1;
  const fractionStart = ++i;
  for (; i < n; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  if (n - 1 > 15) return -1;
  return value / POW10[n - fractionStart]!;
}

/** Digits after the decimal separator of a text {@link plainNumber} accepted (a rate's rounding interval). */
export function plainDecimals(text: string, decimal: number): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === decimal) return text.length - i - 1;
  return 0;
}

/** True when a token ("0" meaning zero, say) would be taken for a plain number in either decimal format. */
export function looksPlain(token: string): boolean {
  return plainNumber(token, 44) >= 0 || plainNumber(token, 46) >= 0;
}
