/**
 * Which cells answer a question without counting anything twice. A question is a node: per dimension a value
 * of the file (a county, "all", a chapter) or a range no value names (weeks 10–20). The published cell that is
 * the node itself answers it; otherwise the node is split along one dimension into the coarsest values inside
 * it that the cells hold (a chapter into its blocks, the nation into its counties, a range into its weeks),
 * and each part is answered the same way. The parts of one split never overlap, so a total is never added to
 * its own parts.
 *
 * Cell-driven, with typed arrays: each level of splitting touches every cell once, and a part whose cells are
 * all finest (no total among them) is taken whole without splitting further, so a file without totals costs
 * one pass, not one node per cell.
 */
import { contains, maximalValues, sameExtent, type Extent } from './value-extents';

export interface CoverAxis {
  /** Each cell's value index. */
  column: Uint32Array;
  /** Each value's extent (null: all; undefined: a value that does not read, inside nothing). */
  extents: readonly (Extent | null | undefined)[];
  /** 1 for values that hold another value of the dimension (published totals: "national", "all", a block with codes). */
  total: Uint8Array;
}

/** Where a split stands on each dimension: a value index (or -1 for a range no value names) and its extent. */
export interface CoverNode {
  exact: Int32Array;
  extents: (Extent | null)[];
}

export class CoverSearch {
  /** Per dimension, scratch marks over its values (kept clear between uses). */
  private readonly marks: Uint8Array[];
  private readonly partOf: Int32Array[];

  constructor(private readonly axes: readonly CoverAxis[]) {
    this.marks = axes.map((a) => new Uint8Array(a.extents.length));
    this.partOf = axes.map((a) => new Int32Array(a.extents.length).fill(-1));
  }

  /** The cells that answer `node`, out of `cells` (all inside it), appended to `out`. */
  cover(cells: Int32Array, node: CoverNode, out: number[]): void {
    const n = cells.length;
    if (n === 0) return;
    const axes = this.axes;
    const dims = axes.length;
    const exact = node.exact;
    let concrete = true;
    for (let d = 0; d < dims; d++) if (exact[d]! < 0) concrete = false;
    if (concrete) {
      for (let i = 0; i < n; i++) {
        const c = cells[i]!;
        let same = true;
        for (let d = 0; d < dims && same; d++) same = axes[d]!.column[c] === exact[d];
        if (same) {
          out.push(c);
          return;
        }
      }
    }
    // No published total among these cells: none holds another, so all of them are the answer.
    let anyTotal = false;
    for (let i = 0; i < n && !anyTotal; i++) {
      const c = cells[i]!;
      for (let d = 0; d < dims; d++) {
        const axis = axes[d]!;
        if (axis.total[axis.column[c]!] === 1) {
          anyTotal = true;
          break;
        }
      }
    }
    if (!anyTotal) {
      for (let i = 0; i < n; i++) out.push(cells[i]!);
      return;
    }
    // Split where the question has to be: a range no value names, then a dimension whose value at this node no
    // cell here carries (its total is not published for these cells), then the rest in file order.
    const present = axes.map((_, d) => this.presentValues(cells, d));
    const carried = (d: number): boolean => exact[d]! >= 0 && present[d]!.includes(exact[d]!);
    const order = axes.map((_, d) => d).sort((a, b) => Number(exact[a]! >= 0) - Number(exact[b]! >= 0) || Number(carried(a)) - Number(carried(b)) || a - b);
    for (const d of order) {
      if (this.split(cells, node, d, present[d]!, out)) return;
    }
  }

  /** The distinct values of dimension `d` among `cells`. */
  private presentValues(cells: Int32Array, d: number): number[] {
    const column = this.axes[d]!.column;
    const marks = this.marks[d]!;
    const present: number[] = [];
    for (let i = 0; i < cells.length; i++) {
      const v = column[cells[i]!]!;
      if (marks[v] === 0) {
        marks[v] = 1;
        present.push(v);
      }
    }
    for (const v of present) marks[v] = 0;
    return present;
  }

  /** Splits `node` along dimension `d` when the cells hold values strictly inside it there; false when they do not. */
  private split(cells: Int32Array, node: CoverNode, d: number, present: readonly number[], out: number[]): boolean {
    const axis = this.axes[d]!;
    const column = axis.column;
    const at = node.extents[d]!;
    const inner = present.filter((v) => v !== node.exact[d] && axis.extents[v] !== undefined && contains(at, axis.extents[v]!) && !sameExtent(at, axis.extents[v]!));
    if (inner.length === 0) return false;
    const parts = maximalValues(inner, axis.extents);
    const partOf = this.partOf[d]!;
    const slot = new Map<number, number>(parts.map((p, k) => [p, k]));
    for (const v of present) {
      if (v === node.exact[d] || axis.extents[v] === undefined) continue;
      const own = slot.get(v);
      if (own !== undefined) partOf[v] = own;
      else {
        const k = parts.findIndex((p) => contains(axis.extents[p]!, axis.extents[v]!));
        if (k >= 0) partOf[v] = k;
      }
    }
    // Counting sort of the cells by part.
    const counts = new Int32Array(parts.length + 1);
    for (let i = 0; i < cells.length; i++) {
      const k = partOf[column[cells[i]!]!]!;
      if (k >= 0) counts[k + 1]!++;
    }
    for (let k = 0; k < parts.length; k++) counts[k + 1]! += counts[k]!;
    const sorted = new Int32Array(counts[parts.length]!);
    const fill = counts.slice(0, parts.length);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      const k = partOf[column[c]!]!;
      if (k >= 0) sorted[fill[k]!++] = c;
    }
    for (const v of present) partOf[v] = -1;
    parts.forEach((p, k) => {
      const exact = node.exact.slice();
      exact[d] = p;
      const extents = node.extents.slice();
      extents[d] = axis.extents[p]!;
      this.cover(sorted.subarray(counts[k]!, counts[k + 1]!), { exact, extents }, out);
    });
    return true;
  }
}

/** The cells whose every value is finest (holds no other value of its dimension): the "sum of the finest cells". */
export function finestCells(axes: readonly CoverAxis[], cells: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    let finest = true;
    for (let d = 0; d < axes.length && finest; d++) finest = axes[d]!.total[axes[d]!.column[c]!] === 0;
    if (finest) out.push(c);
  }
  return out;
}
