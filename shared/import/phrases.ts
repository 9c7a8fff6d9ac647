/**
 * The importer's explanations (why an encoding, delimiter, role or number format was chosen; what is wrong
 * with a cell and what was expected) as stable codes with parameters, so that every user sees them in their
 * own language. The templates live in phrases.en.ts and phrases.sv.ts ({{name}} placeholders, the syntax
 * i18next uses, so the renderer passes them through its t()); the English rendering is kept on each problem
 * and evidence item for the CLI, logs and tests.
 */
import type { DimensionRole } from '../counts/dataset';
import { PHRASES_EN, type PhraseKey } from './phrases.en';
import { COUNTY_CODES, type CountyCode } from '../regions/regions';

export type { PhraseKey } from './phrases.en';

/** A parameter: a raw value (quoted text, a header, a line number), another phrase, or a list of them. */
export type PhraseParam = string | number | Phrase | readonly PhraseParam[];

export interface Phrase {
  key: PhraseKey;
  params?: Readonly<Record<string, PhraseParam>>;
}

export function phrase(key: PhraseKey, params?: Record<string, PhraseParam>): Phrase {
  return params === undefined ? { key } : { key, params };
}

export type PhraseTable = Readonly<Record<PhraseKey, string>>;

const isPhrase = (v: PhraseParam): v is Phrase => typeof v === 'object' && !Array.isArray(v) && 'key' in v;

/** The parameter as text: numbers through `formatNumber`, phrases rendered with `renderNested`, lists joined by ", ". */
export function paramText(value: PhraseParam, formatNumber: (n: number) => string, renderNested: (p: Phrase) => string): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (isPhrase(value)) return renderNested(value);
  return (value as readonly PhraseParam[]).map((v) => paramText(v, formatNumber, renderNested)).join(', ');
}

/** Fills a template's {{name}} placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A phrase in the language of `table`. Numbers are plain digits unless a formatter is given. */
export function renderPhrase(p: Phrase, table: PhraseTable = PHRASES_EN, formatNumber: (n: number) => string = String): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(p.params ?? {})) {
    values[name] = paramText(value, formatNumber, (nested) => renderPhrase(nested, table, formatNumber));
  }
  return fillTemplate(table[p.key], values);
}

/** The English text of a phrase (the form kept beside the code for the CLI and logs). */
export const english = (p: Phrase): string => renderPhrase(p);

const ROLE_WORD: Record<DimensionRole, PhraseKey> = {
  region: 'roleRegion', sex: 'roleSex', age: 'roleAge', period: 'rolePeriod', code: 'roleCode', extra: 'roleExtra',
};

/** A dimension role as a word inside a phrase. */
export const rolePhrase = (role: DimensionRole): Phrase => phrase(ROLE_WORD[role]);

const VALUE_WORD: Readonly<Record<string, PhraseKey>> = { male: 'valueMale', female: 'valueFemale', all: 'valueAll', national: 'valueNational', unknown: 'valueUnknown' };
const COUNTIES: ReadonlySet<string> = new Set(COUNTY_CODES);

/**
 * A stored value as the reader's word: a county code as the county's name, the normalised words (male, female,
 * all, national, unknown) in the reader's language, anything else (ages, years, codes, free text) as it is.
 */
export function valuePhrase(role: DimensionRole, value: string): Phrase | string {
  if (role === 'region' && COUNTIES.has(value)) return phrase(`county${value as CountyCode}`);
  return VALUE_WORD[value] ? phrase(VALUE_WORD[value]) : value;
}

/**
 * A cell's labels for a message: each column by the header the file gave it (its role's word when it had
 * none) with the value in the reader's words, e.g. "region Uppsala län, ålder 0-4, period 2022".
 */
export function cellLabel(dimensions: readonly { role: DimensionRole; label?: string }[], values: readonly string[]): PhraseParam {
  return dimensions.map((d, i) => phrase('member', { role: d.label || rolePhrase(d.role), value: valuePhrase(d.role, values[i] ?? '') }));
}
