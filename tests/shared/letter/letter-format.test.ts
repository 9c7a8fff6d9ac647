// The letter formats numbers itself (not with Intl, whose ICU data differ between Node and Chromium versions),
// and reads a unit's SVG logo from its data URL.
import { describe, expect, it } from 'vitest';
import { svgFromDataUrl } from '../../../shared/letter/document';
import { roundInterval } from '../../../shared/utils/interval';
import { formatCount, formatNumber, formatPercent } from '../../../shared/text/format';
import { letterFileName } from '../../../shared/letter';
import { renderLetterPdf } from '../../../shared/letter';
import { demoSnapshot, pdfText } from './helpers';
import { createSnapshot } from '../../../shared/answer/snapshot';

describe('letter number formatting', () => {
  it.each([
    [1234, 'sv', '1\u00a0234'],
    [1234567, 'sv', '1\u00a0234\u00a0567'],
    [999, 'sv', '999'],
    [1234, 'en', '1,234'],
    [0, 'en', '0'],
  ] as const)('formatCount(%d, %s) = %j', (value, language, expected) => {
    expect(formatCount(value, language)).toBe(expected);
  });

  it('decimals use a comma in Swedish and a point in English; trailing zeros are dropped', () => {
    expect(formatNumber(6.25, 'sv', 1)).toBe('6,3');
    expect(formatNumber(6.25, 'en', 2)).toBe('6.25');
    expect(formatNumber(2, 'sv', 1)).toBe('2');
    expect(formatNumber(-1500.5, 'en', 1)).toBe('−1,500.5');
  });

  it('percentages: "12,5 %" in Swedish, "12.5%" in English', () => {
    expect(formatPercent(0.125, 'sv')).toBe('12,5\u00a0%');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(0.5666, 'sv')).toBe('56,7\u00a0%');
  });

  it('intervals are rounded outwards, the point to nearest', () => {
    expect(roundInterval({ low: 554.6, point: 1180.5, high: 2529.2 })).toEqual({ low: 554, point: 1181, high: 2530 });
  });

  it("file names carry the sponsor's reference and date without unsafe characters", () => {
    const snapshot = demoSnapshot('sv', { request: null });
    expect(letterFileName(snapshot)).toBe('svarsbrev-DEMO-CRC-301-2026-03-14.pdf');
    expect(letterFileName({ ...snapshot, language: 'en', study: { ...snapshot.study, sponsorReference: 'ÅÄÖ / 12:3' } })).toBe('feasibility-letter-AAO-12-3-2026-03-14.pdf');
    // With a request, its sponsor's reference (what the letter prints), never our diary number.
    const withRequest = demoSnapshot('sv');
    expect(letterFileName(withRequest)).toBe('svarsbrev-FS-2026-0042-2026-03-14.pdf');
    expect(letterFileName({ ...withRequest, request: {} })).toBe('svarsbrev-2026-03-14.pdf');
  });
});

describe('the unit logo', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#08519c"/></svg>';

  it('is read from a base64 or a percent-encoded SVG data URL', () => {
    const base64 = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
    expect(svgFromDataUrl(base64)).toBe(svg);
    expect(svgFromDataUrl(`data:image/svg+xml,${encodeURIComponent(svg)}`)).toBe(svg);
    expect(svgFromDataUrl('data:image/png;base64,AAAA')).toBeNull();
  });

  it('appears on the letterhead without changing the text', async () => {
    const plain = demoSnapshot('en');
    const { contentHash: _hash, ...content } = plain;
    const withLogo = createSnapshot({
      ...content,
      datasets: content.datasets,
      hallandRule: content.settings.hallandRule,
      disclosurePolicy: content.settings.disclosurePolicy,
      unit: { ...content.unit, logo: { name: 'logo.svg', mediaType: 'image/svg+xml', dataUrl: `data:image/svg+xml,${encodeURIComponent(svg)}` } },
    });
    const [a, b] = await Promise.all([renderLetterPdf(plain), renderLetterPdf(withLogo)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(pdfText(b)).toContain('Prövningsenheten Syd');
  }, 60_000);
});
