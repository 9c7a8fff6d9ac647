import { describe, expect, it } from 'vitest';
import { DatasetBuilder, InvalidCellError } from '../../../shared/counts/builder';
import { datasetContentHash } from '../../../shared/counts/content-hash';
import { buildDataset, exact, maskedX, type Row } from '../helpers';
import { testProvenance } from '../study-builders';

const header = {
  id: 'b',
  name: 'builder test',
  basis: { unit: 'persons' as const, kind: 'incident' as const, regionBasis: 'residence' as const },
  provenance: testProvenance({ publisher: 't', sha256: 'x', periodFrom: '2021', periodTo: '2021' }),
  dimensions: [
    { key: 'region', role: 'region' as const },
    { key: 'sex', role: 'sex' as const },
  ],
};

describe('DatasetBuilder', () => {
  it('dictionary-encodes dimension values in order of first appearance', () => {
    const builder = new DatasetBuilder(header, 1);
    builder.add(['01', 'male'], exact(5));
    builder.add(['03', 'female'], maskedX);
    builder.add(['01', 'female'], exact(0));
    const dataset = builder.build();
    expect(dataset.cellCount).toBe(3);
    expect(dataset.dimensions.map((d) => d.values)).toEqual([['01', '03'], ['male', 'female']]);
    expect(Array.from(dataset.columns[0]!)).toEqual([0, 1, 0]);
    expect(Array.from(dataset.columns[1]!)).toEqual([0, 1, 1]);
    expect(Array.from(dataset.low)).toEqual([5, 1, 0]);
    expect(Array.from(dataset.point)).toEqual([5, 2, 0]);
    expect(Array.from(dataset.high)).toEqual([5, 3, 0]);
    expect(Array.from(dataset.masked)).toEqual([0, 1, 0]);
    expect(dataset.columns[0]).toBeInstanceOf(Uint32Array);
    expect(dataset.low).toBeInstanceOf(Float64Array);
  });

  it('grows past its initial capacity without losing cells', () => {
    const builder = new DatasetBuilder(header, 2);
    for (let i = 0; i < 1000; i++) builder.add([i % 2 ? '01' : '03', 'male'], exact(i));
    const dataset = builder.build();
    expect(dataset.cellCount).toBe(1000);
    expect(dataset.point[999]).toBe(999);
    expect(dataset.low.length).toBe(1000);
  });

  it('refuses impossible counts and rows of the wrong width, naming the cell', () => {
    const builder = new DatasetBuilder(header);
    expect(() => builder.add(['01'], exact(1))).toThrow(InvalidCellError);
    expect(() => builder.add(['01', 'male'], { low: 3, point: 2, high: 4, masked: false })).toThrow(/Cell 0/);
    expect(() => builder.add(['01', 'male'], exact(Number.NaN))).toThrow(InvalidCellError);
    expect(() => builder.add(['01', 'male'], exact(-1))).toThrow(InvalidCellError);
    expect(builder.cellCount).toBe(0);
  });

  it('refuses duplicate dimension keys', () => {
    expect(() => new DatasetBuilder({ ...header, dimensions: [header.dimensions[0]!, header.dimensions[0]!] })).toThrow(/twice/);
  });
});

describe('datasetContentHash', () => {
  it('changes when any count or value changes, not when provenance does', () => {
    const rows: Row[] = [['2021', '01', 'C18', 'male', '0-4', exact(1)], ['2021', '12', 'C20', 'female', '85+', exact(2)]];
    const base = datasetContentHash(buildDataset(rows));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(datasetContentHash(buildDataset(rows, { id: 'other' }))).toBe(base);
    expect(datasetContentHash(buildDataset([rows[0]!, ['2021', '12', 'C20', 'female', '85+', exact(3)]]))).not.toBe(base);
    expect(datasetContentHash(buildDataset([rows[0]!, ['2021', '12', 'C20', 'male', '85+', exact(2)]]))).not.toBe(base);
  });
});
