/**
 * Secondary suppression as an optimisation: which further printed values to hide ("..") so that no hidden value
 * can be narrowed into a protected range by any reader, hiding as little as possible.
 *
 * The discloser knows the true table. A pattern (which values are hidden) is safe when, for every value a reader
 * cannot read off exactly — a small value, a hidden one, the loss at a criterion — and every protected range its
 * print overlaps, either
 *   - some whole-number assignment that agrees with everything printed takes it to each end of the range (shown by
 *     exhibiting the assignment: a witness, checked against every relation), or
 *   - no such assignment brings it into the range at all (shown by bound propagation or an exhaustive search).
 * Witnesses are searched from the true table outwards, so the true values are the first witness of all.
 *
 * The pattern is chosen greedily and then pruned: while a value is exposed, hide the cheapest printed value (or
 * the whole interval of a figure, low, point and high together, when that is cheaper) near it that ends the
 * exposure — cost 1 + its value, so few and small values are preferred — else the cheapest total near it; then
 * try to print again every hidden value, the most expensive first, keeping it printed when the table stays safe.
 * This is the greedy-and-prune scheme of hypercube-style cell suppression (τ-ARGUS, sdcTable), with the
 * certificate above in place of their linear-programming check, so integrality and every relation at once count.
 *
 * The exact auditor (shared/disclosure-audit) checks the result independently; it shares no code with this file.
 */

const INF = Number.POSITIVE_INFINITY;

/** What is known of a value under the current pattern (−1 in the status array: not known). */
type Verdict = 0 | 1 | 2;
const EXPOSED: Verdict = 0;
const COVERED: Verdict = 1;
const AVOIDED: Verdict = 2;

/**
 * Search nodes per witness. A search that runs out counts as "not shown" (the value is treated as exposed), which
 * only ever hides more; in practice witnesses are found within a handful of nodes.
 */
const NODE_BUDGET = 60;
/** Nodes per value of the part when a question is asked again. */
const LONG_NODE_BUDGET = 10;

/** Single values tried per exposure before pairs of the cheapest are; and how many of them pair up. */
const SINGLE_TRIALS = 24;
const PAIRED = 6;

/** How many of the most expensive hidden values the improvement step tries to print again. */
const IMPROVEMENT_ATTEMPTS = 4;

/** One linear relation Σ coef·value ∈ [low, high] over the table's values (whole numbers). */
export interface TableRow {
  terms: [number, number][];
  low: number;
  high: number;
}

/** What the optimiser knows of each value of the table. */
export interface TableValue {
  /** The true whole value. */
  value: number;
  /** What hiding it costs (1 + its value: few and small values are hidden first; more for values others use). */
  cost: number;
  /** What the print says when the value is printed as primary disclosure leaves it; null for unprinted values. */
  printed: { low: number; high: number } | null;
  /** Printed in a protected way already (small or banded below k): a reader must not narrow it. */
  protectedWhenPrinted: boolean;
  /** An unprinted quantity a reader must not narrow (the loss at a criterion). */
  protectedUnprinted: boolean;
  /** Its domain when unprinted or hidden (e.g. ≥ 0). */
  domain: { low: number; high: number };
  /** The figure it belongs to (for hiding an interval's three values together), or null. */
  figure: string | null;
  /** Whether it may be hidden. */
  hideable: boolean;
}

export interface SuppressionProblem {
  values: TableValue[];
  rows: TableRow[];
  /** The ranges no reader may narrow a hidden value into (e.g. 1–4). */
  ranges: { low: number; high: number }[];
}

export interface SuppressionResult {
  hidden: boolean[];
  /** Work done, for the benchmark. */
  checks: number;
}

type Bounds = { low: Float64Array; high: Float64Array };

/**
 * The print's bounds tightened through the rows, as every reader can: through every row (`complete` null), or
 * through the rows of one part (`complete` marks its values; elsewhere they are the print's bounds).
 */
type Implied = Bounds & { complete: Uint8Array | null };

const copy = (b: Bounds): Bounds => ({ low: b.low.slice(), high: b.high.slice() });

class Suppressor {
  private readonly n: number;
  private readonly rowsOf: number[][];
  private readonly rowStart: Int32Array;
  private readonly rowVar: Int32Array;
  private readonly rowCoef: Float64Array;
  private readonly rowLow: Float64Array;
  private readonly rowHigh: Float64Array;
  private readonly termLo: Float64Array;
  private readonly termHi: Float64Array;
  private readonly allRows: number[];
  readonly hidden: Uint8Array;
  private readonly truth: Float64Array;
  /** The witness search's working assignment: the truth, except on the part being searched. */
  private readonly guess: Float64Array;
  /** Assignments known to satisfy every row; valid for a pattern when they respect its printed bounds. */
  private pool: Float64Array[] = [];
  checks = 0;

  constructor(private readonly problem: SuppressionProblem) {
    this.n = problem.values.length;
    this.rowsOf = Array.from({ length: this.n }, () => []);
    problem.rows.forEach((row, r) => row.terms.forEach(([v]) => this.rowsOf[v]!.push(r)));
    // The rows as flat arrays (row r's terms are rowVar/rowCoef[rowStart[r] .. rowStart[r + 1])): the inner loops
    // of propagation and of the witness search run over them millions of times per letter.
    const rowCount = problem.rows.length;
    this.rowStart = new Int32Array(rowCount + 1);
    problem.rows.forEach((row, r) => (this.rowStart[r + 1] = this.rowStart[r]! + row.terms.length));
    this.rowVar = new Int32Array(this.rowStart[rowCount]!);
    this.rowCoef = new Float64Array(this.rowStart[rowCount]!);
    this.rowLow = Float64Array.from(problem.rows, (row) => row.low);
    this.rowHigh = Float64Array.from(problem.rows, (row) => row.high);
    problem.rows.forEach((row, r) =>
      row.terms.forEach(([v, a], t) => {
        this.rowVar[this.rowStart[r]! + t] = v;
        this.rowCoef[this.rowStart[r]! + t] = a;
      }),
    );
    const longest = problem.rows.reduce((m, row) => Math.max(m, row.terms.length), 0);
    this.termLo = new Float64Array(longest);
    this.termHi = new Float64Array(longest);
    this.allRows = Array.from(problem.rows.keys());
    this.hidden = new Uint8Array(this.n);
    this.truth = Float64Array.from(problem.values, (v) => v.value);
    this.guess = this.truth.slice();
    this.print = { low: Float64Array.from(problem.values, (v) => (v.printed ?? v.domain).low), high: Float64Array.from(problem.values, (v) => (v.printed ?? v.domain).high) };
    this.queued = new Uint8Array(problem.rows.length);
    this.valueMark = new Uint32Array(this.n);
    this.rowSum = new Float64Array(problem.rows.length);
    this.forbidden = new Uint8Array(this.n);
    this.rowMark = new Uint32Array(problem.rows.length);
    this.status = new Int8Array(this.n).fill(-1);
    problem.values.forEach((v, j) => {
      if (v.figure !== null && v.hideable && v.printed !== null) (this.figureMembers.get(v.figure) ?? this.figureMembers.set(v.figure, []).get(v.figure)!).push(j);
    });
    this.queue = new Int32Array(problem.rows.length + 1);
  }

  private isProtected(i: number): boolean {
    const v = this.problem.values[i]!;
    if (v.printed === null) return v.protectedUnprinted;
    return this.hidden[i] === 1 || v.protectedWhenPrinted;
  }

  /** The bounds the current print gives every value, before any reasoning (kept up to date by toggle). */
  private readonly print: Bounds;

  private printBounds(): Bounds {
    return this.print;
  }

  /** Hides or prints values again, keeping the print bounds in step. */
  private toggle(cells: number[], on: boolean): void {
    for (const j of cells) {
      const v = this.problem.values[j]!;
      this.hidden[j] = on ? 1 : 0;
      const b = v.printed === null || on ? v.domain : v.printed;
      this.print.low[j] = b.low;
      this.print.high[j] = b.high;
    }
  }

  private readonly queued: Uint8Array;
  private readonly queue: Int32Array;

  /** Tightens bounds through the rows (whole values); false when a range empties. */
  private tighten(b: Bounds, from: readonly number[]): boolean {
    const { rowStart, rowVar, rowCoef, rowLow, rowHigh, termLo, termHi, queued, queue, rowsOf } = this;
    const low = b.low;
    const high = b.high;
    const size = queue.length;
    let head = 0;
    let count = 0;
    for (let q = 0; q < from.length; q++) {
      const r = from[q]!;
      if (queued[r]) continue;
      queued[r] = 1;
      queue[(head + count++) % size] = r;
    }
    let guard = 0;
    let ok = true;
    while (count > 0) {
      const r = queue[head]!;
      head = (head + 1) % size;
      count--;
      queued[r] = 0;
      if (++guard > 100_000) continue;
      const first = rowStart[r]!;
      const terms = rowStart[r + 1]! - first;
      const rLow = rowLow[r]!;
      const rHigh = rowHigh[r]!;
      // Each term's contribution range, and the row's totals without one term (infinite parts counted apart).
      let minSum = 0;
      let maxSum = 0;
      let minInf = 0;
      let maxInf = 0;
      for (let t = 0; t < terms; t++) {
        const v = rowVar[first + t]!;
        const a = rowCoef[first + t]!;
        const lo = a > 0 ? a * low[v]! : a * high[v]!;
        const hi = a > 0 ? a * high[v]! : a * low[v]!;
        termLo[t] = lo;
        termHi[t] = hi;
        if (lo === -INF) minInf++;
        else minSum += lo;
        if (hi === INF) maxInf++;
        else maxSum += hi;
      }
      for (let t = 0; t < terms; t++) {
        const v = rowVar[first + t]!;
        const a = rowCoef[first + t]!;
        const lo = termLo[t]!;
        const hi = termHi[t]!;
        const restMin = minInf - (lo === -INF ? 1 : 0) > 0 ? -INF : minSum - (lo === -INF ? 0 : lo);
        const restMax = maxInf - (hi === INF ? 1 : 0) > 0 ? INF : maxSum - (hi === INF ? 0 : hi);
        const tLow = rLow === -INF || restMax === INF ? -INF : rLow - restMax;
        const tHigh = rHigh === INF || restMin === -INF ? INF : rHigh - restMin;
        const newLow = Math.ceil((a > 0 ? tLow / a : tHigh / a) - 1e-9);
        const newHigh = Math.floor((a > 0 ? tHigh / a : tLow / a) + 1e-9);
        let moved = false;
        if (newLow > low[v]!) {
          low[v] = newLow;
          moved = true;
        }
        if (newHigh < high[v]!) {
          high[v] = newHigh;
          moved = true;
        }
        if (low[v]! > high[v]!) {
          ok = false;
          break;
        }
        if (moved) {
          const others = rowsOf[v]!;
          for (let o = 0; o < others.length; o++) {
            const other = others[o]!;
            if (other === r || queued[other]) continue;
            queued[other] = 1;
            queue[(head + count++) % size] = other;
          }
        }
      }
      if (!ok) break;
    }
    // Leave the queue empty for the next call.
    while (count > 0) {
      queued[queue[head]!] = 0;
      head = (head + 1) % size;
      count--;
    }
    return ok;
  }

  /** The values and rows connected to value i through values the print leaves open (the rest stay at the truth). */
  private mark = 0;
  private readonly rowSum: Float64Array;
  private readonly valueMark: Uint32Array;
  private readonly rowMark: Uint32Array;

  private componentOf(i: number, b: Bounds): { values: number[]; rows: number[] } {
    const m = ++this.mark;
    const values: number[] = [];
    const rows: number[] = [];
    const stack = [i];
    this.valueMark[i] = m;
    while (stack.length > 0) {
      const v = stack.pop()!;
      values.push(v);
      for (const r of this.rowsOf[v]!) {
        if (this.rowMark[r] === m) continue;
        this.rowMark[r] = m;
        rows.push(r);
        for (let t = this.rowStart[r]!; t < this.rowStart[r + 1]!; t++) {
          const w = this.rowVar[t]!;
          if (this.valueMark[w] === m || b.low[w] === b.high[w]) continue;
          this.valueMark[w] = m;
          stack.push(w);
        }
      }
    }
    return { values, rows };
  }

  private fits(x: Float64Array, b: Bounds, part: { values: number[]; rows: number[] }): boolean {
    for (const i of part.values) if (x[i]! < b.low[i]! || x[i]! > b.high[i]!) return false;
    for (const r of part.rows) {
      let s = 0;
      for (let t = this.rowStart[r]!; t < this.rowStart[r + 1]!; t++) s += this.rowCoef[t]! * x[this.rowVar[t]!]!;
      if (s < this.rowLow[r]! - 1e-9 || s > this.rowHigh[r]! + 1e-9) return false;
    }
    return true;
  }

  /**
   * An assignment within `b` satisfying every row, found depth-first from the true table: values the bounds
   * force away from the truth first, each choice propagated. 'none' when the search proves there is none,
   * 'unknown' when it gives up (the caller then treats the value as exposed).
   */
  private witness(b: Bounds, part: { values: number[]; rows: number[] }, budget = NODE_BUDGET, propagateFrom: readonly number[] = part.rows): Float64Array | 'none' | 'unknown' {
    if (!this.tighten(b, propagateFrom)) return 'none';
    let nodes = 0;
    let exhausted = true;
    const search = (bounds: Bounds, depth: number): Float64Array | null => {
      if (++nodes > budget) {
        exhausted = false;
        return null;
      }
      // All values at the truth where the bounds allow it (at the root, mended row by row): done if every row holds.
      // (The guess lives in a buffer kept at the truth outside the part: only the part's values are ever set.)
      const guess = this.guess;
      for (const i of part.values) guess[i] = Math.min(Math.max(this.truth[i]!, bounds.low[i]!), bounds.high[i]!);
      if (nodes === 1 ? this.mend(guess, bounds, part) : this.fits(guess, bounds, part)) {
        const found = guess.slice();
        for (const i of part.values) guess[i] = this.truth[i]!;
        return found;
      }
      // Repair the first row the guess breaks: branch on the open value in it that can move furthest the way the
      // row needs, trying first the value that mends the row, then the rest of its range either side.
      let pick = -1;
      let target = 0;
      let room = 0;
      const { rowStart, rowVar, rowCoef, rowLow, rowHigh } = this;
      for (const r of part.rows) {
        let sum = 0;
        for (let t = rowStart[r]!; t < rowStart[r + 1]!; t++) sum += rowCoef[t]! * guess[rowVar[t]!]!;
        const need = sum < rowLow[r]! - 1e-9 ? rowLow[r]! - sum : sum > rowHigh[r]! + 1e-9 ? rowHigh[r]! - sum : 0;
        if (need === 0) continue;
        for (let t = rowStart[r]!; t < rowStart[r + 1]!; t++) {
          const v = rowVar[t]!;
          const a = rowCoef[t]!;
          const lo = bounds.low[v]!;
          const hi = bounds.high[v]!;
          if (lo === hi) continue;
          const move = need / a;
          const wanted = guess[v]! + (move > 0 ? Math.ceil(move - 1e-9) : Math.floor(move + 1e-9));
          const value = Math.min(Math.max(wanted, lo), hi);
          if (Math.abs(value - guess[v]!) > room) {
            room = Math.abs(value - guess[v]!);
            pick = v;
            target = value;
          }
        }
        break;
      }
      if (pick === -1) {
        // No single value mends it: branch on the narrowest open value, from the truth outwards.
        let width = INF;
        for (const i of part.values) {
          const w = bounds.high[i]! - bounds.low[i]!;
          if (w > 0 && w < width) {
            width = w;
            pick = i;
          }
        }
        if (pick === -1) return null;
        target = Math.min(Math.max(this.truth[pick]!, bounds.low[pick]!), bounds.high[pick]!);
      }
      const lo = bounds.low[pick]!;
      const hi = bounds.high[pick]!;
      const near = target;
      const branches: [number, number][] = [[near, near]];
      if (near > lo) branches.push([lo, near - 1]);
      if (near < hi) branches.push([near + 1, hi]);
      for (const [from, to] of branches) {
        const next = this.level(depth + 1, bounds);
        next.low[pick] = from;
        next.high[pick] = to;
        if (!this.tighten(next, this.rowsOf[pick]!)) continue;
        const found = search(next, depth + 1);
        if (found) return found;
        if (nodes > budget) return null;
      }
      return null;
    };
    const found = search(b, 0);
    for (const i of part.values) this.guess[i] = this.truth[i]!;
    if (found) return found;
    return exhausted ? 'none' : 'unknown';
  }

  /** The search's bounds at one depth: one buffer per depth, reused by every branch there (no allocation per node). */
  private readonly levels: Bounds[] = [];

  private level(depth: number, from: Bounds): Bounds {
    const b = (this.levels[depth] ??= { low: new Float64Array(this.n), high: new Float64Array(this.n) });
    b.low.set(from.low);
    b.high.set(from.high);
    return b;
  }

  /** Whether some assignment takes value i to `side` of `at` (inclusive), with the current print. */
  private reaches(i: number, side: 'down' | 'up', at: number, base: Bounds, part: { values: number[]; rows: number[] }, persist: boolean, implied: Implied): boolean | 'unknown' {
    const kept = (side === 'down' ? this.lowest : this.highest)[i];
    if (kept && (side === 'down' ? kept[i]! <= at : kept[i]! >= at) && this.stillWitness(kept, base, part)) return true;
    for (const x of this.pool) if ((side === 'down' ? x[i]! <= at : x[i]! >= at) && this.stillWitness(x, base, part)) return true;
    // The search starts from the bounds propagation gives with the value restricted. Where the implied bounds are
    // propagated through every row of the part already, only the restricted value's rows need to be propagated
    // again: propagation narrows to the same fixpoint in any order.
    const fromImplied = implied.complete === null || implied.complete[i] === 1;
    const b = copy(base);
    if (side === 'down') b.high[i] = Math.min(b.high[i]!, at);
    else b.low[i] = Math.max(b.low[i]!, at);
    if (b.low[i]! > b.high[i]!) return false;
    this.checks++;
    let start = b;
    if (fromImplied) {
      start = copy(implied);
      if (side === 'down') start.high[i] = Math.min(start.high[i]!, at);
      else start.low[i] = Math.max(start.low[i]!, at);
      if (start.low[i]! > start.high[i]!) return false;
    }
    let found = this.witness(fromImplied ? start : copy(b), part, NODE_BUDGET + 2 * part.values.length, fromImplied ? this.rowsOf[i]! : part.rows);
    // An undecided question about a value that certainly moves (a small one) would count as exposed and make the
    // greedy hide ever more: it is asked once more, longer.
    if (found === 'unknown' && persist) found = this.witness(b, part, LONG_NODE_BUDGET * part.values.length);
    if (found === 'none') return false;
    if (found === 'unknown') return 'unknown';
    this.remember(found, part.values);
    return true;
  }

  /** Per value, the witness that took it lowest and highest so far (tried first: most questions repeat). */
  private readonly lowest: (Float64Array | undefined)[] = [];
  private readonly highest: (Float64Array | undefined)[] = [];

  private remember(x: Float64Array, values: number[]): void {
    this.pool.unshift(x);
    if (this.pool.length > 24) this.pool.pop();
    for (const v of values) {
      if (!this.lowest[v] || x[v]! < this.lowest[v]![v]!) this.lowest[v] = x;
      if (!this.highest[v] || x[v]! > this.highest[v]![v]!) this.highest[v] = x;
    }
  }

  /**
   * Mends broken rows in place, one at a time, by moving the open value in each that can move furthest the way
   * the row needs (within its bounds); true when every row holds. Cheap and usually enough; the search does the
   * rest.
   */
  private mend(x: Float64Array, b: Bounds, part: { values: number[]; rows: number[] }): boolean {
    const m = ++this.mark;
    for (const r of part.rows) this.rowMark[r] = m;
    const sum = this.rowSum;
    const broken: number[] = [];
    const { rowStart, rowVar, rowCoef, rowLow, rowHigh } = this;
    const isBroken = (r: number) => sum[r]! < rowLow[r]! - 1e-9 || sum[r]! > rowHigh[r]! + 1e-9;
    for (const r of part.rows) {
      let total = 0;
      for (let t = rowStart[r]!; t < rowStart[r + 1]!; t++) total += rowCoef[t]! * x[rowVar[t]!]!;
      sum[r] = total;
      if (isBroken(r)) broken.push(r);
    }
    for (let step = 0; broken.length > 0; step++) {
      if (step > part.rows.length) return false;
      const r = broken.pop()!;
      if (!isBroken(r)) continue;
      const need = sum[r]! < rowLow[r]! ? rowLow[r]! - sum[r]! : rowHigh[r]! - sum[r]!;
      let pick = -1;
      let value = 0;
      let room = 0;
      for (let t = rowStart[r]!; t < rowStart[r + 1]!; t++) {
        const v = rowVar[t]!;
        const a = rowCoef[t]!;
        if (b.low[v] === b.high[v]) continue;
        const move = need / a;
        const wanted = x[v]! + (move > 0 ? Math.ceil(move - 1e-9) : Math.floor(move + 1e-9));
        const next = Math.min(Math.max(wanted, b.low[v]!), b.high[v]!);
        if (Math.abs(next - x[v]!) > room) {
          room = Math.abs(next - x[v]!);
          pick = v;
          value = next;
        }
      }
      if (pick < 0) return false;
      const delta = value - x[pick]!;
      x[pick] = value;
      for (const other of this.rowsOf[pick]!) {
        if (this.rowMark[other] !== m) continue;
        for (let t = rowStart[other]!; t < rowStart[other + 1]!; t++) if (rowVar[t] === pick) sum[other] = sum[other]! + rowCoef[t]! * delta;
        if (isBroken(other)) broken.push(other);
      }
    }
    return true;
  }

  /**
   * Whether an earlier witness still proves something with the current print: its values on the part, with
   * every other value at the truth, must lie within the print and satisfy the part's rows. (Rows outside the part
   * hold at the truth; values outside the part are fixed by the print or belong to parts left at the truth.)
   */
  private stillWitness(x: Float64Array, b: Bounds, part: { values: number[]; rows: number[] }): boolean {
    const m = ++this.mark;
    for (const v of part.values) {
      if (x[v]! < b.low[v]! || x[v]! > b.high[v]!) return false;
      this.valueMark[v] = m;
    }
    for (const r of part.rows) {
      let sum = 0;
      for (let t = this.rowStart[r]!; t < this.rowStart[r + 1]!; t++) {
        const v = this.rowVar[t]!;
        sum += this.rowCoef[t]! * (this.valueMark[v] === m ? x[v]! : this.truth[v]!);
      }
      if (sum < this.rowLow[r]! - 1e-9 || sum > this.rowHigh[r]! + 1e-9) return false;
    }
    return true;
  }

  /** Whether value i is safe with the current print: for every protected range it overlaps, covered or avoided. */
  safe(i: number, base: Bounds, implied: Implied): boolean {
    return this.verdict(i, base, implied) !== EXPOSED;
  }

  /** EXPOSED, COVERED (every range it overlaps has both ends reached) or AVOIDED (safe, some range never entered). */
  private verdict(i: number, base: Bounds, implied: Implied): Verdict {
    if (!this.isProtected(i)) return COVERED;
    const v = this.problem.values[i]!;
    const own = v.printed === null || this.hidden[i] ? v.domain : v.printed;
    let part: { values: number[]; rows: number[] } | null = null;
    let verdict: Verdict = COVERED;
    for (const r of this.problem.ranges) {
      if (own.low > r.high || own.high < r.low) continue;
      part ??= this.componentOf(i, base);
      const one = this.rangeVerdict(i, r, base, part, implied);
      if (one === EXPOSED) {
        this.lastFailure = r;
        return EXPOSED;
      }
      if (one === AVOIDED) verdict = AVOIDED;
    }
    return verdict;
  }

  /** The protected range the last unsafe value failed on (tried first when looking for what to hide). */
  private lastFailure: { low: number; high: number } | null = null;

  /** One range: covered (both ends reached) or avoided (never entered from the side not reached). */
  private rangeVerdict(i: number, r: { low: number; high: number }, base: Bounds, part: { values: number[]; rows: number[] }, implied: Implied): Verdict {
    // What propagation already proves: the value stays outside the range, or cannot reach one of its ends.
    const lo = implied.low[i]!;
    const hi = implied.high[i]!;
    if (lo > r.high || hi < r.low) return AVOIDED;
    const truth = this.truth[i]!;
    if (truth > r.high || truth < r.low) {
      // A value outside the range (a large hidden one): first, can a reader's assignment bring it in at all?
      const side = truth > r.high ? 'down' : 'up';
      const enters = this.reaches(i, side, side === 'down' ? r.high : r.low, base, part, false, implied);
      if (enters === false) return AVOIDED;
      if (enters !== true) return EXPOSED;
      const far = side === 'down' ? (lo > r.low ? false : this.reaches(i, 'down', r.low, base, part, false, implied)) : hi < r.high ? false : this.reaches(i, 'up', r.high, base, part, false, implied);
      return far === true ? COVERED : EXPOSED;
    }
    // A value inside the range (a small one): both ends must be reached.
    const down = lo > r.low ? false : this.reaches(i, 'down', r.low, base, part, true, implied);
    if (down !== true) return EXPOSED;
    const up = hi < r.high ? false : this.reaches(i, 'up', r.high, base, part, true, implied);
    return up === true ? COVERED : EXPOSED;
  }

  /** The print's bounds tightened through every row (or the part's), as every reader can. */
  private implied(base: Bounds, part: { values: number[]; rows: number[] } | null = null): Implied {
    const b = copy(base);
    this.tighten(b, part ? part.rows : this.allRows);
    let complete: Uint8Array | null = null;
    if (part) {
      complete = new Uint8Array(this.n);
      for (const v of part.values) complete[v] = 1;
    }
    return { ...b, complete };
  }

  /**
   * Whether propagation alone proves that one of the values is narrowed into a protected range (a quick refusal):
   * a value whose true value lies in the range, with bounds that do not cover the range.
   */
  private narrowed(values: number[], implied: Implied): boolean {
    for (const v of values) {
      if (!this.isProtected(v)) continue;
      const truth = this.truth[v]!;
      const lo = implied.low[v]!;
      const hi = implied.high[v]!;
      if (lo > hi) return true;
      for (const r of this.problem.ranges) if (truth >= r.low && truth <= r.high && !(lo <= r.low && hi >= r.high)) return true;
    }
    return false;
  }

  /** The first value that is not safe, or -1. */
  firstExposed(): number {
    const base = this.printBounds();
    let implied: Implied | null = null;
    for (let i = 0; i < this.n; i++) {
      if (this.status[i] === -1 && this.isProtected(i)) implied ??= this.implied(base);
      if (this.status[i] === -1) this.status[i] = this.isProtected(i) ? this.verdict(i, base, implied!) : COVERED;
      if (this.status[i] === EXPOSED) return i;
    }
    return -1;
  }

  private cost(i: number): number {
    return this.problem.values[i]!.cost;
  }

  /**
   * Printed values near value i: in its relations, one relation further, and on through every value a reader
   * cannot read off until some printed value is found (what narrows a value may lie several relations away).
   */
  private candidates(i: number): { hide: number[]; cost: number }[] {
    const near = new Set<number>();
    const open = (j: number) => this.hidden[j] === 1 || this.problem.values[j]!.printed === null || this.problem.values[j]!.printed!.low !== this.problem.values[j]!.printed!.high;
    const isCandidate = (j: number) => j !== i && this.problem.values[j]!.hideable && !this.hidden[j] && !this.forbidden[j] && this.problem.values[j]!.printed !== null;
    const level = (from: number[]) => {
      const found: number[] = [];
      for (const j of from) for (const r of this.rowsOf[j]!) for (const [k] of this.problem.rows[r]!.terms) if (!near.has(k)) {
        near.add(k);
        found.push(k);
      }
      return found;
    };
    near.add(i);
    let frontier = level([i]);
    for (let depth = 1; frontier.length > 0; depth++) {
      const enough = depth >= 2 && [...near].some(isCandidate);
      if (enough) break;
      frontier = level(frontier.filter(open));
    }
    const hideable = [...near].filter(isCandidate);
    // A value printed twice (the nation and the last attrition step) is hidden in both places or not at all.
    const withTwins = (j: number) => [j, ...this.twins(j).filter((t) => !this.hidden[t] && !this.forbidden[t] && this.problem.values[t]!.hideable)];
    const single = hideable.map((j) => withTwins(j)).map((hide) => ({ hide, cost: hide.reduce((s, j) => s + this.cost(j), 0) }));
    const triples = [...new Set(hideable.map((j) => this.problem.values[j]!.figure).filter((f): f is string => f !== null))]
      .map((f) => [...new Set(this.figureMembers.get(f)!.filter((j) => !this.hidden[j] && !this.forbidden[j]).flatMap(withTwins))])
      .filter((members) => members.length > 1)
      .map((members) => ({ hide: members, cost: members.reduce((s, j) => s + this.cost(j), 0) }));
    return [...single, ...triples].sort((a, b) => a.cost - b.cost || a.hide[0]! - b.hide[0]!);
  }

  /** Values another row says are equal to value j (x − y = 0). */
  private twins(j: number): number[] {
    const found: number[] = [];
    for (const r of this.rowsOf[j]!) {
      const { terms, low, high } = this.problem.rows[r]!;
      if (terms.length === 2 && low === 0 && high === 0 && terms[0]![1] === -terms[1]![1]) found.push(terms[0]![0] === j ? terms[1]![0] : terms[0]![0]);
    }
    return found;
  }

  private readonly figureMembers = new Map<string, number[]>();

  /** Known safety of each value under the current pattern (−1: not known); a change forgets its component's. */
  private status: Int8Array;


  /**
   * Changes the pattern and forgets what it may change: hiding more keeps every reached end reached (the old
   * witnesses still fit), so only exposed and avoided values are looked at again; printing a value again keeps
   * every avoided range avoided, so only covered values are. The changed values themselves always are.
   */
  private set(cells: number[], on: boolean): void {
    const forget = (stale: (status: number) => boolean) => {
      for (const j of cells) {
        this.status[j] = -1;
        for (const v of this.componentOf(j, this.print).values) if (stale(this.status[v]!)) this.status[v] = -1;
      }
    };
    if (!on) forget((status) => status === COVERED);
    this.toggle(cells, on);
    if (on) forget((status) => status === EXPOSED || status === AVOIDED);
  }

  /** Hides values until every value is safe. */
  grow(): void {
    for (let guard = 0; guard <= this.n; guard++) {
      const exposed = this.firstExposed();
      if (exposed < 0) return;
      const candidates = this.candidates(exposed);
      const failed = this.lastFailure;
      // A trial: the statuses known for the current pattern stay valid once it is undone. The range the value
      // failed on is tried first: most candidates that do not help fail there.
      const fixes = (hide: number[]): boolean => {
        this.toggle(hide, true);
        const base = this.print;
        const part = this.componentOf(exposed, base);
        const implied = this.implied(base, part);
        const ok =
          !this.narrowed([exposed, ...hide], implied) &&
          (failed === null || this.rangeVerdict(exposed, failed, base, part, implied) !== EXPOSED) &&
          this.safe(exposed, base, implied) &&
          hide.every((j) => this.safe(j, base, implied));
        this.toggle(hide, false);
        return ok;
      };
      let chosen: number[] | null = candidates.slice(0, SINGLE_TRIALS).find((c) => fixes(c.hide))?.hide ?? null;
      if (!chosen) {
        // Some exposures need two values hidden at once (a sibling and its total): the cheapest fixing pair.
        const few = candidates.slice(0, PAIRED);
        const pairs = few.flatMap((a, i) => few.slice(i + 1).map((b) => ({ hide: [...new Set([...a.hide, ...b.hide])], cost: a.cost + b.cost }))).sort((a, b) => a.cost - b.cost);
        chosen = pairs.find((p) => fixes(p.hide))?.hide ?? null;
      }
      // Nothing near it ends the exposure alone: hide the cheapest total near it (it opens the most room).
      chosen ??= candidates.find((c) => c.hide.length === 1 && this.problem.rows.some((r) => r.terms[0]![0] === c.hide[0] && r.low === 0 && r.high === 0 && r.terms.length > 2))?.hide ?? candidates[0]?.hide ?? null;
      if (!chosen) {
        // Nothing near it can be hidden any more: hide everything that may be hidden.
        this.toggle(
          this.problem.values.flatMap((v, j) => (v.hideable && v.printed !== null ? [j] : [])),
          true,
        );
        this.status.fill(-1);
        return;
      }
      this.set(chosen, true);
    }
  }

  /** Prints again every hidden value it can, the most expensive first. */
  prune(): void {
    const hiddenNow = [...this.hidden.keys()].filter((j) => this.hidden[j]).sort((a, b) => this.cost(b) - this.cost(a) || a - b);
    for (const j of hiddenNow) {
      // The pattern before is safe: if printing j again exposes something, going back restores what was known.
      const known = this.status.slice();
      this.set([j], false);
      // Propagation alone often shows at once that j is needed; only otherwise are witnesses searched.
      const part = this.componentOf(j, this.print);
      if (this.narrowed(part.values, this.implied(this.print, part)) || this.firstExposed() >= 0) {
        this.toggle([j], true);
        this.status = known;
      }
    }
  }

  /** Values the current improvement step may not hide. */
  private readonly forbidden: Uint8Array;

  private hiddenCost(): number {
    let sum = 0;
    for (let j = 0; j < this.n; j++) if (this.hidden[j]) sum += this.cost(j);
    return sum;
  }

  /**
   * A local improvement after pruning: for the most expensive hidden values, print the value again, forbid hiding
   * it, grow and prune again — and keep the new pattern when it costs less (e.g. a total and a small value hidden
   * instead of a large region, or instead of a region whose figures the forecast needs).
   */
  improve(attempts: number): void {
    // Only values that cost more than their size (the recruiting regions'): elsewhere pruning already does as well.
    const order = [...this.hidden.keys()]
      .filter((j) => this.hidden[j] && this.cost(j) > 1 + this.problem.values[j]!.value)
      .sort((a, b) => this.cost(b) - this.cost(a) || a - b)
      .slice(0, attempts);
    for (const j of order) {
      if (!this.hidden[j]) continue;
      const before = { hidden: this.hidden.slice(), status: this.status.slice(), low: this.print.low.slice(), high: this.print.high.slice(), cost: this.hiddenCost() };
      this.set([j], false);
      this.forbidden[j] = 1;
      this.grow();
      this.prune();
      this.forbidden[j] = 0;
      if (this.hiddenCost() < before.cost && this.firstExposed() < 0) continue;
      this.hidden.set(before.hidden);
      this.status = before.status;
      this.print.low.set(before.low);
      this.print.high.set(before.high);
    }
  }

  seedPool(): void {
    this.pool = [this.truth.slice()];
  }
}

/** Chooses the values to hide (secondary suppression) for a table whose primary suppression is given. */
export function chooseSuppression(problem: SuppressionProblem): SuppressionResult {
  const s = new Suppressor(problem);
  s.seedPool();
  s.grow();
  s.prune();
  s.improve(IMPROVEMENT_ATTEMPTS);
  return { hidden: [...s.hidden].map((h) => h === 1), checks: s.checks };
}
