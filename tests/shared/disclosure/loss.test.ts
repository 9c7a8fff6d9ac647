/**
 * The information loss the answer view reports ("Visa som sponsorn ser det": regional values not shown as numbers,
 * how many of them hidden to protect others, and the patients in regions whose point is not shown), checked against
 * the printed table itself: counted from the printed texts, with the patients added up by hand from the input.
 */
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_PRESETS, discloseAnswer } from '../../../shared/disclosure';
import { makeEstimate } from './make-estimate';

const isNumber = (text: string) => /^\d+$/.test(text);

describe('the information loss of a disclosed answer', () => {
  it('counts what the printed table does not show as numbers, and the patients behind the hidden points', () => {
    // Gotland 3 and Jämtland 2 (each "<5" in low, point and high), Västmanland 40 and every other region 100.
    const estimate = makeEstimate({ '09': 3, '23': 2, '19': 40 });
    const disclosed = discloseAnswer(estimate, DISCLOSURE_PRESETS.ohdsi);
    const texts = disclosed.regions.flatMap((r) => [r.texts.low, r.texts.point, r.texts.high]);
    const notNumbers = texts.filter((t) => !isNumber(t));
    // The six small values at least, and every ".." on top of them.
    expect(notNumbers.filter((t) => t === '<5')).toHaveLength(6);
    expect(disclosed.loss.regionalFigures).toBe(63);
    expect(disclosed.loss.regionalHidden).toBe(notNumbers.length);
    expect(disclosed.loss.regionalHiddenSecondary).toBe(notNumbers.filter((t) => t === '..').length);
    expect(disclosed.loss.regionalHiddenSecondary).toBeGreaterThan(0);
    // Patients: 18 regions × 100 + 40 + 3 + 2 = 1 845 in all; those of regions whose point is not printed, by hand.
    const truePoint = (code: string) => (code === '09' ? 3 : code === '23' ? 2 : code === '19' ? 40 : 100);
    expect(disclosed.loss.patients).toBe(1845);
    const hiddenPoints = disclosed.regions.filter((r) => !isNumber(r.texts.point)).map((r) => r.region);
    expect(hiddenPoints).toEqual(expect.arrayContaining(['09', '23']));
    expect(disclosed.loss.patientsInHiddenRegions).toBe(hiddenPoints.reduce((s, code) => s + truePoint(code), 0));
  });
});
