import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { datasetContentHash } from '../../../shared/counts/content-hash';
import type { Dataset } from '../../../shared/counts/dataset';
import { stableStringify } from '../../../shared/utils/stable-json';
import { buildDataset, exact, maskedX, type Row } from '../helpers';

/**
 * The documented layout, written out with Node's own SHA-256 and Buffer writes one value at a time: the header's
 * stable JSON, then every column as little-endian uint32, low/point/high as little-endian float64, masked as bytes,
 * each for exactly `cellCount` cells.
 */
function referenceHash(dataset: Dataset): string {
  const n = dataset.cellCount;
  const hash = createHash('sha256');
  hash.update(stableStringify({ basis: dataset.basis, dimensions: dataset.dimensions, cellCount: n }), 'utf8');
  for (const column of dataset.columns) {
    const buffer = Buffer.alloc(4 * n);
    for (let i = 0; i < n; i++) buffer.writeUInt32LE(column[i]!, 4 * i);
    hash.update(buffer);
  }
  for (const values of [dataset.low, dataset.point, dataset.high]) {
    const buffer = Buffer.alloc(8 * n);
    for (let i = 0; i < n; i++) buffer.writeDoubleLE(values[i]!, 8 * i);
    hash.update(buffer);
  }
  const masked = Buffer.alloc(n);
  for (let i = 0; i < n; i++) masked.writeUInt8(dataset.masked[i]!, i);
  hash.update(masked);
  return hash.digest('hex');
}

const rows: Row[] = [];
for (let i = 0; i < 5000; i++) {
  rows.push([String(2019 + (i % 5)), String(1 + (i % 21)).padStart(2, '0'), `C${18 + (i % 3)}`, i % 2 ? 'male' : 'female', `${(i * 7) % 90}-${((i * 7) % 90) + 4}`, i % 11 === 0 ? maskedX : exact((i * 37) % 1001)]);
}

describe('datasetContentHash', () => {
  it('is SHA-256 of the documented byte layout (checked against Node crypto, over several 4 096-cell chunks)', () => {
    const dataset = buildDataset(rows);
    expect(dataset.cellCount).toBe(5000);
    expect(datasetContentHash(dataset)).toBe(referenceHash(dataset));
  });

  it('hashes only the first cellCount values of columns that are views into larger buffers', () => {
    const dataset = buildDataset(rows);
    const n = dataset.cellCount;
    // Each column moved into the middle of a larger buffer, with different values around it.
    const inside = <T extends Uint32Array | Float64Array | Uint8Array>(array: T, make: (buffer: ArrayBuffer, offset: number, length: number) => T): T => {
      const width = array.BYTES_PER_ELEMENT;
      const buffer = new ArrayBuffer(width * (n + 24));
      new Uint8Array(buffer).fill(0xa5);
      const view = make(buffer, 8 * width, n + 8);
      view.set(array.subarray(0, n));
      return view;
    };
    const moved: Dataset = {
      ...dataset,
      columns: dataset.columns.map((c) => inside(c, (b, o, l) => new Uint32Array(b, o, l))),
      low: inside(dataset.low, (b, o, l) => new Float64Array(b, o, l)),
      point: inside(dataset.point, (b, o, l) => new Float64Array(b, o, l)),
      high: inside(dataset.high, (b, o, l) => new Float64Array(b, o, l)),
      masked: inside(dataset.masked, (b, o, l) => new Uint8Array(b, o, l)),
    };
    expect(datasetContentHash(moved)).toBe(referenceHash(dataset));
    expect(datasetContentHash(moved)).toBe(datasetContentHash(dataset));
  });
});
