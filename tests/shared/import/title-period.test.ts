/**
 * Files that name their period only in a title line (no period column, none in the headers): the period is read
 * from the title, said in the provenance notes, and the estimate can use the file. A title with several years,
 * or only an extraction date, gives no period: the user must say it (`--data-period`), and the estimate's
 * blocking problem says so instead of offering period settings that cannot help.
 */
import { describe, expect, it } from 'vitest';
import { runEstimate, type EstimateCommandResult } from '../../../cli/commands/estimate';
import { periodFromTitle } from '../../../shared/import/title-period';
import { makeStudy, predicateStep } from '../study-builders';

const title = (text: string) => periodFromTitle([{ line: 1, kind: 'title', text }]);

describe('the period a title names', () => {
  it('one year, a span written with a dash, an en dash or "till", and a year inside a date of day', () => {
    expect(title('Antal patienter med diabetes 2021')).toMatchObject({ from: '2021', to: '2021', line: 1 });
    expect(title('Läkemedel 2018-2020')).toMatchObject({ from: '2018', to: '2020' });
    expect(title('Läkemedel 2018–2020')).toMatchObject({ from: '2018', to: '2020' });
    expect(title('Patienter 2018 till 2020')).toMatchObject({ from: '2018', to: '2020' });
    expect(title('Folkmängd 31 december 2019')).toMatchObject({ from: '2019', to: '2019' });
  });

  it('nothing for an extraction date, two separate years, a code with digits or no year', () => {
    expect(title('Uttag 2022-02-18')).toBeNull();
    expect(title('Befolkning 2019 och 2020')).toBeNull();
    expect(title('Diagnos C2019')).toBeNull();
    expect(title('Population by region, age and year')).toBeNull();
    expect(title('Antal 12345 patienter')).toBeNull();
  });

  it('only title lines count: a footer with a year is a publication date, not the period', () => {
    expect(periodFromTitle([{ line: 9, kind: 'footer', text: 'Publicerad 2022' }])).toBeNull();
    expect(periodFromTitle([{ line: 1, kind: 'title', text: 'Antal 2020' }, { line: 9, kind: 'footer', text: 'Publicerad 2022' }])).toMatchObject({ from: '2020' });
  });

  it('two titles naming different years: no guess', () => {
    expect(periodFromTitle([{ line: 1, kind: 'title', text: 'Antal 2020' }, { line: 2, kind: 'title', text: 'Jämförelse 2019' }])).toBeNull();
  });
});

const STUDY = makeStudy([predicateStep('sex', { kind: 'sex', sex: 'female' })], {
  population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'all' } },
});

const fileWithTitle = (titleLine: string) =>
  [`"${titleLine}"`, '', 'Region;Kön;Antal', 'Stockholm;Män;120', 'Stockholm;Kvinnor;100', 'Uppsala;Män;30', 'Uppsala;Kvinnor;25', ''].join('\n');

async function estimate(csv: string, extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runEstimate(['--study', 'study.json', '--data', 'counts.csv', ...extra], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (path) => new TextEncoder().encode(path === 'counts.csv' ? csv : JSON.stringify(STUDY)),
  });
  return { code, stdout, stderr };
}

describe('antal estimate on a file whose period is only in its title', () => {
  it('uses the year of the title: Stockholm 100 women, Uppsala 25, Sweden 125 (the rows of the file)', async () => {
    const { code, stdout, stderr } = await estimate(fileWithTitle('Antal patienter med diabetes 2021'), ['--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as EstimateCommandResult;
    expect(result.estimate.regions.find((r) => r.region === '01')!.eligible.point).toBe(100);
    expect(result.estimate.regions.find((r) => r.region === '03')!.eligible.point).toBe(25);
    expect(result.estimate.national.point).toBe(125);
  });

  it('says where the period came from, and prints one year as one year', async () => {
    const { code, stdout } = await estimate(fileWithTitle('Antal patienter med diabetes 2021'));
    expect(code).toBe(0);
    expect(stdout).toContain('hela datasetets period 2021');
    expect(stdout).not.toContain('2021–2021');
  });

  it('a title with two years is not guessed: the answer is blocked with what to do, and --data-period unblocks it', async () => {
    const blocked = await estimate(fileWithTitle('Antal patienter 2020 jämfört med 2019'));
    expect(blocked.stdout + blocked.stderr).toContain('anger inte vilken period det räknar');
    expect(blocked.stdout + blocked.stderr).toContain('--data-period');
    expect(blocked.stdout + blocked.stderr).not.toContain('Använd den senaste perioden');
    const given = await estimate(fileWithTitle('Antal patienter 2020 jämfört med 2019'), ['--data-period', '2020', '--json']);
    expect(given.code).toBe(0);
    expect((JSON.parse(given.stdout) as EstimateCommandResult).estimate.national.point).toBe(125);
  });

  it('--data-period is refused for a file with its own periods, and when it is not a period', async () => {
    const csv = ['År;Region;Kön;Antal', '2021;Stockholm;Kvinnor;100', ''].join('\n');
    const own = await estimate(csv, ['--data-period', '2020']);
    expect(own.code).not.toBe(0);
    expect(own.stderr).toContain('has its own periods (2021)');
    const bad = await estimate(csv, ['--data-period', '2021..2019']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--data-period expects a period or FROM..TO');
  });
});
