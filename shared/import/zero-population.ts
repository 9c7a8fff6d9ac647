/**
 * Socialstyrelsen prints a population of 0 where the count is 0 (the population of a group nobody in the
 * table belongs to is not looked up): that 0 is not the real population, and a rate or a weight built on it
 * would be wrong. Found by joining the population's cells to the count's with the same dimension values.
 */
import type { ColumnarMeasure } from './columnar-measure';
import { TupleIndex } from './tuple-index';

/** How many population cells are 0 where the count with the same values is 0, and the first of them; null when none. */
export function zeroPopulationCells(measures: readonly ColumnarMeasure[]): { measure: number; cell: number; cells: number } | null {
  const pAt = measures.findIndex((m) => m.spec.kind === 'population');
  const c = measures.find((m) => m.spec.kind === 'count');
  const p = measures[pAt];
  if (!p || !c || p.dimensions.length !== c.dimensions.length) return null;
  let zeros = false;
  for (let i = 0; i < p.cellCount && !zeros; i++) zeros = p.high[i] === 0;
  if (!zeros) return null;
  // Cells match by their values position by position, as the row's labels do.
  const translate = p.values.map((values, d) => {
    const other = new Map(c.values[d]!.map((v, k) => [v, k]));
    return Int32Array.from(values, (v) => other.get(v) ?? -1);
  });
  const countIndex = new TupleIndex(c.index, c.cellCount);
  for (let i = 0; i < c.cellCount; i++) countIndex.findOrInsert(i);
  const tuple = new Uint32Array(p.dimensions.length);
  let n = 0;
  let first = -1;
  for (let i = 0; i < p.cellCount; i++) {
    if (p.high[i] !== 0) continue;
    let known = true;
    for (let d = 0; d < tuple.length; d++) {
      const k = translate[d]![p.index[d]![i]!]!;
      if (k < 0) {
        known = false;
        break;
      }
      tuple[d] = k;
    }
    if (!known) continue;
    const match = countIndex.find(tuple);
    if (match >= 0 && c.high[match] === 0) {
      n++;
      if (first < 0) first = i;
    }
  }
  return n === 0 ? null : { measure: pAt, cell: first, cells: n };
}
