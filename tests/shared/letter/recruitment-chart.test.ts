/**
 * The letter's recruitment chart read back from the PDF as an attacker would: inflate the page streams, collect
 * every painted path with its colour, map the chart's coordinates back to patients with the axis and the printed
 * target line, and see what they reveal. Every value drawn must be a whole number of patients — a figure the
 * letter may print — taken from the same exact, seasonal projection as the printed expectation; a site rate must
 * not be recoverable beyond the printed figures; and a rate that rests on a hidden count draws nothing.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AnswerSnapshot } from '../../../shared/answer/snapshot';
import { computeAnswer } from '../../../shared/answer/compute-answer';
import type { Study } from '../../../shared/criteria/study';
import { runDemo } from '../../../shared/demo/run-demo';
import { renderLetterPdf } from '../../../shared/letter';
import { printableEnrolment } from '../../../shared/recruitment/printable';
import { demoSnapshot, pdfText } from './helpers';

type Rgb = readonly [number, number, number];
interface PaintedPath {
  points: Array<[number, number]>;
  fill: Rgb | null;
  stroke: Rgb | null;
  dashed: boolean;
}

/** Every path painted in the PDF's content streams, in SVG user units, with the colours it was painted in. */
function paintedPaths(bytes: Uint8Array): PaintedPath[] {
  const text = Buffer.from(bytes).toString('latin1');
  const paths: PaintedPath[] = [];
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(text); match; match = streams.exec(text)) {
    const start = match.index + match[0].length;
    let content: string;
    try {
      content = inflateSync(Buffer.from(text.slice(start, text.indexOf('endstream', start)), 'latin1')).toString('latin1');
    } catch {
      continue; // images and fonts
    }
    let state = { fill: null as Rgb | null, stroke: null as Rgb | null, dashed: false };
    const saved: (typeof state)[] = [];
    let current: Array<[number, number]> = [];
    for (const line of content.split('\n')) {
      const tokens = line.trim().split(/\s+/);
      const op = tokens[tokens.length - 1];
      const n = tokens.slice(0, -1).map(Number);
      if (op === 'q') saved.push({ ...state });
      else if (op === 'Q') state = saved.pop() ?? state;
      else if (op === 'scn' && n.length === 3) state.fill = [n[0]!, n[1]!, n[2]!];
      else if (op === 'SCN' && n.length === 3) state.stroke = [n[0]!, n[1]!, n[2]!];
      else if (op === 'd') state.dashed = !line.startsWith('[]');
      else if (op === 'm') current = [[n[0]!, n[1]!]];
      else if (op === 'l') current.push([n[0]!, n[1]!]);
      else if (op === 'c') current.push([n[4]!, n[5]!]);
      else if (op === 'S' || op === 'f' || op === 'B' || op === 'f*') {
        paths.push({ points: current, fill: op === 'S' ? null : state.fill, stroke: op === 'f' || op === 'f*' ? null : state.stroke, ...{ dashed: state.dashed } });
        current = [];
      } else if (op === 'n') current = [];
    }
  }
  return paths;
}

const hex = (h: string): Rgb => [parseInt(h.slice(1, 3), 16) / 255, parseInt(h.slice(3, 5), 16) / 255, parseInt(h.slice(5, 7), 16) / 255];
const same = (a: Rgb | null, b: Rgb) => a !== null && a.every((x, i) => Math.abs(x - b[i]!) < 1e-6);

interface Chart {
  /** The expected-count line and the 80 % band, in patients, as an attacker reads them. */
  line: number[];
  band: number[];
  months: number[];
}

/** The chart's data in patients: 0 at the axis, the printed target at the dashed red line. */
function readChart(bytes: Uint8Array, target: number, months: number): Chart | null {
  const paths = paintedPaths(bytes);
  const band = paths.find((p) => same(p.fill, hex('#c6dbef')));
  const line = paths.find((p) => same(p.stroke, hex('#08519c')) && p.points.length > 2);
  const targetLine = paths.find((p) => same(p.stroke, hex('#b30000')) && p.dashed);
  const axis = paths.find((p) => same(p.stroke, hex('#333333')) && p.points.length === 3);
  if (!band && !line) return null;
  const [origin, end] = [axis!.points[1]!, axis!.points[2]!];
  const targetY = targetLine!.points[0]![1];
  const value = (y: number) => ((origin[1] - y) / (origin[1] - targetY)) * target;
  const month = (x: number) => ((x - origin[0]) / (end[0] - origin[0])) * months;
  return { line: line!.points.map(([, y]) => value(y)), band: band!.points.map(([, y]) => value(y)), months: line!.points.map(([x]) => month(x)) };
}

function snapshotOf(study: Study, estimate = runDemo().estimate): AnswerSnapshot {
  return demoSnapshot('sv', { study, estimate, request: null });
}

const withRate = (study: Study, siteId: string, rate: number): Study => ({
  ...study,
  recruitment: { ...study.recruitment, sites: study.recruitment.sites.map((s) => (s.id === siteId ? { ...s, ratePerMonth: rate } : s)) },
});

describe('the letter\'s recruitment chart, read back from the PDF', () => {
  it('draws only whole patients: the printable series of the same projection as the printed expectation', async () => {
    const snapshot = snapshotOf(runDemo().study);
    const p = snapshot.answer.projection;
    const bytes = await renderLetterPdf(snapshot);
    const chart = readChart(bytes, p.target, p.months)!;
    expect(chart).not.toBeNull();
    // Within the 2-decimal coordinates' resolution of a tenth of a patient, every value is a whole number …
    for (const v of [...chart.line, ...chart.band]) expect(Math.abs(v - Math.round(v))).toBeLessThan(0.1);
    // … and the month grid is the months since the start.
    expect(chart.months.map(Math.round)).toEqual(p.band.map((b) => b.month));
    // The very series the letter may print: expected counts rounded as printed, and the 80 % band's ends.
    const series = printableEnrolment(p.band);
    expect(chart.line.map(Math.round)).toEqual(series.map((s) => s.expected));
    expect(chart.band.map(Math.round)).toEqual([...series.map((s) => s.high80), ...[...series].reverse().map((s) => s.low80)]);
    // The chart's last point is the expectation the text prints, with its printed interval.
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    const last = series.at(-1)!;
    expect(text).toContain(`Förväntat antal vid slutdatum ${p.deadlineDate}: ${last.expected} (80 %-prediktionsintervall ${last.low80}–${last.high80})`);
    expect(text).toContain('kumulativt antal patienter');
    expect(text).toContain('månader från rekryteringsstart');
  });

  it('a site is drawn from nothing but what the letter prints about it: its rate as entered, opening and certainty', async () => {
    const demo = runDemo();
    const study = withRate(demo.study, 'karolinska', 2.004);
    const text = pdfText(await renderLetterPdf(snapshotOf(study))).replace(/\s+/g, ' ');
    // The sites table: name, region, opening date, the rate to the digit entered, the certainty with its α.
    expect(text).toContain('Karolinska Universitetssjukhuset Stockholm 2027-09-01 2,004 medel (α = 4)');
    expect(text).toContain('Skånes universitetssjukhus Skåne 2027-10-01 1,2 som studien (α = 2)');
    // (The page footer may fall inside the list, so the months are checked up to August.)
    expect(text).toContain('Rekryteringsaktivitet per kalendermånad (1 = normal): jan 1, feb 1, mar 1, apr 1, maj 1, jun 0,8, jul 0,1, aug');
  });

  it('the attack of a hidden count behind a rate: varying Gotland\'s hidden count changes no coordinate and no word of the forecast', async () => {
    const demo = runDemo();
    // Gotland's count given as its own joint count, all of it below k = 5 (printed "<5"); the attacker's question is
    // its true low end. Two studies that differ only there; a site in Gotland given as a share of the region.
    const study = (low: number): Study => ({
      ...demo.study,
      steps: [
        ...demo.study.steps,
        { id: 'gotland-joint', type: 'inclusion', enabled: true, protocolText: '', label: 'Gotlands egen räkning', rule: { kind: 'joint-count', region: '09', count: { low, point: 3, high: 4 }, source: 'test' } },
      ],
      recruitment: { ...demo.study.recruitment, sites: [...demo.study.recruitment.sites, { id: 'visby', name: 'Visby lasarett', region: '09', activationMonth: 0, shareOfRegion: 0.5 }] },
    });
    const letter = async (low: number) => {
      const s = study(low);
      return renderLetterPdf(snapshotOf(s, computeAnswer(s, [demo.dataset], { hallandRule: demo.hallandRule }).estimate));
    };
    const [a, b] = [await letter(1), await letter(2)];
    // The forecast's part of the letter, from its heading to the next.
    const forecast = (bytes: Uint8Array) => {
      const text = pdfText(bytes).replace(/\s+/g, ' ').replace(/[0-9a-f]{64}/g, 'HASH');
      return text.slice(text.indexOf('Rekryteringsprognos'), text.indexOf('Antaganden och källor'));
    };
    expect(forecast(a)).toContain('Prognosens takt och förväntade antal redovisas inte, eftersom de skulle röja ett litet antal i Gotland');
    expect(forecast(b)).toBe(forecast(a));
    expect(paintedPaths(b)).toEqual(paintedPaths(a));
  });

  it('a rate derived from a region\'s hidden count draws nothing and prints no rate (Gotland, small counts)', async () => {
    const demo = runDemo();
    const study: Study = {
      ...demo.study,
      recruitment: { ...demo.study.recruitment, sites: [{ id: 'visby', name: 'Visby lasarett', region: '09', activationMonth: 0, shareOfRegion: 0.5 }] },
    };
    const snapshot = snapshotOf(study);
    const gotland = snapshot.answer.estimate.regions.find((r) => r.region === '09')!.eligible;
    // The premise: Gotland's figures are small enough to be hidden under k = 5.
    expect(gotland.low).toBeLessThan(5);
    const bytes = await renderLetterPdf(snapshot);
    expect(readChart(bytes, snapshot.answer.projection.target, snapshot.answer.projection.months)).toBeNull();
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Prognosens takt och förväntade antal redovisas inte');
    expect(text).not.toContain('Förväntad takt när alla kliniker är öppna');
  });
});
