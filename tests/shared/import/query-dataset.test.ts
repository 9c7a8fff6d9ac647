import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../shared/import/build-dataset';
import { queryDataset, QueryError } from '../../../shared/import/query-dataset';
import { analyseText } from './helpers';

const CANCER = [
  'Region;Diagnos;Kön;Ålder;Antal patienter',
  'Riket;C18;Båda könen;Totalt;1000',
  'Skåne;C18;Män;0-64;10', 'Skåne;C18;Män;65+;30', 'Skåne;C18;Kvinnor;0-64;X', 'Skåne;C18;Kvinnor;65+;25',
  'Skåne;C18;Båda könen;Totalt;68',
  'Kalmar;C18;Män;0-64;4', 'Kalmar;C18;Män;65+;9', 'Kalmar;C18;Kvinnor;0-64;1', 'Kalmar;C18;Kvinnor;65+;8',
  'Skåne;C20;Män;0-64;5', 'Skåne;C20;Kvinnor;0-64;3',
].join('\n');

async function cancer() {
  const p = await analyseText(CANCER);
  expect(p.errors).toEqual([]);
  return buildDataset(p, p.mapping, { publisher: 'test', basis: { kind: 'incident' } });
}

describe('queryDataset', () => {
  it('prefers a published total that matches exactly, and reports the sum beside it', async () => {
    const d = await cancer();
    const q = queryDataset(d, { region: 'Skåne', code: 'C18' });
    expect(q).toMatchObject({ low: 68, point: 68, high: 68, source: 'published-total', cells: 1, masked: 0 });
    expect(q.sum).toEqual({ low: 66, point: 67, high: 68, cells: 4, masked: 1 });
  });

  it('sums the finest cells when no published total matches, carrying masked intervals', async () => {
    const d = await cancer();
    expect(queryDataset(d, { region: 'Skåne', sex: 'female', code: 'C18' })).toMatchObject({ low: 26, point: 27, high: 28, source: 'sum', cells: 2, masked: 1 });
    expect(queryDataset(d, { region: 'SE-H', age: '65+' })).toMatchObject({ point: 17, cells: 2 });
    expect(queryDataset(d, { code: 'C18-C20', region: 'Skåne', age: '0-64' })).toMatchObject({ low: 19, point: 20, high: 21, cells: 4 });
  });

  it('national without a matching national cell is the sum of the counties', async () => {
    const d = await cancer();
    expect(queryDataset(d, { code: 'C20' })).toMatchObject({ point: 8, source: 'sum' });
    expect(queryDataset(d, { code: 'C18' })).toMatchObject({ point: 1000, source: 'published-total' });
  });

  it('warns about age bands that straddle the filter instead of counting them', async () => {
    const d = await cancer();
    expect(() => queryDataset(d, { region: 'Kalmar', age: '70+' })).toThrow(/no cells match.*65\+ lie partly inside 70\+/);
    const q = queryDataset(d, { region: 'Kalmar', age: '0-70' });
    expect(q).toMatchObject({ point: 5, cells: 2 });
    expect(q.warnings.join(' ')).toMatch(/65\+ lie partly inside 0-70/);
  });

  it('errors say why: unknown measure, missing dimension, bad filter, rate sums', async () => {
    const d = await cancer();
    const fail = (f: Parameters<typeof queryDataset>[1]) => {
      try {
        queryDataset(d, f);
      } catch (error) {
        return (error as QueryError).code;
      }
      return 'no error';
    };
    expect(fail({ measure: 'Expedieringar' })).toBe('unknown-measure');
    expect(fail({ period: '2020' })).toBe('no-such-dimension');
    expect(fail({ where: { stadium: 'IV' } })).toBe('no-such-dimension');
    expect(fail({ region: 'Atlantis' })).toBe('invalid-filter');
    expect(fail({ code: 'hello' })).toBe('invalid-filter');
    const rates = await analyseText('Region;Patienter per 100 000 invånare\nSkåne;12,5\nKalmar;8,1\n');
    const r = buildDataset(rates, rates.mapping, { publisher: 't' });
    expect(queryDataset(r, { region: 'Kalmar' })).toMatchObject({ point: 8.1, source: 'published-total' });
    expect(() => queryDataset(r, {})).toThrow(expect.objectContaining({ code: 'rate-not-summable', message: expect.stringMatching(/rate per 100000.*cannot be added/) }));
  });

  it('refuses to add a population over years, and warns when persons are added over years', async () => {
    const p = await analyseText('År;Region;Antal patienter;Befolkning\n2019;Skåne;5;1000\n2020;Skåne;6;1010\n');
    const d = buildDataset(p, p.mapping, { publisher: 't' });
    expect(() => queryDataset(d, { measure: 'Befolkning' })).toThrow(expect.objectContaining({ code: 'not-additive' }));
    expect(queryDataset(d, { measure: 'Befolkning', period: '2020' }).point).toBe(1010);
    expect(queryDataset(d, {}).warnings.join(' ')).toMatch(/counted more than once/);
    expect(d.provenance).toMatchObject({ periodFrom: '2019', periodTo: '2020' });
  });
});
