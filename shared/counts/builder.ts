/**
 * Builds a columnar {@link Dataset} from rows: each row's dimension values are dictionary-encoded into
 * Uint32Array index columns, counts go to Float64Array columns. Arrays grow by doubling, so adding a
 * million rows costs a few dozen reallocations, not a million.
 */
import type { Dataset, DatasetHeader, DimensionRole } from './dataset';

export interface DimensionSpec {
  key: string;
  role: DimensionRole;
  /** The column's header as the file wrote it (see Dimension.label). */
  label?: string;
}

export interface CellCount {
  low: number;
  point: number;
  high: number;
  masked: boolean;
}

/** What a builder is given: the dataset's header before its cells, with dimensions not yet holding their values. */
export type DatasetSpec = Omit<DatasetHeader, 'dimensions' | 'cellCount'> & { dimensions: DimensionSpec[] };

export class InvalidCellError extends Error {
  constructor(readonly row: number, readonly reason: string) {
    super(`Cell ${row}: ${reason}`);
    this.name = 'InvalidCellError';
  }
}

export class DatasetBuilder {
  private readonly dictionaries: Map<string, number>[];
  private readonly values: string[][];
  private columns: Uint32Array[];
  private low: Float64Array;
  private point: Float64Array;
  private high: Float64Array;
  private masked: Uint8Array;
  private count = 0;

  constructor(private readonly header: DatasetSpec, initialCapacity = 1024) {
    const keys = new Set<string>();
    for (const d of header.dimensions) {
      if (keys.has(d.key)) throw new Error(`Dataset "${header.id}": dimension key "${d.key}" appears twice`);
      keys.add(d.key);
    }
    const capacity = Math.max(1, initialCapacity);
    this.dictionaries = header.dimensions.map(() => new Map());
    this.values = header.dimensions.map(() => []);
    this.columns = header.dimensions.map(() => new Uint32Array(capacity));
    this.low = new Float64Array(capacity);
    this.point = new Float64Array(capacity);
    this.high = new Float64Array(capacity);
    this.masked = new Uint8Array(capacity);
  }

  get cellCount(): number {
    return this.count;
  }

  /** Add one cell; `values` in the order of the header's dimensions, already normalised. */
  add(values: readonly string[], cell: CellCount): void {
    const row = this.count;
    if (values.length !== this.dictionaries.length) {
      throw new InvalidCellError(row, `expected ${this.dictionaries.length} dimension values, got ${values.length}`);
    }
    const { low, point, high } = cell;
    if (!(Number.isFinite(low) && Number.isFinite(point) && Number.isFinite(high))) {
      throw new InvalidCellError(row, `count is not a finite number (${low}, ${point}, ${high})`);
    }
    if (!(low >= 0 && low <= point && point <= high)) {
      throw new InvalidCellError(row, `count must satisfy 0 ≤ low ≤ point ≤ high (got ${low}, ${point}, ${high})`);
    }
    if (row === this.low.length) this.grow();
    for (let d = 0; d < values.length; d++) {
      const value = values[d]!;
      const dictionary = this.dictionaries[d]!;
      let index = dictionary.get(value);
      if (index === undefined) {
        index = this.values[d]!.length;
        dictionary.set(value, index);
        this.values[d]!.push(value);
      }
      this.columns[d]![row] = index;
    }
    this.low[row] = low;
    this.point[row] = point;
    this.high[row] = high;
    this.masked[row] = cell.masked ? 1 : 0;
    this.count++;
  }

  private grow(): void {
    const capacity = this.low.length * 2;
    const resize = <T extends Uint32Array | Float64Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(array);
      return next;
    };
    this.columns = this.columns.map((c) => resize(c, (n) => new Uint32Array(n)));
    this.low = resize(this.low, (n) => new Float64Array(n));
    this.point = resize(this.point, (n) => new Float64Array(n));
    this.high = resize(this.high, (n) => new Float64Array(n));
    this.masked = resize(this.masked, (n) => new Uint8Array(n));
  }

  /** The finished dataset. Arrays are trimmed copies, so the builder may be discarded or reused safely. */
  build(): Dataset {
    const n = this.count;
    return {
      id: this.header.id,
      name: this.header.name,
      basis: { ...this.header.basis },
      provenance: this.header.provenance,
      dimensions: this.header.dimensions.map((d, i) => ({ key: d.key, role: d.role, ...(d.label !== undefined ? { label: d.label } : {}), values: [...this.values[i]!] })),
      ...(this.header.overlappingDimensions ? { overlappingDimensions: [...this.header.overlappingDimensions] } : {}),
      cellCount: n,
      columns: this.columns.map((c) => c.slice(0, n)),
      low: this.low.slice(0, n),
      point: this.point.slice(0, n),
      high: this.high.slice(0, n),
      masked: this.masked.slice(0, n),
    };
  }
}
