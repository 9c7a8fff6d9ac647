// The study's projection (study.projection) through computeAnswer, the one path of the app, the CLI and the letter,
// on the real ADHD file (Socialstyrelsen, children 0–19 dispensed methylphenidate). Every expected figure is worked
// out by hand below from the file's own lines, not taken from the code under test:
// - the 21 län rows of "N06BA04 Metylfenidat;…;Båda könen;0­19" summed per year, 2016–2020:
//   38 625, 38 750, 39 413, 41 752, 46 152 (Stockholm 2020: 13 417);
// - a least-squares line through their logarithms at t = −2 … 2 (the window's middle is mid-2018), evaluated at the
//   middle of the recruitment period 1 March 2027 + 12 months, over ln 46 152, with the 80 % prediction interval
//   t(0.90, 3 df) = 1.638 (printed tables) × s × √(1 + 1/5 + d²/10).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeAnswer } from '../../../shared/answer/compute-answer';
import { PROJECTION_STEP_ID } from '../../../shared/answer/projection';
import { attritionLabel } from '../../../shared/answer/describe';
import type { Dataset } from '../../../shared/counts/dataset';
import { parseStudyFile } from '../../../shared/criteria/study-schema';
import type { Study } from '../../../shared/criteria/study';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { analyseFile } from '../../../shared/import/analyse-file';
import { buildDataset } from '../../../shared/import/build-dataset';
import { DEFAULT_HALLAND_RULE } from '../../../shared/regions/regions';
import { refusalText } from '../../../shared/trend';
import { letterMethodParagraphs, methodInputs } from '../../../shared/method/sections';
import { DEFAULT_DISCLOSURE_POLICY } from '../../../shared/disclosure/policy';

const REAL = path.resolve(__dirname, '../../../../shared/fixtures/real');
const ADHD = path.join(REAL, 'socialstyrelsen_2022-02-18.csv');
const present = existsSync(ADHD);

const SUMS = [38_625, 38_750, 39_413, 41_752, 46_152];
const STOCKHOLM_2020 = 13_417;

/** The factor and its 80 % interval by hand, for a target time (fractional years). */
function byHand(target: number) {
  const logs = SUMS.map(Math.log);
  const ts = [-2, -1, 0, 1, 2];
  const mean = logs.reduce((a, y) => a + y, 0) / 5;
  const slope = ts.reduce((a, t, i) => a + t * logs[i]!, 0) / 10;
  const s = Math.sqrt(logs.reduce((a, y, i) => a + (y - mean - slope * ts[i]!) ** 2, 0) / 3);
  const d = target - 2018.5;
  const centre = mean + slope * d - Math.log(46_152);
  const half = 1.638 * s * Math.sqrt(1 + 1 / 5 + (d * d) / 10);
  return { point: Math.exp(centre), low: Math.exp(centre - half), high: Math.exp(centre + half) };
}

const study = (projection?: Study['projection']): Study => ({
  ...DEMO_STUDY,
  population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } },
  steps: [{ id: 'mph', type: 'inclusion', enabled: true, protocolText: 'Behandlas med metylfenidat', label: 'Metylfenidat', rule: { kind: 'predicate', predicate: { kind: 'extra', key: 'lakemedel', values: ['N06BA04 Metylfenidat'] } } }],
  recruitment: {
    ...DEMO_STUDY.recruitment,
    startDate: '2027-03-01',
    months: 12,
    // A site given as a share of its region: its rate follows the region's (projected) eligible patients.
    sites: [{ id: 'ks', name: 'Karolinska', region: '01', activationMonth: 0, shareOfRegion: 0.01 }],
  },
  ...(projection ? { projection } : {}),
});

describe.skipIf(!present)('study.projection through computeAnswer on the real ADHD file', async () => {
  const preview = present ? await analyseFile({ name: path.basename(ADHD), bytes: new Uint8Array(readFileSync(ADHD)) }) : null;
  const built = preview ? buildDataset(preview, preview.mapping, { publisher: 'Socialstyrelsen' }) : null;
  const counts = built?.measures.find((m) => m.key === 'antal-patienter')?.dataset as Dataset;
  const options = { hallandRule: DEFAULT_HALLAND_RULE, today: '2026-12-07' };

  it('is off when the study has no setting, or has it off: the data’s own figures and no projection line', () => {
    const none = computeAnswer(study(), [counts], options);
    const off = computeAnswer(study({ on: false }), [counts], options);
    expect(none.estimate.projected).toBeUndefined();
    expect(off.estimate.projected).toBeUndefined();
    expect(none.estimate.national.point).toBe(46_152);
    expect(off.estimate.attrition.map((s) => s.type)).toEqual(none.estimate.attrition.map((s) => s.type));
    expect(off.estimate.attrition.some((s) => s.type === 'projection')).toBe(false);
  });

  it('on: the line "Framskrivning 2020 → 2027: × 1,31 (1,09–1,58)" after the criteria, and every figure after it projected', () => {
    const off = computeAnswer(study(), [counts], options);
    const on = computeAnswer(study({ on: true }), [counts], options);
    // The middle of 1 March 2027 – 1 March 2028.
    const hand = byHand((2027 + 59 / 365 + 2028 + 60 / 366) / 2);
    expect(hand.point).toBeCloseTo(1.3132, 4);
    const projected = on.estimate.projected!;
    expect(projected.outcome.ok).toBe(true);
    if (!projected.outcome.ok) return;
    const { line } = projected.outcome;
    expect(line.factor.point).toBeCloseTo(hand.point, 10);
    expect(line.factor.low).toBeCloseTo(hand.low, 3);
    expect(line.factor.high).toBeCloseTo(hand.high, 3);

    const last = on.estimate.attrition.at(-1)!;
    expect(last.type).toBe('projection');
    expect(last.stepId).toBe(PROJECTION_STEP_ID);
    expect(attritionLabel(last, 'sv', 'Bas')).toBe('Framskrivning 2020 → 2027: × 1,31 (1,09–1,58)');
    expect(attritionLabel(last, 'en', 'Base')).toBe('Projection 2020 → 2027: × 1.31 (1.09–1.58)');
    // The line before it keeps the data's figure; the line itself is the nation projected.
    expect(on.estimate.attrition.at(-2)!.total.point).toBe(46_152);
    expect(last.total.point).toBeCloseTo(46_152 * hand.point, 6);
    expect(on.estimate.national.point).toBeCloseTo(46_152 * hand.point, 6);

    // Stockholm: its 2020 count times the nation's factor (one factor for every region by default).
    const stockholm = on.estimate.regions.find((r) => r.region === '01')!;
    expect(stockholm.eligible.point).toBeCloseTo(STOCKHOLM_2020 * hand.point, 6);
    expect(stockholm.eligible.low).toBeCloseTo(STOCKHOLM_2020 * line.factor.low, 6);
    // Healthcare regions are the projected regions again (Halland shared by the same rule): they add up to Sweden.
    const hrSum = on.estimate.healthcareRegions.reduce((a, h) => a + h.eligible.point, 0);
    expect(hrSum).toBeCloseTo(on.estimate.national.point, 6);
    const stockholmGotland = on.estimate.healthcareRegions.find((h) => h.id === 'stockholm-gotland')!;
    const gotland = off.estimate.regions.find((r) => r.region === '09')!.eligible.point;
    expect(stockholmGotland.eligible.point).toBeCloseTo((STOCKHOLM_2020 + gotland) * hand.point, 6);
    // The published Riket row (46 003) by the same factor.
    expect(on.estimate.nationalPublished!.point).toBeCloseTo(46_003 * hand.point, 6);

    // The forecast reads the projected figures: a site given as 1 % of Stockholm recruits faster.
    expect(on.projection.totalRatePerMonth.point / off.projection.totalRatePerMonth.point).toBeCloseTo(hand.point, 6);
  });

  it('the method section names the line; a study file with the setting round-trips and a bad one is refused with its path', () => {
    const on = computeAnswer(study({ on: true }), [counts], options);
    const paragraphs = letterMethodParagraphs('sv', methodInputs(study({ on: true }), on, DEFAULT_DISCLOSURE_POLICY));
    expect(paragraphs.some((p) => p.includes('Framskrivningen används i det här svaret: Framskrivning 2020–2027: × 1,31 (1,09–1,58).'))).toBe(true);
    expect(paragraphs.some((p) => p.includes('över de senaste 5 perioderna'))).toBe(true);

    const file = JSON.stringify(study({ on: true, window: { periods: 4 }, level: 0.9, mode: 'per-region', declaredBreaks: [{ period: '2013', reason: 'ny kod' }] }));
    const read = parseStudyFile(file);
    expect(read.ok && read.study.projection).toEqual({ on: true, window: { periods: 4 }, level: 0.9, mode: 'per-region', declaredBreaks: [{ period: '2013', reason: 'ny kod' }] });
    // A file from before the setting existed still reads, with the projection off.
    const old = parseStudyFile(JSON.stringify(study()));
    expect(old.ok && old.study.projection).toBeUndefined();
    const bad = parseStudyFile(JSON.stringify(study({ on: true, level: 0.3 })));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues.map((i) => i.path)).toContain('projection.level');
    const badBreak = parseStudyFile(JSON.stringify(study({ on: true, declaredBreaks: [{ period: 'förra året', reason: '' }] })));
    expect(!badBreak.ok && badBreak.issues[0]).toMatchObject({ path: 'projection.declaredBreaks[0].period' });
  });

  it('refused (a window of 2 periods; a declared break in the window): the data’s figures stay, and the answer carries the reason', () => {
    const off = computeAnswer(study(), [counts], options);
    const short = computeAnswer(study({ on: true, window: { periods: 2 } }), [counts], options);
    const outcome = short.estimate.projected!.outcome;
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(refusalText(outcome.refusal, 'sv')).toBe('En trend kräver minst 3 perioder med data; fönstret har 2.');
    expect(short.estimate.national).toEqual(off.estimate.national);
    expect(short.estimate.attrition.some((s) => s.type === 'projection')).toBe(false);
    expect(short.projection.totalRatePerMonth).toEqual(off.projection.totalRatePerMonth);

    const broken = computeAnswer(study({ on: true, declaredBreaks: [{ period: '2018', reason: 'ny förskrivningsregel' }] }), [counts], options);
    const refusal = broken.estimate.projected!.outcome;
    expect(!refusal.ok && refusalText(refusal.refusal, 'sv')).toBe('Serien bryts 2018: angivet brott: ny förskrivningsregel. Välj ett fönster som börjar 2018 eller senare.');
  });
});
