/**
 * ICD-10(-SE) codes as files write them → one canonical form without dots or spaces:
 * leaf "C18.7"/"C187" → "C187", category "c18" → "C18", block "C15–C26"/"C15-C26" → "C15-C26",
 * chapter "C00 – D48" → "C00-D48". Dagger/asterisk markers ("A17.0†", "G01*") are dropped: they mark
 * the code's role in dual coding, not a different disease.
 */

export class InvalidIcd10Error extends Error {
  constructor(readonly raw: string, readonly reason: string) {
    super(`Not an ICD-10 code: "${raw}" (${reason})`);
    this.name = 'InvalidIcd10Error';
  }
}

/** Letter, two digits, then up to three more characters (ICD-10-SE extends WHO's 4th character with a 5th). */
const CODE = /^([A-Z]\d{2})(?:\.?([0-9A-Z]{1,3}))?$/;

function normalizeSingle(part: string, raw: string): string {
  const cleaned = part.replace(/[†*+]+$/u, '');
  const m = CODE.exec(cleaned);
  if (!m) throw new InvalidIcd10Error(raw, `"${part}" is not letter + two digits (+ up to three characters)`);
  return m[1]! + (m[2] ?? '');
}

/** Canonical form of a code, block or chapter; throws {@link InvalidIcd10Error} for anything else. */
export function normalizeIcd10(raw: string): string {
  const compact = raw
    .normalize('NFKC')
    // En/em dash, minus, soft hyphen and the other dash characters all mean "to" in a block.
    .replace(/[\u00ad\u2010-\u2015\u2212]+/g, '-')
    .replace(/[\s\u00a0]+/g, '')
    .toUpperCase();
  if (compact === '') throw new InvalidIcd10Error(raw, 'empty');
  const parts = compact.split('-');
  if (parts.length === 1) return normalizeSingle(parts[0]!, raw);
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') throw new InvalidIcd10Error(raw, 'a range has exactly two ends');
  const from = normalizeSingle(parts[0]!, raw);
  const to = normalizeSingle(parts[1]!, raw);
  if (from > to) throw new InvalidIcd10Error(raw, `range runs backwards (${from} > ${to})`);
  return from === to ? from : `${from}-${to}`;
}

/** Like {@link normalizeIcd10} but null instead of an error, for callers that collect errors themselves. */
export function tryNormalizeIcd10(raw: string): string | null {
  try {
    return normalizeIcd10(raw);
  } catch (error) {
    if (error instanceof InvalidIcd10Error) return null;
    throw error;
  }
}
