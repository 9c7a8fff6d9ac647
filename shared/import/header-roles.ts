/**
 * Which dimension a column header names, in Swedish or English: "Region"/"Län"/"County", "Kön"/"Sex",
 * "Ålder"/"Age", "År"/"Year"/"Månad"/"Vecka"/"Period", "Diagnos"/"ICD-10"/"Code", "Läkemedel"/"ATC".
 * Headers decide before values do: an "År" column holds numbers but is a dimension, not a measure.
 */
import { foldText } from '../utils/text';

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
