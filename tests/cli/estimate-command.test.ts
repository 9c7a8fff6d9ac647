/**
 * `antal estimate` on the hand-made fixtures in tests/fixtures (estimate-counts.csv, estimate-study.json,
 * estimate-population.csv). Two years of incident counts and a two-year window, so counts are used as they are.
 *
 * By hand (Stockholm): base 12 + 10 + X(1..3) + 30; C18–C20 drops the C50 30; age 18–75 keeps 60–69 whole and,
 * on its own line, 70–79 whole too (23 / 24 / 25); the age-share assumption line takes 6 of the 10 years of
 * 70–79 × the default range 0.75–1.25 (10 × 0.45 / 0.6 / 0.75): 17.5 / 20 / 22.5; ECOG 0.5/0.6/0.7 and keeping
 * 0.85/0.9/0.95 of the rest (× 0.425 / 0.54 / 0.665): 7.4375 / 10.8 / 14.9625. Uppsala 5 (80–89 is outside) →
 * 2.125 / 2.7 / 3.325; Halland 70–79 only: 6 × 0.45 × 0.425 / 6 × 0.6 × 0.54 / 6 × 0.75 × 0.665 = 1.1475 / 1.944 /
 * 2.9925; Västra Götaland 9 → 3.825 / 4.86 / 5.985. Sweden 14.535 / 20.304 / 27.265. The Riket rows (80 in all, 49
 * for C18–C20, 45 at ages overlapping 18–75) are the published totals where they count persons exactly: the base's
 * national rows add two diagnoses of the same women (codes of persons overlap), so it has none.
 * The fixture is a version 1 study file: it is migrated on reading (the default age-share range included).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEstimate, type EstimateCommandResult } from '../../cli/commands/estimate';
import { expectInterval } from '../shared/helpers';

const FIXTURES = join(__dirname, '../fixtures');
const STUDY = join(FIXTURES, 'estimate-study.json');
const COUNTS = join(FIXTURES, 'estimate-counts.csv');
const POPULATION = join(FIXTURES, 'estimate-population.csv');

async function estimate(args: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runEstimate(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (path) => (path in files ? new TextEncoder().encode(files[path]) : new Uint8Array(readFileSync(path))),
  });
  return { code, stdout, stderr };
}

const studyJson = (): Record<string, unknown> => JSON.parse(readFileSync(STUDY, 'utf8')) as Record<string, unknown>;

describe('antal estimate', () => {
  it('prints regions, healthcare regions with the Halland rule, Sweden beside the published total, attrition, verdict and warnings', async () => {
    const { code, stdout, stderr } = await estimate(['--study', STUDY, '--data', COUNTS, '--lang', 'en']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Stockholm\s+7\.4\s+10\.8\s+15\.0\s+3\s+1/);
    expect(stdout).toMatch(/Västra Götaland\s+3\.8\s+4\.9\s+6\.0/);
    expect(stdout).toMatch(/Sweden \(sum of regions\)\s+14\.5\s+20\.3\s+27\.3/);
    expect(stdout).toContain('Halland split by population: 41.6% to Southern, 58.4% to Western');
    // The published national rows answer the diagnosis step exactly, and differ from the sums. The base adds
    // two diagnoses of the same women in the national rows (C18 9 and C50 31 in 2022, 60–69): diagnoses of persons
    // overlap, so that national figure is an interval, not a published count.
    expect(stdout).toMatch(/Base: everyone in the data\s+77\.0\s+78\.0\s+79\.0\s+100\.0%\n/);
    expect(stdout).toMatch(/C18-C20\s+47\.0\s+48\.0\s+49\.0\s+61\.5%\s+38\.5%\s+49\.0/);
    expect(stdout).toMatch(/Age 18-75\s+43\.0\s+44\.0\s+45\.0\s+56\.4%\s+8\.3%\s+45\.0/);
    expect(stdout).toMatch(/Assumption: share aged 18–75 years of the age band 70–79 \(spread evenly over the ages\)\s+34\.2\s+37\.6\s+41\.0/);
    expect(stdout).toContain('70–79: 60% (45%–75%)');
    expect(stdout).toContain('Period: 2021–2022 (2 years); annual rate scaled to a 2-year enrolment window');
    expect(stdout).toContain('Most limiting step: ECOG 0-1');
    expect(stdout).toMatch(/Chances of recruiting the desired number: (Very good|Good|Small) \(very good if/);
    expect(stdout).toContain("the study's \"incident\" was assumed");
    // The app's and the letter's checklist wording.
    expect(stdout).toContain('Age band 70-79 lies partly inside the age limit: the share inside the limit is an assumption (spread evenly over the band');
    expect(stdout).toContain('Basis: New patients per year, scaled to an enrolment window of 2 years, counted in the region where they are registered as residents; every period in the data is used.');
    expect(stdout).toContain('were multiplied as if independent');
  });

  it('--json prints the full result with the hand-computed numbers', async () => {
    const { code, stdout } = await estimate(['--study', STUDY, '--data', COUNTS, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as EstimateCommandResult;
    const region = (code: string) => result.estimate.regions.find((r) => r.region === code)!;
    expectInterval(region('01').eligible, [7.4375, 10.8, 14.9625]);
    expectInterval(region('03').eligible, [2.125, 2.7, 3.325]);
    expectInterval(region('13').eligible, [1.1475, 1.944, 2.9925]);
    expectInterval(region('14').eligible, [3.825, 4.86, 5.985]);
    expectInterval(result.estimate.national, [14.535, 20.304, 27.265]);
    expect(result.estimate.attrition.map((a) => a.totalPublished?.point)).toEqual([undefined, 49, 45, undefined, undefined, undefined]);
    expect(result.estimate.nationalPublished).toBeUndefined();
    expect(result.study).toMatchObject({ id: 'fixture-crc', version: 3 });
    expect(result.datasets).toEqual([expect.objectContaining({ file: COUNTS, measure: 'Antal patienter', cells: 16, maskedCells: 1, kindAssumed: true, periodFrom: '2021', periodTo: '2022' })]);
    expect(result.projection?.sites.map((s) => s.siteId)).toEqual(['ks', 'su']);
    expect(result.verdict?.verdict).toMatch(/^(very-good|good|small)$/);
  });

  it('weights straddling age bands by a population table with --population', async () => {
    // Every region and sex: 100 persons a year at 70–75, 50 at 76–79, so 600 of 800 in 70–79 are ≤ 75.
    // Stockholm (12 + 10 × 0.75 + 2) × 0.54 = 11.61; Halland 6 × 0.75 × 0.54 = 2.43; with Uppsala 2.7 and VG 4.86: 21.6.
    const { code, stdout } = await estimate(['--study', STUDY, '--data', COUNTS, '--population', POPULATION, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as EstimateCommandResult;
    expect(result.estimate.national.point).toBeCloseTo(21.6, 9);
    expect(result.estimate.regions.find((r) => r.region === '01')!.eligible.point).toBeCloseTo(11.61, 9);
    expect(result.population).toMatchObject({ measure: 'Folkmängd' });
    expect(result.estimate.warnings).toContainEqual({ code: 'straddling-age-band', bands: ['70-79'], weighting: 'population' });
  });

  it('Swedish by default, with Swedish number format', async () => {
    const { code, stdout } = await estimate(['--study', STUDY, '--data', COUNTS]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Riket \(summa av regionerna\)\s+14,5\s+20,3\s+27,3/);
    expect(stdout).toContain('Halland delat efter befolkning');
  });

  it('--kind states the counts’ kind: prevalent counts block an incident study (exit 1), naming the file and the fix', async () => {
    const json = await estimate(['--study', STUDY, '--data', COUNTS, '--kind', 'prevalent', '--json']);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout) as EstimateCommandResult;
    expect(result.estimate.blocking).toEqual([expect.objectContaining({ code: 'basis-mismatch', mismatches: [{ field: 'kind', dataset: 'prevalent', study: 'incident' }] })]);
    expect(result.datasets[0]!.kindAssumed).toBe(false);
    // In Swedish, without figures: what is wrong and what to do.
    const text = await estimate(['--study', STUDY, '--data', COUNTS, '--kind', 'prevalent']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Svaret kan inte skickas: det har inga siffror förrän detta är löst.');
    expect(text.stdout).toMatch(/Datasetet ”.*” räknar patienter under en period \(prevalens\), men studien räknar nya fall\./);
    expect(text.stdout).toContain('Åtgärd: Räkna studien som patienter under en period (prevalens)');
    expect(text.stdout).not.toMatch(/Möjliga deltagare per region/);
  });

  it('adds a second file of the same basis', async () => {
    const extra = 'År;Region;Diagnos;Kön;Ålder;Antal patienter\n2021;Skåne;C18;Män;60-69;4\n2022;Skåne;C18;Män;60-69;6\n';
    const { code, stdout } = await estimate(['--study', STUDY, '--data', COUNTS, '--data', 'skane.csv', '--json'], { 'skane.csv': extra });
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as EstimateCommandResult;
    // Skåne 10 × 0.5/0.6/0.7 × 0.85/0.9/0.95.
    expectInterval(result.estimate.regions.find((r) => r.region === '12')!.eligible, [4.25, 5.4, 6.65]);
    expect(result.datasets).toHaveLength(2);
  });

  it('refuses a file with import errors, naming file, line and column (exit 1)', async () => {
    const { code, stdout, stderr } = await estimate(['--study', STUDY, '--data', join(FIXTURES, 'estimate-counts-bad.csv'), '--lang', 'en']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('estimate-counts-bad.csv: the file cannot be imported (1 errors)');
    expect(stderr).toMatch(/estimate-counts-bad\.csv, line 3, column 6 \(Antal patienter\): "tolv" is not a number/);
  });

  it('refuses a study file of the wrong shape, naming each JSON path (exit 1)', async () => {
    const study = studyJson();
    (study.steps as Record<string, unknown>[])[1]!.enabled = 'yes';
    delete (study.recruitment as Record<string, unknown>).months;
    study.colour = 'blue';
    const { code, stderr } = await estimate(['--study', 'bad.json', '--data', COUNTS, '--lang', 'en'], { 'bad.json': JSON.stringify(study) });
    expect(code).toBe(1);
    expect(stderr).toContain('bad.json: the study file has errors:');
    expect(stderr).toContain('  steps[1].enabled: must be true or false (found "yes")');
    expect(stderr).toContain('  recruitment.months: is missing');
    expect(stderr).toContain('  colour: is not a field of a study file');
  });

  it('refuses a study whose numbers contradict each other, naming the path (exit 1)', async () => {
    const study = studyJson();
    (study.steps as { rule: { share: { low: number } } }[])[2]!.rule.share.low = 0.65;
    const { code, stderr } = await estimate(['--study', 'bad.json', '--data', COUNTS, '--lang', 'en'], { 'bad.json': JSON.stringify(study) });
    expect(code).toBe(1);
    expect(stderr).toContain('steps[2].rule.share: must satisfy low ≤ point ≤ high');
  });

  it('refuses a study file that is not JSON (exit 1)', async () => {
    const { code, stderr } = await estimate(['--study', 'bad.json', '--data', COUNTS, '--lang', 'en'], { 'bad.json': '{"schemaVersion": 1,' });
    expect(code).toBe(1);
    // The place of the error: the text ends after the comma (20 characters), so line 1, column 21.
    expect(stderr).toContain('(the study): line 1, column 21: not valid JSON: the text ends before the JSON does');
  });

  it('refuses a measure that is not a count, and an unknown one (exit 1)', async () => {
    const rates = 'År;Region;Patienter/1000 invånare\n2021;Stockholm;4,2\n2022;Stockholm;4,4\n';
    const rate = await estimate(['--study', STUDY, '--data', 'rates.csv', '--lang', 'en'], { 'rates.csv': rates });
    expect(rate.code).toBe(1);
    expect(rate.stderr).toContain('is a rate, not a count that can be added up');
    const unknown = await estimate(['--study', STUDY, '--data', COUNTS, '--measure', 'Vårdtillfällen']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no measure "Vårdtillfällen"');
  });

  it('an unreadable file is exit 1', async () => {
    const { code, stderr } = await estimate(['--study', STUDY, '--data', join(FIXTURES, 'no-such-file.csv')]);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot read');
  });

  it.each([
    [['--data', COUNTS], '--study STUDY.json is required'],
    [['--study', STUDY], 'at least one --data FILE is required'],
    [['--study', STUDY, '--data', COUNTS, '--kind', 'sometimes'], '--kind must be incident or prevalent'],
    [['--study', STUDY, '--data', COUNTS, '--lang', 'de'], '--lang must be sv or en'],
    [['--study', STUDY, '--data', COUNTS, '--bogus'], "Unknown option '--bogus'"],
    [['--study', STUDY, '--data', COUNTS, 'extra.csv'], 'Unexpected argument'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const { code, stdout, stderr } = await estimate(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('usage: antal estimate');
  });

  it('--help prints the usage (exit 0)', async () => {
    const { code, stdout } = await estimate(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('usage: antal estimate --study STUDY.json --data FILE');
  });
  // The fixture's recruitment starts 2026-09-01 and runs 24 months (to 2028-09-01): a forecast made later cannot
  // count the months already gone, one made before the start counts them all, one after the end has nothing to say.
  it('the forecast never starts before the day of the answer (--date, else SOURCE_DATE_EPOCH, else the clock)', async () => {
    const later = await estimate(['--study', STUDY, '--data', COUNTS, '--lang', 'en', '--date', '2026-12-07']);
    expect(later.code).toBe(0);
    expect(later.stdout).toContain('The planned start 2026-09-01 has passed: the projection runs from 2026-12-07.');
    const before = await estimate(['--study', STUDY, '--data', COUNTS, '--lang', 'en', '--date', '2026-06-01']);
    expect(before.stdout).not.toContain('has passed');
    const json = (args: string[]) => estimate([...args, '--json']).then((r) => JSON.parse(r.stdout) as EstimateCommandResult);
    const [early, late] = await Promise.all([json(['--study', STUDY, '--data', COUNTS, '--date', '2026-06-01']), json(['--study', STUDY, '--data', COUNTS, '--date', '2027-06-01'])]);
    // Nine months fewer to recruit in: the expected number recruited falls.
    expect(late.projection!.startNotice).toMatchObject({ kind: 'moved-to-today', today: '2027-06-01' });
    expect(late.projection!.expectedByDeadline.point).toBeLessThan(early.projection!.expectedByDeadline.point);
    const ended = await estimate(['--study', STUDY, '--data', COUNTS, '--lang', 'en', '--date', '2028-10-01']);
    expect(ended.stdout).toContain('The recruitment period ended 2028-09-01: no projection.');
    const bad = await estimate(['--study', STUDY, '--data', COUNTS, '--date', '2026-13-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--date must be a date YYYY-MM-DD, got "2026-13-01"');
  });
});
