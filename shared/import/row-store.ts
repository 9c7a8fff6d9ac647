/**
 * The rows kept so far: each dimension's value index per row in a Uint32 column, the row's line, and which
 * earlier row has the same values (its group, for finding duplicates). Lines are not stored while rows
 * follow each other line by line (line = row + offset); the first gap (a blank line, a note, an excluded or
 * multi-line record) starts a line column.
 */
import { RowGroups } from './tuple-index';

export class RowStore {
  /** Per dimension, each stored row's value index (longer than `count`: the spare capacity is not yet used). */
  columns: Uint32Array[];
  count = 0;
  capacity: number;
  private rowLine: Int32Array | null = null;
  private lineOffset = 0;
  private readonly groups: RowGroups;

  constructor(dimensions: number, capacity: number) {
    this.capacity = Math.max(16, capacity);
    this.columns = Array.from({ length: dimensions }, () => new Uint32Array(this.capacity));
    this.groups = new RowGroups(this.columns, this.capacity);
  }

  /** Index of the next row; its values are written to `columns` at this index before {@link keep}. */
  next(): number {
    if (this.count === this.capacity) this.grow();
    return this.count;
  }

  /** Keep the row written at `next()`, read from `line`; its group (the first row with the same values). */
  keep(line: number): number {
    const row = this.count;
    if (this.rowLine) this.rowLine[row] = line;
    else if (row === 0) this.lineOffset = line;
    else if (line !== row + this.lineOffset) this.storeLines(row, line);
    this.count = row + 1;
    return this.groups.groupOf(row);
  }

  lineOf(row: number): number {
    return this.rowLine ? this.rowLine[row]! : row + this.lineOffset;
  }

  private storeLines(row: number, line: number): void {
    const lines = new Int32Array(this.capacity);
    for (let r = 0; r < row; r++) lines[r] = r + this.lineOffset;
    lines[row] = line;
    this.rowLine = lines;
  }

  private grow(): void {
    const capacity = Math.max(16, this.capacity * 2);
    this.columns = this.columns.map((c) => {
      const next = new Uint32Array(capacity);
      next.set(c);
      return next;
    });
    if (this.rowLine) {
      const lines = new Int32Array(capacity);
      lines.set(this.rowLine);
      this.rowLine = lines;
    }
    this.capacity = capacity;
    this.groups.setColumns(this.columns);
  }
}
