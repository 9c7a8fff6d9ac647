/**
 * discloseAnswer: every figure of an estimate as it may leave the unit under a disclosure policy — the one
 * disclosed table that the letter, the answer file, the sponsor view and the CSV all print.
 *
 * 1. Whole numbers. Each region's interval is made whole (low down, point to nearest, high up). Halland is split
 *    by the printed share: Södra's part is that whole percentage of Halland's value rounded to whole patients
 *    (halves up), Västra's the rest — so what the letter says ("42 % to Södra") is exactly the rule used.
 *    Healthcare regions, the nation and every attrition step are sums of those whole values, so every printed
 *    total adds up exactly and the relations a reader can use hold exactly: healthcare region = Σ its regions
 *    (+ Halland's part), nation = Σ healthcare regions = the last attrition step, step before = step after + the
 *    loss at a criterion (≥ 0 when the criterion only removes patients).
 * 2. Primary suppression: low, point and high are each disclosed by discloseValue (values.ts); a small value
 *    prints as "<k" / "≤k−1" / its band — an interval end as well as the point.
 * 3. Secondary suppression (policy.secondary = 'complementary') as an optimisation (suppress.ts): the fewest and
 *    smallest further values hidden ("..") so that no value a reader cannot read off — small, hidden, or the loss
 *    at a criterion — can be narrowed into a protected range by any combination of the relations above.
 * The result is audited independently by the exact auditor (shared/disclosure-audit) before anything is exported.
 */
import type { EstimateResult } from '../estimate/types';
import { COUNTY_CODES, HEALTHCARE_REGION_IDS, regionByCode, type CountyCode, type HallandRule, type HealthcareRegionId } from '../regions/regions';
import { HALLAND_CODE } from '../regions/healthcare-shares';
import { protectedRanges, type DisclosurePolicy } from './policy';
import { chooseSuppression, type SuppressionProblem, type TableRow, type TableValue } from './suppress';
import { discloseValue, formatDisclosedValue, hiddenValue, type Component, type DisclosedValue } from './values';
import type { DisclosedAnswer, DisclosedAttritionStep, DisclosedFigure, InformationLoss } from './types';
import type { Interval } from '../utils/interval';

export interface DiscloseOptions {
  /** Formats whole numbers for the printed texts (default: plain digits), e.g. sv-SE "1 234". */
  formatNumber?: (n: number) => string;
  /**
   * How Halland is split between Södra and Västra (the rule the estimate used); the printed whole percentage of
   * it is the split applied. Default: read from the estimate (Södra minus its other regions, divided by Halland).
   */
  hallandRule?: HallandRule;
  /**
   * Regions with recruiting sites: the forecast is computed from their low, point and high, so the letter withholds
   * it when one of them is hidden. Their values are hidden only when nothing else would do.
   */
  recruitingRegions?: readonly CountyCode[];
}

const COMPONENTS: readonly Component[] = ['low', 'point', 'high'];

/** A whole count from an estimate's interval component: ends rounded outwards, the point to nearest. */
function whole(interval: Interval | undefined, c: Component): number {
  if (!interval) return 0;
  const v = interval[c];
  const w = c === 'low' ? Math.floor(v + 1e-9) : c === 'high' ? Math.ceil(v - 1e-9) : Math.round(v);
  return Math.max(0, w);
}

function inferSodraShare(estimate: EstimateResult): number {
  const halland = estimate.regions.find((r) => r.region === HALLAND_CODE)?.eligible.point ?? 0;
  const sodra = estimate.healthcareRegions.find((h) => h.id === 'sodra')?.eligible.point ?? 0;
  if (!(halland > 0)) return 0.5;
  const others = estimate.regions.filter((r) => r.region !== HALLAND_CODE && regionByCode(r.region).healthcareRegion === 'sodra').reduce((s, r) => s + r.eligible.point, 0);
  return Math.min(1, Math.max(0, (sodra - others) / halland));
}

/** The whole percentage of Halland counted in Södra, as printed. */
export function printedHallandPercent(rule: HallandRule | undefined, estimate: EstimateResult): number {
  if (rule?.kind === 'all-to') return rule.healthcareRegion === 'sodra' ? 100 : 0;
  const share = rule?.kind === 'population-split' ? rule.sodraShare : inferSodraShare(estimate);
  return Math.min(100, Math.max(0, Math.round(share * 100)));
}

/** Södra's part of a whole Halland value: p % of it rounded to whole patients, halves up. */
export const hallandSodraPart = (halland: number, percent: number): number => Math.floor((percent * halland + 50) / 100);

type Triple = Record<Component, number>;

interface Table {
  values: TableValue[];
  rows: TableRow[];
  /** Index of each figure component's value: "<figure>#<component>". */
  index: Map<string, number>;
  primary: Map<number, DisclosedValue>;
  removesOnly: boolean[];
}

/** How much more a recruiting region's value costs to hide than its size alone says. */
const RECRUITING_WEIGHT = 1000;

function buildTable(estimate: EstimateResult, policy: DisclosurePolicy, percent: number, recruiting: ReadonlySet<CountyCode>): Table {
  const values: TableValue[] = [];
  const rows: TableRow[] = [];
  const index = new Map<string, number>();
  const primary = new Map<number, DisclosedValue>();
  const open = { low: 0, high: Number.POSITIVE_INFINITY };
  const addFigure = (figure: string, v: Triple, weight = 1) => {
    for (const c of COMPONENTS) {
      const d = discloseValue(v[c], c, policy);
      index.set(`${figure}#${c}`, values.length);
      primary.set(values.length, d);
      values.push({ value: v[c], cost: weight * (1 + v[c]), printed: { ...d.display }, protectedWhenPrinted: d.kind === 'small', protectedUnprinted: false, domain: open, figure, hideable: true });
    }
    const [l, p, h] = COMPONENTS.map((c) => index.get(`${figure}#${c}`)!) as [number, number, number];
    rows.push({ terms: [[p, 1], [l, -1]], low: 0, high: Number.POSITIVE_INFINITY }, { terms: [[h, 1], [p, -1]], low: 0, high: Number.POSITIVE_INFINITY });
  };
  const addUnprinted = (id: string, value: number, protectedUnprinted: boolean, domain = open) => {
    index.set(id, values.length);
    values.push({ value, cost: 0, printed: null, protectedWhenPrinted: false, protectedUnprinted, domain, figure: null, hideable: false });
    return values.length - 1;
  };
  const at = (id: string) => index.get(id)!;

  const region = new Map(estimate.regions.map((r) => [r.region, r.eligible]));
  const regionValue = (code: CountyCode, c: Component) => whole(region.get(code), c);
  const triple = (f: (c: Component) => number): Triple => ({ low: f('low'), point: f('point'), high: f('high') });
  for (const code of COUNTY_CODES) addFigure(`region:${code}`, triple((c) => regionValue(code, c)), recruiting.has(code) ? RECRUITING_WEIGHT : 1);

  const sodraPart = triple((c) => hallandSodraPart(regionValue(HALLAND_CODE, c), percent));
  const members = new Map<HealthcareRegionId, CountyCode[]>(HEALTHCARE_REGION_IDS.map((id) => [id, []]));
  for (const code of COUNTY_CODES) if (code !== HALLAND_CODE) members.get(regionByCode(code).healthcareRegion)!.push(code);
  const hrValue = (id: HealthcareRegionId, c: Component): number => {
    const own = members.get(id)!.reduce((s, code) => s + regionValue(code, c), 0);
    if (id === 'sodra') return own + sodraPart[c];
    if (id === 'vastra') return own + regionValue(HALLAND_CODE, c) - sodraPart[c];
    return own;
  };
  for (const id of HEALTHCARE_REGION_IDS) addFigure(`healthcare-region:${id}`, triple((c) => hrValue(id, c)));
  const nation = triple((c) => HEALTHCARE_REGION_IDS.reduce((s, id) => s + hrValue(id, c), 0));
  addFigure('national', nation);

  // Attrition: each step the sum of its regions' whole values; the last one is the nation itself.
  const steps = estimate.attrition;
  const last = steps.length - 1;
  const stepValue = (i: number, c: Component) => (i === last ? nation[c] : COUNTY_CODES.reduce((s, code) => s + whole(steps[i]!.perRegion[code], c), 0));
  steps.forEach((s, i) => addFigure(`attrition:${s.stepId}`, triple((c) => stepValue(i, c))));
  const removesOnly = steps.map(() => false);
  let previous = 0;
  for (let i = 1; i < steps.length; i++) {
    const step = steps[i]!;
    if (!step.enabled) {
      for (const c of COMPONENTS) rows.push({ terms: [[at(`attrition:${step.stepId}#${c}`), 1], [at(`attrition:${steps[i - 1]!.stepId}#${c}`), -1]], low: 0, high: 0 });
      continue;
    }
    // A criterion that lowers (or keeps) every component only removes patients: a reader may rely on it.
    removesOnly[i] = (step.type === 'inclusion' || step.type === 'exclusion') && COMPONENTS.every((c) => stepValue(i, c) <= stepValue(previous, c));
    if (removesOnly[i]) {
      for (const c of COMPONENTS) {
        const loss = addUnprinted(`loss:${step.stepId}#${c}`, stepValue(previous, c) - stepValue(i, c), true);
        rows.push({ terms: [[loss, 1], [at(`attrition:${steps[previous]!.stepId}#${c}`), -1], [at(`attrition:${step.stepId}#${c}`), 1]], low: 0, high: 0 });
      }
    }
    previous = i;
  }

  for (const c of COMPONENTS) {
    const hS = addUnprinted(`halland-sodra#${c}`, sodraPart[c], false);
    const hV = addUnprinted(`halland-vastra#${c}`, regionValue(HALLAND_CODE, c) - sodraPart[c], false);
    const halland = at(`region:${HALLAND_CODE}#${c}`);
    rows.push({ terms: [[halland, 1], [hS, -1], [hV, -1]], low: 0, high: 0 });
    rows.push({ terms: [[hS, 100], [halland, -percent]], low: -49, high: 50 });
    for (const id of HEALTHCARE_REGION_IDS) {
      const terms: [number, number][] = [[at(`healthcare-region:${id}#${c}`), 1], ...members.get(id)!.map((code): [number, number] => [at(`region:${code}#${c}`), -1])];
      if (id === 'sodra') terms.push([hS, -1]);
      if (id === 'vastra') terms.push([hV, -1]);
      rows.push({ terms, low: 0, high: 0 });
    }
    rows.push({ terms: [[at(`national#${c}`), 1], ...HEALTHCARE_REGION_IDS.map((id): [number, number] => [at(`healthcare-region:${id}#${c}`), -1])], low: 0, high: 0 });
    if (steps.length > 0) rows.push({ terms: [[at(`national#${c}`), 1], [at(`attrition:${steps[last]!.stepId}#${c}`), -1]], low: 0, high: 0 });
  }
  return { values, rows, index, primary, removesOnly };
}

function figureOf(table: Table, disclosed: Map<number, DisclosedValue>, id: string, policy: DisclosurePolicy, format: (n: number) => string): DisclosedFigure {
  const v = (c: Component) => disclosed.get(table.index.get(`${id}#${c}`)!)!;
  const [low, point, high] = [v('low'), v('point'), v('high')];
  const texts = { low: formatDisclosedValue(low, policy, format), point: formatDisclosedValue(point, policy, format), high: formatDisclosedValue(high, policy, format) };
  return { id, low, point, high, texts, text: texts.point, intervalText: `${texts.low}–${texts.high}`, suppressed: point.suppressed };
}

function standaloneFigure(id: string, interval: Interval, policy: DisclosurePolicy, format: (n: number) => string): DisclosedFigure {
  const [low, point, high] = COMPONENTS.map((c) => discloseValue(whole(interval, c), c, policy)) as [DisclosedValue, DisclosedValue, DisclosedValue];
  const texts = { low: formatDisclosedValue(low, policy, format), point: formatDisclosedValue(point, policy, format), high: formatDisclosedValue(high, policy, format) };
  return { id, low, point, high, texts, text: texts.point, intervalText: `${texts.low}–${texts.high}`, suppressed: point.suppressed };
}

/** The printed number of a point (a shown or zero value), or null. */
const printedPoint = (figure: DisclosedFigure): number | null => (figure.point.kind === 'shown' || figure.point.kind === 'zero' ? figure.point.value : null);

const isHidden = (v: DisclosedValue) => v.kind !== 'shown' && v.kind !== 'zero';

function informationLoss(table: Table, disclosed: Map<number, DisclosedValue>): InformationLoss {
  const regional = COUNTY_CODES.flatMap((code) => COMPONENTS.map((c) => table.index.get(`region:${code}#${c}`)!));
  const all = [...disclosed.keys()];
  const hiddenRegions = COUNTY_CODES.filter((code) => isHidden(disclosed.get(table.index.get(`region:${code}#point`)!)!));
  return {
    regionalFigures: regional.length,
    regionalHidden: regional.filter((i) => isHidden(disclosed.get(i)!)).length,
    regionalHiddenSecondary: regional.filter((i) => disclosed.get(i)!.kind === 'hidden').length,
    figures: all.length,
    hidden: all.filter((i) => isHidden(disclosed.get(i)!)).length,
    hiddenSecondary: all.filter((i) => disclosed.get(i)!.kind === 'hidden').length,
    patients: COUNTY_CODES.reduce((s, code) => s + table.values[table.index.get(`region:${code}#point`)!]!.value, 0),
    patientsInHiddenRegions: hiddenRegions.reduce((s, code) => s + table.values[table.index.get(`region:${code}#point`)!]!.value, 0),
  };
}

const problemOf = (table: Table, policy: DisclosurePolicy): SuppressionProblem => ({ values: table.values, rows: table.rows, ranges: protectedRanges(policy).map((r) => ({ low: r.from, high: r.to })) });

/** The secondary-suppression problem discloseAnswer solves for an estimate (for tests and benchmarks of the optimiser). */
export function suppressionProblemOf(estimate: EstimateResult, policy: DisclosurePolicy, options: DiscloseOptions = {}): SuppressionProblem {
  return problemOf(buildTable(estimate, policy, printedHallandPercent(options.hallandRule, estimate), new Set(options.recruitingRegions ?? [])), policy);
}

export function discloseAnswer(estimate: EstimateResult, policy: DisclosurePolicy, options: DiscloseOptions = {}): DisclosedAnswer {
  const format = options.formatNumber ?? String;
  const percent = printedHallandPercent(options.hallandRule, estimate);
  const table = buildTable(estimate, policy, percent, new Set(options.recruitingRegions ?? []));
  const disclosed = new Map(table.primary);
  if (policy.secondary === 'complementary') {
    const { hidden } = chooseSuppression(problemOf(table, policy));
    hidden.forEach((h, i) => {
      if (h) disclosed.set(i, hiddenValue(policy));
    });
  }

  const figure = (id: string) => figureOf(table, disclosed, id, policy, format);
  const steps = estimate.attrition;
  const attrition: DisclosedAttritionStep[] = [];
  const base = steps.length > 0 ? figure(`attrition:${steps[0]!.stepId}`) : null;
  let previous: DisclosedFigure | null = null;
  steps.forEach((step, i) => {
    const f = figure(`attrition:${step.stepId}`);
    const here = printedPoint(f);
    const basePoint = base ? printedPoint(base) : null;
    const previousPoint = previous ? printedPoint(previous) : null;
    attrition.push({
      stepId: step.stepId,
      label: step.label,
      type: step.type,
      enabled: step.enabled,
      removesOnly: table.removesOnly[i]!,
      figure: f,
      remainingShare: here !== null && basePoint ? here / basePoint : null,
      lostShare: step.type === 'base' ? 0 : !step.enabled ? 0 : here !== null && previousPoint ? 1 - here / previousPoint : null,
    });
    if (step.enabled) previous = f;
  });

  const regions = COUNTY_CODES.map((code) => ({ ...figure(`region:${code}`), region: code }));
  const healthcareRegions = HEALTHCARE_REGION_IDS.map((id) => ({ ...figure(`healthcare-region:${id}`), healthcareRegion: id }));
  const national = figure('national');
  const all = [...regions, ...healthcareRegions, national, ...attrition.map((a) => a.figure)];
  const answer: DisclosedAnswer = {
    policy: { id: policy.id, name: policy.name, version: policy.version },
    inputHash: estimate.inputHash,
    regions,
    healthcareRegions,
    national,
    attrition,
    hallandSodraPercent: percent,
    hallandSodraShare: percent / 100,
    summary: { primary: all.filter((f) => f.suppressed === 'primary').length, secondary: all.filter((f) => f.suppressed === 'secondary').length },
    loss: informationLoss(table, disclosed),
  };
  if (estimate.unknownRegion) answer.unknownRegion = standaloneFigure('unknown-region', estimate.unknownRegion, policy, format);
  if (estimate.nationalPublished) answer.nationalPublished = standaloneFigure('national-published', estimate.nationalPublished, policy, format);
  return answer;
}
