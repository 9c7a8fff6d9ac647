/**
 * What a measure cell holds: a number, a masked small count, a zero token, or nothing. These are different
 * things and stay different: "X" in Socialstyrelsen's tables means 1–3 (never 0), "-" means zero, an
 * empty or ".." cell means unknown (never 0). Mask meanings are configurable per source and recorded in
 * the dataset's provenance.
 */
import { parseSwedishNumber, type NumberFormat } from './swedish-number';

export interface MaskMeaning {
  low: number;
  high: number;
  /** The documented midpoint used as the best single value. */
  point: number;
}

/** Token meanings when the source documents nothing else. */
export const DEFAULT_MASK_TOKENS: Readonly<Record<string, MaskMeaning>> = Object.freeze({
  // Socialstyrelsen's statistikdatabas: "X" = 1–3 patients.
  X: { low: 1, high: 3, point: 2 },
  '<5': { low: 1, high: 4, point: 2.5 },
  '1-4': { low: 1, high: 4, point: 2.5 },
});

/**
 * Recognised as "a value was withheld", but their size is not documented by any one publisher, so the
 * user must give a meaning (or exclude the rows) before the data can be used.
 */
export const TOKENS_WITHOUT_DEFAULT_MEANING: readonly string[] = ['..', '*', '…', '.'];

/** "Nothing to report": dashes (including two soft hyphens, as some exports print an empty dash). */
export const DEFAULT_ZERO_TOKENS: readonly string[] = ['-', '–', '—', '--', '\u00ad\u00ad', '\u00ad', '−'];

export type MeasureCell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; decimals: number }
  | { kind: 'zero-token'; token: string }
  | { kind: 'masked'; token: string; meaning: MaskMeaning }
  | { kind: 'masked-unknown'; token: string }
  | { kind: 'invalid' };

export interface TokenTable {
  masks: Readonly<Record<string, MaskMeaning>>;
  zeros: readonly string[];
  /** Tokens this source explains as withheld without telling their size (a footnote's "S = uppgift skyddad"). */
  withheld?: readonly string[];
}

export const DEFAULT_TOKENS: TokenTable = { masks: DEFAULT_MASK_TOKENS, zeros: DEFAULT_ZERO_TOKENS };

/** Meaning of a token of the forms "<k" (1 … k−1) or "a-b" (a … b), which publishers use for bands. */
function patternMeaning(token: string): MaskMeaning | null {
  let m = /^<\s*(\d{1,6})$/.exec(token);
  if (m) {
    const k = Number(m[1]);
    return k >= 2 ? { low: 1, high: k - 1, point: k / 2 } : null;
  }
  m = /^(\d{1,6})\s*[-–]\s*(\d{1,6})$/.exec(token);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return a < b ? { low: a, high: b, point: (a + b) / 2 } : null;
  }
  return null;
}

/** True when the text, trimmed, is a token rather than a number (used to tell value columns from label columns). */
export function isValueToken(raw: string, tokens: TokenTable = DEFAULT_TOKENS): boolean {
  const t = raw.trim();
  return t in tokens.masks || t.toUpperCase() in tokens.masks || tokens.zeros.includes(t) || TOKENS_WITHOUT_DEFAULT_MEANING.includes(t) || (tokens.withheld?.includes(t) ?? false) || patternMeaning(t) !== null;
}

export function classifyMeasureCell(raw: string, format: NumberFormat, tokens: TokenTable = DEFAULT_TOKENS): MeasureCell {
  const t = raw.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
  if (t === '') return { kind: 'empty' };
  if (tokens.zeros.includes(t)) return { kind: 'zero-token', token: t };
  const meaning = tokens.masks[t] ?? tokens.masks[t.toUpperCase()];
  if (meaning) return { kind: 'masked', token: tokens.masks[t] ? t : t.toUpperCase(), meaning };
  const parsed = parseSwedishNumber(t, format);
  if (parsed) return { kind: 'number', value: parsed.value, decimals: parsed.decimals };
  if (TOKENS_WITHOUT_DEFAULT_MEANING.includes(t) || tokens.withheld?.includes(t)) return { kind: 'masked-unknown', token: t };
  const pattern = patternMeaning(t);
  if (pattern) return { kind: 'masked', token: t, meaning: pattern };
  return { kind: 'invalid' };
}
