/**
 * SHA-256 of a dataset's content (metadata that changes the numbers + every column), for datasets that
 * have no source file to hash (generated demo data, derived datasets). Columns are fed as little-endian
 * bytes in a fixed order, so the digest is the same on every platform.
 */
import type { Dataset } from './dataset';
import { createSha256 } from '../utils/sha256';
import { stableStringify } from '../utils/stable-json';

export function datasetContentHash(dataset: Dataset): string {
  const hasher = createSha256();
  hasher.update(stableStringify({ basis: dataset.basis, dimensions: dataset.dimensions, cellCount: dataset.cellCount }));
  const chunkCells = 4096;
  const scratch = new DataView(new ArrayBuffer(chunkCells * 8));
  const bytes = new Uint8Array(scratch.buffer);
  const feed = (length: number, width: 1 | 4 | 8, read: (i: number) => number): void => {
    for (let start = 0; start < length; start += chunkCells) {
      const end = Math.min(length, start + chunkCells);
      for (let i = start; i < end; i++) {
        const at = (i - start) * width;
        if (width === 8) scratch.setFloat64(at, read(i), true);
        else if (width === 4) scratch.setUint32(at, read(i), true);
        else scratch.setUint8(at, read(i));
      }
      hasher.update(bytes.subarray(0, (end - start) * width));
    }
  };
  const n = dataset.cellCount;
  for (const column of dataset.columns) feed(n, 4, (i) => column[i]!);
  feed(n, 8, (i) => dataset.low[i]!);
  feed(n, 8, (i) => dataset.point[i]!);
  feed(n, 8, (i) => dataset.high[i]!);
  feed(n, 1, (i) => dataset.masked[i]!);
  return hasher.digestHex();
}
