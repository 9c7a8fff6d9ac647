/**
 * `antal query` and `antal inspect` on the replicas of the six real export shapes (tests/shared/import/replicas.ts),
 * each as Swedish Excel's CSV and as the workbook. Figures by hand from the replicas' grids.
 */
import { describe, expect, it } from 'vitest';
import { runInspect } from '../../cli/commands/inspect';
import type { CommandIo } from '../../cli/inputs';
import { runQuery } from '../../cli/commands/query';
import { causeOfDeathSheet, meanPopulationSheet, measureColumnSheet, rateTitleSheet, weeklySheet } from '../shared/import/replicas';
import { toCsv, toXlsx, type Sheet } from '../shared/import/sheet';
import { KOMMUN_LINES } from '../shared/import/kommun-file';

function io(files: Record<string, Uint8Array>): CommandIo & { out: string; err: string } {
  const self = {
    out: '',
    err: '',
    stdout(s: string) { self.out += s; },
    stderr(s: string) { self.err += s; },
    readFile(p: string): Uint8Array {
      const f = files[p];
      if (!f) throw new Error(`ENOENT: ${p}`);
      return f;
    },
  };
  return self;
}

const formats = (sheet: Sheet, base: string): Record<string, Uint8Array> => ({ [`${base}.csv`]: toCsv(sheet), [`${base}.xlsx`]: toXlsx([sheet]) });
const FILES: Record<string, Uint8Array> = {
  ...formats(weeklySheet(), 'weekly'),
  ...formats(causeOfDeathSheet(), 'deaths'),
  ...formats(meanPopulationSheet(), 'meanpop'),
  ...formats(rateTitleSheet(), 'rates'),
  ...formats(measureColumnSheet(), 'measures'),
};

async function query(args: string[]): Promise<{ code: number; json: Record<string, unknown>; err: string }> {
  const c = io(FILES);
  const code = await runQuery(['--lang', 'en', '--json', ...args], c);
  return { code, json: c.out ? JSON.parse(c.out) as Record<string, unknown> : {}, err: c.err };
}

describe.each(['csv', 'xlsx'])('antal query on the replicas (%s)', (ext) => {
  it('weekly: a published total, week ranges across the new year, the national row', async () => {
    expect((await query([`weekly.${ext}`, '--region', 'Stockholm'])).json).toMatchObject({ point: 9120, source: 'published-total' });
    expect((await query([`weekly.${ext}`, '--region', 'Stockholm', '--period', '2020-W10..2020-W13'])).json).toMatchObject({ point: 12 + 85 + 310 + 402, source: 'sum', cells: 4 });
    expect((await query([`weekly.${ext}`, '--region', 'Stockholm', '--period', '2020-W52..2021-W02'])).json).toMatchObject({ point: 150 + 171 + 160 + 142 });
    expect((await query([`weekly.${ext}`, '--period', '2020-W10..2020-W13'])).json).toMatchObject({ point: 19 + 151 + 532 + 793 });
  });

  it('cause of death: chapter rows, not chapter + blocks + codes', async () => {
    expect((await query([`deaths.${ext}`, '--code', 'C00-D48'])).json).toMatchObject({ point: 12381 + 10924 });
    expect((await query([`deaths.${ext}`, '--code', 'B99', '--sex', 'Kvinnor'])).json).toMatchObject({ point: 61, source: 'published-total' });
    expect((await query([`deaths.${ext}`])).json).toMatchObject({ point: 45213 + 44975 });
  });

  it('mean population: halves, and years ranges refused for a population', async () => {
    expect((await query([`meanpop.${ext}`, '--region', 'Stockholm', '--period', '2021'])).json).toMatchObject({ point: 2404560 });
    const refused = await query([`meanpop.${ext}`, '--region', 'Stockholm', '--period', '2020-2021']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/\[not-additive\].*population/);
  });

  it('rates named in the title: one cell answered, a sum refused because they are rates', async () => {
    expect((await query([`rates.${ext}`, '--measure', 'I21 Akut hjärtinfarkt', '--region', 'Skåne', '--sex', 'Män', '--period', '2020'])).json).toMatchObject({ point: 281.63 });
    const refused = await query([`rates.${ext}`, '--measure', 'I21 Akut hjärtinfarkt', '--period', '2019-2020']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/\[rate-not-summable\].*rate per 100000/);
  });

  it('measure column: --measure Admissions, years 2019-2021', async () => {
    expect((await query([`measures.${ext}`, '--measure', 'Admissions', '--region', 'Skåne', '--period', '2019-2021'])).json).toMatchObject({ point: 1603 + 1588 + 1662, measure: 'Admissions' });
    expect((await query([`measures.${ext}`, '--region', 'Skåne', '--period', '2021'])).json).toMatchObject({ point: 1040, measure: 'Number of patients' });
  });
});

describe('antal query --period', () => {
  it('accepts years, months and weeks ranges and refuses a range that runs backwards (usage of the data, exit 1)', async () => {
    const months = new TextEncoder().encode(['Region;Månad;Antal', ...['01', '02', '03', '04', '05', '06', '07'].map((m, i) => `Skåne;2020-${m};${10 + i}`)].join('\n'));
    const c = io({ 'm.csv': months });
    expect(await runQuery(['--lang', 'en', '--json', 'm.csv', '--period', '2020-01..2020-06'], c)).toBe(0);
    // 10 + 11 + 12 + 13 + 14 + 15
    expect(JSON.parse(c.out)).toMatchObject({ point: 75, cells: 6 });
    const back = io({ 'm.csv': months });
    expect(await runQuery(['--lang', 'en', 'm.csv', '--period', '2020-06..2020-01'], back)).toBe(1);
    expect(back.err).toContain('ends before it starts');
    const sv = io({ 'm.csv': months });
    expect(await runQuery(['m.csv', '--period', 'våren'], sv)).toBe(1);
    expect(sv.err).toMatch(/^fel \[invalid-filter\]: perioden ”våren” är inget år/);
  });
});

describe('antal inspect on the replicas', () => {
  it('names the two header rows, the measure column and the explained masking letter', async () => {
    const weekly = io(FILES);
    expect(await runInspect(['--lang', 'en', 'weekly.xlsx'], weekly)).toBe(0);
    expect(weekly.out).toContain('Layout: wide, 2 header row(s)');
    expect(weekly.out).toContain('2. vecka 10 2020 Antal: measure "Antal" [count persons] for period=2020-W10');
    expect(weekly.out).toContain('Token "X": the note on line 30 explains "X" as masked without giving its range; the publisher\'s usual 1–3 is used');
    const measures = io(FILES);
    expect(await runInspect(['--lang', 'en', 'measures.csv'], measures)).toBe(0);
    expect(measures.out).toContain('1. Measure: the measure of each row, by name: "Number of patients" [count persons], "Admissions" [count events], "Patients per 100,000 inhabitants" [rate per 100000]');
    const deaths = io(FILES);
    expect(await runInspect(['deaths.csv'], deaths)).toBe(0);
    expect(deaths.out).toContain('2. Dödsorsak: används inte');
    expect(deaths.out).toContain('varje värde namnger koden i kolumnen ”ICD-10” på samma rad');
  });

  it('a file of 100 000 columns stops at its one reason, in a few lines', async () => {
    const wide = new TextEncoder().encode(`${Array.from({ length: 100_000 }, (_, i) => `K${i}`).join(';')}\n${Array.from({ length: 100_000 }, (_, i) => String(i)).join(';')}\n`);
    const c = io({ 'wide.csv': wide });
    expect(await runInspect(['--lang', 'en', 'wide.csv'], c)).toBe(1);
    expect(c.out.length).toBeLessThan(2000);
    expect(c.out).toContain('Errors: 1');
    expect(c.out).toContain('the line has 100000 fields');
    expect(c.out).not.toContain('Columns:');
    const q = io({ 'wide.csv': wide });
    expect(await runQuery(['--lang', 'en', 'wide.csv'], q)).toBe(1);
    expect(q.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('antal query on a file by municipality', () => {
  it('answers by county: municipalities summed (a masked one as its interval), a county row kept, Gotland 0980 as county 09', async () => {
    const kommun = new TextEncoder().encode(KOMMUN_LINES.join('\n') + '\n');
    const ask = async (args: string[]) => {
      const c = io({ 'kommun.csv': kommun });
      const code = await runQuery(['--lang', 'en', '--json', 'kommun.csv', ...args], c);
      return { code, json: JSON.parse(c.out) as Record<string, unknown> };
    };
    // 0380 Uppsala 80 + 0381 Enköping "X" (1–3, point 2)
    expect((await ask(['--region', 'Uppsala', '--age', '65+']))).toMatchObject({ code: 0, json: { low: 81, point: 82, high: 83, masked: 1 } });
    // 300 + 40
    expect((await ask(['--region', 'Uppsala', '--age', '0-64'])).json).toMatchObject({ point: 340 });
    // Stockholm's own row (1030), not its municipalities' 120 + 900 added to it
    expect((await ask(['--region', 'Stockholm', '--age', '0-64'])).json).toMatchObject({ point: 1030 });
    expect((await ask(['--region', 'Gotland'])).json).toMatchObject({ point: 55 + 20 });
    // Every county and age: 1030 + 47 + 340 + 82 + 55 + 20
    expect((await ask([])).json).toMatchObject({ point: 1030 + 47 + 340 + 82 + 55 + 20, low: 1030 + 47 + 340 + 81 + 55 + 20, high: 1030 + 47 + 340 + 83 + 55 + 20 });
  });
});
