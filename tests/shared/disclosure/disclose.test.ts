/**
 * discloseAnswer against the independent checker: three adversarial cases (one hidden region beside a printed
 * subtotal, two hidden regions whose sum is below k, a value recoverable through the attrition steps) — the
 * disclosed answer never lets a reader recover them, and the checker catches each one when secondary suppression
 * is off.
 */
import { describe, expect, it } from 'vitest';
import {
  DISCLOSURE_PRESETS,
  checkDisclosure,
  discloseAnswer,
  printedTableOf,
  type DisclosedAnswer,
  type DisclosurePolicy,
} from '../../../shared/disclosure';
import { runDemo } from '../../../shared/demo/run-demo';
import { exactly, makeEstimate } from './make-estimate';

const ohdsi = DISCLOSURE_PRESETS.ohdsi;
const unsafe: DisclosurePolicy = { ...ohdsi, secondary: 'none' };

const audit = (disclosed: DisclosedAnswer, policy: DisclosurePolicy) => checkDisclosure(printedTableOf(disclosed, policy), policy);
const region = (d: DisclosedAnswer, code: string) => d.regions.find((r) => r.region === code)!;
const hr = (d: DisclosedAnswer, id: string) => d.healthcareRegions.find((h) => h.healthcareRegion === id)!;

/** Every number printed anywhere in a disclosed answer. */
function printedNumbers(d: DisclosedAnswer): number[] {
  const figures = [...d.regions, ...d.healthcareRegions, d.national, ...d.attrition.map((s) => s.figure)];
  return figures.flatMap((f) => [f.low, f.point, f.high]).flatMap((v) => (v.kind === 'shown' ? [v.value!] : []));
}

describe('primary suppression', () => {
  it('prints a small region as "<5", its small interval end too, and never a number from 1 to 4', () => {
    const d = discloseAnswer(makeEstimate({ '09': { low: 1, point: 3.4, high: 9.6 }, '23': { low: 2.2, point: 12, high: 30 } }), ohdsi);
    expect(region(d, '09')).toMatchObject({ text: '<5', suppressed: 'primary' });
    expect(region(d, '09').intervalText).toMatch(/^<5–/);
    expect(region(d, '23')).toMatchObject({ text: '12', intervalText: '<5–30', suppressed: null });
    expect(printedNumbers(d).filter((n) => n > 0 && n < 5)).toEqual([]);
    expect(audit(d, ohdsi).ok).toBe(true);
  });

  it('formats printed numbers with the given locale formatter', () => {
    const d = discloseAnswer(makeEstimate({}, { otherwise: 1000 }), ohdsi, { formatNumber: (n) => new Intl.NumberFormat('sv-SE').format(n) });
    expect(d.national.text).toBe('21\u00a0000');
    expect(audit(d, ohdsi).ok).toBe(true);
  });
});

describe('adversarial case 1: one hidden region in a healthcare region with a printed subtotal', () => {
  // Norra: Västernorrland 3 is small; Jämtland, Västerbotten and Norrbotten are printed, and so is Norra.
  const estimate = makeEstimate({ '22': 3, '23': 40, '24': 50, '25': 60 });

  it('without secondary suppression the checker recovers it exactly and names the cell', () => {
    const d = discloseAnswer(estimate, unsafe);
    expect(region(d, '22').text).toBe('<5');
    expect(hr(d, 'norra').text).toBe('153');
    const check = audit(d, unsafe);
    expect(check.ok).toBe(false);
    const v = check.violations.find((x) => x.cellId === 'region:22#point')!;
    expect(v.label).toBe('Västernorrland (point)');
    expect(v.inferred).toEqual({ low: 3, high: 3 });
    expect(v.message).toContain('narrowed to 3');
  });

  it('with it, a second figure is hidden and nothing can be narrowed', () => {
    const d = discloseAnswer(estimate, ohdsi);
    const norra = [region(d, '22'), region(d, '23'), region(d, '24'), region(d, '25'), hr(d, 'norra')];
    expect(norra.filter((f) => f.point.suppressed === 'secondary').length).toBeGreaterThanOrEqual(1);
    expect(d.summary.secondary).toBeGreaterThanOrEqual(1);
    const check = audit(d, ohdsi);
    expect(check.violations).toEqual([]);
  });
});

describe('adversarial case 2: two hidden regions whose sum is below k', () => {
  // Stockholm-Gotland: Gotland 2 and … only two regions, so use Norra: Västernorrland 1 + Jämtland 2 = 3 < 5.
  const estimate = makeEstimate({ '22': 1, '23': 2, '24': 50, '25': 60 });

  it('without secondary suppression the checker narrows both (the pair is pinned to 3)', () => {
    const d = discloseAnswer(estimate, unsafe);
    expect([region(d, '22').text, region(d, '23').text]).toEqual(['<5', '<5']);
    const check = audit(d, unsafe);
    const narrowed = check.violations.filter((v) => v.cellId === 'region:22#point' || v.cellId === 'region:23#point');
    expect(narrowed.map((v) => v.inferred)).toEqual([
      { low: 1, high: 2 },
      { low: 1, high: 2 },
    ]);
  });

  it('with it, a printed figure is hidden as well and the pair keeps its whole range', () => {
    const d = discloseAnswer(estimate, ohdsi);
    expect([region(d, '24'), region(d, '25'), hr(d, 'norra')].some((f) => f.point.suppressed === 'secondary')).toBe(true);
    expect(audit(d, ohdsi).violations).toEqual([]);
  });
});

describe('adversarial case 3: a hidden value recoverable through the attrition steps', () => {
  // Every region is large at every step, but the step "b" removes 3 patients in total (from Gotland; the first row is the base).
  const estimate = makeEstimate({}, { steps: [{ id: 'a', values: { '09': 103 } }, { id: 'b', values: {} }] });

  it('without secondary suppression the checker names the loss between the two printed steps', () => {
    const d = discloseAnswer(estimate, unsafe);
    expect(d.attrition.map((s) => s.figure.text)).toEqual(['2103', '2100', '2100']);
    const check = audit(d, unsafe);
    expect(check.ok).toBe(false);
    expect(check.violations.find((v) => v.cellId === 'loss:b#point')).toMatchObject({ label: 'Loss at step "step b" (point)', inferred: { low: 3, high: 3 } });
  });

  it('with it, a step total is hidden (and its percentages with it), and the loss cannot be narrowed', () => {
    const d = discloseAnswer(estimate, ohdsi);
    const hidden = d.attrition.filter((s) => s.figure.point.suppressed === 'secondary');
    expect(hidden.length).toBeGreaterThanOrEqual(1);
    for (const step of hidden) expect(step.remainingShare).toBeNull();
    expect(audit(d, ohdsi).violations).toEqual([]);
  });
});

describe('Halland split and the demo', () => {
  it('keeps the printed healthcare regions additive with Halland split by the estimate’s rule', () => {
    const d = discloseAnswer(makeEstimate({ '13': 100, '07': 2 }), ohdsi);
    expect(d.hallandSodraShare).toBeCloseTo(138858 / 333848, 6);
    expect(audit(d, ohdsi).ok).toBe(true);
    // Kronoberg's "<5" sits in Södra with Halland's unprinted part: Södra or a neighbour is hidden too.
    expect([region(d, '10'), region(d, '12'), hr(d, 'sodra')].some((f) => f.point.suppressed === 'secondary')).toBe(true);
  });

  it('discloses the demo answer under every preset so that the checker passes', () => {
    const { estimate } = runDemo();
    for (const policy of Object.values(DISCLOSURE_PRESETS)) {
      const d = discloseAnswer(estimate, policy);
      expect(audit(d, policy)).toMatchObject({ ok: true, violations: [] });
      expect(d.policy).toEqual({ id: policy.id, name: policy.name, version: policy.version });
    }
    // Gotland's low end (3) is small under OHDSI k = 5.
    expect(region(discloseAnswer(estimate, ohdsi), '09').intervalText).toMatch(/^<5–/);
  });

  it('discloses the standalone figures (unknown region) by the primary rule', () => {
    const estimate = { ...makeEstimate({}), unknownRegion: exactly(2) };
    expect(discloseAnswer(estimate, ohdsi).unknownRegion?.text).toBe('<5');
  });
});
