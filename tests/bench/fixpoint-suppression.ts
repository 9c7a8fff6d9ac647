/**
 * The OLD secondary suppression, kept only to measure what the new one changed (`npm run bench -- --only audit`):
 * the fixpoint rule Antal used before the optimal suppression (shared/disclosure/disclose-answer.ts before commit
 * dce1c70), ported unchanged in what it decides. A reader's bounds are propagated one relation at a time until
 * stable; while some small, hidden or unprinted value can be narrowed into part of a protected range, one more
 * printed value near it is hidden — printed numbers before small values, parts before totals, the smallest that
 * ends the exposure, else the one that helps most. It never runs in the product.
 *
 * It takes the same whole table as the product (regions, healthcare regions with Halland split by the printed
 * whole percentage, the nation, the attrition steps) and returns, per figure, the values it prints.
 */
import type { EstimateResult } from '../../shared/estimate/types';
import { HALLAND_CODE } from '../../shared/regions/healthcare-shares';
import { COUNTY_CODES, HEALTHCARE_REGION_IDS, regionByCode, type CountyCode, type HealthcareRegionId } from '../../shared/regions/regions';
import { protectedRanges, type CountBand, type DisclosurePolicy } from '../../shared/disclosure/policy';
import { discloseValue, hiddenValue, type Component, type DisclosedValue } from '../../shared/disclosure/values';
import type { Interval } from '../../shared/utils/interval';

const COMPONENTS: readonly Component[] = ['low', 'point', 'high'];

function whole(interval: Interval | undefined, c: Component): number {
  if (!interval) return 0;
  const v = interval[c];
  const w = c === 'low' ? Math.floor(v + 1e-9) : c === 'high' ? Math.ceil(v - 1e-9) : Math.round(v);
  return Math.max(0, w);
}

interface Node {
  id: string;
  value: number;
  figure: string | null;
  disclosed: DisclosedValue | null;
  domain: { lo: number; hi: number };
  protect: boolean;
}

class Model {
  readonly nodes: Node[] = [];
  readonly relations: { total: number; parts: number[] }[] = [];
  readonly order: [number, number][] = [];
  private readonly byId = new Map<string, number>();
  private cache: { members: number[][]; totals: Set<number> } | null = null;

  add(node: Node): void {
    this.byId.set(node.id, this.nodes.length);
    this.nodes.push(node);
  }

  at(id: string): number {
    const i = this.byId.get(id);
    if (i === undefined) throw new Error(`fixpoint suppression: no node "${id}"`);
    return i;
  }

  relate(total: string, parts: string[]): void {
    this.relations.push({ total: this.at(total), parts: parts.map((p) => this.at(p)) });
  }

  links(): { members: number[][]; totals: Set<number> } {
    if (this.cache) return this.cache;
    const members = this.nodes.map(() => new Set<number>());
    const link = (group: number[]) => group.forEach((a) => group.forEach((b) => a !== b && members[a]!.add(b)));
    this.relations.forEach((r) => link([...r.parts, r.total]));
    this.order.forEach(([a, b]) => link([a, b]));
    this.cache = { members: members.map((m) => [...m]), totals: new Set(this.relations.map((r) => r.total)) };
    return this.cache;
  }
}

function addFigure(model: Model, figure: string, values: Record<Component, number>, policy: DisclosurePolicy): void {
  for (const c of COMPONENTS) model.add({ id: `${figure}#${c}`, value: values[c], figure, disclosed: discloseValue(values[c], c, policy), domain: { lo: 0, hi: Infinity }, protect: true });
  model.order.push([model.at(`${figure}#low`), model.at(`${figure}#point`)], [model.at(`${figure}#point`), model.at(`${figure}#high`)]);
}

function addUnprinted(model: Model, id: string, value: number, domain: { lo: number; hi: number }, protect: boolean): void {
  model.add({ id, value, figure: null, disclosed: null, domain, protect });
}

const triple = (f: (c: Component) => number): Record<Component, number> => ({ low: f('low'), point: f('point'), high: f('high') });

function buildModel(estimate: EstimateResult, policy: DisclosurePolicy, percent: number): Model {
  const model = new Model();
  const region = new Map(estimate.regions.map((r) => [r.region, r.eligible]));
  const regionValue = (code: CountyCode, c: Component) => whole(region.get(code), c);
  for (const code of COUNTY_CODES) addFigure(model, `region:${code}`, triple((c) => regionValue(code, c)), policy);
  // Halland split by the printed whole percentage, as the product does now, so both rules disclose the same table.
  const sodra = triple((c) => Math.floor((percent * regionValue(HALLAND_CODE, c) + 50) / 100));
  const members = new Map<HealthcareRegionId, CountyCode[]>(HEALTHCARE_REGION_IDS.map((id) => [id, []]));
  for (const code of COUNTY_CODES) if (code !== HALLAND_CODE) members.get(regionByCode(code).healthcareRegion)!.push(code);
  const hrValue = (id: HealthcareRegionId, c: Component): number => {
    const own = members.get(id)!.reduce((s, code) => s + regionValue(code, c), 0);
    if (id === 'sodra') return own + sodra[c];
    if (id === 'vastra') return own + regionValue(HALLAND_CODE, c) - sodra[c];
    return own;
  };
  for (const id of HEALTHCARE_REGION_IDS) addFigure(model, `healthcare-region:${id}`, triple((c) => hrValue(id, c)), policy);
  const nation = triple((c) => HEALTHCARE_REGION_IDS.reduce((s, id) => s + hrValue(id, c), 0));
  addFigure(model, 'national', nation, policy);
  const steps = estimate.attrition;
  const last = steps.length - 1;
  const stepValue = (i: number, c: Component) => (i === last ? nation[c] : COUNTY_CODES.reduce((s, code) => s + whole(steps[i]!.perRegion[code], c), 0));
  steps.forEach((s, i) => addFigure(model, `attrition:${s.stepId}`, triple((c) => stepValue(i, c)), policy));
  for (const c of COMPONENTS) {
    // Halland's parts were not protected: the printed split gives them away anyway.
    addUnprinted(model, `halland-sodra#${c}`, sodra[c], { lo: 0, hi: Infinity }, false);
    addUnprinted(model, `halland-vastra#${c}`, regionValue(HALLAND_CODE, c) - sodra[c], { lo: 0, hi: Infinity }, false);
    model.relate(`region:${HALLAND_CODE}#${c}`, [`halland-sodra#${c}`, `halland-vastra#${c}`]);
    for (const id of HEALTHCARE_REGION_IDS) {
      const parts = members.get(id)!.map((code) => `region:${code}#${c}`);
      if (id === 'sodra') parts.push(`halland-sodra#${c}`);
      if (id === 'vastra') parts.push(`halland-vastra#${c}`);
      model.relate(`healthcare-region:${id}#${c}`, parts);
    }
    model.relate(`national#${c}`, HEALTHCARE_REGION_IDS.map((id) => `healthcare-region:${id}#${c}`));
    let previous = 0;
    for (let i = 1; i < steps.length; i++) {
      const before = `attrition:${steps[previous]!.stepId}#${c}`;
      const after = `attrition:${steps[i]!.stepId}#${c}`;
      if (!steps[i]!.enabled) {
        model.relate(before, [after]);
        continue;
      }
      const loss = stepValue(previous, c) - stepValue(i, c);
      addUnprinted(model, `loss:${steps[i]!.stepId}#${c}`, loss, loss >= 0 ? { lo: 0, hi: Infinity } : { lo: -Infinity, hi: Infinity }, true);
      model.relate(before, [after, `loss:${steps[i]!.stepId}#${c}`]);
      previous = i;
    }
    if (steps.length > 0) model.relate(`national#${c}`, [`attrition:${steps[last]!.stepId}#${c}`]);
  }
  return model;
}

function readerBounds(model: Model): { lo: Float64Array; hi: Float64Array } {
  const n = model.nodes.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  model.nodes.forEach((node, i) => {
    const b = node.disclosed ? { lo: node.disclosed.display.low, hi: node.disclosed.display.high } : node.domain;
    lo[i] = b.lo;
    hi[i] = b.hi;
  });
  const narrow = (i: number, l: number, h: number): boolean => {
    const nl = Math.ceil(l - 1e-9);
    const nh = Math.floor(h + 1e-9);
    let moved = false;
    if (nl > lo[i]!) [lo[i], moved] = [nl, true];
    if (nh < hi[i]!) [hi[i], moved] = [nh, true];
    return moved;
  };
  for (let moved = true, guard = 0; moved; guard++) {
    if (guard > 100_000) throw new Error('fixpoint suppression: bounds do not settle');
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

const isUncertain = (node: Node): boolean => node.protect && (node.disclosed === null || node.disclosed.kind === 'small' || node.disclosed.kind === 'hidden');

function shortfall(ranges: CountBand[], lo: number, hi: number): number {
  let short = 0;
  for (const r of ranges) {
    if (lo > r.to || hi < r.from || (lo <= r.from && hi >= r.to)) continue;
    short += 1 + Math.max(0, lo - r.from) + Math.max(0, r.to - hi);
  }
  return short;
}

function firstExposed(model: Model, ranges: CountBand[], bounds: { lo: Float64Array; hi: Float64Array }): number | null {
  for (let i = 0; i < model.nodes.length; i++) if (isUncertain(model.nodes[i]!) && shortfall(ranges, bounds.lo[i]!, bounds.hi[i]!) > 0) return i;
  return null;
}

const isPrintedNumber = (node: Node): boolean => node.disclosed !== null && (node.disclosed.kind === 'shown' || node.disclosed.kind === 'band');
const isHideable = (node: Node): boolean => node.disclosed !== null && node.disclosed.kind !== 'hidden';

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
      if (!isPrintedNumber(model.nodes[m]!)) next.push(m);
    };
    const { members } = model.links();
    for (const at of frontier) members[at]!.forEach(visit);
    if (found.length > 0) levels.push(found);
    frontier = next;
  }
  return levels;
}

function hideOneFor(model: Model, ranges: CountBand[], exposed: number, policy: DisclosurePolicy): boolean {
  const measure = () => {
    const b = readerBounds(model);
    return shortfall(ranges, b.lo[exposed]!, b.hi[exposed]!);
  };
  const before = measure();
  const { totals } = model.links();
  const levels = candidatesNear(model, exposed);
  for (const level of levels) {
    const ranked = [...level].sort(
      (a, b) => Number(!isPrintedNumber(model.nodes[a]!)) - Number(!isPrintedNumber(model.nodes[b]!)) || Number(totals.has(a)) - Number(totals.has(b)) || model.nodes[a]!.value - model.nodes[b]!.value || a - b,
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
  const fallback = nearest.find((m) => totals.has(m)) ?? [...nearest].sort((a, b) => model.nodes[b]!.value - model.nodes[a]!.value)[0]!;
  model.nodes[fallback]!.disclosed = hiddenValue(policy);
  return true;
}

/** Every printed value of the table under the old rule, keyed "<figure>#<component>", and the whole true values. */
export interface FixpointDisclosure {
  values: Map<string, DisclosedValue>;
  truth: Map<string, number>;
}

export function fixpointSuppression(estimate: EstimateResult, policy: DisclosurePolicy, percent: number): FixpointDisclosure {
  const model = buildModel(estimate, policy, percent);
  const ranges = protectedRanges(policy);
  if (policy.secondary === 'complementary') {
    for (;;) {
      const exposed = firstExposed(model, ranges, readerBounds(model));
      if (exposed === null) break;
      if (!hideOneFor(model, ranges, exposed, policy)) {
        model.nodes.forEach((n) => {
          if (isHideable(n)) n.disclosed = hiddenValue(policy);
        });
        break;
      }
    }
  }
  const values = new Map<string, DisclosedValue>();
  const truth = new Map<string, number>();
  for (const node of model.nodes) {
    if (!node.disclosed) continue;
    values.set(node.id, node.disclosed);
    truth.set(node.id, node.value);
  }
  return { values, truth };
}
