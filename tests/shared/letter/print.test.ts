/**
 * What the letter tells the auditor its recruitment text and chart are computed from: the regions a site's rate is
 * derived from (a site given as a share of its region), never the regions of sites with rates of their own. A
 * letter whose only site in small-count Gotland has its own rate prints its forecast and is exported; the same site
 * given as a share of Gotland makes the letter withhold the forecast, and a print that drew it anyway is refused.
 */
import { describe, expect, it } from 'vitest';
import type { Site, Study } from '../../../shared/criteria/study';
import { runDemo } from '../../../shared/demo/run-demo';
import { DEFAULT_DISCLOSURE_POLICY } from '../../../shared/disclosure';
import { loadDisclosureAuditor } from '../../../shared/disclosure-audit';
import { answerOutputs } from '../../../shared/answer-file';
import { letterPrint, prepareLetter } from '../../../shared/letter';
import { demoSnapshot } from './helpers';

function snapshotWithSite(site: Site) {
  const demo = runDemo();
  const study: Study = { ...demo.study, recruitment: { ...demo.study.recruitment, sites: [site] } };
  return demoSnapshot('sv', { study, request: null });
}

const chartCaptioned = (body: { kind: string; caption?: string }[]) => body.some((b) => b.kind === 'svg' && /Rekrytering/i.test(b.caption ?? ''));

describe('the letter print: what the recruitment forecast is computed from', () => {
  it('a site with its own rate in a region printed "<5" leaves the forecast printable and the letter exportable', async () => {
    const snapshot = snapshotWithSite({ id: 'visby', name: 'Visby lasarett', region: '09', activationMonth: 0, ratePerMonth: 0.5 });
    const { disclosed, model, audit } = await prepareLetter(snapshot);
    // The premise: Gotland is not printed in full (some of its low, point, high is small or hidden).
    const gotland = disclosed.regions.find((r) => r.region === '09')!;
    expect([gotland.low, gotland.point, gotland.high].some((v) => v.kind !== 'shown')).toBe(true);
    expect(audit.ok).toBe(true);
    expect(chartCaptioned(model.body)).toBe(true);
    expect(letterPrint(model, snapshot, DEFAULT_DISCLOSURE_POLICY).derived).toEqual([{ id: 'recruitment', name: expect.anything(), from: [] }]);
  });

  it('a site given as a share of that region: the letter withholds the forecast; drawn anyway, the auditor refuses it', async () => {
    const snapshot = snapshotWithSite({ id: 'visby', name: 'Visby lasarett', region: '09', activationMonth: 0, shareOfRegion: 0.5 });
    const { disclosed, model } = await prepareLetter(snapshot);
    expect(chartCaptioned(model.body)).toBe(false);
    // The chart of the letter with its own-rate site, put on this letter's page: its print now names Gotland.
    const drawn = await prepareLetter(snapshotWithSite({ id: 'visby', name: 'Visby lasarett', region: '09', activationMonth: 0, ratePerMonth: 0.5 }));
    const page = { ...model, body: [...model.body, ...drawn.model.body.filter((b) => b.kind === 'svg' || (b.kind === 'heading' && /Rekryteringsprognos/.test(b.text)))] };
    const print = letterPrint(page, snapshot, DEFAULT_DISCLOSURE_POLICY);
    expect(print.derived?.[0]?.from.map((f) => f.figure)).toEqual(['region:09', 'region:09', 'region:09']);
    const audit = (await loadDisclosureAuditor()).audit(answerOutputs(disclosed, DEFAULT_DISCLOSURE_POLICY, [print]));
    expect(audit.findings.map((f) => [f.kind, f.quantity])).toContainEqual(['derived-from-hidden', 'recruitment']);
  });
});
