/**
 * Property: whatever the regional counts and attrition, what discloseAnswer prints passes the independent
 * checker, prints no number below k, and hides every small region (as small, or hidden outright).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DISCLOSURE_PRESETS, checkDisclosure, discloseAnswer, printedTableOf, type DisclosurePolicy } from '../../../shared/disclosure';
import { COUNTY_CODES, DEFAULT_HALLAND_RULE, type CountyCode, type HallandRule } from '../../../shared/regions/regions';
import { makeEstimate, type RegionValues } from './make-estimate';
import type { Interval } from '../../../shared/utils/interval';

const policies: DisclosurePolicy[] = [
  DISCLOSURE_PRESETS.ohdsi,
  DISCLOSURE_PRESETS['leaf-shrine'],
  DISCLOSURE_PRESETS['pcornet-act'],
  { ...DISCLOSURE_PRESETS.ohdsi, rounding: 5 },
  { ...DISCLOSURE_PRESETS['pcornet-act'], rounding: 10 },
  { ...DISCLOSURE_PRESETS.ohdsi, id: 'bands', small: { kind: 'bands', bands: [{ from: 1, to: 4 }, { from: 5, to: 9 }, { from: 10, to: 19 }] } },
];

/** Many small counts, some zeros, some large: the mix that makes suppression hard. */
const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 400 }));
const interval: fc.Arbitrary<Interval> = fc
  .tuple(count, fc.double({ min: 0, max: 0.99, noNaN: true }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 20 }))
  .map(([base, fraction, below, above]) => {
    const point = base + fraction;
    return { low: Math.max(0, point - below), point, high: point + above };
  });
const regions = fc.array(interval, { minLength: 21, maxLength: 21 }).map((xs) => Object.fromEntries(COUNTY_CODES.map((c, i) => [c, xs[i]!])) as Record<CountyCode, Interval>);
const hallandRule: fc.Arbitrary<HallandRule> = fc.constantFrom(DEFAULT_HALLAND_RULE, { kind: 'all-to', healthcareRegion: 'sodra' } as const, { kind: 'all-to', healthcareRegion: 'vastra' } as const);

/** Earlier attrition rows: each region at least as large as in the row after it (a step only removes). */
const earlierRows = fc.array(
  fc.tuple(fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 60 })), { minLength: 21, maxLength: 21 }), fc.boolean()),
  { maxLength: 3 },
);

function withRows(final: Record<CountyCode, Interval>, rows: [number[], boolean][]): { id: string; values: RegionValues; enabled: boolean }[] {
  // Built from the final row backwards, each row adding to the one after it.
  const built: { id: string; values: Record<CountyCode, Interval>; enabled: boolean }[] = [];
  let after = final;
  for (const [i, [extra]] of [...rows.entries()].reverse()) {
    const values = Object.fromEntries(COUNTY_CODES.map((c, r) => [c, { low: after[c].low + extra[r]!, point: after[c].point + extra[r]!, high: after[c].high + extra[r]! }])) as Record<CountyCode, Interval>;
    built.unshift({ id: `s${i}`, values, enabled: true });
    after = values;
  }
  // A disabled step (not the base) changes nothing: it repeats the row before it.
  for (let i = 1; i < built.length; i++) if (!rows[i]![1]) built[i] = { ...built[i]!, values: built[i - 1]!.values, enabled: false };
  return built;
}

describe('discloseAnswer always passes checkDisclosure', () => {
  it('for random regional counts, attrition, Halland rules and policies', () => {
    fc.assert(
      fc.property(regions, earlierRows, hallandRule, fc.constantFrom(...policies), (final, rows, rule, policy) => {
        const estimate = makeEstimate(final, { steps: withRows(final, rows), hallandRule: rule });
        const disclosed = discloseAnswer(estimate, policy);
        const check = checkDisclosure(printedTableOf(disclosed, policy), policy);
        expect(check.violations).toEqual([]);
        const figures = [...disclosed.regions, ...disclosed.healthcareRegions, disclosed.national, ...disclosed.attrition.map((s) => s.figure)];
        for (const f of figures) {
          for (const v of [f.low, f.point, f.high]) if (v.kind === 'shown') expect(v.value!).toBeGreaterThanOrEqual(policy.threshold);
        }
        for (const r of disclosed.regions) {
          const point = Math.round(final[r.region].point);
          if (point > 0 && point < policy.threshold) expect(['primary', 'secondary']).toContain(r.point.suppressed);
        }
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });
});
