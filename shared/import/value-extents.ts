/**
 * Where each value of a dataset's dimension lies on its dimension's axis, so that "is this value inside
 * that one?" is two comparisons: ICD-10 codes as code ranges (a chapter holds its blocks, a block its codes),
 * age bands as years, periods as days, and for regions, sexes and extra dimensions each value on its own
 * point. The totals — "national", "all" — hold everything (extent null).
 */
import type { Dimension } from '../counts/dataset';
import { codeRange } from '../icd10/code-set';
import { parseAgeBand } from '../utils/age-band';
import { parsePeriod } from '../utils/period';

/** An inclusive range on one axis: strings (codes) or numbers (everything else). Null holds everything. */
export interface Extent {
  lo: string | number;
  hi: string | number;
}

export const contains = (outer: Extent | null, inner: Extent | null): boolean =>
  outer === null || (inner !== null && outer.lo <= inner.lo && inner.hi <= outer.hi);

export const overlaps = (a: Extent | null, b: Extent | null): boolean => a === null || b === null || (a.lo <= b.hi && b.lo <= a.hi);

export const sameExtent = (a: Extent | null, b: Extent | null): boolean => (a === null ? b === null : b !== null && a.lo === b.lo && a.hi === b.hi);

/** The extent of one canonical value of a dimension with `role`; undefined when the value does not read. */
export function extentOf(role: Dimension['role'], value: string, index: number): Extent | null | undefined {
  if (value === 'all' || (role === 'region' && value === 'national')) return null;
  switch (role) {
    case 'code': {
      try {
        return codeRange(value);
      } catch {
        return undefined;
      }
    }
    case 'age': {
      const band = parseAgeBand(value);
      if (!band) return undefined;
      return band.kind === 'all' ? null : { lo: band.min, hi: band.max ?? Number.POSITIVE_INFINITY };
    }
    case 'period': {
      const period = parsePeriod(value);
      return period ? { lo: period.startDay, hi: period.endDay } : undefined;
    }
    default:
      // Regions, sexes and extra values do not nest: each is its own point.
      return { lo: index, hi: index };
  }
}

/** The extents of every value of a dimension (undefined: a value that does not read, held by no other value). */
export function extentsOf(dimension: Dimension): (Extent | null | undefined)[] {
  return dimension.values.map((v, i) => extentOf(dimension.role, v, i));
}

/**
 * Of `candidates` (value indexes), those not strictly inside another candidate: the coarsest values, which
 * do not contain each other. Sorted by start ascending and end descending, a value is inside an earlier one
 * exactly when some earlier one ends at or after its end.
 */
export function maximalValues(candidates: readonly number[], extents: readonly (Extent | null | undefined)[]): number[] {
  const known = candidates.filter((v) => extents[v] !== undefined);
  if (known.some((v) => extents[v] === null)) return known.filter((v) => extents[v] === null).slice(0, 1);
  const sorted = [...known].sort((a, b) => {
    const x = extents[a]!;
    const y = extents[b]!;
    if (x.lo !== y.lo) return x.lo < y.lo ? -1 : 1;
    if (x.hi !== y.hi) return x.hi > y.hi ? -1 : 1;
    return a - b;
  });
  const out: number[] = [];
  let maxHi: string | number | null = null;
  for (const v of sorted) {
    const e = extents[v]!;
    if (maxHi !== null && e.hi <= maxHi) continue;
    out.push(v);
    maxHi = e.hi;
  }
  return out.sort((a, b) => a - b);
}
