/**
 * The period a file names only in its title ("Antal patienter med diabetes 2021", "Folkmängd 31 december 2019",
 * "Läkemedelsanvändning 2018–2020"), for files that have no period column and no period in their headers.
 * Without it such a file has no period at all and no estimate can use it, although its publisher said which
 * year it counts.
 *
 * Only title lines are read: footers and notes carry extraction and publication dates ("Uttag 2022-02-18"),
 * which are not the period counted. A full date inside a title is not taken as a year either, for the same reason.
 * A title that names one year gives that year; two years joined by a dash, "till" or "to" give the span; any
 * other mix of years (two separate years, a year and a span) is ambiguous and gives nothing: the user states it.
 */
import type { Note } from './table-structure';

export interface TitlePeriod {
  from: string;
  to: string;
  /** The title line it was read from (1-based line of the file) and its text. */
  line: number;
  text: string;
}

// A four-digit year 1900–2099 standing alone: not part of a longer number, a date or a code such as "C2019".
const BEFORE = String.raw`(?<![\p{L}\p{N}.,:/-])`;
const AFTER = String.raw`(?![\p{N}]|[-./]\d)`;
const YEAR = String.raw`${BEFORE}((?:19|20)\d{2})${AFTER}`;
// "2018–2020", "2018-2020", "2018 till 2020" — but not "2018-02-18", whose second part is not a year.
const SPAN = new RegExp(String.raw`${BEFORE}((?:19|20)\d{2})\s*(?:[-–—]|till|to)\s*((?:19|20)\d{2})${AFTER}`, 'gu');
const SINGLE = new RegExp(YEAR, 'gu');

/** Years (or spans) one title names, in order, as [from, to] pairs. */
function periodsIn(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const rest = text.replace(SPAN, (_all, from: string, to: string) => {
    found.push([Number(from), Number(to)]);
    return ' ';
  });
  for (const m of rest.matchAll(SINGLE)) found.push([Number(m[1]), Number(m[1])]);
  return found;
}

export function periodFromTitle(notes: readonly Note[]): TitlePeriod | null {
  let chosen: TitlePeriod | null = null;
  for (const note of notes) {
    if (note.kind !== 'title') continue;
    const periods = periodsIn(note.text);
    if (periods.length === 0) continue;
    const distinct = new Set(periods.map(([a, b]) => `${a}-${b}`));
    if (distinct.size > 1) return null;
    const [from, to] = periods[0]!;
    if (to < from) return null;
    const candidate = { from: String(from), to: String(to), line: note.line, text: note.text };
    // Two titles naming different periods: not for us to choose.
    if (chosen && (chosen.from !== candidate.from || chosen.to !== candidate.to)) return null;
    chosen ??= candidate;
  }
  return chosen;
}
