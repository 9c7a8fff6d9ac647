/**
 * Published totals bound their parts. Where a file publishes a total (C15-C26) beside some of its parts (C18), the
 * estimator adds the parts and the total's remainder (published-remainders.ts) instead of the total. Each of them
 * is an interval when cells are masked, and their highs can add up to more than the total's high: C18 masked
 * (1–3) and C15-C26 masked (1–3) give C18 1–3 plus a remainder 0–2, a high of 5, though no more than 3 persons
 * are under C15-C26. The persons a line keeps under a total are some of the total's persons (every weight is at
 * most 1), so at every line the high kept under a total is at most the total's high.
 *
 * Per prefix, this pass caps each published total's subtree bottom-up — a part that is a total of its own is
 * capped first — and returns, per prefix and slot, what the caps take off the cell pass's high. Without it, a
 * line could show a higher high than the line before it: a line where the whole total is inside (counted as the
 * total itself in unions of overlapping codes) and, after a criterion that keeps only part of it, the sum of
 * the parts' highs.
 *
 * The other way round, where every part and remainder of a total is wholly inside a line, that line keeps the
 * total's persons: its low is at least the total's low (a chapter published as 12 with C18 "<5" inside is 12, not
 * 1 + 8 = 9). Where codes overlap for persons, the overlap pass already counts such a total as itself; there this
 * pass only caps.
 *
 * Runs only for datasets with published remainders (views made by withPublishedRemainders).
 */
import type { Dataset } from '../counts/dataset';
import { datasetStructure } from './dataset-cache';
import { SLOT_COUNT } from './dimension-structure';
import { cellWeights, type WeightTable } from './predicate-tables';
import { remainderView } from './published-remainders';

export interface TotalCapResult {
  /** Per prefix and slot ([k × SLOT_COUNT + slot]), scaled: what to add to the cell pass's high (≤ 0). */
  highCut: Float64Array;
  /** Per prefix and slot, scaled: what to add to the cell pass's low (≥ 0) where a wholly kept total lifts it. */
  lowLift: Float64Array;
}

/** `floorWhole`: lift the low of wholly kept totals (false where the overlap pass counts them as themselves). */
export function runTotalCapPass(dataset: Dataset, tables: readonly WeightTable[], prefixes: number, scale: number, floorWhole: boolean): TotalCapResult | null {
  const tree = remainderView(dataset);
  if (!tree) return null;
  const order = tree.deepestFirst;
  const highCut = new Float64Array((prefixes + 1) * SLOT_COUNT);
  const lowLift = new Float64Array((prefixes + 1) * SLOT_COUNT);
  if (order.length === 0) return { highCut, lowLift };
  const structure = datasetStructure(dataset);
  const n = dataset.cellCount;
  const { parentCell, hasParts } = tree;
  const { low, high } = dataset;
  // The cells under some total that the cell pass adds (the leaves of the trees).
  const leaves: number[] = [];
  for (let c = 0; c < n; c++) if (parentCell[c]! >= 0 && !hasParts[c]) leaves.push(c);
  const { read, weight } = cellWeights(dataset, tables, prefixes);
  // Per total: its parts' bounded highs and lows added up, what the cell pass added for its subtree, and whether
  // every leaf under it is wholly inside (1) or not (0).
  const keptHigh = new Float64Array(n);
  const keptLow = new Float64Array(n);
  const addedHigh = new Float64Array(n);
  const addedLow = new Float64Array(n);
  const whole = new Uint8Array(n);
  for (let k = 0; k <= prefixes; k++) {
    for (const c of order) {
      keptHigh[c] = 0;
      keptLow[c] = 0;
      addedHigh[c] = 0;
      addedLow[c] = 0;
      whole[c] = 1;
    }
    for (const c of leaves) {
      read(c, k);
      const p = parentCell[c]!;
      if (weight[0] !== 1 || weight[1] !== 1 || weight[2] !== 1) whole[p] = 0;
      const h = weight[2]! * high[c]!;
      const l = weight[0]! * low[c]!;
      keptHigh[p]! += h;
      addedHigh[p]! += h;
      keptLow[p]! += l;
      addedLow[p]! += l;
    }
    for (const t of order) {
      const h = Math.min(keptHigh[t]!, high[t]!);
      // (The low is not capped at the high: where parts are published above their total, the estimator's final
      // interval takes the low down to the point and the point to the high.)
      const l = floorWhole && whole[t] ? Math.max(keptLow[t]!, low[t]!) : keptLow[t]!;
      const p = parentCell[t]!;
      if (p >= 0) {
        keptHigh[p]! += h;
        keptLow[p]! += l;
        addedHigh[p]! += addedHigh[t]!;
        addedLow[p]! += addedLow[t]!;
        if (!whole[t]) whole[p] = 0;
        continue;
      }
      const slot = structure.slotOf[structure.regionColumn[t]!]!;
      if (slot < 0) continue;
      highCut[k * SLOT_COUNT + slot]! += (h - addedHigh[t]!) * scale;
      lowLift[k * SLOT_COUNT + slot]! += (l - addedLow[t]!) * scale;
    }
  }
  return { highCut, lowLift };
}
