/**
 * A file with two measures (a count and a rate, one cell of each per row) becomes two datasets over the same
 * rows: they share their dimension columns instead of holding them twice (20 MB of a 1 000 000-row file, at
 * the moment the import's memory peaks). Sharing must not change what either dataset says, and both must
 * survive being moved to another thread together, as the import worker moves them (each buffer once).
 */
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../shared/import/import-file';

const REGIONS = ['Stockholm', 'Uppsala', 'Skåne'];
const SEXES = ['Män', 'Kvinnor'];
const YEARS = ['2021', '2022', '2023'];
const CODES = Array.from({ length: 200 }, (_, i) => `C${String(i % 100).padStart(2, '0')}.${Math.floor(i / 100)}`);

/** 3 600 rows (past the 2 000 the layout is detected on): count = row number mod 97, rate = count / 4 with a decimal comma. */
function twoMeasureFile(): { text: string; rows: string[][] } {
  const rows: string[][] = [];
  for (const region of REGIONS)
    for (const sex of SEXES)
      for (const year of YEARS)
        for (const code of CODES) {
          const count = rows.length % 97;
          rows.push([region, code, sex, year, String(count), (count / 4).toFixed(2).replace('.', ',')]);
        }
  const text = ['Region;Diagnos;Kön;År;Antal patienter;Patienter/100 000 invånare', ...rows.map((r) => r.join(';'))].join('\r\n') + '\r\n';
  return { text, rows };
}

describe('datasets of one file share their dimension columns', () => {
  it('two measures over the same rows: the same column arrays, each dataset its own numbers', async () => {
    const { text, rows } = twoMeasureFile();
    const result = await importFile({ name: 'two-measures.csv', bytes: new TextEncoder().encode(text) }, undefined, { publisher: 'test' });
    expect(result.measures).toHaveLength(2);
    const [count, rate] = result.measures.map((m) => m.dataset) as [typeof result.measures[0]['dataset'], typeof result.measures[0]['dataset']];
    expect(count.cellCount).toBe(3600);
    expect(rate.cellCount).toBe(3600);
    count.columns.forEach((column, d) => expect(rate.columns[d]).toBe(column));

    // Moved as the import worker moves them: one message, every distinct buffer transferred once.
    const buffers = [...new Set(result.measures.flatMap(({ dataset: d }) => [...d.columns.map((c) => c.buffer), d.low.buffer, d.point.buffer, d.high.buffer, d.masked.buffer]))];
    const moved = structuredClone(result.measures, { transfer: buffers as ArrayBuffer[] });
    expect(count.columns[0]!.length).toBe(0); // moved away: detached here
    const [movedCount, movedRate] = moved.map((m) => m.dataset);
    // Row 1234 (0-based): 1 200 rows per region, so the second region (Uppsala); 34 rows into it: Män, 2021,
    // the 35th code (C34.0). Count 1234 − 12 × 97 = 70, rate 70 / 4 = 17,50.
    const row = 1234;
    const expected = rows[row]!;
    expect(expected.slice(0, 4)).toEqual(['Uppsala', 'C34.0', 'Män', '2021']);
    for (const dataset of [movedCount!, movedRate!]) {
      const labels = dataset.dimensions.map((dim, d) => dim.values[dataset.columns[d]![row]!]);
      // As datasets name them: Uppsala's county code 03, the code without its dot, the sex in English.
      expect(labels).toEqual(['03', 'C340', 'male', '2021']);
    }
    expect(movedCount!.point[row]).toBe(70);
    expect(movedRate!.point[row]).toBe(17.5);
  });
});
