/**
 * Unions of overlapping values. When a dimension's values overlap (one child under two drugs, one patient under
 * two diagnoses), the cells that differ only in that dimension do not add up to persons: the persons under any
 * of them number at least the largest cell and at most their sum. This pass finds, per line of the attrition and
 * region, that lower end — the sum over groups of cells alike in every other dimension of the group's largest
 * cell — so the estimator can report the union as an interval instead of a sum.
 *
 * Where the code dimension holds published totals with remainders (published-remainders.ts), a total's persons
 * are at least its remainder's plus its largest part's: the remainder is disjoint from the total's parts, though
 * not from the rest of the group.
 *
 * It reads each cell's weights from the same tables as the cell pass (so it agrees with it on what every line
 * keeps), and runs only for datasets with an overlapping dimension of two or more values.
 */
import type { Dataset } from '../counts/dataset';
import { datasetStructure } from './dataset-cache';
import { SLOT_COUNT } from './dimension-structure';
import { remainderView, type RemainderView } from './published-remainders';
import { cellWeights, type WeightTable } from './predicate-tables';

export interface OverlapPassResult {
  /** Per prefix and slot ([k × SLOT_COUNT + slot]), scaled: Σ groups of the largest low, of the largest point (a
   * published total's tree counted as above). */
  unionLow: Float64Array;
  unionPoint: Float64Array;
  /** The same cells added up as the cell pass adds them (Σ weight × low, Σ weight × point), scaled. */
  sumLow: Float64Array;
  sumPoint: Float64Array;
  /**
   * Per prefix and slot, scaled: what to add to the cell pass's low and point where every part and remainder of a
   * published total is wholly inside (the total replaces them; see published-remainders.ts).
   */
  pinLow: Float64Array;
  pinPoint: Float64Array;
  /**
   * Per prefix and slot, scaled (≤ 0): what to add to the cell pass's high so that what a line keeps under a
   * published total is at most the total's high. A remainder's high is the whole total (a part's persons may hold
   * a gap's codes too), and masked parts can add up to more than their total; where everything under a total is
   * wholly inside, this gives the total's high itself.
   */
  capHigh: Float64Array;
  /** Per prefix, slot and overlapping dimension (in `dims` order): 1 when two cells of a group differed in it. */
  combined: Uint8Array;
  /** The overlapping dimensions, as dataset dimension indices. */
  dims: number[];
}

interface Grouping {
  groupOf: Int32Array;
  groupSlot: Int32Array;
  groups: number;
}

const groupings = new WeakMap<Dataset, Map<string, Grouping>>();

/** Cells alike in every dimension but the overlapping ones share a group (cached per dataset). */
function grouping(dataset: Dataset, overlap: readonly number[]): Grouping {
  let known = groupings.get(dataset);
  if (!known) {
    known = new Map();
    groupings.set(dataset, known);
  }
  const id = overlap.join(',');
  const cached = known.get(id);
  if (cached) return cached;
  const structure = datasetStructure(dataset);
  const others = dataset.dimensions.map((_, d) => d).filter((d) => !overlap.includes(d));
  const n = dataset.cellCount;
  const groupOf = new Int32Array(n);
  const ids = new Map<string, number>();
  const slots: number[] = [];
  const key: number[] = new Array<number>(others.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < others.length; j++) key[j] = dataset.columns[others[j]!]![i]!;
    const text = key.join(',');
    let g = ids.get(text);
    if (g === undefined) {
      g = slots.length;
      ids.set(text, g);
      slots.push(structure.slotOf[structure.regionColumn[i]!]!);
    }
    groupOf[i] = g;
  }
  const result: Grouping = { groupOf, groupSlot: Int32Array.from(slots), groups: slots.length };
  known.set(id, result);
  return result;
}

export function runOverlapPass(dataset: Dataset, tables: readonly WeightTable[], prefixes: number, scale: number, overlap: readonly number[]): OverlapPassResult {
  const n = dataset.cellCount;
  const { groupOf, groupSlot, groups } = grouping(dataset, overlap);
  const cells = (prefixes + 1) * SLOT_COUNT;
  const result: OverlapPassResult = {
    unionLow: new Float64Array(cells),
    unionPoint: new Float64Array(cells),
    sumLow: new Float64Array(cells),
    sumPoint: new Float64Array(cells),
    pinLow: new Float64Array(cells),
    pinPoint: new Float64Array(cells),
    capHigh: new Float64Array(cells),
    combined: new Uint8Array(cells * overlap.length),
    dims: [...overlap],
  };
  const maxLow = new Float64Array(groups);
  const maxPoint = new Float64Array(groups);
  const first = new Int32Array(groups);
  // Remainders of published totals, when the code dimension is one of the overlapping ones (published-remainders.ts).
  const view = remainderView(dataset);
  const tree = view && overlap.includes(view.dim) ? view : null;
  const firstRemainder = tree ? tree.firstRemainderCell : n;
  // Per published total: the largest union of its parts, and its remainder (disjoint from the parts, not from
  // the rest of the group: C50 beside the block C15-C26 may hold the block remainder's persons).
  const partLow = tree ? new Float64Array(n) : null;
  const partPoint = tree ? new Float64Array(n) : null;
  const restLow = tree ? new Float64Array(n) : null;
  const restPoint = tree ? new Float64Array(n) : null;
  // Per published total: its parts' and remainder's highs as the cell pass adds them, and as bounded by the totals
  // (a total's persons at a line are some of its own: at most its high).
  const addedHigh = tree ? new Float64Array(n) : null;
  const keptHigh = tree ? new Float64Array(n) : null;
  const whole = tree ? new Uint8Array(n) : null;
  const seen = tree ? new Int32Array(n) : null;
  const { read: weightOf, weight } = cellWeights(dataset, tables, prefixes);
  for (let k = 0; k <= prefixes; k++) {
    maxLow.fill(0);
    maxPoint.fill(0);
    first.fill(-1);
    if (tree && whole) markWholeTotals(tree, n, k, weightOf, weight, whole);
    for (let cell = 0; cell < n; cell++) {
      weightOf(cell, k);
      let wl = weight[0]!;
      let wp = weight[1]!;
      if (weight[2] === 0) continue;
      let i = cell;
      if (tree && addedHigh && keptHigh) {
        const p = tree.parentCell[cell]!;
        if (p >= 0 && !tree.hasParts[cell]) {
          const h = weight[2]! * dataset.high[cell]!;
          addedHigh[p]! += h;
          keptHigh[p]! += h;
        }
      }
      if (tree && whole && seen) {
        // Under a total whose every part and remainder is wholly inside: the persons they hold are the total's.
        let top = -1;
        for (let a = tree.parentCell[cell]!; a >= 0; a = tree.parentCell[a]!) if (whole[a]) top = a;
        if (top >= 0) {
          const at = k * SLOT_COUNT + groupSlot[groupOf[cell]!]!;
          result.pinLow[at]! -= dataset.low[cell]! * scale;
          result.pinPoint[at]! -= dataset.point[cell]! * scale;
          if (seen[top] === k + 1) continue;
          seen[top] = k + 1;
          result.pinLow[at]! += dataset.low[top]! * scale;
          result.pinPoint[at]! += dataset.point[top]! * scale;
          i = top;
          wl = 1;
          wp = 1;
        }
      }
      const low = wl * dataset.low[i]! * scale;
      const point = wp * dataset.point[i]! * scale;
      const group = groupOf[i]!;
      const at = k * SLOT_COUNT + groupSlot[group]!;
      result.sumLow[at]! += low;
      result.sumPoint[at]! += point;
      const parent = tree ? tree.parentCell[i]! : -1;
      if (parent >= 0 && partLow && partPoint && restLow && restPoint) {
        if (i >= firstRemainder) {
          restLow[parent]! += low;
          restPoint[parent]! += point;
        } else {
          if (low > partLow[parent]!) partLow[parent] = low;
          if (point > partPoint[parent]!) partPoint[parent] = point;
        }
      } else {
        if (low > maxLow[group]!) maxLow[group] = low;
        if (point > maxPoint[group]!) maxPoint[group] = point;
      }
      // Two cells of a group that both hold patients: the figure is a union of overlapping values.
      // (A remainder is disjoint from the rest of its group: adding it is not a union of overlapping values.)
      if (dataset.high[i]! > 0 && i < firstRemainder) {
        const other = first[group]!;
        if (other < 0) first[group] = i;
        else {
          overlap.forEach((d, j) => {
            if (dataset.columns[d]![other] !== dataset.columns[d]![i]) result.combined[at * overlap.length + j] = 1;
          });
        }
      }
    }
    if (tree && addedHigh && keptHigh) {
      // Bottom-up: each total caps its parts' and remainder's highs (a part that is a total capped first); what the
      // caps take off a tree's top goes to its slot.
      for (const t of tree.deepestFirst) {
        const h = Math.min(keptHigh[t]!, dataset.high[t]!);
        const added = addedHigh[t]!;
        keptHigh[t] = addedHigh[t] = 0;
        const p = tree.parentCell[t]!;
        if (p >= 0) {
          keptHigh[p]! += h;
          addedHigh[p]! += added;
        } else if (h < added) {
          result.capHigh[k * SLOT_COUNT + groupSlot[groupOf[t]!]!]! -= (added - h) * scale;
        }
      }
    }
    if (tree && partLow && partPoint && restLow && restPoint) {
      // Bottom-up: a total's persons are at least its remainder's plus its largest part's (a part that is a total
      // of its own counted the same way); a total at the top of its tree joins the rest of its group.
      for (const t of tree.deepestFirst) {
        const low = restLow[t]! + partLow[t]!;
        const point = restPoint[t]! + partPoint[t]!;
        restLow[t] = partLow[t] = restPoint[t] = partPoint[t] = 0;
        const p = tree.parentCell[t]!;
        if (p >= 0) {
          if (low > partLow[p]!) partLow[p] = low;
          if (point > partPoint[p]!) partPoint[p] = point;
        } else {
          const group = groupOf[t]!;
          if (low > maxLow[group]!) maxLow[group] = low;
          if (point > maxPoint[group]!) maxPoint[group] = point;
        }
      }
    }
    for (let group = 0; group < groups; group++) {
      const at = k * SLOT_COUNT + groupSlot[group]!;
      result.unionLow[at]! += maxLow[group]!;
      result.unionPoint[at]! += maxPoint[group]!;
    }
  }
  return result;
}

/**
 * Marks the published totals (cells with parts) whose every part and remainder is wholly inside the criteria at
 * prefix k: their union is exactly the total, so the total is what they count. A leaf that is not wholly inside
 * clears every total above it.
 */
function markWholeTotals(tree: RemainderView, n: number, k: number, weightOf: (i: number, k: number) => void, weight: Float64Array, whole: Uint8Array): void {
  whole.set(tree.hasParts.subarray(0, n));
  for (let c = 0; c < n; c++) {
    if (tree.hasParts[c] || tree.parentCell[c]! < 0) continue;
    weightOf(c, k);
    if (weight[0] === 1 && weight[1] === 1 && weight[2] === 1) continue;
    for (let a = tree.parentCell[c]!; a >= 0 && whole[a]; a = tree.parentCell[a]!) whole[a] = 0;
  }
}
