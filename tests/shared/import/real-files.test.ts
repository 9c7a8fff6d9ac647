/**
 * The three real public exports in ../shared/fixtures/real, read in place (never copied into the project),
 * must reproduce the facts their README states.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { analyseFile, type ImportPreview } from '../../../shared/import/analyse-file';
import { buildDataset, type ImportResult } from '../../../shared/import/build-dataset';
import { queryDataset } from '../../../shared/import/query-dataset';
import { COUNTY_CODES, NATIONAL_POPULATION_2019, REGIONS } from '../../../shared/regions/regions';

const REAL = path.resolve(__dirname, '../../../../shared/fixtures/real');
const ADHD = 'socialstyrelsen_2022-02-18.csv';
const BY_AGE = 'BE0101N1_20230704-171432.csv';
const TOTALS = 'BE0101U1_20230706-191203.csv';

async function load(file: string): Promise<{ preview: ImportPreview; data: ImportResult }> {
  const preview = await analyseFile({ name: file, bytes: new Uint8Array(readFileSync(path.join(REAL, file))) });
  expect(preview.errors).toEqual([]);
  return { preview, data: buildDataset(preview, preview.mapping, { publisher: 'test' }) };
}

type Loaded = Awaited<ReturnType<typeof load>>;

describe.skipIf(!existsSync(path.join(REAL, ADHD)))('real exports', () => {
  // Loaded before the tests run, not while they are collected: without the files the suite shows as skipped.
  let adhd: Loaded;
  let byAge: Loaded;
  let totals: Loaded;
  beforeAll(async () => {
    [adhd, byAge, totals] = await Promise.all([load(ADHD), load(BY_AGE), load(TOTALS)]);
  });

  it('reads the Socialstyrelsen file as ";"-separated UTF-8 with CRLF and decimal commas', () => {
    const p = adhd.preview;
    expect(p.encoding?.name).toBe('utf-8');
    expect(p.dialect).toMatchObject({ delimiter: ';', lineEnding: '\r\n' });
    expect(p.layout?.kind).toBe('long');
    const roles = Object.fromEntries(p.columns.map((c) => [c.header, c.mapping.kind === 'dimension' ? c.mapping.role : c.mapping.kind === 'measure' ? `${c.mapping.spec.kind}${c.mapping.spec.unit ? `:${c.mapping.spec.unit}` : ''}` : 'ignore']));
    expect(roles).toEqual({
      'År': 'period', 'Läkemedel': 'extra', Region: 'region', 'Kön': 'sex', 'Ålder': 'age',
      'Antal patienter': 'count:persons', 'Patienter/1000 invånare': 'rate', 'Antal expedieringar': 'count:events',
      'Expedieringar/1000 invånare': 'rate', Befolkning: 'population',
    });
    const rate = p.columns.find((c) => c.header === 'Patienter/1000 invånare')!;
    expect(rate.numberFormat?.format.decimal).toBe(',');
    expect(rate.numberFormat?.evidence).toContain('"4,74"');
  });

  it('parses the soft-hyphen age label "0\u00ad19" as 0–19 and the last line without a newline', () => {
    const age = adhd.data.measures[0]!.dataset.dimensions.find((d) => d.role === 'age')!;
    expect(age.values).toEqual(['0-19']);
    expect(adhd.data.measures[0]!.dataset.cellCount).toBe(4950);
    expect(adhd.preview.table.body[adhd.preview.table.body.length - 1]!.line).toBe(4951);
  });

  it('year 2020 Befolkning for Båda könen equals SCB population aged 0–19 (31 Dec 2019) in every county', () => {
    for (const code of COUNTY_CODES) {
      const scb = queryDataset(byAge.data, { region: code, age: '0-19' });
      const social = queryDataset(adhd.data, { measure: 'Befolkning', region: code, sex: 'Båda könen', period: '2020', where: { 'Läkemedel': 'C02AC02 Guanfacin' } });
      expect(social.source).toBe('published-total');
      expect(social.point).toBe(scb.point);
    }
    const stockholm = queryDataset(adhd.data, { measure: 'Befolkning', region: 'Stockholms län', sex: 'all', period: '2020', where: { lakemedel: 'C02AC02 Guanfacin' } });
    expect(stockholm.point).toBe(571226);
    expect(queryDataset(byAge.data, { region: 'Stockholm', age: '0-19' })).toMatchObject({ point: 571226, source: 'sum', cells: 20 });
  });

  it('"01 Stockholm county" summed over ages is 2 377 081, its total in BE0101U1; Sweden is 10 327 589', () => {
    expect(queryDataset(byAge.data, { region: '01 Stockholm county' })).toMatchObject({ low: 2377081, point: 2377081, high: 2377081, source: 'sum', cells: 101, masked: 0 });
    expect(queryDataset(totals.data, { measure: 'Population', region: '01 Stockholm county' })).toMatchObject({ point: 2377081, source: 'published-total' });
    expect(queryDataset(byAge.data, {})).toMatchObject({ point: NATIONAL_POPULATION_2019, source: 'sum', cells: 21 * 101 });
    expect(queryDataset(totals.data, { measure: 'population' })).toMatchObject({ point: 10327589, source: 'sum', cells: 21 });
    for (const r of REGIONS) expect(queryDataset(byAge.data, { region: r.code }).point).toBe(r.population2019);
  });

  it('keeps Riket as a published total that differs from the sum of the län for patient counts', () => {
    const q = queryDataset(adhd.data, { measure: 'Antal patienter', region: 'national', period: '2020', where: { 'Läkemedel': 'C02AC02 Guanfacin' } });
    expect(q).toMatchObject({ point: 8081, source: 'published-total', cells: 1 });
    expect(q.sum).toMatchObject({ point: 8106, cells: 42 });
    const dex = queryDataset(adhd.data, { region: 'Riket', sex: 'all', period: '2020', where: { 'Läkemedel': 'N06BA02 Dexamfetamin' } });
    expect(dex.point).not.toBe(dex.sum!.point);
    expect(adhd.preview.totals).toEqual(expect.arrayContaining([
      { dimension: 'region', value: 'national', cells: expect.any(Number) },
      { dimension: 'sex', value: 'all', cells: expect.any(Number) },
    ]));
  });

  it('population is 0 exactly where the count is 0, and the importer says those zeros are not populations', () => {
    const patients = adhd.data.measures.find((m) => m.name === 'Antal patienter')!.dataset;
    const population = adhd.data.measures.find((m) => m.name === 'Befolkning')!.dataset;
    let zeros = 0;
    for (let i = 0; i < patients.cellCount; i++) {
      expect(population.point[i] === 0).toBe(patients.point[i] === 0);
      if (patients.point[i] === 0) zeros++;
    }
    expect(zeros).toBe(1300);
    expect(adhd.preview.warnings.map((w) => w.code)).toContain('population-zero-with-zero-count');
  });

  it('expected counts from rate × population contain the published count in every row (±0.005 per 1000)', () => {
    const patients = adhd.data.measures.find((m) => m.name === 'Antal patienter')!.dataset;
    const expected = adhd.data.measures.find((m) => m.derivedFrom?.rate === 'patienter-1000-invanare')!.dataset;
    expect(expected.cellCount).toBe(patients.cellCount);
    const outside: number[] = [];
    for (let i = 0; i < patients.cellCount; i++) {
      if (!(expected.low[i]! <= patients.point[i]! && patients.point[i]! <= expected.high[i]!)) outside.push(i);
    }
    expect(outside).toEqual([]);
    expect(expected.low[0]).toBeCloseTo(4.735 * 1239.976, 6);
    expect(expected.high[0]).toBeCloseTo(4.745 * 1239.976, 6);
  });

  it('refuses to sum a rate, and says why', () => {
    expect(() => queryDataset(adhd.data, { measure: 'Patienter/1000 invånare', period: '2020', where: { 'Läkemedel': 'C02AC02 Guanfacin' }, sex: 'male' }))
      .not.toThrow();
    expect(() => queryDataset(adhd.data, { measure: 'Patienter/1000 invånare', region: 'national', sex: 'all' }))
      .toThrow(/rate per 1000: rates of different groups cannot be added/);
  });

  it('reads SCB PxWeb files as Windows-1252 with the title kept as a note and the year header as the period', () => {
    expect(byAge.preview.encoding?.name).toBe('windows-1252');
    expect(byAge.preview.dialect?.delimiter).toBe(',');
    expect(byAge.preview.notes).toEqual([{ line: 1, kind: 'title', text: 'Population by region, age and year' }]);
    expect(byAge.preview.table.headerLines).toEqual([3]);
    const ds = byAge.data.measures[0]!;
    expect(ds.spec.kind).toBe('population');
    expect(ds.dataset.dimensions.map((d) => [d.key, d.values.length])).toEqual([['region', 21], ['age', 101], ['period', 1]]);
    expect(ds.dataset.dimensions[1]!.values.slice(-1)).toEqual(['100+']);
    expect(byAge.data.provenance.periodFrom).toBe('2019');
    expect(totals.preview.columns.map((c) => c.mapping.kind === 'measure' ? c.mapping.spec.kind : c.mapping.kind)).toEqual(['dimension', 'rate', 'population', 'other']);
    expect(totals.data.measures[0]!.dataset.dimensions[0]!.values).toContain('04');
  });

  it('records provenance: name, size, SHA-256, encoding, delimiter, layout, mapping', () => {
    const p = byAge.data.provenance;
    expect(p).toMatchObject({ fileName: BY_AGE, fileSize: 82624, encoding: 'windows-1252', delimiter: ',', format: 'csv', synthetic: false });
    expect(p.sha256).toBe(createHash('sha256').update(readFileSync(path.join(REAL, BY_AGE))).digest('hex'));
    expect(p.mapping.columns).toHaveLength(3);
    expect(p.notes.join('\n')).toContain('Population by region, age and year');
    expect(byAge.preview.sourceSignature).toMatch(/^[0-9a-f]{64}$/);
  });
});
