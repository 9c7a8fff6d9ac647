/**
 * Diagnosis and drug code cells. ICD-10(-SE) codes (leaf "C18.7"/"C187", category "C18", block
 * "C15–C26", chapter "C00 – D48"), possibly followed by their name ("C18 Tjocktarmscancer"), become the
 * canonical ICD-10 form. ATC codes ("C02AC02 Guanfacin", "N06BA") look similar but are drugs, not
 * diagnoses: the 4th character of an ATC code of level 3 or more is a letter, while ICD-10's is a digit.
 */
import { foldText } from '../utils/text';
import { tryNormalizeIcd10 } from '../icd10/normalize';

export type CodeCell =
  | { kind: 'icd10'; code: string; name: string }
  | { kind: 'atc'; code: string; name: string }
  | { kind: 'total' };

const TOTAL_WORDS = new Set(['totalt', 'total', 'samtliga', 'alla', 'all', 'summa', 'alla diagnoser', 'samtliga diagnoser', 'all diagnoses', 'alla lakemedel']);

const ICD_PART = '[A-Z]\\d{2}(?:\\.?\\d[0-9A-Z]{0,2})?[\u2020*]?';
const ICD = new RegExp(`^(${ICD_PART}(?:\\s*[-\u2010-\u2015\u2212\u00ad]+\\s*${ICD_PART})?)(?:\\s+(\\D.*))?$`);
const ATC = /^([A-Z]\d{2}[A-Z]{1,2}(?:\d{2})?)(?:\s+(\D.*))?$/;

export function parseCodeValue(raw: string): CodeCell | null {
  const text = raw.normalize('NFKC').replace(/[\s\u00a0]+/g, ' ').trim();
  if (text === '') return null;
  if (TOTAL_WORDS.has(foldText(text))) return { kind: 'total' };
  const upper = text.replace(/^[a-z]\d/, (s) => s.toUpperCase());
  const atc = ATC.exec(upper);
  if (atc) return { kind: 'atc', code: atc[1]!, name: atc[2] ?? '' };
  const icd = ICD.exec(upper);
  if (icd) {
    const code = tryNormalizeIcd10(icd[1]!);
    if (code) return { kind: 'icd10', code, name: icd[2] ?? '' };
  }
  return null;
}
