/**
 * Headers of wide tables name a member of a dimension instead of a measure: "2019", "2019 Jan", "0-4",
 * "85+", "Män", "Skåne", and a total column "Totalt". Each label gets every reading it allows; the set
 * of sibling columns then decides which dimension they spread (see column detection).
 */
import { foldText } from '../utils/text';
import { parseAgeBand, formatAgeBand } from '../utils/age-band';
import { parseRegion } from '../regions/parse';
import { parseSex } from './parse-sex';
import { parsePeriodLabel } from './parse-period-label';

export type MemberRole = 'period' | 'sex' | 'age' | 'region';

export interface MemberReading {
  role: MemberRole;
  /** Canonical value ("2019", "2019-01", "male", "0-4", "all", "12", "national"). */
  value: string;
}

/** Order of preference when a set of headers reads as several dimensions. */
export const MEMBER_ROLE_ORDER: readonly MemberRole[] = ['period', 'sex', 'age', 'region'];

const TOTAL_WORDS = new Set(['totalt', 'total', 'samtliga', 'summa', 'alla', 'all', 'hela riket', 'riket', 'sverige', 'bada konen', 'both sexes', 'hela aret', 'helar', 'ar totalt', 'alla aldrar']);

export function isTotalLabel(raw: string): boolean {
  return TOTAL_WORDS.has(foldText(raw));
}

/**
 * A row label that names a total with a qualifier: "Totalt inrapporterat", "Totalt, riket", "Summa regioner",
 * "Samtliga dödsorsaker". Only for labels in a dimension column: a header "Totalt antal patienter" names a
 * measure, not a total member.
 */
export function isTotalRowLabel(raw: string): boolean {
  if (isTotalLabel(raw)) return true;
  return /^(totalt|total|summa|samtliga|hela riket|riket)\b[\s,:;\u2013-]+\S/.test(foldText(raw));
}

export function memberReadings(raw: string): MemberReading[] {
  const text = raw.trim();
  if (text === '') return [];
  if (isTotalLabel(text)) {
    return MEMBER_ROLE_ORDER.map((role) => ({ role, value: role === 'region' ? 'national' : 'all' }));
  }
  const out: MemberReading[] = [];
  const period = parsePeriodLabel(text);
  if (period) out.push({ role: 'period', value: period });
  const sex = parseSex(text);
  if (sex && sex !== 'unknown') out.push({ role: 'sex', value: sex });
  // A bare four-digit number is a year, never an age.
  const age = /^\d{4}$/.test(text) ? null : parseAgeBand(text);
  if (age) out.push({ role: 'age', value: formatAgeBand(age) });
  const region = parseRegion(text);
  if (region) out.push({ role: 'region', value: region.kind === 'county' ? region.code : region.kind });
  return out;
}
