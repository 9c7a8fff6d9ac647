/**
 * What a value column measures, from its header (or, for wide tables whose headers are years or ages,
 * from the title line): a count of persons ("Antal patienter", "Number of patients"), a count of events
 * ("Antal expedieringar", "vårdtillfällen"), a rate ("Patienter/1000 invånare", "per 100 000"), a
 * population ("Befolkning", "Population") or something else (land area). Only counts and populations can
 * be added up; persons and events are different bases and are never mixed.
 */
import { foldText } from '../utils/text';
import { english, phrase, type Phrase } from './phrases';

export type MeasureKind = 'count' | 'rate' | 'population' | 'other';

export interface MeasureSpec {
  kind: MeasureKind;
  /** For counts: persons (patients) or events (dispensings, admissions). */
  unit?: 'persons' | 'events';
  /** For rates: per how many inhabitants (1000, 100000; 100 for percent); null for a rate per area or unknown base. */
  ratePer?: number | null;
  /** The words that decided it (English). */
  evidence: string;
  /** `evidence` as a translatable phrase (absent on specs written by hand or stored before it existed). */
  because?: Phrase;
}

/** A spec with its reason, in English and as a phrase. */
export function specBecause<T extends Omit<MeasureSpec, 'evidence' | 'because'>>(spec: T, because: Phrase): T & { evidence: string; because: Phrase } {
  return { ...spec, evidence: english(because), because };
}

const EVENT_WORDS = /\b(expedieringar|expediering|vardtillfallen|vardtillfalle|besok|vardkontakter|kontakter|utskrivningar|recept|forskrivningar|operationer|ingrepp|admissions|admission|events|dispensings|dispensations|prescriptions|discharges|episodes|visits|procedures|contacts)\b/;
const POPULATION_WORDS = /\b(befolkning|befolkningen|population|folkmangd|medelfolkmangd|invanare|inhabitants|residents)\b/;
const PERSON_WORDS = /\b(antal|patienter|patients|personer|persons|individer|individuals|count|number|fall|cases|sjukdomsfall|n|antal patienter)\b/;
const MEAN_WORDS = /\b(medel\w*|genomsnitt\w*|mean|average|median)\b/;
const AREA_WORDS = /\b(area|areal|yta|km2|sq|hektar|hectares)\b/;

function ratePer(folded: string): number | null | undefined {
  // "/100 000", "per 100 000", "per 100,000", "per 100.000": the groups of a base are never decimals.
  const slash = /\/\s*(\d{1,3}(?:[ ,.\u00a0]\d{3})+|\d+)/.exec(folded);
  if (slash) return Number(slash[1]!.replace(/[ ,.\u00a0]/g, ''));
  const per = /\b(?:per|pr)\s+(\d{1,3}(?:[ ,.\u00a0]\d{3})+|\d+)/.exec(folded);
  if (per) return Number(per[1]!.replace(/[ ,.\u00a0]/g, ''));
  if (/\bpromille\b|‰/.test(folded)) return 1000;
  if (/%|\bprocent\b|\bpercent\b|\bandel\b|\bshare\b/.test(folded)) return 100;
  if (/\b(?:per|pr)\s+(?:sq|km|kvadrat)|\bdensity\b|\btathet\b|\bper capita\b/.test(folded)) return null;
  if (/\b(incidens|prevalens|incidence|prevalence|rate)\b/.test(folded)) return null;
  return undefined;
}

/** The measure a header (or title) names, or null when it names none. */
export function classifyMeasureHeader(raw: string): MeasureSpec | null {
  const folded = foldText(raw);
  if (folded === '') return null;
  const per = ratePer(folded);
  if (per !== undefined) return specBecause({ kind: 'rate', ratePer: per }, per === null ? phrase('mkRateNoBase', { header: raw }) : phrase('mkRatePer', { header: raw, per: String(per) }));
  if (AREA_WORDS.test(folded)) return specBecause({ kind: 'other' }, phrase('mkArea', { header: raw }));
  const event = EVENT_WORDS.exec(folded);
  if (event) return specBecause({ kind: 'count', unit: 'events' }, phrase('mkEvents', { word: event[1]! }));
  const population = POPULATION_WORDS.exec(folded);
  if (population) return specBecause({ kind: 'population' }, phrase('mkPopulation', { word: population[1]! }));
  // A mean or median (of an age, a stay) is no count; a mean population was recognised above.
  const mean = MEAN_WORDS.exec(folded);
  if (mean) return specBecause({ kind: 'other' }, phrase('mkMean', { word: mean[1]! }));
  const person = PERSON_WORDS.exec(folded);
  if (person) return specBecause({ kind: 'count', unit: 'persons' }, phrase('mkPersons', { word: person[1]! }));
  return null;
}

/** What a rate counts, from its numerator ("Vårdtillfällen/100 000 inv" counts events); undefined when it does not say. */
export function rateUnit(raw: string): 'persons' | 'events' | undefined {
  const folded = foldText(raw);
  if (EVENT_WORDS.test(folded)) return 'events';
  if (/\b(patienter|patients|personer|persons|individer|individuals|fall|cases)\b/.test(folded)) return 'persons';
  return undefined;
}

/** Can cells of this measure be added up? Rates cannot; "other" measures are not known to be additive. */
export function isAdditive(spec: MeasureSpec): boolean {
  return spec.kind === 'count' || spec.kind === 'population';
}
