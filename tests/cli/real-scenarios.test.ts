/**
 * Two more requests on the real public files, headless through `antal estimate`, each written down with its
 * arithmetic in docs/scenarios/. Every figure is derived by hand from the raw rows (the sums are written out below):
 *
 * Girls 13–17 on lisdexamfetamine (docs/scenarios/adhd-girls-lisdexamfetamine.md): N06BA12, Kvinnor, 2020, 0–19.
 * - the 21 län rows sum to 8 506; the file's Riket row says 8 464;
 * - Stockholm 2 735, Skåne 912, Västra Götaland 1 032, Uppsala 400;
 * - SCB 31 Dec 2019, share of 13–17 in 0–19 (both sexes: the table has no sex): Stockholm 136 325 / 571 226 =
 *   0.23865, Skåne 78 074 / 326 829 = 0.23888, Västra Götaland 95 641 / 398 223 = 0.24017, Uppsala 21 497 /
 *   89 663 = 0.23975;
 * - with the share taken as it is (100 %, range 100–150 %): Stockholm 2 735 × 0.23865 = 652.72, Sweden
 *   Σ region × its own share = 2 067.96; the high end 1.5 × 2 067.96 = 3 101.93.
 *
 * Guanfacine dispensings to boys (docs/scenarios/guanfacine-dispensings-boys.md): C02AC02, Män, 0–19, the measure
 * "Antal expedieringar" (events), the mean over 2018–2020:
 * - the 21 län rows: 2018 21 949, 2019 28 114, 2020 35 956; mean 86 019 / 3 = 28 673;
 * - Stockholm 5 037, 6 781, 8 896: mean 20 714 / 3 = 6 904.67; Västra Götaland 4 223, 4 964, 6 303: 15 490 / 3 =
 *   5 163.33; Skåne 1 686, 2 430, 3 407: 7 523 / 3 = 2 507.67;
 * - the file's Riket rows: 22 119, 28 380, 36 251 (mean 28 916.67), more than the län because some dispensings
 *   have no county; events are not persons, and the answer says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runEstimate, type EstimateCommandResult } from '../../cli/commands/estimate';

const REAL = '../shared/fixtures/real';
const DATA = `${REAL}/socialstyrelsen_2022-02-18.csv`;
const POPULATION = `${REAL}/BE0101N1_20230704-171432.csv`;

const recruitment = (sites: Array<{ id: string; name: string; region: string; activationMonth: number; ratePerMonth: number }>) => ({
  targetPatients: 60,
  startDate: '2027-09-01',
  months: 18,
  consentRate: { low: 1, point: 1, high: 1 },
  screenFailureRate: { low: 0, point: 0, high: 0 },
  rateShape: 2,
  sites,
});

async function estimate(study: unknown, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEstimate(['--study', 'study.json', '--data', DATA, ...args], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (path) => (path === 'study.json' ? new TextEncoder().encode(JSON.stringify(study)) : new Uint8Array(readFileSync(path))),
  });
  return { code, stdout, stderr };
}

const girls = {
  schemaVersion: 2,
  id: 'lisdex-girls',
  version: 1,
  title: 'Lisdexamfetamin, flickor 13–17 år',
  sponsorReference: 'SPON-LDX-204',
  population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } },
  ageShare: { source: { kind: 'uniform' }, range: { low: 1, point: 1, high: 1.5 }, note: 'Flickor som behandlas är oftast tonåringar.' },
  ageReferenceDate: '2020-12-31',
  steps: [
    { id: 'ldx', type: 'inclusion', enabled: true, protocolText: 'Treated with lisdexamfetamine', label: 'Lisdexamfetamin', rule: { kind: 'predicate', predicate: { kind: 'hierarchy', key: 'lakemedel', scheme: 'atc', codes: ['N06BA12'] } } },
    { id: 'sex', type: 'inclusion', enabled: true, protocolText: 'Female', label: 'Flickor', rule: { kind: 'predicate', predicate: { kind: 'sex', sex: 'female' } } },
    { id: 'age', type: 'inclusion', enabled: true, protocolText: 'Aged 13–17 years', label: 'Ålder 13–17', rule: { kind: 'predicate', predicate: { kind: 'age', min: 13, max: 17 } } },
  ],
  recruitment: recruitment([
    { id: 's1', name: 'Stockholm', region: '01', activationMonth: 0, ratePerMonth: 1.5 },
    { id: 's2', name: 'Göteborg', region: '14', activationMonth: 1, ratePerMonth: 1 },
    { id: 's3', name: 'Lund', region: '12', activationMonth: 2, ratePerMonth: 1 },
  ]),
  verdictThresholds: { veryGood: 0.8, good: 0.5 },
};

const guanfacine = {
  schemaVersion: 2,
  id: 'gfc-pass',
  version: 1,
  title: 'Guanfacin, expedieringar till pojkar',
  sponsorReference: 'PASS-GFC-12',
  population: { kind: 'prevalent', windowYears: 1, unit: 'events', regionBasis: 'residence', period: { kind: 'range', from: '2018', to: '2020' } },
  ageShare: { source: { kind: 'uniform' }, range: { low: 0.75, point: 1, high: 1.25 }, note: '' },
  ageReferenceDate: '2020-12-31',
  steps: [
    { id: 'gfc', type: 'inclusion', enabled: true, protocolText: 'Dispensed guanfacine', label: 'Guanfacin', rule: { kind: 'predicate', predicate: { kind: 'hierarchy', key: 'lakemedel', scheme: 'atc', codes: ['C02AC02'] } } },
    { id: 'boys', type: 'inclusion', enabled: true, protocolText: 'Male', label: 'Pojkar', rule: { kind: 'predicate', predicate: { kind: 'sex', sex: 'male' } } },
  ],
  recruitment: recruitment([]),
  verdictThresholds: { veryGood: 0.8, good: 0.5 },
};

describe.skipIf(!existsSync(REAL))('more requests on the real files through antal estimate', () => {
  it('girls 13–17 on lisdexamfetamine: the sex from the data, the age share from SCB as a ranged assumption', async () => {
    const { code, stdout, stderr } = await estimate(girls, ['--population', POPULATION, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { estimate: e } = JSON.parse(stdout) as EstimateCommandResult;
    expect(e.blocking ?? []).toEqual([]);
    expect(e.attrition.map((s) => s.type)).toEqual(['base', 'inclusion', 'inclusion', 'inclusion', 'assumption']);
    const [, , sex, age] = e.attrition;
    expect(sex!.total).toEqual({ low: 8_506, point: 8_506, high: 8_506 });
    expect(sex!.totalPublished).toEqual({ low: 8_464, point: 8_464, high: 8_464 });
    expect([sex!.perRegion['01']!.point, sex!.perRegion['12']!.point, sex!.perRegion['14']!.point, sex!.perRegion['03']!.point]).toEqual([2_735, 912, 1_032, 400]);
    expect(age!.total.point).toBe(8_506);
    const stockholm = e.regions.find((r) => r.region === '01')!;
    expect(stockholm.eligible.point).toBeCloseTo((2_735 * 136_325) / 571_226, 6);
    expect(stockholm.eligible.point).toBeCloseTo(652.72, 2);
    expect(e.regions.find((r) => r.region === '12')!.eligible.point).toBeCloseTo((912 * 78_074) / 326_829, 6);
    expect(e.regions.find((r) => r.region === '14')!.eligible.point).toBeCloseTo((1_032 * 95_641) / 398_223, 6);
    expect(e.regions.find((r) => r.region === '03')!.eligible.point).toBeCloseTo((400 * 21_497) / 89_663, 6);
    expect(e.national.point).toBeCloseTo(2_067.96, 2);
    expect(e.national.low).toBeCloseTo(2_067.96, 2);
    expect(e.national.high).toBeCloseTo(3_101.93, 2);
    for (const region of e.regions) expect(region.eligible.low).toBeGreaterThan(0);
  });

  it('guanfacine dispensings to boys: events, the mean of 2018–2020, flagged as not persons', async () => {
    const { code, stdout, stderr } = await estimate(guanfacine, ['--measure', 'Antal expedieringar', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { estimate: e } = JSON.parse(stdout) as EstimateCommandResult;
    expect(e.blocking ?? []).toEqual([]);
    expect(e.period?.datasets[0]?.periods).toEqual(['2018', '2019', '2020']);
    expect(e.national.point).toBeCloseTo(86_019 / 3, 6);
    expect(e.regions.find((r) => r.region === '01')!.eligible.point).toBeCloseTo(20_714 / 3, 6);
    expect(e.regions.find((r) => r.region === '14')!.eligible.point).toBeCloseTo(15_490 / 3, 6);
    expect(e.regions.find((r) => r.region === '12')!.eligible.point).toBeCloseTo(7_523 / 3, 6);
    expect(e.attrition.at(-1)!.totalPublished?.point).toBeCloseTo(86_750 / 3, 6);
    expect(e.warnings.some((w) => w.code === 'events-not-persons')).toBe(true);
  });
});
