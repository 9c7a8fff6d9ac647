/**
 * Shape 5: rates whose kind only a title line names ("Vårdtillfällen/100 000 inv", "per 100 000 invånare"),
 * in columns called by their diagnosis. Such a column is a rate, and a question that would add rates is
 * refused for that reason (not for its decimals). Figures from replicas.ts.
 */
import { describe, expect, it } from 'vitest';
import { queryDataset } from '../../../shared/import/query-dataset';
import { rateTitleSheet } from './replicas';
import { toXlsx } from './sheet';
import { essence, importBoth, type Imported } from './shape-helpers';
import { unzipSync, strFromU8 } from 'fflate';

describe('shape 5: rates named in the title', async () => {
  const slash = await importBoth(rateTitleSheet('Vårdtillfällen/100 000 inv'));
  const per = await importBoth(rateTitleSheet('per 100 000 invånare'));
  const all: [string, Imported][] = [['CSV', slash.csv], ['XLSX', slash.xlsx], ['CSV, "per 100 000 invånare"', per.csv], ['XLSX, "per 100 000 invånare"', per.xlsx]];

  it.each(all)('%s: each diagnosis column is a rate per 100 000, with no decimal complaints', (_, { preview }) => {
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toEqual([]);
    for (const column of preview.columns.slice(3)) expect(column.mapping).toMatchObject({ kind: 'measure', spec: { kind: 'rate', ratePer: 100000 } });
    expect(preview.columns.slice(3).map((c) => (c.mapping.kind === 'measure' ? c.mapping.name : ''))).toEqual(['I21 Akut hjärtinfarkt', 'I63 Cerebral infarkt']);
  });

  it('"Vårdtillfällen/…" counts care episodes: the rate\'s datasets are events', () => {
    expect(slash.csv.data.measures.map((m) => m.dataset.basis.unit)).toEqual(['events', 'events']);
  });

  it.each(all)('%s: one published rate is answered; a sum of rates is refused as a sum of rates', (_, { data }) => {
    expect(queryDataset(data, { measure: 'I21 Akut hjärtinfarkt', region: 'Stockholm', sex: 'Män', period: '2019' })).toMatchObject({ point: 312.47, source: 'published-total' });
    expect(queryDataset(data, { measure: 'I63 Cerebral infarkt', region: 'Skåne', sex: 'Kvinnor', period: '2020' })).toMatchObject({ point: 196.51 });
    expect(() => queryDataset(data, { measure: 'I21 Akut hjärtinfarkt', region: 'Skåne' })).toThrow(expect.objectContaining({
      code: 'rate-not-summable',
      message: expect.stringMatching(/is a rate per 100000: rates of different groups cannot be added.*match 4 cells/),
    }));
  });

  it('the workbook stores 312.47 as Excel writes the double; the dataset is the same as the CSV\'s "312,47"', () => {
    const sheet = strFromU8(unzipSync(toXlsx([rateTitleSheet()]))['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<v>312.47000000000003</v>');
    expect(essence(slash.xlsx.data)).toEqual(essence(slash.csv.data));
    expect(essence(per.xlsx.data)).toEqual(essence(per.csv.data));
  });
});
