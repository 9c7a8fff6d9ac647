/**
 * A measure column: an export whose "Mått" / "Measure" / "Tabellinnehåll" column names, on each row, what the
 * row's values measure ("Number of patients", "Admissions", "Patients per 100,000 inhabitants"). That column
 * is no dimension: each name is a measure of its own, with its own kind, and rows of different names are
 * never added together (persons and events are different bases; rates do not add at all).
 */
import { foldText } from '../utils/text';
import { classifyMeasureHeader, specBecause, type MeasureSpec } from './measure-kind';
import { phrase } from './phrases';

const HEADER = /^(matt|mattet|measure|measures|tabellinnehall|table contents|contents|innehall|indikator|indicator|indikatorer|indicators|statistikmatt|statistic|statistics|variabel|variable|enhet och matt)$/;

/** A header that names a column of measure names. */
export function isMeasureNameHeader(header: string): boolean {
  return HEADER.test(foldText(header));
}

/** What a name in a measure column measures: as the mapping says, else from its words; null when its words name no measure. */
export function specOfMeasureName(name: string, specs: Readonly<Record<string, MeasureSpec>>): MeasureSpec | null {
  return specs[name] ?? classifyMeasureHeader(name);
}

/** The measure a name stands for when its words do not say: a count of persons, as for an unnamed column. */
export function assumedMeasureName(name: string): MeasureSpec {
  return specBecause({ kind: 'count', unit: 'persons' }, phrase('mkUnknownName', { name }));
}

function slug(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'measure';
}

/**
 * Key and name of the measure a name makes out of one of the file's value measures. With one value measure
 * (the usual "Värde" column, or years across) the name alone; with several, both.
 */
export function namedMeasure(name: string, group: { key: string; name: string }, groups: number): { key: string; name: string } {
  return groups <= 1 ? { key: slug(name), name } : { key: `${slug(name)}-${group.key}`, name: `${name} (${group.name})` };
}
