import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISCLOSURE_POLICY,
  DISCLOSURE_PRESETS,
  customPolicyFrom,
  describeDisclosurePolicy,
  discloseValue,
  formatDisclosedValue,
  protectedRanges,
  validateDisclosurePolicy,
  type Component,
  type DisclosurePolicy,
} from '../../../shared/disclosure';
import { readPrintedText } from '../../../shared/disclosure/printed';

describe('disclosure presets', () => {
  it('follow the peers: OHDSI k = 5 (the default), Leaf/SHRINE ≤ 10 with zero included, PCORnet/ACT k = 11', () => {
    expect(DEFAULT_DISCLOSURE_POLICY.id).toBe('ohdsi');
    expect(DISCLOSURE_PRESETS.ohdsi.threshold).toBe(5);
    expect(DISCLOSURE_PRESETS['pcornet-act'].threshold).toBe(11);
    expect(DISCLOSURE_PRESETS['leaf-shrine'].threshold).toBe(11);
    expect(formatDisclosedValue(discloseValue(3, 'point', DISCLOSURE_PRESETS.ohdsi), DISCLOSURE_PRESETS.ohdsi)).toBe('<5');
    expect(formatDisclosedValue(discloseValue(10, 'point', DISCLOSURE_PRESETS['pcornet-act']), DISCLOSURE_PRESETS['pcornet-act'])).toBe('<11');
    expect(formatDisclosedValue(discloseValue(0, 'point', DISCLOSURE_PRESETS['leaf-shrine']), DISCLOSURE_PRESETS['leaf-shrine'])).toBe('≤10');
    expect(formatDisclosedValue(discloseValue(0, 'point', DISCLOSURE_PRESETS.ohdsi), DISCLOSURE_PRESETS.ohdsi)).toBe('0');
    expect(protectedRanges(DISCLOSURE_PRESETS['leaf-shrine'])).toEqual([{ from: 0, to: 10 }]);
    for (const preset of Object.values(DISCLOSURE_PRESETS)) {
      expect(validateDisclosurePolicy(preset)).toEqual([]);
      expect(preset.secondary).toBe('complementary');
    }
  });

  it('describe themselves in Swedish and English with name, version and the interval rule', () => {
    const sv = describeDisclosurePolicy(DISCLOSURE_PRESETS['pcornet-act'], 'sv');
    const en = describeDisclosurePolicy(DISCLOSURE_PRESETS['pcornet-act'], 'en');
    expect(sv).toContain('PCORnet/ACT k = 11, version 1');
    expect(sv).toContain('"<11"');
    expect(sv).toContain('Intervallens gränser');
    expect(en).toContain('Interval bounds follow the same rule');
    expect(en).toContain('Secondary suppression');
  });
});

describe('validateDisclosurePolicy', () => {
  const custom = customPolicyFrom(DISCLOSURE_PRESETS.ohdsi);
  const codes = (p: DisclosurePolicy) => validateDisclosurePolicy(p).map((x) => `${x.field}:${x.code}`);

  it('accepts a custom copy of a preset and names every problem of a broken one', () => {
    expect(custom.id).toBe('custom');
    expect(validateDisclosurePolicy(custom)).toEqual([]);
    expect(codes({ ...custom, threshold: 1 })).toEqual(['threshold:threshold-range']);
    expect(codes({ ...custom, threshold: 4.5 })).toEqual(['threshold:threshold-range']);
    expect(codes({ ...custom, rounding: 0 })).toEqual(['rounding:rounding-range']);
    expect(codes({ ...custom, name: ' ' })).toEqual(['name:required']);
    expect(codes({ ...custom, secondaryText: '0' })).toEqual(['secondaryText:text-digits']);
  });

  it('explains what is wrong with bands', () => {
    const bands = (...b: [number, number][]) => ({ ...custom, small: { kind: 'bands' as const, bands: b.map(([from, to]) => ({ from, to })) } });
    expect(validateDisclosurePolicy(bands([1, 4], [5, 9]))).toEqual([]);
    expect(codes(bands())).toEqual(['small:bands-empty']);
    expect(codes(bands([2, 4]))).toEqual(['small:bands-start']);
    expect(validateDisclosurePolicy(bands([1, 2], [4, 9]))[0]!.message).toBe('Band 2 must start at 3, right after band 1 (it starts at 4).');
    expect(codes(bands([1, 3]))).toEqual(['small:bands-short']);
    expect(codes(bands([1, 4], [9, 5]))).toEqual(['small:band-order']);
  });
});

describe('discloseValue', () => {
  const ohdsi5 = { ...DISCLOSURE_PRESETS.ohdsi, rounding: 5 };
  it('rounds shown values outward (low down, high up, point to nearest) and never prints a number below k', () => {
    const text = (v: number, c: Component, p: DisclosurePolicy) => formatDisclosedValue(discloseValue(v, c, p), p);
    expect([text(12, 'point', ohdsi5), text(12, 'low', ohdsi5), text(12, 'high', ohdsi5)]).toEqual(['10', '10', '15']);
    expect([text(6, 'point', ohdsi5), text(6, 'low', ohdsi5), text(6, 'high', ohdsi5)]).toEqual(['5', '5', '10']);
    const pcornet10 = { ...DISCLOSURE_PRESETS['pcornet-act'], rounding: 10 };
    // 11..14 rounds to 10 < k: printed as the smallest printable multiple (20) for a point, as k (11) for a low.
    expect([text(12, 'point', pcornet10), text(12, 'low', pcornet10), text(12, 'high', pcornet10)]).toEqual(['20', '11', '20']);
    expect(text(1234, 'point', DISCLOSURE_PRESETS.ohdsi)).toBe('1234');
  });

  it('states exactly what a reader can infer, and printedTableOf reads the printed text back to the same interval', () => {
    const policies: DisclosurePolicy[] = [
      DISCLOSURE_PRESETS.ohdsi,
      DISCLOSURE_PRESETS['leaf-shrine'],
      { ...DISCLOSURE_PRESETS['pcornet-act'], rounding: 10 },
      { ...DISCLOSURE_PRESETS.ohdsi, rounding: 5 },
      { ...DISCLOSURE_PRESETS.ohdsi, small: { kind: 'bands', bands: [{ from: 1, to: 4 }, { from: 5, to: 9 }, { from: 10, to: 19 }] }, rounding: 5 },
    ];
    for (const policy of policies) {
      for (const c of ['low', 'point', 'high'] as const) {
        // Group every value 0..300 by its printed text: the stated interval must be exactly the group.
        const groups = new Map<string, number[]>();
        for (let v = 0; v <= 300; v++) {
          const text = formatDisclosedValue(discloseValue(v, c, policy), policy);
          groups.set(text, [...(groups.get(text) ?? []), v]);
        }
        for (const [text, values] of groups) {
          const stated = discloseValue(values[0]!, c, policy).display;
          if (values[values.length - 1] === 300) continue; // the group may continue past the scan
          expect({ policy: policy.name, c, text, ...stated }).toEqual({ policy: policy.name, c, text, low: values[0], high: values[values.length - 1] });
          expect(readPrintedText(text, c, policy)).toEqual(stated);
          expect(values.every((v) => v === values[0]! + values.indexOf(v))).toBe(true);
        }
      }
    }
  });
});
