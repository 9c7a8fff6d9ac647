/**
 * SHA-256 of a dataset's content (metadata that changes the numbers + every column), for datasets that
 * have no source file to hash (generated demo data, derived datasets). Columns are fed as little-endian
 * bytes in a fixed order, so the digest is the same on every platform.
 */
import type { Dataset } from './dataset';
import { createSha256 } from '../utils/sha256';
import { stableStringify } from '../utils/stable-json';

/** Whether typed arrays are stored little-endian here (every platform the app runs on; checked, not assumed). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

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
  // On a little-endian machine a column's own bytes are the bytes to hash: fed as they are, without copying them
  // one value at a time (the demo dataset is hashed at the first start, before the first answer shows).
  const raw = (array: Uint32Array | Float64Array | Uint8Array): boolean => {
    if (!LITTLE_ENDIAN || array.length < n) return false;
    hasher.update(new Uint8Array(array.buffer, array.byteOffset, n * array.BYTES_PER_ELEMENT));
    return true;
  };
  for (const column of dataset.columns) if (!raw(column)) feed(n, 4, (i) => column[i]!);
  if (!raw(dataset.low)) feed(n, 8, (i) => dataset.low[i]!);
  if (!raw(dataset.point)) feed(n, 8, (i) => dataset.point[i]!);
  if (!raw(dataset.high)) feed(n, 8, (i) => dataset.high[i]!);
  if (!raw(dataset.masked)) feed(n, 1, (i) => dataset.masked[i]!);
  return hasher.digestHex();
}
