/**
 * Random answers of small counts, seeded and deterministic, as whole letters: the demo study's letter (its
 * attrition steps, sites, unit and request) with every regional figure of every step drawn at random. Used by the
 * property test of the disclosure auditor and by the information-loss benchmark, so both measure the same answers.
 *
 * The counts are drawn around the policy's k (many values below it, many just above, some zeros, a few large), the
 * interval ends a few patients either side of the point, earlier attrition steps a little or a lot larger than the
 * step after them, some steps switched off, and Halland split by a random percentage or wholly to one side.
 */
import { createSnapshot, type AnswerSnapshot } from '../../../shared/answer/snapshot';
import { runDemo } from '../../../shared/demo/run-demo';
import type { DisclosurePolicy } from '../../../shared/disclosure';
import type { AttritionStep, EstimateResult } from '../../../shared/estimate/types';
import { healthcareRegionShares } from '../../../shared/regions/healthcare-shares';
import { COUNTY_CODES, HEALTHCARE_REGION_IDS, type CountyCode, type HallandRule } from '../../../shared/regions/regions';
import type { Interval } from '../../../shared/utils/interval';
import { DEMO_REQUEST_WITHOUT_EFF, demoSnapshot } from '../letter/helpers';

/** mulberry32: a small, well-mixed 32-bit generator; the same seed always gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

/** A whole count around k: below it, just above it, zero, or large. */
function count(r: Random, k: number): number {
  const u = r();
  if (u < 0.12) return 0;
  if (u < 0.55) return int(r, 1, k + 1);
  if (u < 0.8) return int(r, 0, 3 * k);
  if (u < 0.95) return int(r, 0, 12 * k);
  return int(r, 0, 400);
}

function regionInterval(r: Random, k: number): Interval {
  const point = count(r, k) + (r() < 0.5 ? 0 : Math.round(r() * 100) / 100);
  const below = r() < 0.3 ? 0 : int(r, 0, Math.max(2, k));
  const above = r() < 0.2 ? 0 : int(r, 0, 3 * k);
  return { low: Math.max(0, point - below), point, high: point + above };
}

const add = (a: Interval, b: Interval): Interval => ({ low: a.low + b.low, point: a.point + b.point, high: a.high + b.high });
const ZERO: Interval = { low: 0, point: 0, high: 0 };

interface Template {
  snapshot: AnswerSnapshot;
  steps: AttritionStep[];
}

let template: Template | null = null;

function demoTemplate(): Template {
  if (template) return template;
  const demo = runDemo();
  const snapshot = demoSnapshot('sv', { request: DEMO_REQUEST_WITHOUT_EFF });
  template = { snapshot, steps: demo.estimate.attrition };
  return template;
}

/** One random answer under a policy: its estimate, Halland rule and the letter's snapshot. */
export interface RandomAnswer {
  index: number;
  estimate: EstimateResult;
  hallandRule: HallandRule;
  snapshot: AnswerSnapshot;
}

function hallandRule(r: Random): HallandRule {
  const u = r();
  if (u < 0.15) return { kind: 'all-to', healthcareRegion: 'sodra' };
  if (u < 0.3) return { kind: 'all-to', healthcareRegion: 'vastra' };
  return { kind: 'population-split', sodraShare: 0.2 + 0.6 * r() };
}

/**
 * The `index`-th random answer of a seed under a policy (each answer has its own generator, so answer 1 734 can be
 * rebuilt alone from the seed and its index).
 */
export function randomAnswer(seed: number, index: number, policy: DisclosurePolicy): RandomAnswer {
  const r = seededRandom((seed * 1_000_003 + index * 7919) >>> 0);
  const k = policy.threshold;
  const { snapshot: base, steps } = demoTemplate();
  const rule = hallandRule(r);

  // The final step's regions, then each earlier step built backwards: at least as large as the step after it.
  const rows: Record<CountyCode, Interval>[] = new Array(steps.length);
  rows[steps.length - 1] = Object.fromEntries(COUNTY_CODES.map((c) => [c, regionInterval(r, k)])) as Record<CountyCode, Interval>;
  for (let i = steps.length - 2; i >= 0; i--) {
    const after = rows[i + 1]!;
    const grow = r() < 0.3 ? 0 : r() < 0.6 ? 3 : 60;
    rows[i] = Object.fromEntries(
      COUNTY_CODES.map((c) => {
        const extra = int(r, 0, grow);
        const v = after[c];
        return [c, { low: v.low + extra, point: v.point + extra, high: v.high + extra + (r() < 0.2 ? int(r, 0, 2) : 0) }];
      }),
    ) as Record<CountyCode, Interval>;
  }
  // Some criteria switched off (never the base or the last step): such a step repeats the row before it.
  const enabled = steps.map((_, i) => i === 0 || i === steps.length - 1 || r() > 0.15);
  for (let i = 1; i < steps.length; i++) if (!enabled[i]) rows[i] = rows[i - 1]!;
  // The final figures are those of the last enabled step (the last step is always enabled).
  const final = rows[steps.length - 1]!;

  const attrition: AttritionStep[] = steps.map((step, i) => {
    const perRegion = rows[i]!;
    const total = COUNTY_CODES.reduce((s, c) => add(s, perRegion[c]), ZERO);
    const baseTotal = COUNTY_CODES.reduce((s, c) => add(s, rows[0]![c]), ZERO);
    return { stepId: step.stepId, label: step.label, type: step.type, enabled: enabled[i]!, total, perRegion, remainingShare: baseTotal.point > 0 ? total.point / baseTotal.point : 0, lostShare: 0, ...(step.assumption ? { assumption: step.assumption } : {}) };
  });
  const hr = new Map(HEALTHCARE_REGION_IDS.map((id) => [id, ZERO]));
  for (const code of COUNTY_CODES) {
    for (const { id, share } of healthcareRegionShares(code, rule)) {
      const v = final[code];
      hr.set(id, add(hr.get(id)!, { low: v.low * share, point: v.point * share, high: v.high * share }));
    }
  }
  const estimate: EstimateResult = {
    ...base.answer.estimate,
    inputHash: `random-${seed}-${index}`,
    regions: COUNTY_CODES.map((code) => ({ region: code, eligible: final[code], cells: 1, maskedCells: 0, jointCount: false })),
    healthcareRegions: HEALTHCARE_REGION_IDS.map((id) => ({ id, eligible: hr.get(id)! })),
    national: COUNTY_CODES.reduce((s, c) => add(s, final[c]), ZERO),
    attrition,
    mostLimitingStepId: null,
  };
  const { request, unit, study, datasets, answer } = base;
  const snapshot = createSnapshot({ language: 'sv', createdAt: base.createdAt, letterDate: base.letterDate, study, answer: { ...answer, estimate }, datasets, hallandRule: rule, disclosurePolicy: policy, unit, ...(request ? { request } : {}) });
  return { index, estimate, hallandRule: rule, snapshot };
}
