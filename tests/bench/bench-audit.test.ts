/**
 * The disclosure benchmark measures what it claims: its quantiles are nearest-rank ones, its loss counts what a
 * letter does not print, and its "before" column is the old fixpoint rule the issue describes — which leaves
 * Västra Götaland's "<5" to be pinned through the printed Halland split, where today's discloser does not.
 */
import { describe, expect, it } from 'vitest';
import { answerOutputs } from '../../shared/answer-file';
import { DISCLOSURE_PRESETS, discloseAnswer, formatDisclosedValue, type DisclosedValue } from '../../shared/disclosure';
import { COUNTY_CODES } from '../../shared/regions/regions';
import { theAuditor } from '../shared/disclosure-audit/helpers';
import { makeEstimate } from '../shared/disclosure/make-estimate';
import { letterLoss, quantile } from './bench-audit';
import { fixpointSuppression } from './fixpoint-suppression';

const ohdsi = DISCLOSURE_PRESETS.ohdsi;

describe('the disclosure benchmark', () => {
  it('takes nearest-rank quantiles: the median of 1..10 is 5, the 90th percentile 9, of one value that value', () => {
    expect(quantile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0.5)).toBe(5);
    expect(quantile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0.9)).toBe(9);
    expect(quantile([7], 0.9)).toBe(7);
  });

  it('counts regional values not printed as numbers and the patients of regions whose point is not printed', () => {
    const shown: DisclosedValue = { kind: 'shown', value: 40, display: { low: 40, high: 40 }, suppressed: null };
    const small: DisclosedValue = { kind: 'small', value: null, display: { low: 1, high: 4 }, suppressed: 'primary' };
    const hidden: DisclosedValue = { kind: 'hidden', value: null, display: { low: 0, high: Infinity }, suppressed: 'secondary' };
    // Stockholm: low small, point and high shown (1 value, no patients). Gotland: point hidden (1 value, its 30 patients).
    const value = (id: string) => (id === 'region:01#low' ? small : id === 'region:09#point' ? hidden : shown);
    expect(letterLoss(value, 1, (code) => (code === '09' ? 30 : 1000))).toEqual({ regional: 2, secondary: 1, patients: 30 });
    expect(COUNTY_CODES).toHaveLength(21);
  });

  it('the old rule prints a table the exact auditor breaks through the Halland split; today’s discloser does not', async () => {
    // Halland 100 (42 % of it, 42 patients, counted in Södra), Västra Götaland 1 (printed "<5"): Västra is 1 + 58 = 59.
    // Södra is Skåne 100 + Kronoberg 1 + Blekinge 4 (both "<5") + 42 = 147, so from the sums alone Halland's part in
    // Södra is anything from 39 to 45 and Västra Götaland anything from 1 to 4: the old rule hides nothing more. A
    // reader of "42 %" knows Halland's part in Västra is 58, so Västra Götaland is 59 − 58 = 1.
    const estimate = makeEstimate({ '13': 100, '14': 1, '07': 1, '10': 4 }, { hallandRule: { kind: 'population-split', sodraShare: 0.42 } });
    const old = fixpointSuppression(estimate, ohdsi, 42);
    expect(formatDisclosedValue(old.values.get('healthcare-region:vastra#point')!, ohdsi)).toBe('59');
    expect(formatDisclosedValue(old.values.get('region:14#point')!, ohdsi)).toBe('<5');
    const figures = [...new Set([...old.values.keys()].map((k) => k.split('#')[0]!))].map((figure) => ({
      figure,
      texts: Object.fromEntries((['low', 'point', 'high'] as const).map((c) => [c, formatDisclosedValue(old.values.get(`${figure}#${c}`)!, ohdsi)])),
    }));
    const auditor = await theAuditor();
    const before = auditor.audit({ policy: ohdsi, structure: { attrition: [{ stepId: 'base', label: 'base', enabled: true, removesOnly: false }] }, outputs: [{ kind: 'letter', policy: ohdsi, figures, hallandSodraShare: '42 %' }] });
    expect(before.findings.filter((f) => f.kind === 'narrowed').map((f) => [f.quantity, f.inferred])).toContainEqual(['region:14#point', { low: 1, high: 1 }]);

    const now = discloseAnswer(estimate, ohdsi, { hallandRule: { kind: 'population-split', sodraShare: 0.42 } });
    expect(now.hallandSodraPercent).toBe(42);
    expect(auditor.audit(answerOutputs(now, ohdsi)).findings).toEqual([]);
  });
});
