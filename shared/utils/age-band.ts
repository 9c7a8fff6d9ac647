/**
 * Age labels as exports write them, parsed into whole-year bands.
 *
 * Accepted: "0-4", "0–4" (en dash), "0­19" (soft hyphen U+00AD, as Socialstyrelsen writes it), "0 - 4 år",
 * "85+", "85+ år", "90–" / "90-" (open upward), "85 år och äldre", "85 years and over", "0 years", "1 year",
 * "100+ years", "5" (a single year), and the totals "Totalt", "Samtliga", "Alla åldrar", "Total", "all".
 */
import { foldText } from './text';

export type AgeBand =
  | { kind: 'all' }
  /** Inclusive whole years; `max` null = open upward ("85+"). */
  | { kind: 'band'; min: number; max: number | null };

const TOTAL_WORDS = new Set(['totalt', 'total', 'samtliga', 'all', 'alla', 'alla aldrar', 'samtliga aldrar', 'all ages', 'totalt alla aldrar']);
const OPEN_SUFFIX = /^(\d{1,3})\s*(?:\+|-|och aldre|och over|and over|and older|or older|or more)$/;
const RANGE = /^(\d{1,3})\s*-\s*(\d{1,3})$/;
const SINGLE = /^(\d{1,3})$/;
/** Oldest age any band may name; larger numbers are typing errors, not ages. */
const MAX_AGE_LABEL = 130;

export function parseAgeBand(raw: string): AgeBand | null {
  // Every dash-like character (soft hyphen, en/em dash, minus, non-breaking hyphen) separates a range;
  // this must happen before folding, which deletes soft hyphens.
  const dashed = raw.replace(/[\u00ad\u2010-\u2015\u2212]+/g, '-');
  const folded = foldText(dashed)
    .replace(/\b(?:ar|years?|yrs?|aar)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (folded === '') return null;
  if (TOTAL_WORDS.has(folded)) return { kind: 'all' };
  let match = OPEN_SUFFIX.exec(folded);
  if (match) {
    const min = Number(match[1]);
    return min <= MAX_AGE_LABEL ? { kind: 'band', min, max: null } : null;
  }
  match = RANGE.exec(folded);
  if (match) {
    const min = Number(match[1]);
    const max = Number(match[2]);
    return min <= max && max <= MAX_AGE_LABEL ? { kind: 'band', min, max } : null;
  }
  match = SINGLE.exec(folded);
  if (match) {
    const age = Number(match[1]);
    return age <= MAX_AGE_LABEL ? { kind: 'band', min: age, max: age } : null;
  }
  return null;
}

/** The canonical label stored in datasets: "0-4", "85+", "7" (a single year) or "all". */
export function formatAgeBand(band: AgeBand): string {
  if (band.kind === 'all') return 'all';
  if (band.max === null) return `${band.min}+`;
  return band.min === band.max ? String(band.min) : `${band.min}-${band.max}`;
}
