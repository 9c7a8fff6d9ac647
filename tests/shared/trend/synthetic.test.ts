// Rates, trend and projection on hand-made series whose answers are worked out by hand here: steady growth,
// too few periods, gaps, zeros, breaks of every kind, masked cells and published totals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakText,
  estimateRates,
  formatChange,
  projectStudy,
  projectTrend,
  projectionLine,
  projectionLineText,
  projectionNotes,
  ratePer100k,
  refusalText,
  studyTrends,
  targetYear,
  type ProjectionRefusal,
  type Trend,
} from '../../../shared/trend';
import { estimateEligible } from '../../../shared/estimate/estimate';
import { DEFAULT_HALLAND_RULE } from '../../../shared/regions/regions';
import { dataset, drugA, exact, maskedX, seriesRows, step, study, years, type Row } from './helpers';

const trendFor = (rows: Row[], key: string, options: Parameters<typeof studyTrends>[2] = {}, steps = [drugA]): Trend =>
  studyTrends(study(steps), [dataset(rows)], options).trends.find((t) => t.key === key)!;

function refusalOf<R>(outcome: { ok: true } | { ok: false; refusal: R }): R {
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.refusal;
}

function projected(trend: Trend, year: number) {
  const outcome = projectTrend(trend, targetYear(year));
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
  return outcome.projection;
}

// Student's t, 90th percentile (two-sided 80 %), from printed tables.
const T90 = { 1: 3.078, 2: 1.886, 3: 1.638 } as const;

describe('a steady series', () => {
  // 1 000 growing by exactly 10 % a year, 2016–2020.
  const rows = seriesRows('01', years(2016, 2020), [1000, 1100, 1210, 1331, 1464.1]);

  it('has +10 % every year, an average of +10 %, is steady, and projects as 1,1 to the power of the years ahead with no spread', () => {
    const t = trendFor(rows, '01');
    expect(t.changes.map((c) => c.change)).toEqual(t.changes.map(() => expect.closeTo(0.1, 12)));
    expect(t.outcome.ok && t.outcome.averageYearlyChange).toBeCloseTo(0.1, 12);
    expect(t.outcome.ok && t.outcome.steadiness).toMatchObject({ steady: true, reasons: [] });
    const p = projected(t, 2025);
    expect(p.factor.point).toBeCloseTo(1.1 ** 5, 10);
    expect(p.factor.low).toBeCloseTo(1.1 ** 5, 6);
    expect(p.factor.high).toBeCloseTo(1.1 ** 5, 6);
    expect(projectionLineText({ from: p.from, to: p.to, factor: p.factor }, 'sv')).toBe('Framskrivning 2020 → 2025: × 1,61 (1,61–1,61)');
    expect(projectionLineText({ from: p.from, to: p.to, factor: p.factor }, 'en')).toBe('Projection 2020 → 2025: × 1.61 (1.61–1.61)');
  });

  it('the national series is the sum of the regions; a published national row stays beside it, never added', () => {
    const withNational = [
      ...rows,
      ...seriesRows('09', years(2016, 2020), [10, 11, 12.1, 13.31, 14.641]),
      // The source's own national row is a little below the sum (a child counted in two regions).
      ...seriesRows('Riket', years(2016, 2020), [1005, 1105, 1215, 1336, 1470]),
    ];
    const trends = studyTrends(study([drugA]), [dataset(withNational)]);
    const national = trends.trends.find((t) => t.key === 'national')!;
    const published = trends.trends.find((t) => t.key === 'national-published')!;
    expect(national.points.map((p) => p.count?.point)).toEqual([1010, 1111, 1222.1, expect.closeTo(1344.31, 9), expect.closeTo(1478.741, 9)]);
    expect(published.points.map((p) => p.count?.point)).toEqual([1005, 1105, 1215, 1336, 1470]);
  });
});

describe('the window and the steadiness verdict', () => {
  it('a change against the trend is named: 100, 110, 105, 120, 130 falls 4,5 % in 2018', () => {
    const t = trendFor(seriesRows('01', years(2016, 2020), [100, 110, 105, 120, 130]), '01');
    if (!t.outcome.ok) throw new Error('refused');
    expect(t.outcome.steadiness.steady).toBe(false);
    expect(t.outcome.steadiness.reasons[0]).toMatchObject({ code: 'reversal', from: '2017', to: '2018' });
    expect(t.outcome.steadiness.reasons[0]!.change).toBeCloseTo(105 / 110 - 1, 12);
    // Projected all the same, with the caveat said.
    const p = projected(t, 2023);
    expect(projectionNotes(p, 'sv')).toContain('Framskrivningen förutsätter en jämn förändring som data inte visar.');
  });

  it('the default window is the last 5 periods; a chosen start takes every period from it', () => {
    const rows = seriesRows('01', years(2010, 2020), [50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150]);
    expect(trendFor(rows, '01').window).toMatchObject({ periods: years(2016, 2020), years: 5 });
    expect(trendFor(rows, '01', { window: { from: '2012' } }).window).toMatchObject({ periods: years(2012, 2020), years: 9 });
    expect(trendFor(rows, '01', { window: { from: '2031' } }).outcome).toEqual({ ok: false, refusal: { code: 'unknown-period', period: '2031' } });
  });

  it('refuses fewer than 3 periods with data', () => {
    const t = trendFor(seriesRows('01', ['2019', '2020'], [100, 120]), '01');
    expect(t.outcome).toEqual({ ok: false, refusal: { code: 'too-few-periods', available: 2, required: 3 } });
    expect(refusalText(refusalOf(t.outcome), 'sv')).toBe('En trend kräver minst 3 perioder med data; fönstret har 2.');
    expect(refusalText(refusalOf(t.outcome), 'en')).toBe('A trend needs at least 3 periods with data; the window has 2.');
  });

  it('refuses a count of 0: a percentage change from 0 is not defined', () => {
    const t = trendFor(seriesRows('01', years(2016, 2020), [3, 5, 0, 8, 9]), '01');
    expect(t.outcome).toEqual({ ok: false, refusal: { code: 'zero-count', period: '2018', masked: false } });
  });
});

describe('what the series is measured with', () => {
  it('incident counts are per year whatever the study’s enrolment window, and monthly counts are annualised', () => {
    const incident = study([drugA], { population: { kind: 'incident', windowYears: 2, unit: 'persons', regionBasis: 'residence', period: { kind: 'all' } } });
    const yearly = studyTrends(incident, [dataset(seriesRows('01', years(2018, 2020), [120, 132, 145]), { basis: { kind: 'incident' } })]);
    expect(yearly.trends.find((t) => t.key === '01')!.points.map((p) => p.count?.point)).toEqual([120, 132, 145]);
    const monthly = studyTrends(incident, [dataset(seriesRows('01', ['2020-01', '2020-02', '2020-03'], [10, 11, 12]), { basis: { kind: 'incident' } })]);
    expect(monthly.trends.find((t) => t.key === '01')!.points.map((p) => p.count?.point)).toEqual([120, 132, 144]);
  });

  it('the period the study’s estimate is taken from does not cut the series: every period of the data is shown', () => {
    const withPeriod = study([drugA], { population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'range', from: '2019', to: '2020' } } });
    const t = studyTrends(withPeriod, [dataset(seriesRows('01', years(2016, 2020), [100, 104, 109, 112, 118]))]).trends.find((x) => x.key === '01')!;
    expect(t.points.map((p) => p.count?.point)).toEqual([100, 104, 109, 112, 118]);
  });

  it('a criterion that ties age to a drug ("drug A or age ≥ 65") leaves the population undelimited, said as such', () => {
    const mixed = study([step('mixed', { kind: 'or', any: [{ kind: 'extra', key: 'drug', values: ['A'] }, { kind: 'age', min: 65, max: null }] })]);
    const rows = seriesRows('01', years(2018, 2020), [100, 104, 109]);
    const t = studyTrends(mixed, [dataset(rows)], { population: dataset(rows) });
    expect(t.data.population.issues).toEqual([{ code: 'mixed-criteria', steps: ['mixed'] }]);
    expect(t.trends.find((x) => x.key === '01')!.points.every((p) => p.population === null)).toBe(true);
  });
});

describe('the prediction interval', () => {
  // ln counts 0, 1, 3 at 2018–2020: b = 1,5, ȳ = 4/3, residuals 1/6, −1/3, 1/6, s² = (1/36 + 1/9 + 1/36) / 1 = 1/6.
  const rows = seriesRows('01', ['2018', '2019', '2020'], [1, Math.E, Math.E ** 3]);

  it('is the textbook interval for a new observation, by hand', () => {
    const p = projected(trendFor(rows, '01'), 2021);
    // 2021 is 2 years from the window's middle (2019): ŷ = 4/3 + 2·1,5 = 13/3; se = s·√(1 + 1/3 + 4/2).
    const centre = 13 / 3 - 3;
    const half = T90[1] * Math.sqrt(1 / 6) * Math.sqrt(1 + 1 / 3 + 2);
    expect(p.factor.point).toBeCloseTo(Math.exp(centre), 10);
    expect(Math.log(p.factor.low)).toBeCloseTo(centre - half, 2);
    expect(Math.log(p.factor.high)).toBeCloseTo(centre + half, 2);
  });

  it('widens with the distance, and 95 % is wider than 80 %', () => {
    const t = trendFor(seriesRows('01', years(2016, 2020), [100, 104, 109, 112, 118]), '01');
    const width = (year: number, level?: number) => {
      const o = projectTrend(t, targetYear(year), level ? { level } : {});
      if (!o.ok) throw new Error('refused');
      return Math.log(o.projection.factor.high) - Math.log(o.projection.factor.low);
    };
    expect(width(2022)).toBeLessThan(width(2025));
    expect(width(2025)).toBeLessThan(width(2030));
    expect(width(2025, 0.95)).toBeGreaterThan(width(2025));
  });

  it('refuses a target not after the data, and one beyond 3 × the window', () => {
    const t = trendFor(seriesRows('01', years(2016, 2020), [100, 104, 109, 112, 118]), '01');
    expect(refusalOf(projectTrend(t, targetYear(2020)))).toEqual({ code: 'target-not-after-data', target: '2020', last: '2020' });
    expect(projectTrend(t, targetYear(2035)).ok).toBe(true);
    expect(refusalOf(projectTrend(t, targetYear(2036)))).toMatchObject({ code: 'beyond-horizon', maxYears: 15, horizonYears: 16 });
  });

  it('does not depend on the size of the counts, only on their changes (a property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.8, max: 1.25, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.double({ min: 0.01, max: 1000, noNaN: true }), (ratios, scale) => {
        const values = ratios.reduce((acc, r) => [...acc, acc[acc.length - 1]! * r], [100]);
        const a = projected(trendFor(seriesRows('01', years(2016, 2020), values), '01'), 2026);
        const b = projected(trendFor(seriesRows('01', years(2016, 2020), values.map((v) => v * scale)), '01'), 2026);
        expect(b.factor.point).toBeCloseTo(a.factor.point, 8);
        expect(a.factor.low).toBeLessThanOrEqual(a.factor.point + 1e-12);
        expect(a.factor.high).toBeGreaterThanOrEqual(a.factor.point - 1e-12);
      }),
      { numRuns: 40 },
    );
  });
});

describe('masked cells', () => {
  // Region 01: boys 20, 22, 24, 26, 28 exactly and girls masked "X" (1–3) every year, 2016–2020.
  const boys = [20, 22, 24, 26, 28];
  const rows: Row[] = years(2016, 2020).flatMap((y, i): Row[] => [
    [y, '01', 'A', 'male', '0-19', exact(boys[i]!)],
    [y, '01', 'A', 'female', '0-19', maskedX],
  ]);

  it('keep their interval in every period, and the projection’s interval covers every value they could take', () => {
    const t = trendFor(rows, '01');
    expect(t.points.map((p) => [p.count?.low, p.count?.point, p.count?.high, p.maskLow, p.maskHigh])).toEqual(boys.map((b) => [b + 1, b + 2, b + 3, b + 1, b + 3]));
    const p = projected(t, 2025);
    expect(p.masked).toBe(true);
    // By hand: ŷ(2025) − ln y(2020) weighs ln yᵢ by 1/5 + 7·tᵢ/10 (tᵢ = −2…2), minus 1 for 2020: −1,2, −0,5, 0,2, 0,9, 0,6.
    // Upwards: the masks at their high where the weight is positive, at their low where negative.
    const fitEnd = (values: number[], sign: 1 | -1) => {
      const ys = values.map(Math.log);
      const mean = ys.reduce((a, y) => a + y, 0) / 5;
      const b = (2 * (ys[4]! - ys[0]!) + (ys[3]! - ys[1]!)) / 10;
      const sse = ys.reduce((a, y, i) => a + (y - mean - b * (i - 2)) ** 2, 0);
      const half = T90[3] * Math.sqrt(sse / 3) * Math.sqrt(1 + 1 / 5 + 49 / 10);
      return Math.exp(mean + 7 * b + sign * half - ys[4]!);
    };
    const up = [boys[0]! + 1, boys[1]! + 1, boys[2]! + 3, boys[3]! + 3, boys[4]! + 3];
    const down = [boys[0]! + 3, boys[1]! + 3, boys[2]! + 1, boys[3]! + 1, boys[4]! + 1];
    const pointOnly = fitEnd(boys.map((b) => b + 2), 1);
    expect(p.factor.high).toBeCloseTo(Math.max(pointOnly, fitEnd(up, 1)), 2);
    expect(p.factor.low).toBeCloseTo(Math.min(fitEnd(boys.map((b) => b + 2), -1), fitEnd(down, -1)), 2);
    expect(p.factor.high).toBeGreaterThan(pointOnly);
    expect(projectionNotes(p, 'en')).toContain('The interval also covers what masked counts may be.');
    // The same points without masks give a narrower interval.
    const plain = projected(trendFor(seriesRows('01', years(2016, 2020), boys.map((b) => b + 2)), '01'), 2025);
    expect(plain.masked).toBe(false);
    expect(p.factor.high - p.factor.low).toBeGreaterThan(plain.factor.high - plain.factor.low);
  });

  it('a mask that could be 0 refuses the projection', () => {
    const small: Row[] = years(2016, 2020).map((y): Row => [y, '01', 'A', 'all', '0-19', { low: 0, point: 2, high: 4, masked: true }]);
    expect(refusalOf(projectTrend(trendFor(small, '01'), targetYear(2023)))).toEqual({ code: 'zero-count', period: '2016', masked: true });
  });
});

describe('breaks', () => {
  it('a drug the criteria include that first has patients in 2018 breaks the series there; one they do not include does not', () => {
    const rows = [...seriesRows('01', years(2014, 2020), [100, 105, 110, 116, 122, 128, 134]), ...seriesRows('01', years(2014, 2020), [0, 0, 0, 0, 40, 60, 80], 'B')];
    const both = studyTrends(study([step('ab', { kind: 'extra', key: 'drug', values: ['A', 'B'] })]), [dataset(rows)]);
    expect(both.breaks.common).toEqual([{ kind: 'code-change', period: '2018', dimension: 'drug', appeared: ['B'], disappeared: [] }]);
    const t = both.trends.find((x) => x.key === '01')!;
    expect(refusalOf(t.outcome)).toEqual({ code: 'break', break: both.breaks.common[0], startFrom: '2018' });
    expect(refusalText(refusalOf(t.outcome), 'sv')).toBe('Serien bryts 2018: B har patienter först från 2018. Välj ett fönster som börjar 2018 eller senare.');
    // From 2018 on the window is fine.
    expect(studyTrends(study([step('ab', { kind: 'extra', key: 'drug', values: ['A', 'B'] })]), [dataset(rows)], { window: { from: '2018' } }).trends.find((x) => x.key === '01')!.outcome.ok).toBe(true);
    // Drug A alone never meets B's cells.
    expect(studyTrends(study([drugA]), [dataset(rows)]).breaks.common).toEqual([]);
  });

  it('a drug that comes and goes (0, 1, 0, 2 patients) is a small count, not a code change', () => {
    const rows = [...seriesRows('01', years(2016, 2020), [100, 105, 110, 116, 122]), ...seriesRows('01', years(2016, 2020), [0, 1, 0, 2, 1], 'B')];
    expect(studyTrends(study([step('ab', { kind: 'extra', key: 'drug', values: ['A', 'B'] })]), [dataset(rows)]).breaks.common).toEqual([]);
  });

  it('a drug with no patients from 2019 on breaks the series in 2019', () => {
    const rows = [...seriesRows('01', years(2015, 2020), [100, 105, 110, 116, 122, 128]), ...seriesRows('01', years(2015, 2020), [30, 31, 33, 35, 0, 0], 'B')];
    const t = studyTrends(study([step('ab', { kind: 'extra', key: 'drug', values: ['A', 'B'] })]), [dataset(rows)]);
    expect(t.breaks.common).toEqual([{ kind: 'code-change', period: '2019', dimension: 'drug', appeared: [], disappeared: ['B'] }]);
    expect(breakText(t.breaks.common[0]!, 'en')).toBe('B has no patients from 2019');
  });

  it('a declared break (a new reporting rule) refuses a window across it, with the coordinator’s reason', () => {
    const rows = seriesRows('01', years(2016, 2020), [100, 104, 109, 112, 118]);
    const t = trendFor(rows, '01', { declaredBreaks: [{ period: '2018', reason: 'ny rapporteringsregel 2018' }] });
    expect(refusalOf(t.outcome)).toEqual({ code: 'break', break: { kind: 'declared', period: '2018', reason: 'ny rapporteringsregel 2018' }, startFrom: '2018' });
    expect(refusalText(refusalOf(t.outcome), 'sv')).toBe('Serien bryts 2018: angivet brott: ny rapporteringsregel 2018. Välj ett fönster som börjar 2018 eller senare.');
    // A break at the window's first period is not inside it.
    expect(trendFor(rows, '01', { declaredBreaks: [{ period: '2016', reason: 'x' }] }).outcome.ok).toBe(true);
  });

  it('periods that change length (years, then months) break the series', () => {
    const months = Array.from({ length: 6 }, (_, i) => `2021-0${i + 1}`);
    const rows = [...seriesRows('01', years(2017, 2020), [1200, 1260, 1320, 1390]), ...seriesRows('01', months, [110, 112, 115, 117, 120, 121])];
    const trends = studyTrends(study([drugA]), [dataset(rows)], { window: { from: '2018' } });
    // Months are twelfths of a year, whatever their days: one break, where years turn into months.
    expect(trends.breaks.common).toEqual([{ kind: 'period-length', period: '2021-01', fromYears: 1, toYears: 1 / 12 }]);
    expect(refusalOf(trends.trends.find((x) => x.key === '01')!.outcome)).toMatchObject({ code: 'break', startFrom: '2021-01' });
    expect(breakText(trends.breaks.common[0]!, 'sv')).toBe('perioderna byter längd (år → månad)');
  });

  it('a region missing in one year leaves a gap in its own series, but breaks the national sum', () => {
    const rows = [
      ...seriesRows('01', years(2016, 2020), [100, 104, 109, 112, 118]),
      ...seriesRows('09', ['2016', '2017', '2019', '2020'], [10, 11, 12, 13]),
    ];
    const trends = studyTrends(study([drugA]), [dataset(rows)]);
    const gotland = trends.trends.find((t) => t.key === '09')!;
    expect(gotland.points.map((p) => p.count?.point ?? null)).toEqual([10, 11, null, 12, 13]);
    expect(gotland.outcome.ok && gotland.outcome.used.map((p) => p.period)).toEqual(['2016', '2017', '2019', '2020']);
    const national = trends.trends.find((t) => t.key === 'national')!;
    expect(refusalOf(national.outcome)).toEqual({ code: 'break', break: { kind: 'regions-changed', period: '2019', appeared: ['09'], disappeared: [] }, startFrom: '2019' });
    expect(refusalText(refusalOf(national.outcome), 'sv')).toBe(
      'Serien bryts 2019: regionerna med data ändras (Gotland tillkommer), så rikets summa räknar olika regioner. Välj ett fönster som börjar 2019 eller senare.',
    );
  });
});

describe('population and rates', () => {
  // A file that carries its population beside its counts, repeated per drug; drug A was not reported in 2017 in
  // region 09 (count 0 and population 0, as Socialstyrelsen writes it).
  const counts = dataset([...seriesRows('01', years(2016, 2020), [100, 104, 109, 112, 118]), ...seriesRows('09', years(2016, 2020), [10, 0, 12, 13, 14])]);
  const population = dataset([
    ...seriesRows('01', years(2016, 2020), [50000, 50500, 51000, 51500, 52000]),
    ...seriesRows('01', years(2016, 2020), [50000, 50500, 51000, 51500, 52000], 'B'),
    ...seriesRows('09', years(2016, 2020), [2000, 0, 2010, 2020, 2030]),
    ...seriesRows('09', years(2016, 2020), [2000, 2005, 2010, 2020, 2030], 'B'),
  ]);

  it('is read once per region and year (not once per drug), and rates divide by it', () => {
    const trends = studyTrends(study([drugA]), [counts], { population });
    const stockholm = trends.trends.find((t) => t.key === '01')!;
    expect(stockholm.points.map((p) => p.population?.persons)).toEqual([50000, 50500, 51000, 51500, 52000]);
    const last = stockholm.points.at(-1)!;
    const rate = ratePer100k(last.count!, last.population!.persons)!;
    for (const end of [rate.low, rate.point, rate.high]) expect(end).toBeCloseTo((118 / 52000) * 1e5, 9);
    // The national population is the sum of the regions', 52 000 + 2 030.
    expect(trends.trends.find((t) => t.key === 'national')!.points.at(-1)!.population!.persons).toBe(54030);
  });

  it('a year with population 0 is not a value of the series: the window must start after it', () => {
    const trends = studyTrends(study([drugA]), [counts], { population });
    const gotland = trends.trends.find((t) => t.key === '09')!;
    expect(refusalOf(gotland.outcome)).toEqual({ code: 'break', break: { kind: 'zero-population', period: '2017' }, startFrom: '2018' });
    // Without a population the same series is refused for its count of 0 instead.
    expect(refusalOf(trendFor(seriesRows('09', years(2016, 2020), [10, 0, 12, 13, 14]), '09').outcome)).toEqual({ code: 'zero-count', period: '2017', masked: false });
  });

  it('the nation’s rate divides the sum of the regions by the sum of their populations, the published row by the published population', () => {
    // The published national population (54 100) is not the sum of the regions' (52 000 + 2 030 = 54 030).
    const withNational = dataset([
      ...seriesRows('01', years(2016, 2020), [50000, 50500, 51000, 51500, 52000]),
      ...seriesRows('09', years(2016, 2020), [2000, 2005, 2010, 2020, 2030]),
      ...seriesRows('Riket', years(2016, 2020), [52100, 52600, 53100, 53600, 54100]),
    ]);
    const countsWithNational = dataset([...seriesRows('01', years(2016, 2020), [100, 104, 109, 112, 118]), ...seriesRows('09', years(2016, 2020), [10, 11, 12, 13, 14]), ...seriesRows('Riket', years(2016, 2020), [109, 114, 120, 124, 131])]);
    const s = study([drugA]);
    const estimate = estimateEligible(s, [countsWithNational], { hallandRule: DEFAULT_HALLAND_RULE });
    const rates = estimateRates(s, estimate, '2020', withNational);
    expect(rates.national.count.point).toBe(132);
    expect(rates.national.population!.persons).toBe(54030);
    expect(rates.national.rate!.point).toBeCloseTo((132 / 54030) * 1e5, 9);
    expect(rates.published!.count.point).toBe(131);
    expect(rates.published!.population!.persons).toBe(54100);
    expect(rates.published!.rate!.point).toBeCloseTo((131 / 54100) * 1e5, 9);
    expect(rates.regions['09']!.rate!.point).toBeCloseTo((14 / 2030) * 1e5, 9);
    // A region with patients but no population leaves the nation without a rate rather than a wrong one.
    const partial = estimateRates(s, estimate, '2020', dataset(seriesRows('01', years(2016, 2020), [50000, 50500, 51000, 51500, 52000])));
    expect(partial.regions['09']!.rate).toBeNull();
    expect(partial.national.rate).toBeNull();
  });

  it('no rate without a population, and never from a population of 0', () => {
    expect(ratePer100k({ low: 1, point: 2, high: 3 }, 0)).toBeNull();
    expect(ratePer100k({ low: 1, point: 2, high: 3 }, null)).toBeNull();
    expect(ratePer100k({ low: 1, point: 2, high: 3 }, 200000)).toEqual({ low: 0.5, point: 1, high: 1.5 });
  });
});

describe('the projection line', () => {
  const rows = [
    ...seriesRows('01', years(2016, 2020), [1000, 1100, 1210, 1331, 1464.1]),
    ...seriesRows('09', ['2019', '2020'], [10, 12]),
  ];
  const trends = studyTrends(study([drugA]), [dataset(rows)], { window: { from: '2016' } });

  it('national mode: every region times the nation’s factor; per-region mode: a region without its own trend takes the nation’s, with the reason', () => {
    // The national sum breaks in 2019 (Gotland joins), so the nation is projected from 2019 on… which is too short:
    expect(projectionLine([{ region: '01', eligible: { low: 900, point: 1000, high: 1100 } }], projectStudy(trends, targetYear(2024))).ok).toBe(false);
    const steady = studyTrends(study([drugA]), [dataset(seriesRows('01', years(2016, 2020), [1000, 1100, 1210, 1331, 1464.1]))]);
    const outcomes = projectStudy(steady, targetYear(2022));
    const eligible = [
      { region: '01' as const, eligible: { low: 900, point: 1000, high: 1100 } },
      { region: '09' as const, eligible: { low: 0, point: 0, high: 0 } },
    ];
    const national = projectionLine(eligible, outcomes);
    if (!national.ok) throw new Error('refused');
    expect(national.line.factor.point).toBeCloseTo(1.21, 9);
    expect(national.line.after.point).toBeCloseTo(1210, 6);
    expect(national.line.regions['01']!.after.low).toBeCloseTo(900 * national.line.factor.low, 9);
    const perRegion = projectionLine(eligible, outcomes, 'per-region');
    if (!perRegion.ok) throw new Error('refused');
    expect(perRegion.line.regions['01']!.source).toBe('own');
    expect(perRegion.line.regions['09']).toMatchObject({ source: 'national', reason: { code: 'no-data' } });
  });
});

describe('texts', () => {
  it('never print "−0", and sign every other change', () => {
    expect(formatChange(-0.00001, 'sv')).toBe('0,0\u00a0%');
    expect(formatChange(0.095176, 'sv')).toBe('+9,5\u00a0%');
    expect(formatChange(-0.079, 'en')).toBe('−7.9%');
    expect(formatChange(0.1, 'en')).toBe('+10.0%');
  });

  it('every refusal has a Swedish and an English text without unfilled placeholders', () => {
    const refusals: ProjectionRefusal[] = [
      { code: 'no-data' },
      { code: 'unknown-period', period: '2031' },
      { code: 'too-few-periods', available: 2, required: 3 },
      { code: 'zero-count', period: '2016', masked: true },
      { code: 'break', break: { kind: 'zero-population', period: '2016' }, startFrom: '2017' },
      { code: 'target-not-after-data', target: '2020', last: '2020' },
      { code: 'beyond-horizon', target: '2040', last: '2020', horizonYears: 20, maxYears: 15, windowYears: 5 },
      { code: 'no-last-value', period: '2020' },
    ];
    for (const r of refusals) {
      for (const language of ['sv', 'en'] as const) {
        const text = refusalText(r, language);
        expect(text, r.code).not.toMatch(/[{}]|undefined|NaN/);
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });
});
