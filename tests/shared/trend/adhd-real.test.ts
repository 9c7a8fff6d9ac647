// Rates, trend and projection of the real ADHD file (Socialstyrelsen, patients 0–19 dispensed ADHD drugs, 2006–2020)
// against figures worked out by hand from the file's own lines, written out below, and against the rates the file
// publishes itself (a different computation by the publisher).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/counts/dataset';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { estimateEligible } from '../../../shared/estimate/estimate';
import { DEFAULT_HALLAND_RULE } from '../../../shared/regions/regions';
import type { Study } from '../../../shared/criteria/study';
import { estimateRates, projectStudy, projectTrend, projectionLine, projectionLineText, recruitmentTarget, refusalText, steadinessText, studyTrends, targetYear, type Trend } from '../../../shared/trend';

import { ADHD, SCB, load, present } from './real-files';

/** The raw file's "Antal patienter" and "Befolkning" per year for one drug and sex, read with a plain split (not the importer). */
function rawRows(drug: string): { year: string; region: string; sex: string; patients: number; population: number }[] {
  return readFileSync(ADHD, 'utf8')
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(';'))
    .filter((f) => f[1] === drug)
    .map((f) => ({ year: f[0]!, region: f[2]!, sex: f[3]!, patients: Number(f[5]), population: Number(f[9]) }));
}

const methylphenidate = (extra: Study['steps'] = []): Study => ({
  ...DEMO_STUDY,
  population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } },
  steps: [{ id: 'mph', type: 'inclusion', enabled: true, protocolText: 'Behandlas med metylfenidat', label: 'Metylfenidat', rule: { kind: 'predicate', predicate: { kind: 'extra', key: 'lakemedel', values: ['N06BA04 Metylfenidat'] } } }, ...extra],
});

/** The refusal of an outcome that must be refused. */
function refusalOf<R>(outcome: { ok: true } | { ok: false; refusal: R }): R {
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.refusal;
}

const okTrend = (t: Trend | undefined) => {
  expect(t?.outcome.ok, JSON.stringify(t?.outcome)).toBe(true);
  return (t!.outcome as Extract<Trend['outcome'], { ok: true }>);
};

describe.skipIf(!present)('the ADHD file: methylphenidate 0–19', async () => {
  const adhd = present ? await load(ADHD) : null;
  const scb = present ? await load(SCB) : null;
  const counts = adhd?.measures.find((m) => m.key === 'antal-patienter')?.dataset as Dataset;
  const carried = adhd?.measures.find((m) => m.key === 'befolkning')?.dataset as Dataset;
  const byAge = scb?.measures[0]?.dataset as Dataset;

  // From the file, "2016;N06BA04 Metylfenidat;Stockholms län;Båda könen;0­19;11176;…" and so on to 2020:
  const stockholm = { 2016: 11176, 2017: 11253, 2018: 11598, 2019: 12251, 2020: 13417 };
  // "…;Riket;Båda könen;0­19;38488;…" to "2020;…;Riket;…;46003;19,14;…;2403730":
  const riket = { 2016: 38488, 2017: 38614, 2018: 39280, 2019: 41681, 2020: 46003 };

  const trends = present ? studyTrends(methylphenidate(), [counts], { population: carried }) : null;
  const trendOf = (key: string) => trends!.trends.find((t) => t.key === key);

  it('the series per region and nationally are the file’s counts year by year; the national sum is of the 21 län, the published Riket row beside it', () => {
    const s = trendOf('01')!;
    expect(s.points.map((p) => [p.period, p.count?.point])).toEqual(Object.entries(stockholm));
    const raw = rawRows('N06BA04 Metylfenidat').filter((r) => r.sex === 'Båda könen');
    for (const year of ['2016', '2017', '2018', '2019', '2020']) {
      const län = raw.filter((r) => r.year === year && r.region !== 'Riket');
      expect(län).toHaveLength(21);
      const sum = län.reduce((a, r) => a + r.patients, 0);
      expect(trendOf('national')!.points.find((p) => p.period === year)!.count!.point).toBe(sum);
      expect(trendOf('national-published')!.points.find((p) => p.period === year)!.count!.point).toBe(riket[year as unknown as keyof typeof riket]);
    }
    // The scenario's figures: 46 152 as the sum of the län in 2020, 46 003 as Riket; never added together.
    expect(trendOf('national')!.points.at(-1)!.count!.point).toBe(46152);
    expect(trendOf('national-published')!.points.at(-1)!.count!.point).toBe(46003);
    // All fifteen years are there, 2006 first.
    expect(trends!.data.periods.map((p) => p.label)).toEqual(Array.from({ length: 15 }, (_, i) => String(2006 + i)));
  });

  it('Stockholm 2016–2020: the yearly changes and the average yearly change of the log-linear trend, by hand', () => {
    const s = trendOf('01')!;
    expect(s.window).toMatchObject({ from: '2016', to: '2020', years: 5 });
    const changes = s.changes.map((c) => c.change);
    expect(changes[0]).toBeCloseTo(11253 / 11176 - 1, 12); // +0,69 %
    expect(changes[1]).toBeCloseTo(11598 / 11253 - 1, 12); // +3,07 %
    expect(changes[2]).toBeCloseTo(12251 / 11598 - 1, 12); // +5,63 %
    expect(changes[3]).toBeCloseTo(13417 / 12251 - 1, 12); // +9,52 %
    // Least squares with t = −2, −1, 0, 1, 2 (2016–2020): Sxx = 10 and Σ t·ln y = 2·ln(y2020/y2016) + ln(y2019/y2017),
    // so b = (2·ln(13417/11176) + ln(12251/11253)) / 10 = (2·0.182754 + 0.084972) / 10 = 0.045048 → +4,61 % a year.
    const b = (2 * Math.log(13417 / 11176) + Math.log(12251 / 11253)) / 10;
    expect(b).toBeCloseTo(0.045048, 5);
    const ok = okTrend(s);
    expect(ok.fit.slope).toBeCloseTo(b, 12);
    expect(ok.averageYearlyChange).toBeCloseTo(Math.exp(b) - 1, 12);
    expect(ok.averageYearlyChange).toBeCloseTo(0.0461, 4);
    // Steady: the changes lie 3,92, 1,54, 1,02 and 4,91 percentage points from 4,61 % — all within 5.
    expect(ok.steadiness.steady).toBe(true);
    expect(steadinessText(ok.steadiness, ok.averageYearlyChange, 'sv')).toBe(
      'Jämn förändring: varje års förändring ligger inom 5 procentenheter från genomsnittet (+4,6\u00a0% per år) och ingen går åt motsatt håll med mer än 2 procentenheter.',
    );
  });

  it('Riket 2016–2020 is not steady: 2020 rose 10,4 %, 5,9 percentage points above its average of 4,4 % a year', () => {
    const ok = okTrend(trendOf('national-published'));
    const b = (2 * Math.log(riket[2020] / riket[2016]) + Math.log(riket[2019] / riket[2017])) / 10;
    expect(ok.averageYearlyChange).toBeCloseTo(Math.exp(b) - 1, 12);
    expect(ok.steadiness.steady).toBe(false);
    expect(ok.steadiness.reasons).toHaveLength(1);
    expect(ok.steadiness.reasons[0]).toMatchObject({ code: 'far-from-average', from: '2019', to: '2020' });
    expect(ok.steadiness.reasons[0]!.change).toBeCloseTo(riket[2020] / riket[2019] - 1, 12);
    expect(ok.steadiness.reasons[0]!.average).toBeCloseTo(Math.exp(b) - 1, 12);
    expect(steadinessText(ok.steadiness, ok.averageYearlyChange, 'sv')).toBe(
      'Förändringen är inte jämn nog att räkna fram: 2019–2020 +10,4\u00a0%, 5,9 procentenheter från genomsnittet +4,4\u00a0% per år.',
    );
    expect(steadinessText(ok.steadiness, ok.averageYearlyChange, 'en')).toBe(
      'The change is not steady enough to extrapolate: 2019–2020 +10.4%, 5.9 percentage points from the average of +4.4% a year.',
    );
  });

  it('Stockholm projected 2020 → 2027: the trend line’s 2027 value over the 2020 count, with an 80 % prediction interval, by hand', () => {
    const ys = [11176, 11253, 11598, 12251, 13417].map(Math.log);
    const ts = [-2, -1, 0, 1, 2];
    const mean = ys.reduce((a, y) => a + y, 0) / 5;
    const b = (2 * Math.log(13417 / 11176) + Math.log(12251 / 11253)) / 10;
    const sse = ys.reduce((a, y, i) => a + (y - mean - b * ts[i]!) ** 2, 0);
    const s = Math.sqrt(sse / 3);
    // 2027 is 9 years after 2018, the window's middle. Student's t, 3 degrees of freedom, 90th percentile: 1.638 (printed tables).
    const centre = mean + 9 * b - Math.log(13417);
    const half = 1.638 * s * Math.sqrt(1 + 1 / 5 + 81 / 10);
    const outcome = projectTrend(trendOf('01')!, targetYear(2027));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.projection.factor.point).toBeCloseTo(Math.exp(centre), 10);
    expect(outcome.projection.factor.low).toBeCloseTo(Math.exp(centre - half), 3);
    expect(outcome.projection.factor.high).toBeCloseTo(Math.exp(centre + half), 3);
    // × 1,33 (1,15–1,55): the trend line puts 2027 a third above 2020.
    expect(projectionLineText({ from: '2020', to: '2027', factor: outcome.projection.factor }, 'sv')).toBe('Framskrivning 2020 → 2027: × 1,33 (1,15–1,55)');
    // Further away, wider.
    const nearer = projectTrend(trendOf('01')!, targetYear(2023));
    expect(nearer.ok && nearer.projection.factor.high - nearer.projection.factor.low).toBeLessThan(outcome.projection.factor.high - outcome.projection.factor.low);
  });

  it('rates per 100 000 of the file’s own population agree with the rates the file publishes; the national rate is from national figures', () => {
    const estimate = estimateEligible(methylphenidate(), [counts], { hallandRule: DEFAULT_HALLAND_RULE });
    const rates = estimateRates(methylphenidate(), estimate, '2020', carried);
    // "2020;N06BA04 Metylfenidat;Stockholms län;Båda könen;0­19;13417;23,49;…;571226": 13 417 / 571 226 × 100 000 = 2 348,8,
    // and the file's own 23,49 per 1 000 is 2 349 per 100 000 (rounded to 2 decimals: ±0,5).
    expect(rates.regions['01']!.population).toEqual({ persons: 571226, period: '2020', exact: true, incomplete: false });
    expect(rates.regions['01']!.rate!.point).toBeCloseTo((13417 / 571226) * 100000, 9);
    expect(Math.abs(rates.regions['01']!.rate!.point - 2349)).toBeLessThanOrEqual(0.5);
    // Every region's rate within rounding of the published one.
    const raw = rawRows('N06BA04 Metylfenidat').filter((r) => r.year === '2020' && r.sex === 'Båda könen');
    const published = new Map(readFileSync(ADHD, 'utf8').split('\r\n').map((l) => l.split(';')).filter((f) => f[0] === '2020' && f[1] === 'N06BA04 Metylfenidat' && f[3] === 'Båda könen').map((f) => [f[2]!, Number(f[6]!.replace(',', '.')) * 100]));
    const regionRows = Object.values(rates.regions);
    expect(regionRows).toHaveLength(21);
    for (const row of regionRows) {
      const match = raw.find((r) => r.patients === row!.count.point && r.population === row!.population!.persons);
      expect(match, JSON.stringify(row)).toBeDefined();
      expect(Math.abs(row!.rate!.point - published.get(match!.region)!)).toBeLessThanOrEqual(0.5 + 1e-9);
    }
    // Nation: 46 152 / 2 403 730 (the sum of the län's populations) = 1 920,0; Riket: 46 003 / 2 403 730 = 1 913,8 ≈ the file's 19,14 per 1 000.
    const popSum = raw.filter((r) => r.region !== 'Riket').reduce((a, r) => a + r.population, 0);
    expect(popSum).toBe(2403730);
    expect(rates.national.rate!.point).toBeCloseTo((46152 / 2403730) * 100000, 9);
    expect(rates.published!.rate!.point).toBeCloseTo((46003 / 2403730) * 100000, 9);
    expect(Math.abs(rates.published!.rate!.point - 1914)).toBeLessThanOrEqual(0.5);
    // Rates never add up: the national rate is not the sum, nor the mean, of the regions' rates.
    const sumOfRates = regionRows.reduce((a, r) => a + r!.rate!.point, 0);
    expect(rates.national.rate!.point).not.toBeCloseTo(sumOfRates, 0);
    expect(rates.national.rate!.point).not.toBeCloseTo(sumOfRates / 21, 0);
  });

  it('6–17 with SCB’s population by single year: Stockholm ≈ 8 089 of 344 365 inhabitants 6–17; Sweden ≈ 27 929 of 1 454 221', () => {
    const study = methylphenidate([{ id: 'age', type: 'inclusion', enabled: true, protocolText: '6–17 år', label: '6–17 år', rule: { kind: 'predicate', predicate: { kind: 'age', min: 6, max: 17 } } }]);
    const estimate = estimateEligible(study, [counts], { hallandRule: DEFAULT_HALLAND_RULE, population: byAge });
    const rates = estimateRates(study, estimate, '2020', byAge, { ageShares: byAge });
    // SCB's table is of 31 December 2019: the population at the start of 2020.
    expect(rates.regions['01']!.population).toEqual({ persons: 344365, period: '2019', exact: true, incomplete: false });
    expect(rates.national.population!.persons).toBe(1454221);
    expect(rates.regions['01']!.count.point).toBeCloseTo(13417 * (344365 / 571226), 6);
    // 8 088,5; the scenario's "≈ 8 089" is 13 417 × 0,6029, the share rounded to four decimals.
    expect(rates.regions['01']!.count.point).toBeCloseTo(8088.47, 2);
    expect(Math.round(rates.national.count.point)).toBe(27929);
    // Shares by population: the 6–17 rate equals the 0–19 rate, 13 417 / 571 226 × 100 000.
    expect(rates.regions['01']!.rate!.point).toBeCloseTo((13417 / 571226) * 100000, 6);
    // The trend is the same as for 0–19: the share is the same in every year and cancels out.
    const withAge = studyTrends(study, [counts], { population: byAge, ageShares: byAge });
    expect(okTrend(withAge.trends.find((t) => t.key === '01')).averageYearlyChange).toBeCloseTo(okTrend(trendOf('01')).averageYearlyChange, 12);
    // SCB has only 2019: no rate before it (no population for 2016–2018), one for 2019 and 2020.
    expect(withAge.trends.find((t) => t.key === '01')!.points.map((p) => p.population?.period ?? null)).toEqual([null, null, null, '2019', '2019']);
  });

  it('the projection line for the scenario’s recruitment (1 March 2027, 12 months) multiplies every region by the national factor', () => {
    const study = methylphenidate();
    const estimate = estimateEligible(study, [counts], { hallandRule: DEFAULT_HALLAND_RULE });
    const target = recruitmentTarget({ startDate: '2027-03-01', months: 12 });
    // The middle of 1 March 2027 – 1 March 2028: (2027 + 59/365 + 2028 + 60/366) / 2.
    expect(target.time).toBeCloseTo((2027 + 59 / 365 + 2028 + 60 / 366) / 2, 12);
    const line = projectionLine(estimate.regions, projectStudy(trends!, target));
    expect(line.ok).toBe(true);
    if (!line.ok) return;
    expect(line.line.from).toBe('2020');
    expect(line.line.to).toBe('2027');
    expect(line.line.before.point).toBe(46152);
    expect(line.line.after.point).toBeCloseTo(46152 * line.line.factor.point, 6);
    expect(line.line.regions['01']!.after.point).toBeCloseTo(13417 * line.line.factor.point, 6);
    // The national trend is not steady (2020's jump), and the line says so.
    expect(line.line.national.steadiness.steady).toBe(false);
  });
});

describe.skipIf(!present)('the ADHD file: breaks are found in the data', async () => {
  const adhd = present ? await load(ADHD) : null;
  const counts = adhd?.measures.find((m) => m.key === 'antal-patienter')?.dataset as Dataset;
  const carried = adhd?.measures.find((m) => m.key === 'befolkning')?.dataset as Dataset;
  const guanfacin: Study = { ...DEMO_STUDY, population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } }, steps: [{ id: 'g', type: 'inclusion', enabled: true, protocolText: 'guanfacin', label: 'Guanfacin', rule: { kind: 'predicate', predicate: { kind: 'extra', key: 'lakemedel', values: ['C02AC02 Guanfacin'] } } }] };

  it('guanfacin has no patients anywhere 2006–2012 ("2012;C02AC02 Guanfacin;Riket;Båda könen;0­19;0;…;0") and 79 in 2013: a new code from 2013', () => {
    const all = studyTrends(guanfacin, [counts], { population: carried, window: { periods: 15 } });
    expect(all.breaks.common).toEqual([{ kind: 'code-change', period: '2013', dimension: 'lakemedel', appeared: ['C02AC02 Guanfacin'], disappeared: [] }]);
    const national = all.trends.find((t) => t.key === 'national-published')!;
    expect(national.outcome).toEqual({ ok: false, refusal: { code: 'break', break: all.breaks.common[0], startFrom: '2013' } });
    expect(refusalText(refusalOf(national.outcome), 'sv')).toBe(
      'Serien bryts 2013: C02AC02 Guanfacin har patienter först från 2013. Välj ett fönster som börjar 2013 eller senare.',
    );
  });

  it('2016: Värmland’s and Västernorrland’s girls have population 0 for guanfacin ("2016;C02AC02 Guanfacin;Värmlands län;Kvinnor;0­19;0;0,00;0;0,00;0"): the national sum refuses a window over 2016', () => {
    const raw = rawRows('C02AC02 Guanfacin').filter((r) => r.year === '2016' && r.population === 0);
    expect(raw.map((r) => `${r.region} ${r.sex}`)).toEqual(['Värmlands län Kvinnor', 'Västernorrlands län Kvinnor']);
    const t = studyTrends(guanfacin, [counts], { population: carried });
    const national = t.trends.find((x) => x.key === 'national')!;
    expect(national.outcome).toEqual({ ok: false, refusal: { code: 'break', break: { kind: 'zero-population', period: '2016' }, startFrom: '2017' } });
    expect(refusalText(refusalOf(national.outcome), 'en')).toBe(
      'The series breaks in 2016: the population is 0 or incomplete in 2016 (the source did not report it). Choose a window that starts in 2017 or later.',
    );
    // Stockholm reported both sexes every year: its own trend stands.
    expect(t.trends.find((x) => x.key === '01')!.outcome.ok).toBe(true);
    // Methylphenidate is reported throughout: no break at all.
    expect(studyTrends(methylphenidate(), [counts], { population: carried, window: { periods: 15 } }).breaks).toEqual({ common: [], national: [] });
  });

  it('refuses beyond 3 × the window: a 3-year window (2018–2020) reaches 2029, not 2030', () => {
    const t = studyTrends(methylphenidate(), [counts], { window: { periods: 3 } }).trends.find((x) => x.key === '01')!;
    expect(projectTrend(t, targetYear(2029)).ok).toBe(true);
    const refused = projectTrend(t, targetYear(2030));
    expect(refused).toEqual({ ok: false, refusal: { code: 'beyond-horizon', target: '2030', last: '2020', horizonYears: 10, maxYears: 9, windowYears: 3 } });
    expect(refusalText(refusalOf(refused), 'sv')).toBe('2030 ligger 10 år efter 2020, längre än 3 × fönstrets 3 år (9 år).');
  });
});
