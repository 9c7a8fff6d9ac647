/**
 * Matching ICD-10 codes against criteria, and telling parents (categories, blocks, chapters) from their
 * children.
 *
 * Every canonical code denotes a range of the code space: "C18" stands for C18 and everything below it
 * (C180 … C189), "C18-C20" for C18*, C19* and C20*, "C187" for C187 and its ICD-10-SE sub-codes. A range is
 * held as [lo, hi] strings: lo = the first end, hi = the last end + U+FFFF, which sorts after every longer
 * code with that prefix (codes are ASCII letters and digits). Containment and overlap are then plain string
 * comparisons.
 */
import { normalizeIcd10 } from './normalize';

export interface CodeRange {
  lo: string;
  hi: string;
}

export interface CodeTerm {
  /** Canonical text, e.g. "C18" or "C18-C20". */
  code: string;
  range: CodeRange;
}

export interface CodeSet {
  terms: CodeTerm[];
}

const AFTER_ALL = '\uffff';

/** The range a canonical or raw code denotes. */
export function codeRange(code: string): CodeRange {
  const canonical = normalizeIcd10(code);
  const dash = canonical.indexOf('-');
  if (dash < 0) return { lo: canonical, hi: canonical + AFTER_ALL };
  return { lo: canonical.slice(0, dash), hi: canonical.slice(dash + 1) + AFTER_ALL };
}

/** Parse a criterion's code list ("C18.7", "C18", "C18–C20", …); throws InvalidIcd10Error on a bad entry. */
export function parseCodeSet(list: readonly string[]): CodeSet {
  return { terms: list.map((raw) => ({ code: normalizeIcd10(raw), range: codeRange(raw) })) };
}

function asCodeSet(setOrCode: CodeSet | string): CodeSet {
  return typeof setOrCode === 'string' ? parseCodeSet([setOrCode]) : setOrCode;
}

const contains = (outer: CodeRange, inner: CodeRange): boolean => outer.lo <= inner.lo && inner.hi <= outer.hi;
const overlaps = (a: CodeRange, b: CodeRange): boolean => a.lo <= b.hi && b.lo <= a.hi;

/**
 * True when everything `code` stands for lies inside the criterion: "C187" and "C18" match "C18",
 * "C19" matches "C18-C20", but the block "C15-C26" does not match "C18" (it holds other cancers too).
 */
export function codeMatches(setOrCode: CodeSet | string, code: string): boolean {
  const range = codeRange(code);
  return asCodeSet(setOrCode).terms.some((term) => contains(term.range, range));
}

/**
 * True when `code` is partly but not wholly inside the criterion (data coarser than the question: the
 * file has "C15-C26", the criterion asks for "C18"). Such cells cannot be counted exactly.
 */
export function codePartlyMatches(setOrCode: CodeSet | string, code: string): boolean {
  const range = codeRange(code);
  const terms = asCodeSet(setOrCode).terms;
  return !terms.some((term) => contains(term.range, range)) && terms.some((term) => overlaps(term.range, range));
}

/** True when `ancestor` strictly contains `descendant` ("C18" ⊃ "C187", "C15-C26" ⊃ "C18", "C00-D48" ⊃ "C15-C26"). */
export function isAncestor(ancestor: string, descendant: string): boolean {
  const a = codeRange(ancestor);
  const d = codeRange(descendant);
  return contains(a, d) && (a.lo !== d.lo || a.hi !== d.hi);
}
