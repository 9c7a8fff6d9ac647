/**
 * What an import stored, counted over the whole file: a large file's preview counts only its first rows,
 * so these are the figures the user is told once every row has been read.
 */
import type { ImportResult } from '../../../shared/import';

export interface ImportedCounts {
  /** Cells stored, over the kept measures. */
  cells: number;
  /** Of those, cells whose value was masked in the file ("X", "<5"). */
  masked: number;
  /** Of those, published totals (region "national" or a value "all" in some dimension), kept beside their parts. */
  totals: number;
}

const TOTAL_VALUES: ReadonlySet<string> = new Set(['national', 'all']);

export function importedCounts(result: ImportResult, keep: readonly string[]): ImportedCounts {
  const kept = new Set(keep);
  const out: ImportedCounts = { cells: 0, masked: 0, totals: 0 };
  for (const m of result.measures) {
    if (!kept.has(m.key)) continue;
    const d = m.dataset;
    out.cells += d.cellCount;
    for (let i = 0; i < d.cellCount; i++) out.masked += d.masked[i]!;
    const totalIndex = d.dimensions.map((dim) => new Set(dim.values.flatMap((v, k) => (TOTAL_VALUES.has(v) ? [k] : []))));
    for (let i = 0; i < d.cellCount; i++) {
      if (totalIndex.some((indexes, k) => indexes.size > 0 && indexes.has(d.columns[k]![i]!))) out.totals++;
    }
  }
  return out;
}
