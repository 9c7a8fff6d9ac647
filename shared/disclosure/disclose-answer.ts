/**
 * discloseAnswer: every figure of an estimate as it may leave the unit under a disclosure policy.
 *
 * 1. Whole numbers. Each region's interval is made whole (low down, point to nearest, high up). Healthcare
 *    regions, the nation and every attrition step are printed as sums of those whole region values (Halland's
 *    value split by the Halland rule into a Södra and a Västra part), so every printed total adds up exactly and
 *    the relations a reader can use are exact: healthcare region = Σ its regions (+ Halland's part), nation =
 *    Σ healthcare regions = the last attrition step, and step before = step after + the loss at the step.
 * 2. Primary suppression: low, point and high are each disclosed by discloseValue (values.ts); a small value
 *    prints as "<k" / "≤k−1" / its band — an interval end as well as the point.
 * 3. Secondary suppression (policy.secondary = 'complementary'): what a reader knows — every printed interval
 *    (a rounded number stands for its rounding interval, "<5" for 1–4, a hidden value for 0–∞) and the unprinted
 *    losses (≥ 0 where the loss is) — is propagated through every relation and low ≤ point ≤ high until stable.
 *    While some value the reader does not know exactly (a small or hidden value, a loss) can be narrowed into
 *    part of a protected range (e.g. "<5" to 3–4, a loss to 2), one more value near it is hidden and printed as
 *    policy.secondaryText: printed numbers before small values and zeros, parts before totals, the smallest that
 *    ends the exposure, else the one that helps most. Only that component (low, point or high) is hidden.
 *    A hidden value may be anything from 0 up, so ".." never tells whether it was small.
 * The result is audited independently by checkDisclosure (check.ts), which the letter runs before export.
 */
import type { EstimateResult } from '../estimate/types';
import { COUNTY_CODES, HEALTHCARE_REGION_IDS, regionByCode, type CountyCode, type HealthcareRegionId } from '../regions/regions';
import { HALLAND_CODE } from '../regions/healthcare-shares';
import { protectedRanges, type CountBand, type DisclosurePolicy } from './policy';
import { discloseValue, formatDisclosedValue, hiddenValue, type Component, type DisclosedValue } from './values';
import type { DisclosedAnswer, DisclosedAttritionStep, DisclosedFigure } from './types';
import type { Interval } from '../utils/interval';

export interface DiscloseOptions {
  /** Formats whole numbers for the printed texts (default: plain digits), e.g. sv-SE "1 234". */
  formatNumber?: (n: number) => string;
  /**
   * Share of Halland attributed to Södra (0..1). Default: read from the estimate (Södra minus its other regions,
   * divided by Halland), which is what the estimate's HallandRule did.
   */
  hallandSodraShare?: number;
}

const COMPONENTS: readonly Component[] = ['low', 'point', 'high'];

/** A whole count from an estimate's interval component: ends rounded outwards, the point to nearest. */
function whole(interval: Interval | undefined, c: Component): number {
  if (!interval) return 0;
  const v = interval[c];
  const w = c === 'low' ? Math.floor(v + 1e-9) : c === 'high' ? Math.ceil(v - 1e-9) : Math.round(v);
  return Math.max(0, w);
}

/** One number in the discloser's model: a printed component of a figure, or an unprinted quantity. */
interface Node {
  id: string;
  value: number;
  /** Printed figure component, or an unprinted quantity (Halland's parts, losses). */
  figure: string | null;
  component: Component;
  disclosed: DisclosedValue | null;
  /** Unprinted quantities: what a reader knows beforehand. */
  domain: { lo: number; hi: number };
  /** Whether a reader must not narrow it into part of a protected range (false only for Halland's parts). */
  protect: boolean;
}

interface Relation {
  total: number;
  parts: number[];
}

class Model {
  readonly nodes: Node[] = [];
  readonly relations: Relation[] = [];
  readonly order: [number, number][] = [];
  private readonly byId = new Map<string, number>();

  add(node: Node): number {
    this.byId.set(node.id, this.nodes.length);
    this.nodes.push(node);
    return this.nodes.length - 1;
  }

  at(id: string): number {
    const i = this.byId.get(id);
    if (i === undefined) throw new Error(`discloseAnswer: no node "${id}"`);
    return i;
  }

  relate(total: string, parts: string[]): void {
    this.relations.push({ total: this.at(total), parts: parts.map((p) => this.at(p)) });
  }

  private neighbourCache: { members: number[][]; totals: Set<number> } | null = null;

  /** Per node, the other members of its relations and order pairs; and which nodes are totals (built once). */
  links(): { members: number[][]; totals: Set<number> } {
    if (this.neighbourCache) return this.neighbourCache;
    const members = this.nodes.map(() => new Set<number>());
    const link = (group: number[]) => group.forEach((a) => group.forEach((b) => a !== b && members[a]!.add(b)));
    this.relations.forEach((r) => link([...r.parts, r.total]));
    this.order.forEach(([a, b]) => link([a, b]));
    this.neighbourCache = { members: members.map((m) => [...m]), totals: new Set(this.relations.map((r) => r.total)) };
    return this.neighbourCache;
  }
}

function addFigure(model: Model, figure: string, values: Record<Component, number>, policy: DisclosurePolicy): void {
  for (const c of COMPONENTS) {
    const disclosed = discloseValue(values[c], c, policy);
    model.add({ id: `${figure}#${c}`, value: values[c], figure, component: c, disclosed, domain: { lo: 0, hi: Infinity }, protect: true });
  }
  model.order.push([model.at(`${figure}#low`), model.at(`${figure}#point`)], [model.at(`${figure}#point`), model.at(`${figure}#high`)]);
}

function addUnprinted(model: Model, id: string, c: Component, value: number, domain: { lo: number; hi: number }, protect: boolean): void {
  model.add({ id: `${id}#${c}`, value, figure: null, component: c, disclosed: null, domain, protect });
}

function inferSodraShare(estimate: EstimateResult): number {
  const halland = estimate.regions.find((r) => r.region === HALLAND_CODE)?.eligible.point ?? 0;
  const sodra = estimate.healthcareRegions.find((h) => h.id === 'sodra')?.eligible.point ?? 0;
  if (!(halland > 0)) return 0.5;
  const others = estimate.regions.filter((r) => r.region !== HALLAND_CODE && regionByCode(r.region).healthcareRegion === 'sodra').reduce((s, r) => s + r.eligible.point, 0);
  return Math.min(1, Math.max(0, (sodra - others) / halland));
}

const componentsOf = (f: (c: Component) => number): Record<Component, number> => ({ low: f('low'), point: f('point'), high: f('high') });

function buildModel(estimate: EstimateResult, policy: DisclosurePolicy, sodraShare: number): { model: Model; stepIds: string[] } {
  const model = new Model();
  const region = new Map(estimate.regions.map((r) => [r.region, r.eligible]));
  const regionValue = (code: CountyCode, c: Component) => whole(region.get(code), c);
  for (const code of COUNTY_CODES) addFigure(model, `region:${code}`, componentsOf((c) => regionValue(code, c)), policy);

  const hallandSodra = componentsOf((c) => Math.round(sodraShare * regionValue(HALLAND_CODE, c)));
  // Every region but Halland belongs to one healthcare region; Halland's two parts are added below.
  const members = new Map<HealthcareRegionId, CountyCode[]>(HEALTHCARE_REGION_IDS.map((id) => [id, []]));
  for (const code of COUNTY_CODES) if (code !== HALLAND_CODE) members.get(regionByCode(code).healthcareRegion)!.push(code);
  const hrValue = (id: HealthcareRegionId, c: Component): number => {
    const own = members.get(id)!.reduce((s, code) => s + regionValue(code, c), 0);
    if (id === 'sodra') return own + hallandSodra[c];
    if (id === 'vastra') return own + regionValue(HALLAND_CODE, c) - hallandSodra[c];
    return own;
  };
  for (const id of HEALTHCARE_REGION_IDS) addFigure(model, `healthcare-region:${id}`, componentsOf((c) => hrValue(id, c)), policy);
  addFigure(model, 'national', componentsOf((c) => HEALTHCARE_REGION_IDS.reduce((s, id) => s + hrValue(id, c), 0)), policy);

  const stepIds = estimate.attrition.map((s) => s.stepId);
  const stepValue = (i: number, c: Component) => COUNTY_CODES.reduce((s, code) => s + whole(estimate.attrition[i]!.perRegion[code], c), 0);
  estimate.attrition.forEach((_, i) => addFigure(model, `attrition:${stepIds[i]}`, componentsOf((c) => stepValue(i, c)), policy));

  for (const c of COMPONENTS) {
    // Halland's parts are not protected: the printed split rule gives them away anyway.
    addUnprinted(model, 'halland-sodra', c, hallandSodra[c], { lo: 0, hi: Infinity }, false);
    addUnprinted(model, 'halland-vastra', c, regionValue(HALLAND_CODE, c) - hallandSodra[c], { lo: 0, hi: Infinity }, false);
    model.relate(`region:${HALLAND_CODE}#${c}`, [`halland-sodra#${c}`, `halland-vastra#${c}`]);
    for (const id of HEALTHCARE_REGION_IDS) {
      const parts = members.get(id)!.map((code) => `region:${code}#${c}`);
      if (id === 'sodra') parts.push(`halland-sodra#${c}`);
      if (id === 'vastra') parts.push(`halland-vastra#${c}`);
      model.relate(`healthcare-region:${id}#${c}`, parts);
    }
    model.relate(`national#${c}`, HEALTHCARE_REGION_IDS.map((id) => `healthcare-region:${id}#${c}`));
    addChain(model, estimate, stepIds, c, (i) => stepValue(i, c));
  }
  return { model, stepIds };
}

/** Attrition: step before = step after + loss (losses of ≥ 0 are known to be ≥ 0); disabled steps equal the step before. */
function addChain(model: Model, estimate: EstimateResult, stepIds: string[], c: Component, value: (i: number) => number): void {
  let previous = 0;
  for (let i = 1; i < estimate.attrition.length; i++) {
    const step = estimate.attrition[i]!;
    const before = `attrition:${stepIds[previous]}#${c}`;
    const after = `attrition:${stepIds[i]}#${c}`;
    if (!step.enabled) {
      model.relate(before, [after]);
      continue;
    }
    const loss = value(previous) - value(i);
    addUnprinted(model, `loss:${stepIds[i]}`, c, loss, loss >= 0 ? { lo: 0, hi: Infinity } : { lo: -Infinity, hi: Infinity }, true);
    model.relate(before, [after, `loss:${stepIds[i]}#${c}`]);
    previous = i;
  }
  if (stepIds.length > 0) model.relate(`national#${c}`, [`attrition:${stepIds[stepIds.length - 1]}#${c}`]);
}

/**
 * What a reader knows of a node before reasoning: the values its print allows (a rounded number its rounding
 * interval), or an unprinted quantity's domain.
 */
function printedBounds(node: Node): { lo: number; hi: number } {
  if (!node.disclosed) return node.domain;
  return { lo: node.disclosed.display.low, hi: node.disclosed.display.high };
}

/**
 * The reader's bounds of every node: each relation read as "a member = ± the others", in both directions, with
 * low ≤ point ≤ high, repeated until stable. (Called for every trial hide, so written for speed: typed arrays,
 * infinite bounds counted apart from the finite sums.)
 */
function readerBounds(model: Model): { lo: Float64Array; hi: Float64Array } {
  const n = model.nodes.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  model.nodes.forEach((node, i) => {
    const b = printedBounds(node);
    lo[i] = b.lo;
    hi[i] = b.hi;
  });
  // Every quantity is a whole number: a bound of 3.2 means 4 (low) or 3 (high).
  const narrow = (i: number, l: number, h: number): boolean => {
    const nl = Math.ceil(l - 1e-9);
    const nh = Math.floor(h + 1e-9);
    let moved = false;
    if (nl > lo[i]!) [lo[i], moved] = [nl, true];
    if (nh < hi[i]!) [hi[i], moved] = [nh, true];
    return moved;
  };
  for (let moved = true, guard = 0; moved; guard++) {
    if (guard > 100_000) throw new Error('discloseAnswer: bounds do not settle');
    moved = false;
    for (const { total, parts } of model.relations) {
      let sumLo = 0;
      let sumHi = 0;
      let minusInf = 0;
      let plusInf = 0;
      for (const p of parts) {
        if (lo[p] === -Infinity) minusInf++;
        else sumLo += lo[p]!;
        if (hi[p] === Infinity) plusInf++;
        else sumHi += hi[p]!;
      }
      moved = narrow(total, minusInf > 0 ? -Infinity : sumLo, plusInf > 0 ? Infinity : sumHi) || moved;
      for (const p of parts) {
        const ownPlusInf = hi[p] === Infinity;
        const ownMinusInf = lo[p] === -Infinity;
        const othersHi = plusInf - (ownPlusInf ? 1 : 0) > 0 ? Infinity : sumHi - (ownPlusInf ? 0 : hi[p]!);
        const othersLo = minusInf - (ownMinusInf ? 1 : 0) > 0 ? -Infinity : sumLo - (ownMinusInf ? 0 : lo[p]!);
        moved = narrow(p, lo[total]! - othersHi, hi[total]! - othersLo) || moved;
      }
    }
    for (const [a, b] of model.order) {
      moved = narrow(a, -Infinity, hi[b]!) || moved;
      moved = narrow(b, lo[a]!, Infinity) || moved;
    }
  }
  return { lo, hi };
}

/** Values a reader could narrow: small or hidden printed values, and unprinted protected quantities. */
const isUncertain = (node: Node): boolean => node.protect && (node.disclosed === null || node.disclosed.kind === 'small' || node.disclosed.kind === 'hidden');

/**
 * How much of the protected ranges a node's bounds cut into without covering them (0: none is cut). A reader
 * who can tell 3–4 from 1–4, or 2 from 1–4, has learnt more than the policy allows.
 */
function shortfall(ranges: CountBand[], lo: number, hi: number): number {
  let short = 0;
  for (const r of ranges) {
    if (lo > r.to || hi < r.from || (lo <= r.from && hi >= r.to)) continue;
    short += 1 + Math.max(0, lo - r.from) + Math.max(0, r.to - hi);
  }
  return short;
}

/** The first node a reader can narrow into part of a protected range, or null. */
function firstExposed(model: Model, ranges: CountBand[], bounds: { lo: Float64Array; hi: Float64Array }): number | null {
  for (let i = 0; i < model.nodes.length; i++) {
    if (isUncertain(model.nodes[i]!) && shortfall(ranges, bounds.lo[i]!, bounds.hi[i]!) > 0) return i;
  }
  return null;
}

/** Printed values that could still be hidden: numbers first; small values and zeros only when numbers do not help. */
const isPrintedNumber = (node: Node): boolean => node.disclosed !== null && (node.disclosed.kind === 'shown' || node.disclosed.kind === 'band');
const isHideable = (node: Node): boolean => node.disclosed !== null && node.disclosed.kind !== 'hidden';

/** Hideable values near a node, nearest first: in its relations and order pairs, then through hidden or unprinted ones. */
function candidatesNear(model: Model, start: number): number[][] {
  const seen = new Set<number>([start]);
  const levels: number[][] = [];
  let frontier = [start];
  while (frontier.length > 0) {
    const found: number[] = [];
    const next: number[] = [];
    const visit = (m: number) => {
      if (seen.has(m)) return;
      seen.add(m);
      if (isHideable(model.nodes[m]!)) found.push(m);
      // Walk on through anything a reader does not know exactly.
      if (!isPrintedNumber(model.nodes[m]!)) next.push(m);
    };
    const { members } = model.links();
    for (const at of frontier) members[at]!.forEach(visit);
    if (found.length > 0) levels.push(found);
    frontier = next;
  }
  return levels;
}

/**
 * Hides one more printed value to give `exposed` room: among the values nearest to it — printed numbers before
 * small values and zeros, parts before totals, smaller before larger — the first whose hiding ends the
 * exposure, else the one that helps most, else the nearest total (some exposures need two hidden at once).
 * Returns false when nothing near it can be hidden any more.
 */
function hideOneFor(model: Model, ranges: CountBand[], exposed: number, policy: DisclosurePolicy): boolean {
  const measure = () => {
    const b = readerBounds(model);
    return shortfall(ranges, b.lo[exposed]!, b.hi[exposed]!);
  };
  const before = measure();
  const { totals } = model.links();
  const isTotal = (m: number) => totals.has(m);
  const levels = candidatesNear(model, exposed);
  for (const level of levels) {
    const ranked = [...level].sort(
      (a, b) =>
        Number(!isPrintedNumber(model.nodes[a]!)) - Number(!isPrintedNumber(model.nodes[b]!)) ||
        Number(isTotal(a)) - Number(isTotal(b)) ||
        model.nodes[a]!.value - model.nodes[b]!.value ||
        a - b,
    );
    let best: { index: number; gain: number } | null = null;
    for (const m of ranked) {
      const node = model.nodes[m]!;
      const kept = node.disclosed;
      node.disclosed = hiddenValue(policy);
      const after = measure();
      node.disclosed = kept;
      if (after === 0) {
        best = { index: m, gain: before };
        break;
      }
      if (before - after > (best?.gain ?? 0)) best = { index: m, gain: before - after };
    }
    if (best) {
      model.nodes[best.index]!.disclosed = hiddenValue(policy);
      return true;
    }
  }
  const nearest = levels[0];
  if (!nearest) return false;
  const fallback = nearest.find(isTotal) ?? [...nearest].sort((a, b) => model.nodes[b]!.value - model.nodes[a]!.value)[0]!;
  model.nodes[fallback]!.disclosed = hiddenValue(policy);
  return true;
}

function applySecondarySuppression(model: Model, policy: DisclosurePolicy): void {
  const ranges = protectedRanges(policy);
  for (;;) {
    const exposed = firstExposed(model, ranges, readerBounds(model));
    if (exposed === null) return;
    if (!hideOneFor(model, ranges, exposed, policy)) {
      // Nothing near it is left to hide (not seen with the answer's relations): hide every printed value.
      model.nodes.forEach((n) => {
        if (isHideable(n)) n.disclosed = hiddenValue(policy);
      });
      return;
    }
  }
}

function figureOf(model: Model, id: string, policy: DisclosurePolicy, format: (n: number) => string): DisclosedFigure {
  const v = (c: Component) => model.nodes[model.at(`${id}#${c}`)]!.disclosed!;
  const [low, point, high] = [v('low'), v('point'), v('high')];
  const texts = { low: formatDisclosedValue(low, policy, format), point: formatDisclosedValue(point, policy, format), high: formatDisclosedValue(high, policy, format) };
  return { id, low, point, high, texts, text: texts.point, intervalText: `${texts.low}–${texts.high}`, suppressed: point.suppressed };
}

function standaloneFigure(id: string, interval: Interval, policy: DisclosurePolicy, format: (n: number) => string): DisclosedFigure {
  const model = new Model();
  addFigure(model, id, componentsOf((c) => whole(interval, c)), policy);
  return figureOf(model, id, policy, format);
}

/** The printed number of a point (a shown or zero value), or null. */
const printedPoint = (figure: DisclosedFigure): number | null => (figure.point.kind === 'shown' || figure.point.kind === 'zero' ? figure.point.value : null);

export function discloseAnswer(estimate: EstimateResult, policy: DisclosurePolicy, options: DiscloseOptions = {}): DisclosedAnswer {
  const format = options.formatNumber ?? String;
  const sodraShare = options.hallandSodraShare ?? inferSodraShare(estimate);
  const { model, stepIds } = buildModel(estimate, policy, sodraShare);
  if (policy.secondary === 'complementary') applySecondarySuppression(model, policy);

  const figure = (id: string) => figureOf(model, id, policy, format);
  const attrition: DisclosedAttritionStep[] = [];
  const base = estimate.attrition.length > 0 ? figure(`attrition:${stepIds[0]}`) : null;
  let previous: DisclosedFigure | null = null;
  estimate.attrition.forEach((step, i) => {
    const f = figure(`attrition:${stepIds[i]}`);
    const here = printedPoint(f);
    const basePoint = base ? printedPoint(base) : null;
    const previousPoint = previous ? printedPoint(previous) : null;
    attrition.push({
      stepId: step.stepId,
      label: step.label,
      type: step.type,
      enabled: step.enabled,
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
    hallandSodraShare: sodraShare,
    summary: { primary: all.filter((f) => f.suppressed === 'primary').length, secondary: all.filter((f) => f.suppressed === 'secondary').length },
  };
  if (estimate.unknownRegion) answer.unknownRegion = standaloneFigure('unknown-region', estimate.unknownRegion, policy, format);
  if (estimate.nationalPublished) answer.nationalPublished = standaloneFigure('national-published', estimate.nationalPublished, policy, format);
  return answer;
}
