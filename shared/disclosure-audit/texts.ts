/**
 * The auditor's words, Swedish and English: names of the quantities a reader reasons about, of the relations
 * they use, and the findings. Every finding carries both languages, so the app and the CLI show it in theirs.
 */
import { HEALTHCARE_REGION_IDS, COUNTY_CODES, healthcareRegionName, regionName, type CountyCode, type HealthcareRegionId } from '../regions/regions';
import type { Language } from '../text/language';
import type { AnswerStructure, AuditComponent, OutputKind, Words } from './types';

const COMPONENT: Record<AuditComponent, Words> = {
  low: { sv: 'låg', en: 'low' },
  point: { sv: 'punkt', en: 'point' },
  high: { sv: 'hög', en: 'high' },
};

const OUTPUT: Record<OutputKind, Words> = {
  letter: { sv: 'svarsbrevets tryckta siffror', en: 'the letter’s printed figures' },
  'answer-file': { sv: 'svarsfilens tryckta siffror', en: 'the answer file’s printed figures' },
  'compiled-answer': { sv: 'sammanställningens tryckta siffror', en: 'the compiled answer’s printed figures' },
  'sponsor-view': { sv: 'sponsorsvyns siffror', en: 'the sponsor view’s figures' },
  csv: { sv: 'CSV-filens siffror', en: 'the CSV file’s figures' },
  'recruitment-chart': { sv: 'rekryteringsdiagrammet', en: 'the recruitment chart' },
};

export const both = (sv: string, en: string): Words => ({ sv, en });

export function componentWords(c: AuditComponent): Words {
  return COMPONENT[c];
}

export function outputWords(kind: OutputKind): Words {
  return OUTPUT[kind];
}

/** The name of a figure of the table, as the letter names it. */
export function figureName(figure: string, structure: AnswerStructure): Words {
  const [kind, id] = figure.split(':', 2) as [string, string | undefined];
  if (kind === 'region' && (COUNTY_CODES as readonly string[]).includes(id ?? '')) return both(regionName(id as CountyCode, 'sv'), regionName(id as CountyCode, 'en'));
  if (kind === 'healthcare-region' && (HEALTHCARE_REGION_IDS as readonly string[]).includes(id ?? '')) {
    const hr = id as HealthcareRegionId;
    return both(`sjukvårdsregion ${healthcareRegionName(hr, 'sv')}`, `the ${healthcareRegionName(hr, 'en')} healthcare region`);
  }
  if (figure === 'national') return both('Riket', 'Sweden');
  if (figure === 'unknown-region') return both('okänd region', 'unknown region');
  if (figure === 'national-published') return both('publicerat riksvärde', 'published national figure');
  if (kind === 'attrition') {
    const step = structure.attrition.find((s) => s.stepId === id);
    if (step && structure.attrition[0]?.stepId === id) return both('urvalets bas', 'the attrition base');
    if (step) return both(`steget "${step.label}"`, `step "${step.label}"`);
  }
  return both(figure, figure);
}

export function quantityWords(name: Words, c: AuditComponent): Words {
  return both(`${name.sv} (${COMPONENT[c].sv})`, `${name.en} (${COMPONENT[c].en})`);
}

export function lossWords(stepName: Words, c: AuditComponent): Words {
  return both(`bortfallet vid ${stepName.sv} (${COMPONENT[c].sv})`, `the loss at ${stepName.en} (${COMPONENT[c].en})`);
}

export function interval(low: number, high: number): string {
  const end = (x: number) => (x === Number.POSITIVE_INFINITY ? '∞' : x === Number.NEGATIVE_INFINITY ? '−∞' : String(x));
  return low === high ? end(low) : `${end(low)}–${end(high)}`;
}

export function narrowedMessage(label: Words, printed: { low: number; high: number } | string | null, inferred: { low: number; high: number }, range: { from: number; to: number }, policyName: string, reasons: Words[]): Words {
  const via = (lang: Language) => (reasons.length === 0 ? '' : lang === 'sv' ? ` Det följer av: ${reasons.map((r) => r.sv).join('; ')}.` : ` It follows from: ${reasons.map((r) => r.en).join('; ')}.`);
  const what = (x: { low: number; high: number } | string) => (typeof x === 'string' ? x : interval(x.low, x.high));
  const exactly = inferred.low === inferred.high;
  return both(
    `${label.sv}${printed ? ` (tryckt som ${what(printed)})` : ''} kan ringas in till ${exactly ? 'exakt ' : ''}${what(inferred)}, inom det skyddade intervallet ${range.from}–${range.to} (${policyName}).${via('sv')}`,
    `${label.en}${printed ? ` (printed as ${what(printed)})` : ''} can be narrowed to ${exactly ? 'exactly ' : ''}${what(inferred)}, inside the protected range ${range.from}–${range.to} (${policyName}).${via('en')}`,
  );
}

export function printedSmallMessage(label: Words, value: number, range: { from: number; to: number }, policyName: string, outputs: Words[]): Words {
  return both(
    `${label.sv} är tryckt som ${value} i ${outputs.map((o) => o.sv).join(' och ')}, inom det skyddade intervallet ${range.from}–${range.to} (${policyName}).`,
    `${label.en} is printed as ${value} in ${outputs.map((o) => o.en).join(' and ')}, inside the protected range ${range.from}–${range.to} (${policyName}).`,
  );
}

export function derivedMessage(name: Words, from: Words[]): Words {
  return both(
    `${name.sv} räknas fram ur ${from.map((f) => f.sv).join(', ')}, som inte är tryckt som tal: det som ritas eller skrivs där avslöjar ett dolt värde.`,
    `${name.en} is computed from ${from.map((f) => f.en).join(', ')}, which is not printed as a number: what it draws or prints reveals a hidden figure.`,
  );
}

export function contradictionMessage(reasons: Words[]): Words {
  return both(
    `De tryckta siffrorna motsäger varandra: inga värden passar alla samtidigt.${reasons.length ? ` Motsägelsen ligger i: ${reasons.map((r) => r.sv).join('; ')}.` : ''}`,
    `The printed figures contradict each other: no values fit all of them at once.${reasons.length ? ` The contradiction lies in: ${reasons.map((r) => r.en).join('; ')}.` : ''}`,
  );
}

export function unreadableMessage(label: Words, text: string, output: Words): Words {
  return both(`${label.sv} i ${output.sv} har texten "${text}", som ingen röjandeskyddsregel skriver.`, `${label.en} in ${output.en} reads "${text}", which no disclosure policy prints.`);
}

export function undecidedMessage(label: Words, detail: string): Words {
  return both(`Röjandekontrollen kunde inte avgöra om ${label.sv} går att ringa in (${detail}); exporten stoppas hellre än gissar.`, `Disclosure control could not decide whether ${label.en} can be narrowed (${detail}); the export is stopped rather than guessed.`);
}
