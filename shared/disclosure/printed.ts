/**
 * printedTableOf: the checker's input built from what a disclosed answer prints — the texts, read back as a
 * reader who knows the policy would read them — and the sums that tie the printed figures together. It does not
 * look at how the figures were suppressed, only at the texts, so checkDisclosure audits the print itself.
 */
import { COUNTY_CODES, HEALTHCARE_REGION_IDS, regionByCode, regionName, healthcareRegionName } from '../regions/regions';
import { HALLAND_CODE } from '../regions/healthcare-shares';
import type { DisclosurePolicy } from './policy';
import type { Component } from './values';
import type { AdditiveRelation, DisclosedAnswer, DisclosedFigure, PrintedCell, PrintedTable } from './types';
import type { Language } from '../text/language';

const COMPONENTS: readonly Component[] = ['low', 'point', 'high'];

/** The whole values v ≥ 0 a printed number n can stand for, per the policy's rounding of that component. */
function roundingPreimage(n: number, component: Component, policy: DisclosurePolicy, firstShown: number): { low: number; high: number } {
  const b = policy.rounding;
  if (b <= 1) return { low: n, high: n };
  const smallestPointMultiple = Math.ceil(firstShown / b) * b;
  const printsAs = (v: number): number => {
    if (component === 'high') return Math.ceil(v / b) * b;
    if (component === 'low') return Math.max(firstShown, Math.floor(v / b) * b);
    return Math.max(smallestPointMultiple, Math.floor(v / b + 0.5) * b);
  };
  // Scan the neighbourhood: every value that prints as n lies within 2b of it (or from the first shown value).
  let low = Infinity;
  let high = -Infinity;
  for (let v = Math.max(firstShown, n - 2 * b); v <= n + 2 * b; v++) {
    if (printsAs(v) === n) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  if (low > high) throw new Error(`printedTableOf: "${n}" cannot be printed under ${policy.name} with rounding ${b}`);
  return { low, high };
}

/** Reads a printed number: digits with any locale grouping (spaces, no-break spaces, commas or points). */
function readNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f,.]/g, '');
  return /^\d+$/.test(compact) ? Number(compact) : null;
}

/** The whole values a reader knows a printed text can stand for. */
export function readPrintedText(text: string, component: Component, policy: DisclosurePolicy): { low: number; high: number } {
  const t = text.trim();
  // Secondary suppression may hide any value, small or large.
  if (t === policy.secondaryText.trim()) return { low: 0, high: Infinity };
  const bottom = policy.zero === 'as-small' ? 0 : 1;
  const bands = policy.small.kind === 'bands' ? policy.small.bands : [];
  const firstShown = Math.max(policy.threshold, (bands[bands.length - 1]?.to ?? 0) + 1);
  if (t.startsWith('<')) {
    const n = readNumber(t.slice(1));
    if (n !== null) return { low: bottom, high: n - 1 };
  }
  if (t.startsWith('≤')) {
    const n = readNumber(t.slice(1));
    if (n !== null) return { low: bottom, high: n };
  }
  const dash = t.indexOf('–');
  if (dash > 0) {
    const a = readNumber(t.slice(0, dash));
    const b = readNumber(t.slice(dash + 1));
    if (a !== null && b !== null) return { low: a, high: b };
  }
  const n = readNumber(t);
  if (n === null) throw new Error(`printedTableOf: cannot read the printed text "${text}"`);
  if (n === 0) return { low: 0, high: 0 };
  return roundingPreimage(n, component, policy, firstShown);
}

const LABELS = {
  sv: { low: 'låg', point: 'punkt', high: 'hög', national: 'Riket', step: 'Steg', base: 'Bas', loss: 'Bortfall vid steget', hallandSodra: 'Hallands del i Södra', hallandVastra: 'Hallands del i Västra' },
  en: { low: 'low', point: 'point', high: 'high', national: 'National', step: 'Step', base: 'Base', loss: 'Loss at step', hallandSodra: 'Halland’s part of Södra', hallandVastra: 'Halland’s part of Västra' },
} as const;

export function printedTableOf(disclosed: DisclosedAnswer, policy: DisclosurePolicy, options: { language?: Language } = {}): PrintedTable {
  const language = options.language ?? 'en';
  const words = LABELS[language];
  const cells: PrintedCell[] = [];
  const relations: AdditiveRelation[] = [];
  const order: [string, string][] = [];
  const label = (name: string, c: Component) => `${name} (${words[c]})`;

  const addFigure = (figure: DisclosedFigure, name: string) => {
    for (const c of COMPONENTS) cells.push({ id: `${figure.id}#${c}`, label: label(name, c), ...readPrintedText(figure.texts[c], c, policy) });
    order.push([`${figure.id}#low`, `${figure.id}#point`], [`${figure.id}#point`, `${figure.id}#high`]);
  };
  disclosed.regions.forEach((r) => addFigure(r, regionName(r.region, language)));
  disclosed.healthcareRegions.forEach((h) => addFigure(h, healthcareRegionName(h.healthcareRegion, language)));
  addFigure(disclosed.national, words.national);
  disclosed.attrition.forEach((s) => addFigure(s.figure, s.type === 'base' ? words.base : `${words.step} "${s.label}"`));

  for (const c of COMPONENTS) {
    // Halland's patients are split between Södra and Västra: its two parts are unprinted, ≥ 0, and sum to Halland.
    cells.push({ id: `halland-sodra#${c}`, label: label(words.hallandSodra, c), low: 0, high: Infinity, protect: false });
    cells.push({ id: `halland-vastra#${c}`, label: label(words.hallandVastra, c), low: 0, high: Infinity, protect: false });
    relations.push({ id: `halland#${c}`, total: `region:${HALLAND_CODE}#${c}`, parts: [`halland-sodra#${c}`, `halland-vastra#${c}`] });
    for (const id of HEALTHCARE_REGION_IDS) {
      const parts = COUNTY_CODES.filter((code) => code !== HALLAND_CODE && regionByCode(code).healthcareRegion === id).map((code) => `region:${code}#${c}`);
      if (id === 'sodra') parts.push(`halland-sodra#${c}`);
      if (id === 'vastra') parts.push(`halland-vastra#${c}`);
      relations.push({ id: `healthcare-region:${id}#${c}`, total: `healthcare-region:${id}#${c}`, parts });
    }
    relations.push({ id: `national#${c}`, total: `national#${c}`, parts: HEALTHCARE_REGION_IDS.map((id) => `healthcare-region:${id}#${c}`) });
    addAttritionRelations(disclosed, c, cells, relations, words, label);
  }
  return { cells, relations, order };
}

/**
 * Consecutive enabled steps: before = after + loss, the loss unprinted. A reader knows a criterion removes
 * patients (loss ≥ 0) unless the print shows the step rising; a disabled step equals the step before it.
 */
function addAttritionRelations(
  disclosed: DisclosedAnswer,
  c: Component,
  cells: PrintedCell[],
  relations: AdditiveRelation[],
  words: (typeof LABELS)[Language],
  label: (name: string, c: Component) => string,
): void {
  const steps = disclosed.attrition;
  if (steps.length === 0) return;
  const bounds = (f: DisclosedFigure) => cells.find((cell) => cell.id === `${f.id}#${c}`)!;
  let previous = steps[0]!;
  for (const step of steps.slice(1)) {
    const before = `${previous.figure.id}#${c}`;
    const after = `${step.figure.id}#${c}`;
    if (!step.enabled) {
      relations.push({ id: `same:${step.stepId}#${c}`, total: before, parts: [after] });
      continue;
    }
    const rises = bounds(step.figure).low > bounds(previous.figure).high;
    const lossId = `loss:${step.stepId}#${c}`;
    cells.push({ id: lossId, label: label(`${words.loss} "${step.label}"`, c), low: rises ? -Infinity : 0, high: Infinity });
    relations.push({ id: lossId, total: before, parts: [after, lossId] });
    previous = step;
  }
  relations.push({ id: `national-is-last-step#${c}`, total: `${disclosed.national.id}#${c}`, parts: [`${steps[steps.length - 1]!.figure.id}#${c}`] });
}
