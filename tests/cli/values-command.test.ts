/**
 * `antal values` on a tiny Socialstyrelsen-shaped file written here. By hand, the counts are the finest cells of
 * the latest year (2020): N06BA04 = Stockholm men 30 + women 20 + Skåne men 7 = 57 (the 2019 row of 100, the
 * "Båda könen" total of 50 and the Riket row of 40 are not added); N06BA09 = 5; C02AC02 = 3. Every ATC level
 * above a value sums its values: N06BA = N06B = N06 = N = 57 + 5 = 62; C… = 3.
 */
import { describe, expect, it } from 'vitest';
import { runValues } from '../../cli/commands/values';

const FILE = [
  'År;Läkemedel;Region;Kön;Ålder;Antal patienter',
  '2019;N06BA04 Metylfenidat;Stockholms län;Män;0-19;100',
  '2020;N06BA04 Metylfenidat;Stockholms län;Män;0-19;30',
  '2020;N06BA04 Metylfenidat;Stockholms län;Kvinnor;0-19;20',
  '2020;N06BA04 Metylfenidat;Stockholms län;Båda könen;0-19;50',
  '2020;N06BA04 Metylfenidat;Skåne län;Män;0-19;7',
  '2020;N06BA04 Metylfenidat;Riket;Män;0-19;40',
  '2020;N06BA09 Atomoxetin;Stockholms län;Män;0-19;5',
  '2020;C02AC02 Guanfacin;Stockholms län;Män;0-19;3',
  '',
].join('\n');

async function values(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runValues(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: () => new TextEncoder().encode(FILE),
  });
  return { code, stdout, stderr };
}

describe('antal values', () => {
  it('lists the drug column as an ATC hierarchy with the latest year’s counts, names from the file and an overlap note', async () => {
    const { code, stdout, stderr } = await values(['drugs.csv']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Läkemedel (nyckel lakemedel, ATC): 3 värden, antal under 2020');
    expect(stdout).toContain('en nivås antal är en summa, inte personer');
    expect(stdout).toMatch(/^ {2}N {2}62$/m);
    expect(stdout).toMatch(/^ {8}N06BA {2}62$/m);
    expect(stdout).toMatch(/^ {10}N06BA04 Metylfenidat {2}57$/m);
    expect(stdout).toMatch(/^ {10}N06BA09 Atomoxetin {2}5$/m);
    expect(stdout).toMatch(/^ {10}C02AC02 Guanfacin {2}3$/m);
  });

  it('searches by name or code, in English too', async () => {
    const byName = await values(['drugs.csv', '--search', 'metyl', '--lang', 'en']);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toContain('Läkemedel (key lakemedel, ATC): 3 values, counts in 2020');
    expect(byName.stdout).toMatch(/^ {2}N06BA04 Metylfenidat {2}57$/m);
    expect(byName.stdout).not.toContain('Atomoxetin');
    const none = await values(['drugs.csv', '--search', 'insulin', '--lang', 'en']);
    expect(none.stdout).toContain('No value matches "insulin".');
  });

  it('gives the values and the nodes as JSON', async () => {
    const { code, stdout } = await values(['drugs.csv', '--json', '--search', 'N06BA']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { dimensions: { key: string; overlapping: boolean; tree: { code: string; values: string[]; count: { point: number } }[] }[] };
    const drugs = json.dimensions.find((d) => d.key === 'lakemedel')!;
    expect(drugs.overlapping).toBe(true);
    const level = drugs.tree.find((n) => n.code === 'N06BA')!;
    expect(level.count.point).toBe(62);
    expect([...level.values].sort()).toEqual(['N06BA04 Metylfenidat', 'N06BA09 Atomoxetin']);
  });

  it('refuses an unknown dimension with the ones the file has (exit 2)', async () => {
    const { code, stderr } = await values(['drugs.csv', '--dimension', 'stage']);
    expect(code).toBe(2);
    expect(stderr).toContain('Filen har ingen kolumn "stage" med värden att välja (den har: lakemedel).');
  });
});
