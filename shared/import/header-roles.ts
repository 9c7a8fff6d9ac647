/**
 * Which dimension a column header names, in Swedish or English: "Region"/"Län"/"County", "Kön"/"Sex",
 * "Ålder"/"Age", "År"/"Year"/"Månad"/"Vecka"/"Period", "Diagnos"/"ICD-10"/"Code", "Läkemedel"/"ATC".
 * Headers decide before values do: an "År" column holds numbers but is a dimension, not a measure.
 */
import { foldText } from '../utils/text';
import { parsePeriodLabel } from './parse-period-label';
import { memberReadings } from './member-labels';

export type HeaderDimension = 'region' | 'sex' | 'age' | 'period' | 'code' | 'drug';

const RULES: readonly [HeaderDimension, RegExp][] = [
  ['region', /^(region|regioner|lan|landsting|county|counties|area|omrade|geografi|hemlan|bostadslan|folkbokforingslan|vardregion|sjukvardsregion|region of residence|residence|region\/lan)\b|\b(region|lan|county)$/],
  ['sex', /^(kon|sex|gender)\b|\b(kon|sex|gender)$/],
  ['age', /^(alder|age|aldersgrupp|aldersgrupper|aldersklass|aldersintervall|age group|age groups|ages)\b|\b(alder|age|aldersgrupp)$/],
  ['period', /^(ar|year|years|period|manad|month|vecka|week|kvartal|quarter|tid|time|datum|date|diagnosar|ar\/manad|ar-manad|ar och manad|tidsperiod)\b|\b(ar|year|manad|month|vecka|week|kvartal|quarter)$/],
  ['drug', /^(lakemedel|atc|atc-kod|atc kod|substans|substance|drug|drugs|medicine|lakemedelsgrupp|preparat)\b|\b(lakemedel|atc)$/],
  ['code', /^(diagnos|diagnoser|diagnoskod|diagnosgrupp|huvuddiagnos|icd|icd-10|icd10|icd-10-se|kod|code|codes|diagnosis|diagnoses|diagnosis code|cancerform|cancer site|sjukdom|disease)\b|\b(diagnos|icd-10|icd10|diagnosis)$/],
];

export function dimensionFromHeader(raw: string): HeaderDimension | null {
  const folded = foldText(raw);
  if (folded === '') return null;
  for (const [role, pattern] of RULES) if (pattern.test(folded)) return role;
  return null;
}

/**
 * True when the header names a member of a dimension rather than a dimension: a period ("vecka 10 2020" above
 * "Antal"), a part under a super-header ("Samtliga" or "1–4" under "Ålder"), or a header ending in a period or
 * age band ("Population 2019", "Ålder 0-4").
 */
function namesMember(parts: readonly string[]): boolean {
  for (const part of parts) {
    if (parsePeriodLabel(part)) return true;
    if (parts.length > 1 && dimensionFromHeader(part) === null && memberReadings(part).length > 0) return true;
    const tokens = part.trim().split(/\s+/);
    for (let k = 1; k < tokens.length && k <= 3; k++) {
      if (memberReadings(tokens.slice(tokens.length - k).join(' ')).some((r) => r.role === 'period' || r.role === 'age')) return true;
    }
  }
  return false;
}

/**
 * The dimension a column's header rows name, or null. A header that names a member ("vecka 10 2020" above
 * "Antal", "Ålder" above "1–4") is one column of a wide table, not the name of a dimension column, though it
 * starts with "vecka" or "Ålder".
 */
export function dimensionFromHeaderParts(parts: readonly string[]): HeaderDimension | null {
  if (parts.length === 0 || namesMember(parts)) return null;
  return dimensionFromHeader(parts.join(' '));
}
