/**
 * The ADHD request (a phase III study in children 6–17 already treated with methylphenidate) headless through
 * `antal estimate` on the real public files, with a study file written here. Every figure is the scenario's,
 * derived by hand from the raw files:
 * - methylphenidate (N06BA04), 2020, both sexes, 0–19: the 21 län rows sum to 46 152; the file's own Riket row
 *   says 46 003 (shown beside the sum, never added: a child dispensed in two regions is in both);
 * - Stockholm / Skåne / Västra Götaland / Uppsala 0–19: 13 417 / 5 263 / 6 272 / 1 902 (their län rows);
 * - all five ADHD drugs summed, 2020, 0–19: 87 193 — not persons (a child on two drugs counts twice), so the base
 *   is an interval from the largest drug (methylphenidate, 46 152) to that sum, and flagged;
 * - share of 6–17 in the 0–19 population (SCB, 31 Dec 2019): Stockholm 344 365 / 571 226 = 0.6029, Sweden
 *   1 454 221 / 2 403 730 = 0.6050;
 * - 6–17 on methylphenidate, population-weighted: Stockholm 13 417 × 0.6029 ≈ 8 089; Sweden, each region times its
 *   own share, ≈ 27 929.
 * The share is an assumption with the default range 0.75–1.25 around the table's share, so no low is 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runEstimate, type EstimateCommandResult } from '../../cli/commands/estimate';

const REAL = '../shared/fixtures/real';
const DATA = `${REAL}/socialstyrelsen_2022-02-18.csv`;
const POPULATION = `${REAL}/BE0101N1_20230704-171432.csv`;
const STUDY = 'adhd-study.json';

const study = {
  schemaVersion: 2,
  id: 'adhd-301',
  version: 1,
  title: 'NMX-301-P3',
  sponsorReference: 'SPON-ADHD-301',
  population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } },
  ageShare: { source: { kind: 'uniform' }, range: { low: 0.75, point: 1, high: 1.25 }, note: '' },
  ageReferenceDate: '2020-12-31',
  steps: [
    {
      id: 'mph',
      type: 'inclusion',
      enabled: true,
      protocolText: 'Currently treated with methylphenidate',
      label: 'Metylfenidat',
      rule: { kind: 'predicate', predicate: { kind: 'hierarchy', key: 'lakemedel', scheme: 'atc', codes: ['N06BA04'] } },
    },
    { id: 'age', type: 'inclusion', enabled: true, protocolText: 'Aged 6–17 years', label: 'Ålder 6–17', rule: { kind: 'predicate', predicate: { kind: 'age', min: 6, max: 17 } } },
  ],
  recruitment: {
    targetPatients: 120,
    startDate: '2027-03-01',
    months: 12,
    consentRate: { low: 1, point: 1, high: 1 },
    screenFailureRate: { low: 0, point: 0, high: 0 },
    rateShape: 2,
    sites: [
      { id: 's1', name: 'Stockholm', region: '01', activationMonth: 0, ratePerMonth: 3 },
      { id: 's2', name: 'Skåne', region: '12', activationMonth: 0, ratePerMonth: 3 },
      { id: 's3', name: 'Västra Götaland', region: '14', activationMonth: 2, ratePerMonth: 3 },
      { id: 's4', name: 'Uppsala', region: '03', activationMonth: 6, ratePerMonth: 3 },
    ],
  },
  verdictThresholds: { veryGood: 0.8, good: 0.5 },
};

async function estimate(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEstimate(['--study', STUDY, '--data', DATA, '--population', POPULATION, ...args], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (path) => (path === STUDY ? new TextEncoder().encode(JSON.stringify(study)) : new Uint8Array(readFileSync(path))),
  });
  return { code, stdout, stderr };
}

const STOCKHOLM_SHARE = 344_365 / 571_226;
const SWEDEN_SHARE = 1_454_221 / 2_403_730;

describe.skipIf(!existsSync(REAL))('the ADHD scenario through antal estimate on the real files', () => {
  it('gives every figure of the scenario, with the base flagged and the age share as a sourced assumption line', async () => {
    const { code, stdout, stderr } = await estimate(['--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as EstimateCommandResult;
    const { estimate: e } = result;
    expect(e.blocking ?? []).toEqual([]);
    const [base, drug, age, share] = e.attrition;
    expect(e.attrition.map((s) => s.type)).toEqual(['base', 'inclusion', 'inclusion', 'assumption']);

    // Methylphenidate 0–19: the sum of the län rows, and the file's own national row beside it.
    expect(drug!.total).toEqual({ low: 46_152, point: 46_152, high: 46_152 });
    expect(drug!.totalPublished).toEqual({ low: 46_003, point: 46_003, high: 46_003 });
    expect(drug!.perRegion['01']).toEqual({ low: 13_417, point: 13_417, high: 13_417 });
    expect(drug!.perRegion['12']).toEqual({ low: 5_263, point: 5_263, high: 5_263 });
    expect(drug!.perRegion['14']).toEqual({ low: 6_272, point: 6_272, high: 6_272 });
    expect(drug!.perRegion['03']).toEqual({ low: 1_902, point: 1_902, high: 1_902 });
    // The age step keeps the whole 0–19 band; the share is its own line.
    expect(age!.total.point).toBe(46_152);

    // The base over five drugs is not persons: from the largest drug to the sum of all five, flagged.
    expect(base!.total.low).toBe(46_152);
    expect(base!.total.high).toBe(87_193);
    expect(base!.overlap?.some((o) => o.dimension === 'lakemedel' && o.combined === 'union')).toBe(true);

    // The age share from the population table: Stockholm's own and Sweden's.
    const band = share!.assumption!.bands.find((b) => b.band === '0-19')!;
    expect(band.regions!['01']).toBeCloseTo(STOCKHOLM_SHARE, 6);
    expect(STOCKHOLM_SHARE).toBeCloseTo(0.6029, 4);
    expect(band.share!.point).toBeCloseTo(SWEDEN_SHARE, 6);
    expect(SWEDEN_SHARE).toBeCloseTo(0.605, 4);
    expect(share!.assumption!.source).toMatchObject({ kind: 'table' });

    // 6–17 on methylphenidate: Stockholm 13 417 × its share ≈ 8 089; Sweden Σ region × its own share ≈ 27 929.
    const stockholm = e.regions.find((r) => r.region === '01')!;
    expect(stockholm.eligible.point).toBeCloseTo(13_417 * STOCKHOLM_SHARE, 6);
    // ≈ 8 089 as the scenario writes it with the share rounded to 0.6029 (8 088.5 with the exact share).
    expect(Math.abs(stockholm.eligible.point - 8_089)).toBeLessThan(1);
    expect(Math.abs(e.national.point - 27_929)).toBeLessThan(1);
    expect(share!.total.point).toBeCloseTo(e.national.point, 6);
    // The range 0.75–1.25 around the table's share: no region's low is 0, the national one is 0.75 of the point.
    for (const region of e.regions) expect(region.eligible.low).toBeGreaterThan(0);
    expect(e.national.low).toBeCloseTo(0.75 * e.national.point, 6);

    // No step increases any figure, nationally or in any region.
    for (let i = 1; i < e.attrition.length; i++) {
      const before = e.attrition[i - 1]!;
      const after = e.attrition[i]!;
      expect(after.total.high).toBeLessThanOrEqual(before.total.high + 1e-9);
      for (const [region, value] of Object.entries(after.perRegion)) expect(value!.high).toBeLessThanOrEqual(before.perRegion[region as keyof typeof before.perRegion]!.high + 1e-9);
    }
    // The period is the estimate's property: the latest year, and no period step in the attrition.
    expect(e.period?.datasets[0]?.periods).toEqual(['2020']);
  });

  it('prints it in Swedish with the basis, the period, the flagged base and the assumption line', async () => {
    const { code, stdout } = await estimate([]);
    expect(code).toBe(0);
    expect(stdout).toContain('Period: 2020 (den senaste perioden i data)');
    expect(stdout).toMatch(/Stockholm\s+6\s066,4\s+8\s088,5\s+10\s110,6/);
    expect(stdout).toMatch(/Riket \(summa av regionerna\) \*\s+20\s946,9\s+27\s929,2\s+34\s911,5/);
    expect(stdout).toMatch(/Bas: alla i data †\s+46\s152,0\s+66\s672,5\s+87\s193,0/);
    expect(stdout).toContain('† inte personer: summerat över Läkemedel');
    // The warning names the file's column by its header, as the file writes it, never by the internal key.
    expect(stdout).toContain('Värdena i ”Läkemedel” och region överlappar');
    expect(stdout).not.toContain('lakemedel');
    expect(stdout).toMatch(/Metylfenidat \*\s+46\s152,0\s+46\s152,0\s+46\s152,0\s+69,2\s%\s+30,8\s%\s+46\s003,0/);
    expect(stdout).toMatch(/Antagande: andel 6–17 år av åldersgruppen 0–19 \(enligt ”[^”]*BE0101N1[^”]*”\) \*\s+20\s946,9\s+27\s929,2\s+34\s911,5/);
    expect(stdout).not.toMatch(/−0|\b0–0\b/);
    // The most limiting step with the loss it was named for, as the letter states it: the age row keeps the whole
    // 0–19 band (0,0 %) and its share line loses 1 − 27 929 / 46 152 = 39,5 %.
    expect(1 - 27_929 / 46_152).toBeCloseTo(0.395, 3);
    expect(stdout).toMatch(/Mest begränsande steg: Ålder 6–17 \(39,5\s% bortfall med åldersandelen på raden efter\)/);
  });
});

describe.skipIf(!existsSync(REAL))('the ADHD scenario projected to the recruitment year: antal estimate --project-to', () => {
  // The trend behind the factor (a log-linear fit over 2016–2020, 80 % prediction interval) is checked by hand per
  // region in tests/shared/trend/adhd-real.test.ts; here: what the command prints and that its figures agree with
  // each other by plain arithmetic, and the refusals the method promises.
  const grab = (text: string, pattern: RegExp): string[] => {
    const m = text.match(pattern);
    if (!m) throw new Error(`not found: ${pattern} in\n${text}`);
    return m.slice(1);
  };
  const num = (s: string): number => Number(s.replace(/\s/g, '').replace(',', '.'));

  it('prints the projection line with its method, and every region times the one national factor', async () => {
    const { code, stdout, stderr } = await estimate(['--project-to', '2027']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Framskrivning till 2027 (--project-to; ett antagande, inte data)');
    const [point, low, high] = grab(stdout, /Framskrivning 2020 → 2027: × (\d,\d\d) \((\d,\d\d)–(\d,\d\d)\)/).map(num);
    expect(low!).toBeLessThan(point!);
    expect(point!).toBeLessThan(high!);
    expect(stdout).toMatch(/80\s%-prediktionsintervall, log-linjär trend över 2016–2020 \([+−]\d+,\d\s% per år\)/);
    // Sweden: ≈ 27 929 before (the scenario's figure), and after = before × the printed factor (to its rounding).
    const [before, after] = grab(stdout, /Riket \(summa av regionerna\): ([\d\s]+) \([\d\s]+–[\d\s]+\) → ([\d\s]+) \(/).map(num);
    expect(Math.abs(before! - 27_929)).toBeLessThanOrEqual(1);
    expect(after! / before!).toBeGreaterThanOrEqual(point! - 0.005);
    expect(after! / before!).toBeLessThan(point! + 0.005);
    // Stockholm ≈ 8 089 before; after it, the same factor as the nation's.
    const [stockholm] = grab(stdout, /\nStockholm\s+[\d\s]+,\d\s+([\d\s]+,\d)\s+[\d\s]+,\d\n/).map(num);
    expect(stockholm! / (13_417 * STOCKHOLM_SHARE)).toBeCloseTo(after! / before!, 2);
  });

  it('--json carries the line; a target beyond 3 × the 5-year window, or not after 2020, is refused with the reason', async () => {
    const json = JSON.parse((await estimate(['--project-to', '2035', '--json'])).stdout) as EstimateCommandResult;
    expect(json.projectedTo).toMatchObject({ year: 2035, ok: true, line: { from: '2020', to: '2035', mode: 'national' } });
    // 2035 is 15 years after 2020 = 3 × the window's 5 years: still allowed; 2036 is one year too far.
    const far = await estimate(['--project-to', '2036']);
    expect(far.code).toBe(0);
    expect(far.stdout).toContain('Ingen framskrivning: 2036 ligger 16 år efter 2020, längre än 3 × fönstrets 5 år (15 år).');
    const past = await estimate(['--project-to', '2019', '--lang', 'en']);
    expect(past.stdout).toMatch(/No projection: 2019 .*2020/);
    const bad = await estimate(['--project-to', '27']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--project-to: expected a year such as 2027, got "27"');
  });
});
