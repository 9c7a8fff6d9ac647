/**
 * A policy's presentation rules, each from one helper: the small-value range ("0 or 1 … k−1"), its one text ("<k",
 * "≤k−1"), the stored policy read back strictly, and a custom policy's k reaching the letter's method text.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISCLOSURE_POLICY,
  DISCLOSURE_PRESETS,
  StoredPolicyError,
  customPolicyFrom,
  describeDisclosurePolicy,
  discloseValue,
  formatDisclosedValue,
  policyFromSetting,
  protectedRanges,
  smallValueRange,
  smallValueText,
} from '../../../shared/disclosure';
import { rangeText } from '../../../shared/answer-file/texts';
import { underPolicy } from '../../../shared/answer-file/compile';
import { methodSections, snapshotMethodInputs } from '../../../shared/method';
import { demoSnapshot } from '../letter/helpers';

const { ohdsi, 'leaf-shrine': leaf, 'pcornet-act': pcornet } = DISCLOSURE_PRESETS;
const sv = (n: number) => new Intl.NumberFormat('sv-SE').format(n);

describe('the small-value range and its text', () => {
  it('is 1…k−1, or 0…k−1 when zeros show as small, for every preset', () => {
    expect(smallValueRange(ohdsi)).toEqual({ from: 1, to: 4 });
    expect(smallValueRange(leaf)).toEqual({ from: 0, to: 10 });
    expect(smallValueRange(pcornet)).toEqual({ from: 1, to: 10 });
    expect(protectedRanges(ohdsi)).toEqual([smallValueRange(ohdsi)]);
  });

  it('prints "<k" or "≤k−1" with k formatted for the locale, and no single text for bands', () => {
    expect(smallValueText(ohdsi)).toBe('<5');
    expect(smallValueText(leaf)).toBe('≤10');
    expect(smallValueText({ ...pcornet, threshold: 1500 }, sv)).toBe('<1\u00a0500');
    expect(smallValueText({ ...ohdsi, small: { kind: 'bands', bands: [{ from: 1, to: 4 }] } })).toBeNull();
  });

  it('is the same text wherever a small value is printed: a figure, a compiled range and the policy in words', () => {
    for (const policy of [ohdsi, leaf, pcornet]) {
      const text = smallValueText(policy)!;
      expect(formatDisclosedValue(discloseValue(1, 'point', policy), policy)).toBe(text);
      const range = smallValueRange(policy);
      expect(rangeText({ low: range.from, high: range.to }, policy)).toBe(text);
      expect(describeDisclosurePolicy(policy, 'sv')).toContain(`Antal från ${range.from} till ${range.to} visas som "${text}"`);
      expect(describeDisclosurePolicy(policy, 'en')).toContain(`Counts from ${range.from} to ${range.to} are shown as "${text}"`);
    }
  });

  it('a "7" shown under k = 5 is re-read as the whole small range under k = 11', () => {
    expect(underPolicy({ low: 7, high: 7 }, 'point', pcornet)).toEqual({ low: 1, high: 10 });
    expect(underPolicy({ low: 3, high: 40 }, 'point', leaf)).toEqual({ low: 0, high: 40 });
  });
});

describe('the stored policy', () => {
  it('nothing stored reads as the default; a stored preset or custom policy reads as itself', () => {
    expect(policyFromSetting(undefined)).toBe(DEFAULT_DISCLOSURE_POLICY);
    const custom = { ...customPolicyFrom(ohdsi), name: 'Enhetens', threshold: 8 };
    expect(policyFromSetting(custom)).toEqual(custom);
  });

  it('anything unusable is refused with the problem named, never replaced by the default', () => {
    expect(() => policyFromSetting('ohdsi')).toThrow(StoredPolicyError);
    expect(() => policyFromSetting({ id: 'custom', name: 'x', threshold: 'five' })).toThrow(/threshold/);
    try {
      policyFromSetting({ ...customPolicyFrom(ohdsi), threshold: 1 });
      expect.unreachable('a threshold of 1 must be refused');
    } catch (e) {
      expect(e).toBeInstanceOf(StoredPolicyError);
      expect((e as StoredPolicyError).problems.map((p) => p.code)).toEqual(['threshold-range']);
    }
  });
});

describe('a custom policy in the letter', () => {
  it.each(['sv', 'en'] as const)('%s: the method text states its k, its small text and its rounding', (language) => {
    const policy = { ...customPolicyFrom(ohdsi), name: 'Enhetens regel', threshold: 7, rounding: 5 };
    const snapshot = demoSnapshot(language);
    const inputs = snapshotMethodInputs({ ...snapshot, settings: { ...snapshot.settings, disclosurePolicy: policy } });
    const text = methodSections(language, inputs).find((s) => s.id === 'disclosure')!.paragraphs.join(' ');
    expect(text).toContain('Enhetens regel');
    expect(text).toContain(language === 'sv' ? 'Antal från 1 till 6 visas som "<7"' : 'Counts from 1 to 6 are shown as "<7"');
    expect(text).toContain(language === 'sv' ? 'närmaste 5' : 'nearest 5');
  });
});
