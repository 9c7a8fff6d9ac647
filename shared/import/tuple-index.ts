/**
 * Which earlier entry has the same values in every one of a set of Uint32 columns: an open-addressing hash
 * over the columns themselves, with no key strings and no object per entry. Used to find duplicate rows
 * (a million rows cost a few megabytes and tens of milliseconds, where joined string keys cost hundreds of
 * megabytes and seconds) and to join one measure's cells to another's.
 */
export class TupleIndex {
  /** Pairs [hash, entry + 1] side by side: a probe reads one cache line and compares values only when the hashes agree. */
  private table: Int32Array;
  private mask: number;
  private size = 0;

  /** `columns` may be replaced (when its owner grows them); entries are read from it on every probe. */
  constructor(public columns: Uint32Array[], expectedEntries = 16) {
    let capacity = 16;
    while (capacity < expectedEntries * 2) capacity *= 2;
    this.table = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /**
   * Entry `entry` (already written to the columns): the first earlier entry with the same values, or
   * `entry` itself, which is then remembered.
   */
  findOrInsert(entry: number): number {
    const columns = this.columns;
    const n = columns.length;
    let h = 0x811c9dc5;
    for (let d = 0; d < n; d++) h = Math.imul(h ^ columns[d]![entry]!, 0x01000193);
    h = mix(h);
    const table = this.table;
    let slot = h & this.mask;
    for (;;) {
      const stored = table[2 * slot + 1]!;
      if (stored === 0) break;
      if (table[2 * slot] === h) {
        const other = stored - 1;
        let same = true;
        for (let d = 0; d < n; d++) {
          const column = columns[d]!;
          if (column[other] !== column[entry]) {
            same = false;
            break;
          }
        }
        if (same) return other;
      }
      slot = (slot + 1) & this.mask;
    }
    table[2 * slot] = h;
    table[2 * slot + 1] = entry + 1;
    if (++this.size * 2 > this.mask + 1) this.grow();
    return entry;
  }

  /** An entry whose values equal `tuple`, or -1. */
  find(tuple: ArrayLike<number>): number {
    const columns = this.columns;
    const n = columns.length;
    let h = 0x811c9dc5;
    for (let d = 0; d < n; d++) h = Math.imul(h ^ tuple[d]!, 0x01000193);
    h = mix(h);
    const table = this.table;
    let slot = h & this.mask;
    for (;;) {
      const stored = table[2 * slot + 1]!;
      if (stored === 0) return -1;
      if (table[2 * slot] === h) {
        const other = stored - 1;
        let same = true;
        for (let d = 0; d < n; d++) {
          if (columns[d]![other] !== tuple[d]) {
            same = false;
            break;
          }
        }
        if (same) return other;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    const capacity = (this.mask + 1) * 2;
    const table = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    for (let i = 0; i < old.length; i += 2) {
      const stored = old[i + 1]!;
      if (stored === 0) continue;
      const h = old[i]!;
      let slot = h & this.mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      table[2 * slot] = h;
      table[2 * slot + 1] = stored;
    }
    this.table = table;
  }
}

/** The murmur3 finaliser: spreads the bits so that linear probing meets few collisions. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A dense bitset over packed keys stays at most this many bits (2^26 bits = 8 MiB). */
const MAX_KEY_BITS = 26;

const bitsFor = (v: number): number => Math.max(1, 32 - Math.clz32(v));

/**
 * Which earlier row has the same dimension values as a new one (its group), for finding duplicate rows.
 * Nearly every file has none, so rows are first recorded in a bitset over packed keys (each dimension's
 * index in a few bits, side by side): one bit per possible key, a megabyte for a million rows, and no
 * comparison of values. The first repeated key (or dictionaries too large to pack) hands over to a
 * {@link TupleIndex} over every row so far, which then says which row is repeated.
 */
export class RowGroups {
  private widths: number[];
  private shifts: number[] = [];
  private limits: number[] = [];
  private bits: Uint32Array | null = null;
  private index: TupleIndex | null = null;

  constructor(private columns: Uint32Array[], private readonly expectedRows: number) {
    this.widths = columns.map(() => 2);
    this.layout();
  }

  /** The owner grew its columns: read from the new ones. */
  setColumns(columns: Uint32Array[]): void {
    this.columns = columns;
    if (this.index) this.index.columns = columns;
  }

  /** Row `row` (already written to the columns): the first earlier row with the same values, or `row`. */
  groupOf(row: number): number {
    if (this.index) return this.index.findOrInsert(row);
    const columns = this.columns;
    let key = 0;
    for (let d = 0; d < columns.length; d++) {
      const v = columns[d]![row]!;
      if (v >= this.limits[d]!) {
        // A value beyond its column's bits: make room for every value of the row at once, then pack again.
        if (!this.widen(row)) return this.index!.findOrInsert(row);
        key = 0;
        for (let k = 0; k < columns.length; k++) key |= columns[k]![row]! << this.shifts[k]!;
        break;
      }
      key |= v << this.shifts[d]!;
    }
    const bits = this.bits!;
    const word = key >>> 5;
    const bit = 1 << (key & 31);
    if ((bits[word]! & bit) !== 0) {
      this.useIndex(row);
      return this.index!.findOrInsert(row);
    }
    bits[word] = bits[word]! | bit;
    return row;
  }

  private layout(): boolean {
    const total = this.widths.reduce((a, b) => a + b, 0);
    if (total > MAX_KEY_BITS) return false;
    let shift = 0;
    this.shifts = this.widths.map((w) => {
      const at = shift;
      shift += w;
      return at;
    });
    this.limits = this.widths.map((w) => 2 ** w);
    this.bits = new Uint32Array(Math.max(1, 2 ** Math.max(0, total - 5)));
    return true;
  }

  /**
   * Make room for every value of row `row` (a bit of headroom for a column that outgrew its width) and
   * re-record rows 0..row-1; false, with the full index in charge, when keys no longer fit.
   */
  private widen(row: number): boolean {
    const columns = this.columns;
    this.widths = this.widths.map((w, d) => {
      const v = columns[d]![row]!;
      return v >= this.limits[d]! ? Math.max(w, bitsFor(v) + 1) : w;
    });
    if (!this.layout()) {
      // No headroom then: exactly the bits the values so far need, this row's included.
      this.widths = columns.map((column) => {
        let max = 0;
        for (let i = 0; i <= row; i++) if (column[i]! > max) max = column[i]!;
        return bitsFor(max);
      });
      if (!this.layout()) {
        this.useIndex(row);
        return false;
      }
    }
    const bits = this.bits!;
    for (let i = 0; i < row; i++) {
      let key = 0;
      for (let k = 0; k < columns.length; k++) key |= columns[k]![i]! << this.shifts[k]!;
      bits[key >>> 5] = bits[key >>> 5]! | (1 << (key & 31));
    }
    return true;
  }

  /** From now on a full index answers; rows 0..row-1 (all distinct so far) go into it. */
  private useIndex(row: number): void {
    this.index = new TupleIndex(this.columns, Math.max(this.expectedRows, row + 1));
    for (let i = 0; i < row; i++) this.index.findOrInsert(i);
    this.bits = null;
  }
}
