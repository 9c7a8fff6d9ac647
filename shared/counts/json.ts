/**
 * A Dataset as plain JSON (typed arrays as number arrays) for the CLI and JSON files, and back with
 * validation: a JSON dataset comes from outside, so every index and count is checked before use.
 */
import type { Dataset, Dimension, Basis, Provenance } from './dataset';

export interface DatasetJSON {
  id: string;
  name: string;
  basis: Basis;
  provenance: Provenance;
  dimensions: Dimension[];
  overlappingDimensions?: string[];
  cellCount: number;
  columns: number[][];
  low: number[];
  point: number[];
  high: number[];
  masked: number[];
}

export class InvalidDatasetJSONError extends Error {
  constructor(readonly detail: string) {
    super(`Invalid dataset JSON: ${detail}`);
    this.name = 'InvalidDatasetJSONError';
  }
}

export function datasetToJSON(dataset: Dataset): DatasetJSON {
  return {
    id: dataset.id,
    name: dataset.name,
    basis: dataset.basis,
    provenance: dataset.provenance,
    dimensions: dataset.dimensions,
    ...(dataset.overlappingDimensions ? { overlappingDimensions: dataset.overlappingDimensions } : {}),
    cellCount: dataset.cellCount,
    columns: dataset.columns.map((c) => Array.from(c)),
    low: Array.from(dataset.low),
    point: Array.from(dataset.point),
    high: Array.from(dataset.high),
    masked: Array.from(dataset.masked),
  };
}

export function datasetFromJSON(json: DatasetJSON): Dataset {
  const n = json.cellCount;
  if (!Number.isInteger(n) || n < 0) throw new InvalidDatasetJSONError(`cellCount ${n} is not a non-negative integer`);
  if (json.columns.length !== json.dimensions.length) {
    throw new InvalidDatasetJSONError(`${json.dimensions.length} dimensions but ${json.columns.length} columns`);
  }
  for (const [name, array] of [['low', json.low], ['point', json.point], ['high', json.high], ['masked', json.masked]] as const) {
    if (array.length !== n) throw new InvalidDatasetJSONError(`column "${name}" has ${array.length} values, cellCount is ${n}`);
  }
  const columns = json.columns.map((column, d) => {
    const dimension = json.dimensions[d]!;
    if (column.length !== n) throw new InvalidDatasetJSONError(`column "${dimension.key}" has ${column.length} values, cellCount is ${n}`);
    const size = dimension.values.length;
    column.forEach((index, row) => {
      if (!Number.isInteger(index) || index < 0 || index >= size) {
        throw new InvalidDatasetJSONError(`cell ${row}: "${dimension.key}" index ${index} outside 0..${size - 1}`);
      }
    });
    return Uint32Array.from(column);
  });
  if (json.overlappingDimensions !== undefined) {
    const keys = new Set(json.dimensions.map((d) => d.key));
    if (!Array.isArray(json.overlappingDimensions)) throw new InvalidDatasetJSONError('overlappingDimensions must be a list of dimension keys');
    for (const key of json.overlappingDimensions) {
      if (typeof key !== 'string' || !keys.has(key)) throw new InvalidDatasetJSONError(`overlappingDimensions names "${String(key)}", which is not a dimension of the dataset`);
    }
  }
  for (let i = 0; i < n; i++) {
    const low = json.low[i]!;
    const point = json.point[i]!;
    const high = json.high[i]!;
    if (!(low >= 0 && low <= point && point <= high && Number.isFinite(high))) {
      throw new InvalidDatasetJSONError(`cell ${i}: count must satisfy 0 ≤ low ≤ point ≤ high (got ${low}, ${point}, ${high})`);
    }
    const masked = json.masked[i];
    if (masked !== 0 && masked !== 1) throw new InvalidDatasetJSONError(`cell ${i}: masked must be 0 or 1 (got ${masked})`);
  }
  return {
    id: json.id,
    name: json.name,
    basis: json.basis,
    provenance: json.provenance,
    dimensions: json.dimensions,
    ...(json.overlappingDimensions ? { overlappingDimensions: [...json.overlappingDimensions] } : {}),
    cellCount: n,
    columns,
    low: Float64Array.from(json.low),
    point: Float64Array.from(json.point),
    high: Float64Array.from(json.high),
    masked: Uint8Array.from(json.masked),
  };
}
